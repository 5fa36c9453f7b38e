"""The relationship survey's pages, served by the survey engine by link and signed in.

Each page takes the representative and their routes (``common/surveys/pages.py``); the
engine finds the representative from the link's token or the signed-in user, and shows
the refusal when they may not answer.
"""

from __future__ import annotations

from functools import partial
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from partnerscope.apps.common.surveys import pages as surveys
from partnerscope.apps.common.surveys.pages import Routes
from partnerscope.apps.network import answering
from partnerscope.apps.network.forms import LEVEL_TEXT, SearchForm, SurveyPageForm, survey_initial
from partnerscope.apps.network.models import Representative


def _survey_context(representative: Representative, routes: Routes) -> dict[str, Any]:
    return {
        "representative": representative,
        "wave": representative.wave,
        "routes": routes,
        "progress": answering.progress(representative),
        "search_form": SearchForm(),
    }


def survey_start(
    request: HttpRequest, representative: Representative, routes: Routes
) -> HttpResponse:
    """The survey's front page: who answers, that it is not anonymous, and the task list."""
    statuses = answering.page_statuses(representative)
    waiting = next((status for status in statuses if not status.complete), None)
    return render(
        request,
        "network/survey_start.html",
        {
            **_survey_context(representative, routes),
            "statuses": [(status, routes.step(status.page.number)) for status in statuses],
            "next_url": routes.step(waiting.page.number) if waiting else routes.check,
            "levels": LEVEL_TEXT,
            "page_title": f"{representative.wave.title}: {representative.organisation}",
        },
    )


def survey_page(
    request: HttpRequest, representative: Representative, routes: Routes, number: int
) -> HttpResponse:
    """One sector's organisations; saving moves on, "not at all" answers the rest at once."""
    page, pages = answering.survey_page(representative, number)
    form = SurveyPageForm(
        request.POST or None,
        initial=survey_initial(page.organisations, answering.saved_answers(representative)),
        organisations=page.organisations,
        own=representative.organisation,
    )
    if request.method == "POST" and form.is_valid():
        answering.save_answers(representative, form.answers())
        action = request.POST.get("action")
        if action == "none":
            count = answering.none_for_rest(representative, page)
            messages.success(
                request,
                f"Saved. {count} organisation{'' if count == 1 else 's'} in {page.title} "
                "answered as “not at all”.",
            )
            return HttpResponseRedirect(routes.step(number))
        return surveys.after_saving(request, routes, number, pages)
    return render(
        request,
        "network/survey_page.html",
        {
            **_survey_context(representative, routes),
            "form": form,
            "page": page,
            "pages": pages,
            "one_sector": True,
            "levels": LEVEL_TEXT,
            "previous_url": routes.previous(number),
            "page_title": f"{page.title} ({number} of {pages}) – {representative.wave}",
        },
        status=400 if form.errors else 200,
    )


def survey_search(
    request: HttpRequest, representative: Representative, routes: Routes
) -> HttpResponse:
    """Find organisations by name and answer about them; htmx swaps in only the results."""
    source = request.POST if request.method == "POST" else request.GET
    search = SearchForm(source)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    found = answering.search_organisations(representative, query)
    form = SurveyPageForm(
        request.POST if request.method == "POST" else None,
        initial=survey_initial(found, answering.saved_answers(representative)),
        organisations=found,
        own=representative.organisation,
    )
    if request.method == "POST" and form.is_valid():
        answering.save_answers(representative, form.answers())
        if request.POST.get("action") == "later":
            return surveys.save_for_later(request, routes)
        messages.success(request, f"Saved your answers about {len(found)} organisations.")
        return HttpResponseRedirect(f"{routes.extra['search']}?{urlencode({'q': query})}")
    template = "network/survey_search.html"
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request and request.method == "GET":
        template += "#results"
    return render(
        request,
        template,
        {
            **_survey_context(representative, routes),
            "search_form": search,
            "query": query,
            "form": form,
            "found": found,
            "levels": LEVEL_TEXT,
            "previous_url": routes.start,
            "page_title": f"Find an organisation – {representative.wave}",
        },
        status=400 if form.errors else 200,
    )


def survey_check(
    request: HttpRequest, representative: Representative, routes: Routes
) -> HttpResponse:
    """The last page: every page's progress; sending records the organisation's ties."""

    def check_page(problems: list[str], status: int) -> HttpResponse:
        statuses = answering.page_statuses(representative)
        progress = answering.progress(representative)
        return render(
            request,
            "network/survey_check.html",
            {
                **_survey_context(representative, routes),
                "statuses": [(status, routes.step(status.page.number)) for status in statuses],
                "progress_label": progress.label,
                "progress_done": progress.answered,
                "progress_total": progress.total,
                "problems": problems,
                "previous_url": routes.step(len(statuses)) if statuses else routes.start,
                "page_title": f"Check and send – {representative.wave}",
            },
            status=status,
        )

    send = partial(answering.submit, representative)
    sent_message = "Thank you: your organisation's answers are in."
    return surveys.send_or_check(request, routes, send, sent_message, check_page)
