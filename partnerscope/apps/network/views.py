"""Pages of the Relationships area: waves, representatives, the survey, imports, and the
network's metrics, map, matrix, organisation pages, wave comparison and downloads.

The survey pages are written once and reached two ways: through a single-use link that
needs no sign-in (``public_urls``), and by a signed-in representative.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common import surveys
from partnerscope.apps.network import network_map, results, services
from partnerscope.apps.network.forms import (
    LEVEL_TEXT,
    MapForm,
    MatrixForm,
    OptionsForm,
    RepresentativesForm,
    SearchForm,
    SurveyPageForm,
    TiesImportForm,
    WaveForm,
    survey_initial,
)
from partnerscope.apps.network.models import Representative, Wave
from partnerscope.apps.network.services import representative_by_token, representative_for_user


def _url(name: str, access: Access, *args: Any) -> str:
    return reverse(f"network:{name}", args=[access.partnership.slug, *args])


# ---- Waves -----------------------------------------------------------------------------


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "network/index.html",
        {"index": services.wave_index(access), "page_title": "Relationships"},
    )


def _wave_form(request: HttpRequest, access: Access, wave: Wave | None) -> HttpResponse:
    initial = {} if wave else {"previous": services.default_previous(access)}
    form = WaveForm(
        request.POST or None, instance=wave, initial=initial, partnership=access.partnership
    )
    back = _url("wave", access, wave.pk) if wave else _url("index", access)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_wave(access, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Wave {'changed' if wave else 'opened'}: {saved}.")
            return HttpResponseRedirect(_url("wave", access, saved.pk))
    return render(
        request,
        "network/wave_form.html",
        {
            "form": form,
            "page_title": f"Change {wave}" if wave else "Open a new wave",
            "back_url": back,
            "cancel_url": back,
            "submit_label": "Save changes" if wave else "Open the wave",
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.EDIT)
def wave_create(request: HttpRequest, access: Access) -> HttpResponse:
    return _wave_form(request, access, None)


@partnership_view(Action.EDIT)
def wave_edit(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    return _wave_form(request, access, services.get_wave(access, pk))


@partnership_view(Action.READ)
def wave_detail(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """A wave: its dates, who answers for each organisation, and links to the results."""
    wave = services.get_wave(access, pk)
    context = {
        "wave": wave,
        "page": services.wave_page(wave),
        "page_title": wave.title,
        "back_url": _url("index", access),
        "downloads": results.DOWNLOAD_LABELS,
    }
    template = "network/wave_detail.html"
    if getattr(request, "htmx", False):
        template += "#progress"
    return render(request, template, context)


# ---- Representatives and their links ---------------------------------------------------------


@partnership_view(Action.EDIT)
def representatives(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    form = RepresentativesForm(request.POST or None, rows=services.representative_rows(wave))
    back = _url("wave", access, wave.pk)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.save_representatives(wave, form.choices())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"Representatives saved: {changed} change{'' if changed == 1 else 's'}."
            )
            return HttpResponseRedirect(back)
    return render(
        request,
        "network/representatives.html",
        {
            "wave": wave,
            "form": form,
            "page_title": f"Representatives: {wave}",
            "back_url": back,
            "cancel_url": back,
        },
        status=400 if form.errors else 200,
    )


def _link_maker(request: HttpRequest) -> Callable[[str], str]:
    """Links under the configured site address, the same as the e-mailed ones."""
    return services.survey_url


def _invitations_page(
    request: HttpRequest, access: Access, page: services.InvitationPage, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "network/invitations.html",
        {
            "page": page,
            "wave": page.wave,
            "page_title": f"Links: {page.wave}",
            "back_url": _url("wave", access, page.wave.pk),
        },
        status=status,
    )


@partnership_view(Action.EDIT)
def invitations(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """Who has a link; a POST gives every representative without one a new link."""
    wave = services.get_wave(access, pk)
    if request.method == "POST":
        try:
            page = services.send_invitations(wave, _link_maker(request))
        except ValidationError as error:
            page = services.invitation_page(wave, problem=" ".join(error.messages))
            return _invitations_page(request, access, page, 400)
        return _invitations_page(request, access, page)
    return _invitations_page(request, access, services.invitation_page(wave))


@partnership_view(Action.EDIT)
def invitation_renew(request: HttpRequest, access: Access, pk: int, rep_pk: int) -> HttpResponse:
    """Confirm, then give one representative a new link in place of the old one."""
    wave = services.get_wave(access, pk)
    representative = services.get_representative(wave, rep_pk)
    back = _url("invitations", access, wave.pk)
    problem = ""
    if request.method == "POST":
        try:
            page = services.renew_invitation(representative, _link_maker(request))
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            return _invitations_page(request, access, page)
    return render(
        request,
        "network/invitation_renew.html",
        {
            "wave": wave,
            "representative": representative,
            "problem": problem,
            "page_title": f"New link for {representative.person}",
            "back_url": back,
            "cancel_url": back,
        },
        status=400 if problem else 200,
    )


# ---- Importing ties -------------------------------------------------------------------------


@partnership_view(Action.EDIT)
def ties_import(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """Import a ties file into the wave, all or nothing, with every problem listed."""
    wave = services.get_wave(access, pk)
    form = TiesImportForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        outcome = services.import_ties(wave, form.cleaned_data["file"])
        if outcome.ok:
            messages.success(
                request,
                f"Imported {outcome.ties} ties given by {outcome.organisations} organisations "
                f"from {outcome.filename}.",
            )
            return HttpResponseRedirect(_url("wave", access, wave.pk))
    failed = bool(form.errors or (outcome and not outcome.ok))
    return render(
        request,
        "network/import.html",
        {
            "wave": wave,
            "form": form,
            "outcome": outcome,
            "organisations": services.partnership_organisations(access.partnership),
            "page_title": f"Import ties: {wave}",
            "back_url": _url("wave", access, wave.pk),
            "cancel_url": _url("wave", access, wave.pk),
            "submit_label": "Import the ties",
        },
        status=400 if failed else 200,
    )


# ---- Results ----------------------------------------------------------------------------------


@partnership_view(Action.READ)
def metrics(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    form = OptionsForm(request.GET)
    page = results.metrics_page(wave, form.options(), request.GET.get("sort", "betweenness"))
    return render(
        request,
        "network/metrics.html",
        {
            "page": page,
            "wave": wave,
            "form": form,
            "downloads": results.DOWNLOAD_LABELS,
            "page_title": f"Network measures: {wave}",
            "back_url": _url("wave", access, wave.pk),
        },
    )


@partnership_view(Action.READ)
def network_map_page(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    form = MapForm(request.GET)
    drawn = network_map.network_map(wave, form.options(), form.chosen_size(), form.sectors())
    return render(
        request,
        "network/map.html",
        {
            "wave": wave,
            "form": form,
            "map": drawn,
            "svg": network_map.draw(drawn),
            "query": request.GET.urlencode(),
            "page_title": f"Network map: {wave}",
            "back_url": _url("wave", access, wave.pk),
        },
    )


@partnership_view(Action.READ)
def map_json(request: HttpRequest, access: Access, pk: int) -> JsonResponse:
    """Nodes, edges and positions of the map, for the interactive map."""
    wave = services.get_wave(access, pk)
    form = MapForm(request.GET)
    drawn = network_map.network_map(wave, form.options(), form.chosen_size(), form.sectors())
    query = form.options().query()
    return JsonResponse(
        network_map.map_json(
            drawn, lambda org_pk: f"{_url('organisation', access, wave.pk, org_pk)}?{query}"
        )
    )


@partnership_view(Action.READ)
def matrix(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    form = MatrixForm(request.GET)
    return render(
        request,
        "network/matrix.html",
        {
            "wave": wave,
            "form": form,
            "page": results.matrix_page(wave, form.options(), form.sectors()),
            "page_title": f"Who works with whom: {wave}",
            "back_url": _url("wave", access, wave.pk),
        },
    )


@partnership_view(Action.READ)
def organisation(request: HttpRequest, access: Access, pk: int, org_pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    form = OptionsForm(request.GET)
    page = results.organisation_page(wave, org_pk, form.options())
    return render(
        request,
        "network/organisation.html",
        {
            "page": page,
            "wave": wave,
            "form": form,
            "page_title": f"{page.organisation}: {wave}",
            "back_url": f"{_url('metrics', access, wave.pk)}?{form.options().query()}",
        },
    )


@partnership_view(Action.READ)
def compare(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    form = OptionsForm(request.GET)
    try:
        other = int(request.GET.get("with", "")) or None
    except ValueError:
        other = None
    page = results.compare_page(wave, other, form.options())
    return render(
        request,
        "network/compare.html",
        {
            "page": page,
            "wave": wave,
            "form": form,
            "page_title": f"Compare waves: {wave}",
            "back_url": _url("wave", access, wave.pk),
        },
    )


@partnership_view(Action.READ)
def download(request: HttpRequest, access: Access, pk: int, kind: str) -> HttpResponse:
    wave = services.get_wave(access, pk)
    made = results.download(wave, OptionsForm(request.GET).options(), kind)
    response = HttpResponse(made.content, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    return response


# ---- Answering ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Routes:
    """Where the survey's pages are, for a link's token or a signed-in representative."""

    start: str
    base: str
    search: str
    check: str
    saved: str
    done: str
    signed_in: bool

    def page(self, number: int) -> str:
        return f"{self.base}{number}/"


def public_routes(token: str) -> Routes:
    start = reverse("network_public:start", args=[token])
    return Routes(
        start=start,
        base=start,
        search=reverse("network_public:search", args=[token]),
        check=reverse("network_public:check", args=[token]),
        saved=reverse("network_public:saved", args=[token]),
        done=reverse("network_public:thanks"),
        signed_in=False,
    )


def member_routes(access: Access, pk: int) -> Routes:
    start = _url("answer", access, pk)
    return Routes(
        start=start,
        base=start,
        search=_url("answer_search", access, pk),
        check=_url("answer_check", access, pk),
        saved=_url("index", access),
        done=_url("index", access),
        signed_in=True,
    )


SURVEY = surveys.SurveyPages(
    "network", representative_by_token, representative_for_user, public_routes, member_routes
)
saved, thanks = SURVEY.saved, SURVEY.thanks


def _survey_context(representative: Representative, routes: Routes) -> dict[str, Any]:
    return {
        "representative": representative,
        "wave": representative.wave,
        "routes": routes,
        "progress": services.progress(representative),
        "search_form": SearchForm(),
    }


def survey_start(
    request: HttpRequest, representative: Representative, routes: Routes
) -> HttpResponse:
    """The survey's front page: who answers, that it is not anonymous, and the task list."""
    statuses = services.page_statuses(representative)
    waiting = next((status for status in statuses if not status.complete), None)
    return render(
        request,
        "network/survey_start.html",
        {
            **_survey_context(representative, routes),
            "statuses": [(status, routes.page(status.page.number)) for status in statuses],
            "next_url": routes.page(waiting.page.number) if waiting else routes.check,
            "levels": LEVEL_TEXT,
            "page_title": f"{representative.wave.title}: {representative.organisation}",
        },
    )


start, answer = SURVEY.views(survey_start)


def survey_page(
    request: HttpRequest, representative: Representative, routes: Routes, number: int
) -> HttpResponse:
    """One sector's organisations; saving moves on, "not at all" answers the rest at once."""
    page, pages = services.survey_page(representative, number)
    form = SurveyPageForm(
        request.POST or None,
        initial=survey_initial(page.organisations, services.saved_answers(representative)),
        organisations=page.organisations,
        own=representative.organisation,
    )
    if request.method == "POST" and form.is_valid():
        services.save_answers(representative, form.answers())
        action = request.POST.get("action")
        if action == "none":
            count = services.none_for_rest(representative, page)
            messages.success(
                request,
                f"Saved. {count} organisation{'' if count == 1 else 's'} in {page.title} "
                "answered as “not at all”.",
            )
            return HttpResponseRedirect(routes.page(number))
        if action == "later":
            return surveys.save_for_later(request, routes)
        return HttpResponseRedirect(routes.page(number + 1) if number < pages else routes.check)
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
            "previous_url": routes.page(number - 1) if number > 1 else routes.start,
            "page_title": f"{page.title} ({number} of {pages}) – {representative.wave}",
        },
        status=400 if form.errors else 200,
    )


page, answer_page = SURVEY.views(survey_page)


def survey_search(
    request: HttpRequest, representative: Representative, routes: Routes
) -> HttpResponse:
    """Find organisations by name and answer about them; htmx swaps in only the results."""
    source = request.POST if request.method == "POST" else request.GET
    search = SearchForm(source)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    found = services.search_organisations(representative, query)
    form = SurveyPageForm(
        request.POST if request.method == "POST" else None,
        initial=survey_initial(found, services.saved_answers(representative)),
        organisations=found,
        own=representative.organisation,
    )
    if request.method == "POST" and form.is_valid():
        services.save_answers(representative, form.answers())
        if request.POST.get("action") == "later":
            return surveys.save_for_later(request, routes)
        messages.success(request, f"Saved your answers about {len(found)} organisations.")
        return HttpResponseRedirect(f"{routes.search}?{urlencode({'q': query})}")
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


search, answer_search = SURVEY.views(survey_search)


def survey_check(
    request: HttpRequest, representative: Representative, routes: Routes
) -> HttpResponse:
    """The last page: every page's progress; sending records the organisation's ties."""

    def check_page(problems: list[str], status: int) -> HttpResponse:
        statuses = services.page_statuses(representative)
        return render(
            request,
            "network/survey_check.html",
            {
                **_survey_context(representative, routes),
                "statuses": [(status, routes.page(status.page.number)) for status in statuses],
                "problems": problems,
                "previous_url": routes.page(len(statuses)) if statuses else routes.start,
                "page_title": f"Check and send – {representative.wave}",
            },
            status=status,
        )

    send = partial(services.submit, representative)
    sent_message = "Thank you: your organisation's answers are in."
    return surveys.send_or_check(request, routes, send, sent_message, check_page)


check, answer_check = SURVEY.views(survey_check)
