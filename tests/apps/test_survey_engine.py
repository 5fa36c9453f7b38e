"""The survey engine in common/surveys: the surveys register with it, and share its parts."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.extensions import survey_definitions
from partnerscope.apps.common.surveys.links import SurveyLinks, hash_token
from partnerscope.apps.common.surveys.refusals import SurveyRefused
from partnerscope.apps.common.surveys.submission import submit_once
from partnerscope.apps.network.survey import PAGES as NETWORK_PAGES
from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.sevens.models import Invitation
from partnerscope.apps.sevens.survey import PAGES as SEVENS_PAGES
from tests.apps.sevens.factories import make_invitation, make_wave

APPS = Path(__file__).resolve().parents[2] / "partnerscope" / "apps"
SURVEY_AREAS = ("sevens", "network", "chains", "notifications")


def test_both_waved_surveys_register_a_definition_the_reminder_log_knows():
    definitions = survey_definitions()
    assert list(definitions) == ["sevens", "network"]
    assert {Survey(key) for key in definitions} == set(Survey)
    assert definitions["sevens"].anonymous and not definitions["network"].anonymous


def test_routes_keep_each_survey_s_addresses(kite):
    sevens = SEVENS_PAGES.urls.by_link("abc")
    assert (sevens.start, sevens.step(3), sevens.check, sevens.saved, sevens.done) == (
        "/a/sevens/abc/",
        "/a/sevens/abc/3/",
        "/a/sevens/abc/check/",
        "/a/sevens/abc/saved/",
        "/a/sevens/thanks/",
    )
    access = Access(kite["partnership"], "member")
    network = NETWORK_PAGES.urls.signed_in(access, 7)
    assert (network.start, network.previous(1), network.after(2, 2)) == (
        "/p/kite/network/waves/7/answer/",
        "/p/kite/network/waves/7/answer/",
        "/p/kite/network/waves/7/answer/check/",
    )
    assert network.extra["search"] == "/p/kite/network/waves/7/answer/search/"
    assert network.signed_in and network.done == "/p/kite/network/"


def test_a_link_made_from_its_key_is_made_again_until_its_hash_changes():
    links = SurveyLinks(purpose="test.survey", url_name="sevens_public:about")
    link = links.new()
    assert link.token_hash == hash_token(link.token)
    assert links.current_token(link.key, link.token_hash) == link.token
    assert links.current_token(link.key, hash_token("another")) is None
    assert links.current_token("", link.token_hash) is None
    assert links.url(link.token).endswith(f"/a/sevens/{link.token}/")


@pytest.mark.django_db
def test_submit_once_checks_again_under_the_lock_and_stores_once(kite):
    invitation, _ = make_invitation(make_wave(kite), kite["alice"])
    stored: list[int] = []

    def check(locked: Invitation) -> None:
        if locked.answered:
            raise SurveyRefused("Answered", "Already answered.", 410)

    def store(locked: Invitation) -> int:
        locked.answered = True
        locked.save(update_fields=["answered"])
        stored.append(locked.pk)
        return len(stored)

    assert submit_once(Invitation.objects.all(), invitation.pk, check, store) == 1
    with pytest.raises(SurveyRefused):
        submit_once(Invitation.objects.all(), invitation.pk, check, store)
    assert stored == [invitation.pk]


@pytest.mark.django_db
def test_a_store_that_refuses_leaves_nothing_behind(kite):
    invitation, _ = make_invitation(make_wave(kite), kite["alice"])

    def store(locked: Invitation) -> None:
        locked.answered = True
        locked.save(update_fields=["answered"])
        raise ValidationError("Answer at least one statement.")

    with pytest.raises(ValidationError):
        submit_once(Invitation.objects.all(), invitation.pk, lambda locked: None, store)
    invitation.refresh_from_db()
    assert not invitation.answered


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("area", SURVEY_AREAS)
def test_a_survey_area_reads_another_only_through_its_selectors(area):
    others = [other for other in SURVEY_AREAS if other != area]
    for path in (APPS / area).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for module in imported_modules(path):
            for other in others:
                prefix = f"partnerscope.apps.{other}"
                if module == prefix or module.startswith(f"{prefix}."):
                    allowed = module.startswith(f"{prefix}.selectors")
                    assert allowed, f"{path} imports {module}"
