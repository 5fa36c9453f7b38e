"""The pages every survey shares: reached by link or signed in, steps, saving, checking, sending.

A survey is a set of pages: a first page, numbered steps, a check page that sends the
answers, and perhaps a few more (a search). ``SurveyPages`` makes each page two views, one
for whoever holds a single-use link (no sign-in) and one for a signed-in member, and the
URL patterns of both; it shows a refusal, the page after "save and come back later" and
the thanks after sending with the shared templates under ``common/survey/``. The area
gives its loaders, its pages and its words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.safestring import mark_safe

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.surveys.refusals import Respondent, SurveyRefused

SurveyPage = Callable[..., HttpResponse]
"""A survey page: ``page(request, respondent, routes, **url_kwargs)``."""
View = Callable[..., HttpResponse]


# ---- Routes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Routes:
    """Where one respondent's survey pages are, by their link or signed in.

    Steps are numbered under the first page (``<first>/<number>/``); ``extra`` holds the
    survey's other pages by name.
    """

    start: str
    check: str
    saved: str
    done: str
    signed_in: bool
    extra: Mapping[str, str] = field(default_factory=dict)

    def step(self, number: int) -> str:
        return f"{self.start}{number}/"

    def steps(self, count: int) -> list[str]:
        return [self.step(number) for number in range(1, count + 1)]

    def previous(self, number: int) -> str:
        """The page before step ``number``: the step before, or the first page."""
        return self.step(number - 1) if number > 1 else self.start

    def after(self, number: int, steps: int) -> str:
        """The page after step ``number`` (0 for the first page): the next step, or the check."""
        return self.step(number + 1) if number < steps else self.check


@dataclass(frozen=True)
class SurveyUrls:
    """The URL names of a survey's pages.

    By link, under the ``public`` namespace: ``thanks``, ``<first>``, ``<step>``, each
    extra page by its name, ``check`` and ``saved``. Signed in, under ``member``, with the
    wave's ``pk``: ``answer``, ``answer_<step>``, ``answer_<extra>``, ``answer_check``,
    and the area's ``index`` to return to.
    """

    public: str
    member: str
    first: str = "start"
    step: str = "page"
    extra: tuple[str, ...] = ()

    def by_link(self, token: str) -> Routes:
        def url(name: str) -> str:
            return reverse(f"{self.public}:{name}", args=[token])

        return Routes(
            start=url(self.first),
            check=url("check"),
            saved=url("saved"),
            done=reverse(f"{self.public}:thanks"),
            signed_in=False,
            extra={name: url(name) for name in self.extra},
        )

    def signed_in(self, access: Access, pk: int) -> Routes:
        slug = access.partnership.slug

        def url(name: str) -> str:
            return reverse(f"{self.member}:{name}", args=[slug, pk])

        home = reverse(f"{self.member}:index", args=[slug])
        return Routes(
            start=url("answer"),
            check=url("answer_check"),
            saved=home,
            done=home,
            signed_in=True,
            extra={name: url(f"answer_{name}") for name in self.extra},
        )


# ---- Words -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyWords:
    """What the shared pages say of one survey (HTML-safe text written by developers)."""

    home: str = ""
    """The link back to the area on a signed-in member's refusal page."""
    send_choice: str = "to send them"
    """How the last page's button is named on the "saved" page."""
    thanks_panel: str = "Your answers are in"
    thanks_text: str = ""
    done_label: str = ""
    """The link after the thanks, when the thanks page has one."""


def refusal_page(
    request: HttpRequest, problem: SurveyRefused, home: str = "", home_label: str = ""
) -> HttpResponse:
    """The page that says why answering is not possible, with the refusal's status."""
    return render(
        request,
        "common/survey/refused.html",
        {
            "problem": problem,
            "home": home,
            "home_label": mark_safe(home_label),
            "page_title": problem.title,
        },
        status=problem.status,
    )


def thanks_page(
    request: HttpRequest,
    words: SurveyWords,
    done_url: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """The confirmation after the answers are sent."""
    return render(
        request,
        "common/survey/thanks.html",
        {
            **(extra or {}),
            "panel": mark_safe(words.thanks_panel),
            "text": mark_safe(words.thanks_text),
            "done_url": done_url,
            "done_label": words.done_label,
            "page_title": "Thank you",
        },
    )


# ---- Saving, moving on and sending ------------------------------------------------------


def save_for_later(request: HttpRequest, routes: Routes) -> HttpResponse:
    """Leave the survey with the answers saved; a signed-in member is told so."""
    if routes.signed_in:
        messages.success(request, "Your answers are saved. Come back to this wave to carry on.")
    return HttpResponseRedirect(routes.saved)


def after_saving(request: HttpRequest, routes: Routes, number: int, steps: int) -> HttpResponse:
    """Where a page's "save" leads: away for later, or on to the next step or the check."""
    if request.POST.get("action") == "later":
        return save_for_later(request, routes)
    return HttpResponseRedirect(routes.after(number, steps))


def send_or_check(
    request: HttpRequest,
    routes: Routes,
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


# ---- One survey's pages ------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyPages(Generic[Respondent]):
    """One survey's pages, reached by a link's token or by a signed-in member.

    ``views(page)`` makes the two views of one page: each finds the respondent and their
    routes, or shows the refusal. A page may refuse too: a send that finds, once it holds
    the lock, that another request's send of the same link has just committed raises
    SurveyRefused, and its sender sees "already answered".
    """

    by_token: Callable[[str], Respondent]
    for_user: Callable[[Access, int], Respondent]
    urls: SurveyUrls
    words: SurveyWords

    def refused(self, request: HttpRequest, problem: SurveyRefused) -> HttpResponse:
        home = f"{self.urls.member}:index"
        return refusal_page(request, problem, home, self.words.home)

    def by_link(
        self, request: HttpRequest, token: str, page: Callable[[Respondent, Routes], HttpResponse]
    ) -> HttpResponse:
        try:
            respondent = self.by_token(token)
            return page(respondent, self.urls.by_link(token))
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
            return page(respondent, self.urls.signed_in(access, pk))
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
                "common/survey/saved.html",
                {
                    "wave": respondent.wave,  # type: ignore[attr-defined]
                    "routes": routes,
                    "send_choice": mark_safe(self.words.send_choice),
                    "page_title": "Your answers are saved",
                },
            ),
        )

    def thanks(self, request: HttpRequest) -> HttpResponse:
        """After the answers are sent by link (the link works no more)."""
        return thanks_page(request, self.words)

    def public_urlpatterns(
        self, first: SurveyPage, step: SurveyPage, check: SurveyPage, **extra: SurveyPage
    ) -> list[URLPattern]:
        """The by-link pages, under the area's public prefix (``/a/<area>/``)."""
        names = self.urls
        return [
            path("thanks/", self.thanks, name="thanks"),
            path("<str:token>/", self.link_view(first), name=names.first),
            path("<str:token>/<int:number>/", self.link_view(step), name=names.step),
            *(
                path(f"<str:token>/{name}/", self.link_view(extra[name]), name=name)
                for name in names.extra
            ),
            path("<str:token>/check/", self.link_view(check), name="check"),
            path("<str:token>/saved/", self.saved, name="saved"),
        ]

    def member_urlpatterns(
        self, first: SurveyPage, step: SurveyPage, check: SurveyPage, **extra: SurveyPage
    ) -> list[URLPattern]:
        """The signed-in pages, under the area's wave (``waves/<pk>/answer/``)."""
        names = self.urls
        answer = "waves/<int:pk>/answer/"
        return [
            path(answer, self.member_view(first), name="answer"),
            path(f"{answer}<int:number>/", self.member_view(step), name=f"answer_{names.step}"),
            *(
                path(f"{answer}{name}/", self.member_view(extra[name]), name=f"answer_{name}")
                for name in names.extra
            ),
            path(f"{answer}check/", self.member_view(check), name="answer_check"),
        ]
