"""What the 7S self-assessment and the relationship survey share about answering.

Both surveys are answered through a single-use link that needs no sign-in, or by a
signed-in member, and both refuse a respondent with the same kind of explanation. The
rules of who may answer and the dispatch to each survey's pages are written here once;
each area supplies its own loaders, routes, pages and templates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.models import SurveyWave, WaveStatus

Respondent = TypeVar("Respondent")
"""Whoever answers through one link: a 7S ``Invitation`` or a network ``Representative``."""

# ---- Who may answer ----------------------------------------------------------------


class SurveyRefused(Exception):
    """Answering is not possible; ``title`` and ``message`` explain why, ``status`` is HTTP."""

    def __init__(self, title: str, message: str, status: int) -> None:
        super().__init__(message)
        self.title = title
        self.message = message
        self.status = status


def check_open(wave: SurveyWave, closed_courtesy: str = "") -> None:
    """Refuse answers outside the wave's dates; ``closed_courtesy`` ends the closed message."""
    status = wave.status
    if status == WaveStatus.NOT_OPEN:
        raise SurveyRefused(
            "This survey is not open yet",
            f"{wave.title} opens on {wave.opens:%d %B %Y}. Please come back then with the "
            "same link: it will still work.",
            403,
        )
    if status == WaveStatus.CLOSED:
        closed = f"{wave.title} closed on {wave.closes:%d %B %Y}, so it no longer takes answers."
        raise SurveyRefused(
            "This survey has closed",
            f"{closed} {closed_courtesy}" if closed_courtesy else closed,
            403,
        )


def unknown_link() -> SurveyRefused:
    """The refusal of a link whose token matches nobody's: mistyped, or since replaced."""
    return SurveyRefused(
        "This link does not work",
        "The link may be mistyped, or a newer link may have replaced it. Ask your "
        "partnership manager for a new one.",
        404,
    )


def respondent_by_token_hash(
    respondents: QuerySet[Any],
    token_hash: str,
    check_can_answer: Callable[[Respondent], None],
) -> Respondent:
    """The respondent whose link's token hashes to ``token_hash``, if they may answer now.

    Only hashes of tokens are stored, so a link that matches nobody gets the same kind
    refusal in every survey.
    """
    respondent: Respondent | None = respondents.filter(token_hash=token_hash).first()
    return admitted(respondent, unknown_link, check_can_answer)


def admitted(
    respondent: Respondent | None,
    refusal: Callable[[], SurveyRefused],
    check_can_answer: Callable[[Respondent], None],
) -> Respondent:
    """The respondent found, if they may answer now; else SurveyRefused saying why.

    ``refusal`` is called only when nobody was found, so its message may query freely.
    """
    if respondent is None:
        raise refusal()
    check_can_answer(respondent)
    return respondent


# ---- Pages ---------------------------------------------------------------------------


class SurveyRoutes(Protocol):
    """What the shared pages need to know of an area's routes."""

    @property
    def saved(self) -> str: ...

    @property
    def done(self) -> str: ...

    @property
    def signed_in(self) -> bool: ...


Routes = TypeVar("Routes", bound=SurveyRoutes)
SurveyPage = Callable[..., HttpResponse]
"""A survey page: ``page(request, respondent, routes, **url_kwargs)``."""
View = Callable[..., HttpResponse]


def save_for_later(request: HttpRequest, routes: SurveyRoutes) -> HttpResponse:
    """Leave the survey with the answers saved; a signed-in member is told so."""
    if routes.signed_in:
        messages.success(request, "Your answers are saved. Come back to this wave to carry on.")
    return HttpResponseRedirect(routes.saved)


def send_or_check(
    request: HttpRequest,
    routes: SurveyRoutes,
    send: Callable[[], object],
    sent_message: str,
    check_page: Callable[[list[str], int], HttpResponse],
) -> HttpResponse:
    """The last page: a POST sends the answers and moves on, or shows what stops them (400).

    ``check_page(problems, status)`` renders the page; a signed-in member who has sent
    their answers is told ``sent_message`` on the page they return to.
    """
    status = 200
    problems: list[str] = []
    if request.method == "POST":
        try:
            send()
        except ValidationError as error:
            problems = error.messages
            status = 400
        else:
            if routes.signed_in:
                messages.success(request, sent_message)
            return HttpResponseRedirect(routes.done)
    return check_page(problems, status)


@dataclass(frozen=True)
class SurveyPages(Generic[Respondent, Routes]):
    """One area's survey pages, reached by a link's token or by a signed-in member.

    ``views(page)`` makes the two views of one page: each finds the respondent and their
    routes, or shows the refusal with ``<area>/refused.html``. A page may refuse too: a
    send that finds, once it holds the lock, that another request's send of the same link
    has just committed raises SurveyRefused, and its sender sees "already answered". The
    pages after saving by link and after sending by link are ``<area>/survey_saved.html``
    and ``<area>/survey_thanks.html``.
    """

    area: str
    by_token: Callable[[str], Respondent]
    for_user: Callable[[Access, int], Respondent]
    public_routes: Callable[[str], Routes]
    member_routes: Callable[[Access, int], Routes]

    def refused(self, request: HttpRequest, problem: SurveyRefused) -> HttpResponse:
        return render(
            request,
            f"{self.area}/refused.html",
            {"problem": problem, "page_title": problem.title},
            status=problem.status,
        )

    def by_link(
        self,
        request: HttpRequest,
        token: str,
        page: Callable[[Respondent, Routes], HttpResponse],
    ) -> HttpResponse:
        try:
            respondent = self.by_token(token)
            return page(respondent, self.public_routes(token))
        except SurveyRefused as problem:
            return self.refused(request, problem)

    def as_member(
        self,
        request: HttpRequest,
        access: Access,
        pk: int,
        page: Callable[[Respondent, Routes], HttpResponse],
    ) -> HttpResponse:
        try:
            respondent = self.for_user(access, pk)
            return page(respondent, self.member_routes(access, pk))
        except SurveyRefused as problem:
            return self.refused(request, problem)

    def link_view(self, page: SurveyPage) -> View:
        """The view of ``page`` for whoever holds a link: no sign-in needed."""

        def view(request: HttpRequest, token: str, **kwargs: Any) -> HttpResponse:
            return self.by_link(
                request,
                token,
                lambda respondent, routes: page(request, respondent, routes, **kwargs),
            )

        return view

    def member_view(self, page: SurveyPage) -> View:
        """The view of ``page`` for a signed-in member of the partnership who may answer."""

        @partnership_view(Action.ANSWER)
        def view(request: HttpRequest, access: Access, pk: int, **kwargs: Any) -> HttpResponse:
            return self.as_member(
                request,
                access,
                pk,
                lambda respondent, routes: page(request, respondent, routes, **kwargs),
            )

        return view

    def views(self, page: SurveyPage) -> tuple[View, View]:
        """The two views of ``page``: by link, and signed in."""
        return self.link_view(page), self.member_view(page)

    def saved(self, request: HttpRequest, token: str) -> HttpResponse:
        """After "save and come back later" by link: how to carry on."""
        return self.by_link(
            request,
            token,
            lambda respondent, routes: render(
                request,
                f"{self.area}/survey_saved.html",
                {"wave": respondent.wave, "routes": routes, "page_title": "Your answers are saved"},
            ),
        )

    def thanks(self, request: HttpRequest) -> HttpResponse:
        """After the answers are sent by link (the link works no more)."""
        return render(request, f"{self.area}/survey_thanks.html", {"page_title": "Thank you"})
