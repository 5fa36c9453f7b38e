"""The 7S services: invitations, answering, drafts, rates, local statements and scoring."""

from __future__ import annotations

import hashlib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.surveys.links import hash_token
from partnerscope.apps.common.surveys.refusals import SurveyRefused
from partnerscope.apps.sevens import answering, invitations, services
from partnerscope.apps.sevens.models import Draft, Evidence, Invitation, Response
from partnerscope.core.sevens import ELEMENTS
from tests.apps.sevens.factories import (
    add_person,
    make_invitation,
    make_local,
    make_responses,
    make_wave,
)

pytestmark = pytest.mark.django_db


def link(token: str) -> str:
    return f"https://example.org/a/sevens/{token}/"


def answer_everything(invitation: Invitation, value="4", evidence: str = "") -> None:
    answering.save_about(invitation, "health", ["executive", "strategic"])
    for number in range(1, answering.STEPS + 1):
        page = answering.element_page(invitation, number)
        answering.save_element(invitation, page, {s.id: value for s in page.statements}, evidence)


def test_tokens_are_stored_only_as_their_sha256_hash(kite):
    wave = make_wave(kite)
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    page = invitations.send_invitations(wave, link)
    assert {issued.person for issued in page.issued} == {"Alice Adams", "Bola Bello"}
    for issued in page.issued:
        token = issued.url.rstrip("/").rsplit("/", 1)[1]
        digest = hashlib.sha256(token.encode()).hexdigest()
        invitation = Invitation.objects.get(token_hash=digest)
        stored = [str(value) for row in Invitation.objects.values() for value in row.values()]
        assert token not in stored
        assert invitation.person.name == issued.person


def test_invitations_are_emailed_to_people_with_an_address_and_listed_for_all(kite):
    wave = make_wave(kite)
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    page = invitations.send_invitations(wave, link)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    alice = next(issued for issued in page.issued if issued.person == "Alice Adams")
    bola = next(issued for issued in page.issued if issued.person == "Bola Bello")
    assert invitations.survey_url(alice.url.rstrip("/").rsplit("/", 1)[1]) in message.body
    assert alice.emailed and not bola.emailed
    assert Invitation.objects.get(person=kite["alice"]).emailed


def test_each_person_is_invited_once(kite):
    wave = make_wave(kite)
    invitations.send_invitations(wave, link)
    again = invitations.send_invitations(wave, link)
    assert again.issued == []
    assert wave.invitations.count() == 2


def test_a_closed_wave_sends_no_invitations(kite):
    wave = make_wave(kite, days_open=(-20, -1))
    with pytest.raises(ValidationError, match="closed"):
        invitations.send_invitations(wave, link)


def test_submitted_answers_have_no_link_to_the_person_and_the_draft_is_deleted(kite):
    wave = make_wave(kite)
    invitation, token = make_invitation(wave, kite["alice"])
    answer_everything(invitation, evidence="The chair listens.")
    assert Draft.objects.filter(token_hash=hash_token(token)).exists()
    answering.submit(invitation)
    response = Response.objects.get()
    assert response.sector == "health"
    assert response.layers == ["strategic", "executive"]
    assert set(response.answers.values()) == {4}
    assert len(response.answers) == len(services.instrument_for(wave).ids)
    assert not Draft.objects.exists()
    assert Evidence.objects.filter(wave=wave).count() == len(ELEMENTS)
    invitation.refresh_from_db()
    assert invitation.answered


def test_a_used_token_is_refused(kite):
    wave = make_wave(kite)
    invitation, token = make_invitation(wave, kite["alice"])
    answer_everything(invitation)
    answering.submit(invitation)
    with pytest.raises(SurveyRefused) as refused:
        answering.invitation_by_token(token)
    assert refused.value.status == 410
    assert "already answered" in refused.value.title
    with pytest.raises(SurveyRefused):
        answering.submit(invitation)
    assert Response.objects.count() == 1


def test_an_unknown_token_is_refused(kite):
    with pytest.raises(SurveyRefused) as refused:
        answering.invitation_by_token("no-such-token")
    assert refused.value.status == 404


@pytest.mark.parametrize(
    ("days", "words"), [((-20, -1), "has closed"), ((2, 9), "is not open yet")]
)
def test_a_closed_or_unopened_wave_refuses_answers(kite, days, words):
    wave = make_wave(kite, days_open=days)
    invitation, token = make_invitation(wave, kite["alice"])
    with pytest.raises(SurveyRefused) as refused:
        answering.invitation_by_token(token)
    assert words in refused.value.title
    assert refused.value.status == 403
    with pytest.raises(SurveyRefused):
        answering.submit(invitation)
    assert not Response.objects.exists()


def test_submitting_needs_sector_layers_and_an_answer(kite):
    wave = make_wave(kite)
    invitation, _ = make_invitation(wave, kite["alice"])
    with pytest.raises(ValidationError) as problem:
        answering.submit(invitation)
    assert "Say which sector your organisation is in." in problem.value.messages
    assert not Response.objects.exists()


def test_draft_keeps_dont_know_and_blank_removes_an_answer(kite):
    wave = make_wave(kite)
    invitation, _ = make_invitation(wave, kite["alice"])
    page = answering.element_page(invitation, 3)
    first, second = page.statements[:2]
    answering.save_element(invitation, page, {first.id: "dk", second.id: "2"}, "")
    assert answering.survey_state(invitation).answers == {first.id: "dk", second.id: 2}
    answering.save_element(invitation, page, {first.id: "", second.id: "5"}, "")
    assert answering.survey_state(invitation).answers == {second.id: 5}


def test_a_new_link_replaces_the_old_and_keeps_the_draft(kite):
    wave = make_wave(kite)
    invitation, old = make_invitation(wave, kite["alice"])
    answering.save_about(invitation, "council", ["strategic"])
    page = invitations.renew_invitation(invitation, link)
    new = page.issued[0].url.rstrip("/").rsplit("/", 1)[1]
    with pytest.raises(SurveyRefused):
        answering.invitation_by_token(old)
    renewed = answering.invitation_by_token(new)
    assert answering.survey_state(renewed).sector == "council"


def test_signed_in_member_answers_through_their_invitation(kite, role_user):
    user = role_user("member")
    kite["alice"].user = user
    kite["alice"].save()
    wave = make_wave(kite)
    access = Access(kite["partnership"], "member", user)
    with pytest.raises(SurveyRefused) as refused:
        answering.invitation_for_user(access, wave.pk)
    assert "not invited" in refused.value.title
    invitation, _ = make_invitation(wave, kite["alice"])
    assert answering.invitation_for_user(access, wave.pk) == invitation
    assert services.wave_index(access).invitations == [invitation]


def test_response_rates_by_sector_and_by_body(kite):
    wave = make_wave(kite)
    alice, _ = make_invitation(wave, kite["alice"])
    make_invitation(wave, kite["bola"])
    answer_everything(alice)
    answering.submit(alice)
    rates = services.response_rates(wave)
    assert (rates.invited, rates.answered, rates.responses) == (2, 1, 1)
    assert [(r.label, r.answered, r.invited, r.percent) for r in rates.by_sector] == [
        ("Council", 1, 1, 100),
        ("Police", 0, 1, 0),
    ]
    assert [(r.label, r.answered, r.invited) for r in rates.by_body] == [("Kite Board", 1, 2)]


def test_local_statements_are_scored_and_marked_local_without_changing_the_instrument(kite):
    wave = make_wave(kite)
    other = make_wave(kite)
    statement = make_local(wave, "steering", "Budgets follow the priorities.")
    kit = services.instrument_for(wave)
    assert statement.statement_id == "local.1"
    assert "local.1" in kit.ids
    assert "local.1" not in services.instrument_for(other).ids
    assert "local.1" not in services.shared_instrument().ids
    for number in range(6):
        person = add_person(kite, f"Person {number}", "health")
        invitation, _ = make_invitation(wave, person)
        answer_everything(invitation, "3")
        answering.submit(invitation)
    result = services.results_dict(wave)
    assert result["items"]["local.1"]["local"] is True
    assert result["items"]["local.1"]["mean"] == 3.0
    assert result["items"]["steering.01"]["local"] is False


def test_statements_cannot_change_once_people_have_answered(kite):
    wave = make_wave(kite)
    statement = make_local(wave)
    make_responses(wave, 1, "council")
    with pytest.raises(ValidationError, match="already answered"):
        services.delete_local_statement(statement)
    with pytest.raises(ValidationError):
        services.check_statements_can_change(wave)


def test_respondent_numbers_follow_content_not_order_of_arrival(kite):
    wave = make_wave(kite)
    make_responses(wave, 1, "police", 2)
    make_responses(wave, 1, "council", 5)
    numbered = services.numbered_responses(wave)
    assert [(rid, r.sector) for rid, r in numbered] == [("r001", "council"), ("r002", "police")]


def test_a_small_wave_is_withheld_whole(kite):
    wave = make_wave(kite)
    make_responses(wave, 4, "council")
    result = services.results_dict(wave)
    assert result["withheld"] == ["wave"]
    assert result["elements"] == {}


def test_change_is_measured_against_the_previous_wave(kite):
    before = make_wave(kite, days_open=(-400, -380))
    after = make_wave(kite, previous=before)
    make_responses(before, 6, "council", 2)
    make_responses(after, 6, "council", 4)
    change = services.results_dict(after)["change"]["style"]
    assert change["difference"] == 50.0
    assert change["significant"] is True


def test_the_results_command_prints_the_same_json(kite):
    import json
    from io import StringIO

    from django.core.management import CommandError, call_command

    wave = make_wave(kite)
    make_responses(wave, 5, "council", 4)
    out = StringIO()
    call_command("sevens_results", "kite", wave.ref, stdout=out)
    assert json.loads(out.getvalue()) == services.results_dict(wave)
    listing = StringIO()
    call_command("sevens_results", "kite", stdout=listing)
    assert wave.ref in listing.getvalue()
    with pytest.raises(CommandError, match="No wave"):
        call_command("sevens_results", "kite", "nope")
