"""Pages of performance management: the dashboard, reports, indicators, values and imports.

Each view parses the request, calls one service and renders.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.performance import (
    data_quality,
    exception_report,
    forms,
    imports,
    services,
)
from partnerscope.apps.performance.models import Area, Outcome
from partnerscope.apps.performance.status_services import refresh_partnership, reporting_settings


def _url(name: str, access: Access, *args: Any) -> str:
    return reverse(f"performance:{name}", args=[access.partnership.slug, *args])


def _posted(request: HttpRequest) -> Any:
    """The submitted data of a POST (even an empty one, so that it is checked), else None."""
    return request.POST if request.method == "POST" else None


def _status(form: Any) -> int:
    return 400 if form.is_bound and form.errors else 200


FORM_TEMPLATE = "performance/form.html"
INDICATOR_WORDS = RecordWords("indicator", "Add a local indicator", "Change {0.code}")
OUTCOME_WORDS = RecordWords("outcome", "Add an outcome", "Change outcome {}")
AREA_WORDS = RecordWords("area", "Add an area", "Change area {}")


# ---- Reports ----------------------------------------------------------------------------


@partnership_view(Action.READ)
def dashboard(request: HttpRequest, access: Access) -> HttpResponse:
    board = services.dashboard(access.partnership, request.GET.get("area"), request.GET.get("page"))
    return render(
        request,
        "performance/dashboard.html",
        {"board": board, "page_title": "Performance", "rag_order": services.RAG_ORDER},
    )


def _exception_choice(request: HttpRequest, access: Access) -> exception_report.Choice:
    return exception_report.choose(
        access.partnership, request.GET.get("area"), request.GET.get("reason")
    )


@partnership_view(Action.READ)
def exceptions(request: HttpRequest, access: Access) -> HttpResponse:
    report = exception_report.exception_report(
        access.partnership, _exception_choice(request, access), request.GET.get("page")
    )
    return render(
        request,
        "performance/exceptions.html",
        {
            "report": report,
            "page_title": "Exception report",
            "back_url": _url("dashboard", access),
        },
    )


@partnership_view(Action.READ)
def exceptions_csv(request: HttpRequest, access: Access) -> StreamingHttpResponse:
    choice = _exception_choice(request, access)
    response = StreamingHttpResponse(
        exception_report.exception_csv(access.partnership, choice),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{access.partnership.slug}-exceptions.csv"'
    )
    return response


@partnership_view(Action.READ)
def crowding(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/crowding.html",
        {
            "report": services.crowding_report(access.partnership),
            "page_title": "Outcomes at risk of being crowded out",
            "back_url": _url("dashboard", access),
        },
    )


@partnership_view(Action.READ)
def quality_register(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/quality_register.html",
        {
            "register": data_quality.quality_register(
                access.partnership, request.GET.get("check"), request.GET.get("page")
            ),
            "page_title": "Data-quality register",
            "back_url": _url("dashboard", access),
        },
    )


@partnership_view(Action.READ)
def benchmark(request: HttpRequest, access: Access) -> HttpResponse:
    indicators, areas = services.benchmark_choices(request.user, access.partnership)
    bound = request.method == "POST" or "indicator" in request.GET
    data = request.POST if request.method == "POST" else request.GET
    form = forms.BenchmarkForm(
        data if bound else None,
        request.FILES or None,
        indicators=indicators,
        areas=areas,
        initial={"indicator": indicators[0][0] if indicators else "", "count": 5},
    )
    result = None
    if bound and form.is_valid():
        upload = form.cleaned_data.get("comparators")
        result = services.benchmark_report(
            request.user,
            access.partnership,
            form.cleaned_data["indicator"],
            form.cleaned_data.get("period") or "",
            (upload.name, upload.read()) if upload else None,
            form.cleaned_data.get("neighbours_of") or "",
            form.cleaned_data.get("by") or [],
            form.cleaned_data.get("count") or 5,
        )
    return render(
        request,
        "performance/benchmark.html",
        {
            "form": form,
            "result": result,
            "page_title": "Benchmarking",
            "back_url": _url("dashboard", access),
            "submit_label": "Compare",
        },
        status=400 if (bound and (form.errors or (result and result.errors))) else 200,
    )


# ---- Indicators -------------------------------------------------------------------------


@partnership_view(Action.READ)
def indicator_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/indicator_list.html",
        {"indicators": services.indicator_list(access.partnership), "page_title": "Indicators"},
    )


@partnership_view(Action.READ)
def indicator_detail(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    page = services.indicator_page(access.partnership, pk, request.GET.get("area"))
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "page": page,
            "page_title": f"{page.indicator.code} {page.indicator.title}",
            "back_url": _url("dashboard", access) + f"?area={page.area.ref}",
            "quality_form": forms.QualityRecordForm(),
        },
    )


@partnership_view(Action.EDIT)
def indicator_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    instance = services.get_indicator(access.partnership, pk) if pk else None
    form = forms.IndicatorForm(_posted(request), instance=instance, partnership=access.partnership)
    back = _url("indicator_detail", access, pk) if pk else _url("indicator_list", access)
    return record_form_page(
        request,
        form,
        INDICATOR_WORDS,
        partial(services.save_indicator, access, form),
        FORM_TEMPLATE,
        back,
        lambda indicator: _url("indicator_detail", access, indicator.pk),
    )


@partnership_view(Action.EDIT)
def catalogue(request: HttpRequest, access: Access) -> HttpResponse:
    entries = services.catalogue_entries(access.partnership)
    choices = [
        (
            row["entry"].code,
            f"{row['entry'].code} – {row['entry'].title} ({row['polarity'].lower()})",
        )
        for row in entries
        if row["indicator_id"] is None
    ]
    form = forms.AdoptForm(_posted(request), partnership=access.partnership, choices=choices)
    if request.method == "POST" and form.is_valid():
        adopted = services.adopt_indicators(
            access,
            form.cleaned_data["indicators"],
            form.cleaned_data["frequency"],
            form.cleaned_data["outcomes"],
        )
        messages.success(request, f"Adopted {len(adopted)} national indicators.")
        return HttpResponseRedirect(_url("indicator_list", access))
    return render(
        request,
        "performance/catalogue.html",
        {
            "form": form,
            "entries": entries,
            "page_title": "Adopt national indicators",
            "back_url": _url("indicator_list", access),
            "submit_label": "Adopt indicators",
        },
        status=_status(form),
    )


@partnership_view(Action.EDIT)
def value_entry(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    indicator = services.get_indicator(access.partnership, pk)
    area, areas = services.chosen_area(access.partnership, request.GET.get("area"))
    initial: dict[str, Any] = {"area": area, "status": "final"}
    if request.GET.get("period"):
        initial.update(services.value_initial(indicator, area, request.GET["period"]))
    else:
        initial.update(services.next_period_initial(indicator, area))
    form = forms.ValueForm(_posted(request), indicator=indicator, areas=areas, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.record_value(
                indicator,
                form.cleaned_data["area"],
                form.parsed_period,
                form.figures(),
                form.cleaned_data.get("reason") or "",
                request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if saved is not None:
                verb = "corrected" if saved.version > 1 else "recorded"
                messages.success(
                    request,
                    f"Value {verb}: {indicator.code} for {saved.area.name} in {saved.period} "
                    f"is {saved.value:g}.",
                )
            return HttpResponseRedirect(
                _url("indicator_detail", access, indicator.pk)
                + f"?area={form.cleaned_data['area'].ref}"
            )
    back = _url("indicator_detail", access, indicator.pk) + f"?area={area.ref}"
    return render(
        request,
        "performance/value_form.html",
        {
            "form": form,
            "indicator": indicator,
            "page_title": f"Record a value of {indicator.code}",
            "back_url": back,
            "cancel_url": back,
            "submit_label": "Save value",
        },
        status=_status(form),
    )


@partnership_view(Action.EDIT)
def target_form(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    indicator = services.get_indicator(access.partnership, pk)
    area, _ = services.chosen_area(access.partnership, request.GET.get("area"))
    form = forms.TargetForm(
        _posted(request),
        indicator=indicator,
        partnership=access.partnership,
        initial=services.target_initial(indicator, area),
    )
    if request.method == "POST" and form.is_valid():
        target = services.save_target(
            indicator, form.cleaned_data["area"], form.details(), form.periods
        )
        messages.success(request, f"Target saved: {indicator.code} in {target.area.name}.")
        return HttpResponseRedirect(
            _url("indicator_detail", access, indicator.pk) + f"?area={target.area.ref}"
        )
    back = _url("indicator_detail", access, indicator.pk) + f"?area={area.ref}"
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "page_title": f"Improvement target for {indicator.code}",
            "caption": indicator.title,
            "back_url": back,
            "cancel_url": back,
            "submit_label": "Save target",
        },
        status=_status(form),
    )


@partnership_view(Action.EDIT)
def quality_record_create(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    indicator = services.get_indicator(access.partnership, pk)
    form = forms.QualityRecordForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        record = services.add_quality_record(indicator, form, request.user)
        messages.success(request, f"Data-quality rating added: {record}.")
        return HttpResponseRedirect(_url("indicator_detail", access, indicator.pk) + "#quality")
    back = _url("indicator_detail", access, indicator.pk)
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "page_title": f"Rate the data quality of {indicator.code}",
            "caption": indicator.title,
            "back_url": back,
            "cancel_url": back,
            "submit_label": "Add rating",
        },
        status=_status(form),
    )


# ---- Outcomes and areas -----------------------------------------------------------------


@partnership_view(Action.READ)
def outcome_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/outcome_list.html",
        {"tree": services.outcome_tree(access.partnership), "page_title": "Outcomes"},
    )


@partnership_view(Action.EDIT)
def outcome_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    instance = services.get_outcome(access.partnership, pk) if pk else None
    form = forms.OutcomeForm(_posted(request), instance=instance, partnership=access.partnership)
    save = partial(services.save_outcome, access, form)
    back = _url("outcome_list", access)
    return record_form_page(request, form, OUTCOME_WORDS, save, FORM_TEMPLATE, back)


@partnership_view(Action.EDIT)
def outcome_agenda(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    outcome: Outcome = services.get_outcome(access.partnership, pk)
    meetings = services.recent_agenda(outcome)
    items = {str(item.pk): item for _, agenda in meetings for item in agenda}
    choices = [(key, f"{item.meeting.date:%d %B %Y}: {item.title}") for key, item in items.items()]
    form = forms.AgendaForm(
        _posted(request),
        choices=choices,
        initial={
            "agenda_items": [str(pk) for pk in outcome.agenda_items.values_list("pk", flat=True)]
        },
    )
    if request.method == "POST" and form.is_valid():
        kept = [items[key] for key in form.cleaned_data["agenda_items"]]
        others = outcome.agenda_items.exclude(pk__in=[int(key) for key in items])
        services.set_agenda_time(outcome, [*others, *kept])
        messages.success(request, f"Agenda time recorded for {outcome}.")
        return HttpResponseRedirect(_url("outcome_list", access))
    back = _url("outcome_list", access)
    return render(
        request,
        "performance/agenda_form.html",
        {
            "form": form,
            "outcome": outcome,
            "has_meetings": bool(items),
            "page_title": f"Agenda time for {outcome}",
            "back_url": back,
            "cancel_url": back,
            "submit_label": "Save agenda time",
        },
        status=_status(form),
    )


@partnership_view(Action.READ)
def area_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/area_list.html",
        {
            "areas": services.areas_of(access.partnership),
            "settings": reporting_settings(access.partnership),
            "page_title": "Areas and reporting",
        },
    )


@partnership_view(Action.EDIT)
def area_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    instance: Area | None = services.get_area(access.partnership, pk) if pk else None
    form = forms.AreaForm(_posted(request), instance=instance, partnership=access.partnership)
    save = partial(services.save_area, access, form)
    back = _url("area_list", access)
    return record_form_page(request, form, AREA_WORDS, save, FORM_TEMPLATE, back)


@partnership_view(Action.EDIT)
def settings_form(request: HttpRequest, access: Access) -> HttpResponse:
    form = forms.SettingsForm(_posted(request), instance=reporting_settings(access.partnership))
    if request.method == "POST" and form.is_valid():
        services.save_settings(access, form)
        messages.success(request, "Reporting settings saved; every status was recalculated.")
        return HttpResponseRedirect(_url("area_list", access))
    back = _url("area_list", access)
    return render(
        request,
        "performance/form.html",
        {
            "form": form,
            "page_title": "Reporting settings",
            "back_url": back,
            "cancel_url": back,
            "submit_label": "Save and recalculate",
        },
        status=_status(form),
    )


@partnership_view(Action.EDIT)
def refresh(request: HttpRequest, access: Access) -> HttpResponse:
    if request.method == "POST":
        result = refresh_partnership(access.partnership)
        messages.success(
            request, f"Recalculated {result.series} statuses as at {result.as_of:%d %B %Y}."
        )
        return HttpResponseRedirect(_url("dashboard", access))
    return render(
        request,
        "performance/refresh.html",
        {"page_title": "Recalculate statuses", "back_url": _url("dashboard", access)},
    )


# ---- Import -----------------------------------------------------------------------------


@partnership_view(Action.EDIT)
def import_upload(request: HttpRequest, access: Access) -> HttpResponse:
    form = forms.ImportForm(_posted(request), request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        check, pending = imports.stage_upload(
            access.partnership, request.user, upload.name, upload.read()
        )
        if pending is not None:
            return HttpResponseRedirect(_url("import_preview", access, pending.pk))
    return render(
        request,
        "performance/import_upload.html",
        {
            "form": form,
            "check": check,
            "columns": imports.IMPORT_COLUMNS,
            "page_title": "Import values",
            "back_url": _url("dashboard", access),
            "submit_label": "Check the file",
        },
        status=400 if (form.errors or (check and not check.ok)) else 200,
    )


@partnership_view(Action.EDIT)
def import_preview(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    pending = imports.pending_for(access.partnership, pk)
    if pending is None:
        raise Http404("No such import.")
    errors = []
    if request.method == "POST":
        if "cancel" in request.POST:
            pending.delete()
            messages.success(request, "Import cancelled; nothing was saved.")
            return HttpResponseRedirect(_url("import_upload", access))
        with transaction.atomic():
            counts, errors = imports.confirm_import(pending, request.user)
        if not errors:
            messages.success(request, imports.summary(counts))
            return HttpResponseRedirect(_url("dashboard", access))
    return render(
        request,
        "performance/import_preview.html",
        {
            "pending": pending,
            "rows": imports.preview_rows(pending),
            "counts": imports.counts_of(pending.rows),
            "errors": errors,
            "preview_rows": imports.PREVIEW_ROWS,
            "page_title": "Check and confirm the import",
            "back_url": _url("import_upload", access),
        },
        status=400 if errors else 200,
    )
