"""Pages of the Relationships area: waves, representatives, links, imports, and the
network's metrics, map, matrix, organisation pages, wave comparison and downloads.

The survey's own pages are in ``answering_views``, served by the survey engine by link
and signed in (``survey.PAGES``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.surveys.managing import WaveManagement
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


MANAGEMENT = WaveManagement(
    area="network",
    form_class=WaveForm,
    get_wave=services.get_wave,
    save_wave=waves.save_wave,
    default_previous=waves.default_previous,
    invitation_page=inviting.invitation_page,
    send_invitations=inviting.send_invitations,
    get_invitee=naming.get_representative,
    renew_invitation=inviting.renew_invitation,
    survey_url=inviting.survey_url,
    links_title="Links",
    invitee_name="representative",
    invitee_kwarg="rep_pk",
)
wave_create, wave_edit, invitations, invitation_renew = MANAGEMENT.views()


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


# ---- Representatives ------------------------------------------------------------------------


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
