"""The survey engine in common/surveys: the surveys register with it, and share its parts."""

from __future__ import annotations

import ast
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from partnerscope import urls as project_urls
from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.extensions import survey_definitions
from partnerscope.apps.common.surveys.links import SurveyLinks, hash_token
from partnerscope.apps.common.surveys.pages import (
    Routes,
    SurveyPages,
    SurveyUrls,
    SurveyWords,
    after_saving,
    send_or_check,
)
from partnerscope.apps.common.surveys.refusals import SurveyRefused, already_answered, unknown_link
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
    for module_path in (APPS / area).rglob("*.py"):
        if "migrations" in module_path.parts:
            continue
        for module in imported_modules(module_path):
            for other in others:
                prefix = f"partnerscope.apps.{other}"
                if module == prefix or module.startswith(f"{prefix}."):
                    allowed = module.startswith(f"{prefix}.selectors")
                    assert allowed, f"{module_path} imports {module}"


# ---- A new questionnaire is a small configuration ------------------------------------------


@dataclass
class Reply:
    """A partner's reply to a finding, answered through a link (kept in memory here)."""

    wave: Any
    text: str = ""
    answered: bool = False


REPLIES: dict[str, Reply] = {}


def reply_by_token(token: str) -> Reply:
    reply = REPLIES.get(token)
    if reply is None:
        raise unknown_link()
    if reply.answered:
        raise already_answered("You have already replied", "Your reply is in. Thank you.")
    return reply


def reply_for_user(access: Access, pk: int) -> Reply:
    raise SurveyRefused("Reply by link", "Replies are sent through their link.", 200)


def reply_start(request: HttpRequest, reply: Reply, routes: Routes) -> HttpResponse:
    return HttpResponse(f"Reply to {reply.wave.title}: {routes.step(1)}")


def reply_step(request: HttpRequest, reply: Reply, routes: Routes, number: int) -> HttpResponse:
    if request.method == "POST":
        reply.text = request.POST.get("text", "")
        return after_saving(request, routes, number, 1)
    return HttpResponse(f"Step {number}, back to {routes.previous(number)}")


def reply_check(request: HttpRequest, reply: Reply, routes: Routes) -> HttpResponse:
    def send() -> None:
        if not reply.text:
            raise ValidationError("Write your reply.")
        reply.answered = True

    def page(problems: list[str], status: int) -> HttpResponse:
        return HttpResponse(f"Check: {' '.join(problems)}", status=status)

    return send_or_check(request, routes, send, "Thank you: your reply is in.", page)


REPLY_PAGES: SurveyPages[Reply] = SurveyPages(
    by_token=reply_by_token,
    for_user=reply_for_user,
    urls=SurveyUrls(public="replies_public", member="replies"),
    words=SurveyWords(
        thanks_panel="Your reply is in", thanks_text="The partnership will publish it."
    ),
)

urlpatterns = [
    path(
        "a/replies/",
        include(
            (REPLY_PAGES.public_urlpatterns(reply_start, reply_step, reply_check), "replies_public")
        ),
    ),
    *project_urls.urlpatterns,
]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_new_questionnaire_gets_every_shared_page_from_a_small_configuration(client):
    REPLIES["reply-token"] = Reply(SimpleNamespace(title="Finding F3", closes=dt.date(2030, 1, 31)))
    start = "/a/replies/reply-token/"
    assert client.get("/a/replies/nonsense/").status_code == 404
    assert "This link does not work" in client.get("/a/replies/nonsense/").content.decode()
    assert client.get(start).content.decode() == f"Reply to Finding F3: {start}1/"
    later = client.post(f"{start}1/", {"text": "", "action": "later"})
    assert later["Location"] == f"{start}saved/"
    saved = client.get(later["Location"]).content.decode()
    assert "Your answers are saved" in saved and "31 January 2030" in saved
    assert client.post(f"{start}check/").status_code == 400
    assert client.post(f"{start}1/", {"text": "Accepted."})["Location"] == f"{start}check/"
    sent = client.post(f"{start}check/")
    assert sent["Location"] == "/a/replies/thanks/"
    thanks = client.get(sent["Location"]).content.decode()
    assert "Your reply is in" in thanks and "The partnership will publish it." in thanks
    again = client.get(start)
    assert again.status_code == 410
    assert "You have already replied" in again.content.decode()
