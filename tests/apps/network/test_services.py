"""The Relationships services: waves, representatives, links, answering, imports, tiers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.surveys.links import hash_token
from partnerscope.apps.common.surveys.refusals import SurveyRefused
from partnerscope.apps.network import (
    answering,
    invitations,
    representatives,
    selectors,
    services,
    ties_import,
    waves,
)
from partnerscope.apps.network.forms import WaveForm
from partnerscope.apps.network.models import Draft, Representative, Tie
from partnerscope.apps.partnerships.models import Membership, Participation, Person
from tests.apps.network.factories import (
    add_organisation,
    make_closed_wave,
    make_representative,
    make_wave,
    tie,
)
from tests.apps.partnerships.factories import BodyFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def access(kite, user=None):
    return Access(kite["partnership"], "manager", user)


# ---- Waves and representatives ------------------------------------------------------------


def test_a_new_wave_names_a_representative_for_each_organisation_with_people(kite):
    add_organisation(kite, "Nobody Trust")
    form = WaveForm(
        {"title": "Relationships 2026", "opens": "2026-01-05", "closes": "2026-02-05"},
        partnership=kite["partnership"],
    )
    assert form.is_valid(), form.errors
    wave = waves.save_wave(access(kite), form)
    assert wave.ref == "relationships-2026"
    chosen = {r.organisation: r.person for r in wave.representatives.all()}
    assert chosen == {kite["council"]: kite["alice"], kite["police"]: kite["bola"]}


def test_a_representative_is_suggested_from_the_previous_wave_then_the_strategic_bodies(kite):
    carol = Person.objects.create(
        partnership=kite["partnership"], ref="carol", name="Carol", organisation=kite["council"]
    )
    aaron = Person.objects.create(
        partnership=kite["partnership"], ref="aaron", name="Aaron", organisation=kite["police"]
    )
    operational = BodyFactory(partnership=kite["partnership"], governance_layer="operational")
    Membership.objects.create(person=aaron, body=operational)
    first = make_closed_wave(kite)
    Representative.objects.create(wave=first, organisation=kite["council"], person=carol)
    second = make_wave(kite, previous=first)
    representatives.suggest_representatives(second)
    chosen = {r.organisation: r.person for r in second.representatives.all()}
    assert chosen[kite["council"]] == carol
    assert chosen[kite["police"]] == kite["bola"], "Bola sits on the strategic kite board"


def test_changing_a_representative_stops_the_old_link_and_keeps_the_saved_answers(kite):
    wave = make_wave(kite)
    representative, token = make_representative(wave, kite["alice"])
    Draft.objects.create(representative=representative, answers={"1": {"level": 2}})
    carol = Person.objects.create(
        partnership=kite["partnership"], ref="carol", name="Carol", organisation=kite["council"]
    )
    changed = representatives.save_representatives(wave, {kite["council"].pk: carol.pk})
    assert changed == 1
    representative.refresh_from_db()
    assert representative.person == carol
    assert representative.token_hash is None
    assert Draft.objects.get(representative=representative).answers == {"1": {"level": 2}}
    with pytest.raises(SurveyRefused):
        answering.representative_by_token(token)


def test_a_representative_must_work_for_the_organisation_and_an_answered_one_stays(kite):
    wave = make_wave(kite)
    with pytest.raises(ValidationError, match="works for the organisation"):
        representatives.save_representatives(wave, {kite["council"].pk: kite["bola"].pk})
    representative, _ = make_representative(wave, kite["alice"])
    representative.answered = timezone.now()
    representative.save()
    assert representatives.save_representatives(wave, {kite["council"].pk: None}) == 0
    assert wave.representatives.filter(person=kite["alice"]).exists()


# ---- Links ---------------------------------------------------------------------------------


def test_links_are_sent_once_store_only_a_hash_and_say_the_survey_is_not_anonymous(kite):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    wave = make_wave(kite)
    representatives.suggest_representatives(wave)
    page = invitations.send_invitations(wave, lambda token: f"https://ps.test/a/network/{token}/")
    assert len(page.issued) == 2
    token = page.issued[0].url.rstrip("/").rsplit("/", 1)[1]
    stored = set(wave.representatives.values_list("token_hash", flat=True))
    assert hash_token(token) in stored
    assert token not in stored
    assert len(mail.outbox) == 1
    assert "not anonymous" in mail.outbox[0].body
    assert "Kite Council" in mail.outbox[0].body
    assert wave.representatives.get(person=kite["alice"]).emailed
    again = invitations.send_invitations(wave, lambda token: token)
    assert again.issued == [] and again.to_invite == 0


def test_a_closed_wave_sends_no_links_and_a_new_link_replaces_the_old(kite):
    closed = make_closed_wave(kite)
    with pytest.raises(ValidationError):
        invitations.send_invitations(closed, lambda token: token)
    wave = make_wave(kite)
    representative, old = make_representative(wave, kite["alice"])
    page = invitations.renew_invitation(representative, lambda token: token)
    new = page.issued[0].url
    assert answering.representative_by_token(new) == representative
    with pytest.raises(SurveyRefused) as refused:
        answering.representative_by_token(old)
    assert refused.value.status == 404


@pytest.mark.parametrize(
    ("days", "status"), [((2, 9), 403), ((-9, -2), 403)], ids=["not open yet", "closed"]
)
def test_a_link_works_only_while_the_wave_is_open(kite, days, status):
    wave = make_wave(kite, days_open=days)
    _, token = make_representative(wave, kite["alice"])
    with pytest.raises(SurveyRefused) as refused:
        answering.representative_by_token(token)
    assert refused.value.status == status


# ---- Answering -------------------------------------------------------------------------------


def test_the_survey_groups_the_other_organisations_by_sector_in_pages_of_at_most_twelve(kite):
    for number in range(14):
        add_organisation(kite, f"Charity {number:02d}")
    add_organisation(kite, "Kite Hospital", "health")
    wave = make_wave(kite)
    representative, _ = make_representative(wave, kite["alice"])
    pages = answering.survey_pages(representative)
    assert [page.title for page in pages] == [
        "Health",
        "Police",
        "Voluntary and community (part 1 of 2)",
        "Voluntary and community (part 2 of 2)",
    ]
    assert [len(page.organisations) for page in pages] == [1, 1, 12, 2]
    assert kite["council"] not in [o for page in pages for o in page.organisations]


def test_answers_are_saved_page_by_page_and_not_at_all_answers_the_rest(kite):
    charities = [add_organisation(kite, f"Charity {n}") for n in range(3)]
    wave = make_wave(kite)
    representative, _ = make_representative(wave, kite["alice"])
    answering.save_answers(
        representative,
        {
            charities[0].pk: {
                "level": 3,
                "frequency": "monthly",
                "flows": ["data"],
                "trust_open": 4,
            },
            charities[1].pk: {"level": 0, "frequency": "weekly", "trust_open": 2},
        },
    )
    saved = answering.saved_answers(representative)
    assert saved[str(charities[0].pk)] == {
        "level": 3,
        "frequency": "monthly",
        "flows": ["data"],
        "trust_open": 4,
    }
    assert saved[str(charities[1].pk)] == {"level": 0}, "no details without working together"
    page = next(p for p in answering.survey_pages(representative) if p.sector != "police")
    assert answering.none_for_rest(representative, page) == 1
    assert answering.saved_answers(representative)[str(charities[2].pk)] == {"level": 0}
    assert answering.progress(representative).label == "3 of 4 organisations answered"
    answering.save_answers(representative, {charities[0].pk: None})
    assert str(charities[0].pk) not in answering.saved_answers(representative)


def test_search_finds_other_organisations_by_name_or_id(kite):
    add_organisation(kite, "Kite Housing Trust", "housing")
    wave = make_wave(kite)
    representative, _ = make_representative(wave, kite["alice"])
    assert [o.name for o in answering.search_organisations(representative, "HOUSING")] == [
        "Kite Housing Trust"
    ]
    assert answering.search_organisations(representative, "kite council") == []
    assert answering.search_organisations(representative, "  ") == []


def test_sending_records_a_tie_for_every_other_organisation_once(kite):
    charity = add_organisation(kite, "Charity")
    wave = make_wave(kite)
    representative, token = make_representative(wave, kite["alice"])
    with pytest.raises(ValidationError, match="at least one"):
        answering.submit(representative)
    answering.save_answers(
        representative, {kite["police"].pk: {"level": 4, "trust_reliable": 3, "value_power": 2}}
    )
    assert answering.submit(representative) == 2
    ties = {t.target: t for t in Tie.objects.filter(wave=wave, source=kite["council"])}
    assert ties[kite["police"]].level == 4
    assert ties[kite["police"]].trust_reliable == 3
    assert ties[charity].level == 0, "unanswered is recorded as not at all"
    representative.refresh_from_db()
    assert representative.answered is not None
    assert not Draft.objects.filter(representative=representative).exists()
    with pytest.raises(SurveyRefused) as refused:
        answering.representative_by_token(token)
    assert refused.value.status == 410


def test_an_organisation_whose_ties_were_imported_cannot_send_again(kite):
    wave = make_wave(kite)
    tie(wave, kite["council"], kite["police"], 2)
    representative, _ = make_representative(wave, kite["alice"])
    answering.save_answers(representative, {kite["police"].pk: {"level": 3}})
    with pytest.raises(ValidationError, match="already recorded"):
        answering.submit(representative)


def test_a_signed_in_representative_answers_their_own_organisation(kite, make_user):
    user = make_user()
    kite["bola"].user = user
    kite["bola"].save()
    wave = make_wave(kite)
    make_representative(wave, kite["bola"])
    representative = answering.representative_for_user(access(kite, user), wave.pk)
    assert representative.organisation == kite["police"]
    with pytest.raises(SurveyRefused) as refused:
        answering.representative_for_user(access(kite, make_user()), wave.pk)
    assert refused.value.status == 200


# ---- Importing ties ---------------------------------------------------------------------------


def upload(text: str, name: str = "ties.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_an_import_saves_every_row_with_its_details(kite):
    wave = make_wave(kite)
    outcome = ties_import.import_ties(
        wave,
        upload(
            "from,to,level,frequency,flows,trust,value_power\n"
            "kite-council,kite-police,3,monthly,data;information,4,2\n"
            "kite-police,kite-council,1,,,,\n"
        ),
    )
    assert outcome.ok, outcome.errors
    assert (outcome.ties, outcome.organisations) == (2, 2)
    made = Tie.objects.get(wave=wave, source=kite["council"])
    assert made.flows == ["information", "data"]
    assert (made.trust_reliable, made.trust_committed, made.trust_open) == (4, 4, 4)
    assert made.value_power == 2 and made.origin == "import"


def test_a_bad_import_names_file_row_and_column_and_saves_nothing(kite):
    wave = make_wave(kite)
    tie(wave, kite["police"], kite["council"], 2)
    outcome = ties_import.import_ties(
        wave,
        upload(
            "from,to,level,trust,trust_open\n"
            "kite-council,kite-police,5,,\n"
            "kite-council,kite-council,2,,\n"
            "kite-council,nowhere,2,,\n"
            "kite-council,kite-police,2,3,4\n",
            "gathered.csv",
        ),
    )
    assert not outcome.ok
    messages = {str(error) for error in outcome.errors}
    assert "gathered.csv:2:level: 5 is not between 0 and 4" in messages
    assert "gathered.csv:3:to: a tie from 'kite-council' to itself is not allowed" in messages
    assert (
        "gathered.csv:4:to: 'nowhere' is not an id in the partnership's organisations" in messages
    )
    assert any(
        m.startswith("gathered.csv:5:trust: give either trust or its parts") for m in messages
    )
    assert Tie.objects.filter(wave=wave).count() == 1
    again = ties_import.import_ties(wave, upload("from,to,level\nkite-police,kite-council,3\n"))
    assert [str(e) for e in again.errors] == [
        "ties.csv:2:from: 'kite-police' already has answers in this wave: remove them or use "
        "another wave"
    ]


# ---- Tiers and the evidence for delivery chains -------------------------------------------------


def test_tiers_follow_the_partnerships_an_organisation_takes_part_in(kite):
    county = PartnershipFactory(tier="county")
    district_a, district_b = (
        PartnershipFactory(tier="district"),
        PartnershipFactory(tier="district"),
    )
    district_only = add_organisation(kite, "District Charity")
    everywhere = add_organisation(kite, "County Police")
    county_only = add_organisation(kite, "University")
    for partnership, organisation in [
        (district_a, district_only),
        (county, district_only),
        (district_a, everywhere),
        (district_b, everywhere),
        (county, county_only),
    ]:
        Participation.objects.create(partnership=partnership, organisation=organisation)
    tiers = services.organisation_tiers([district_only, everywhere, county_only, kite["council"]])
    assert tiers == {
        district_only.pk: "district",
        everywhere.pk: "county",
        county_only.pk: "county",
        kite["council"].pk: None,
    }


def test_relationship_levels_come_from_the_latest_closed_wave(kite):
    assert selectors.relationship_levels(kite["partnership"]) == {}
    older = make_wave(kite, days_open=(-90, -60))
    tie(older, kite["council"], kite["police"], 1)
    latest = make_closed_wave(kite)
    tie(latest, kite["council"], kite["police"], 3, trust_reliable=4, trust_open=3)
    tie(latest, kite["police"], kite["council"], 0)
    still_open = make_wave(kite)
    tie(still_open, kite["council"], kite["police"], 4)
    assert selectors.relationship_levels(kite["partnership"]) == {
        ("kite-council", "kite-police"): (3, 3.5),
        ("kite-police", "kite-council"): (0, None),
    }
    assert services.latest_closed_wave(kite["partnership"], latest.closes) == older
    assert (
        services.latest_closed_wave(kite["partnership"], latest.closes + dt.timedelta(days=1))
        == latest
    )
