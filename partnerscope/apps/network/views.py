"""Pages of the Relationships area: waves, representatives, links, imports, and the
network's metrics, map, matrix, organisation pages, wave comparison and downloads.

The survey's own pages are in ``answering_views``, served by the survey engine by link
and signed in (``survey.PAGES``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.network import invitations as inviting
from partnerscope.apps.network import network_map, results, services, waves
from partnerscope.apps.network import representatives as naming
from partnerscope.apps.network import ties_import as importing
from partnerscope.apps.network.forms import (
    MapForm,
    MatrixForm,
    OptionsForm,
    RepresentativesForm,
    TiesImportForm,
    WaveForm,
)
from partnerscope.apps.network.models import Wave


def _url(name: str, access: Access, *args: Any) -> str:
    return reverse(f"network:{name}", args=[access.partnership.slug, *args])


# ---- Waves -----------------------------------------------------------------------------


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    index = waves.wave_index(access)
    return render(
        request,
        "network/index.html",
        {"index": index, "waiting": index.waiting, "page_title": "Relationships"},
    )


def _wave_form(request: HttpRequest, access: Access, wave: Wave | None) -> HttpResponse:
    initial = {} if wave else {"previous": waves.default_previous(access)}
    form = WaveForm(
        request.POST or None, instance=wave, initial=initial, partnership=access.partnership
    )
    back = _url("wave", access, wave.pk) if wave else _url("index", access)
    if request.method == "POST" and form.is_valid():
        try:
            saved = waves.save_wave(access, form)
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
        "page": naming.wave_page(wave),
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
    form = RepresentativesForm(request.POST or None, rows=naming.representative_rows(wave))
    back = _url("wave", access, wave.pk)
    if request.method == "POST" and form.is_valid():
        try:
            changed = naming.save_representatives(wave, form.choices())
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
    return inviting.survey_url


def _invitations_page(
    request: HttpRequest, access: Access, page: inviting.InvitationPage, status: int = 200
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
            page = inviting.send_invitations(wave, _link_maker(request))
        except ValidationError as error:
            page = inviting.invitation_page(wave, problem=" ".join(error.messages))
            return _invitations_page(request, access, page, 400)
        return _invitations_page(request, access, page)
    return _invitations_page(request, access, inviting.invitation_page(wave))


@partnership_view(Action.EDIT)
def invitation_renew(request: HttpRequest, access: Access, pk: int, rep_pk: int) -> HttpResponse:
    """Confirm, then give one representative a new link in place of the old one."""
    wave = services.get_wave(access, pk)
    representative = naming.get_representative(wave, rep_pk)
    back = _url("invitations", access, wave.pk)
    problem = ""
    if request.method == "POST":
        try:
            page = inviting.renew_invitation(representative, _link_maker(request))
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
        outcome = importing.import_ties(wave, form.cleaned_data["file"])
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
