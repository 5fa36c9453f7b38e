"""The reading pages of performance management: the dashboard, the reports, the lists of
indicators, outcomes and areas, and the indicator page; and what every page module of the
area shares (:mod:`.record_views` adds and changes records, :mod:`.import_views` imports).

Each view parses the request, calls one use case and renders.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.performance import (
    benchmarking,
    data_quality,
    exception_report,
    forms,
    indicators,
    lookups,
    recording_forms,
)
from partnerscope.apps.performance.crowding import crowding_report
from partnerscope.apps.performance.dashboard import RAG_ORDER
from partnerscope.apps.performance.dashboard import dashboard as dashboard_of
from partnerscope.apps.performance.indicator_page import indicator_page
from partnerscope.apps.performance.status_snapshots import refresh_partnership, reporting_settings


def page_url(name: str, access: Access, *args: Any) -> str:
    return reverse(f"performance:{name}", args=[access.partnership.slug, *args])


def posted(request: HttpRequest) -> Any:
    """The submitted data of a POST (even an empty one, so that it is checked), else None."""
    return request.POST if request.method == "POST" else None


def form_status(form: Any) -> int:
    return 400 if form.is_bound and form.errors else 200


# ---- Reports ----------------------------------------------------------------------------


@partnership_view(Action.READ)
def dashboard(request: HttpRequest, access: Access) -> HttpResponse:
    board = dashboard_of(access.partnership, request.GET.get("area"), request.GET.get("page"))
    return render(
        request,
        "performance/dashboard.html",
        {"board": board, "page_title": "Performance", "rag_order": RAG_ORDER},
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
            "back_url": page_url("dashboard", access),
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
            "report": crowding_report(access.partnership),
            "page_title": "Outcomes at risk of being crowded out",
            "back_url": page_url("dashboard", access),
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
            "back_url": page_url("dashboard", access),
        },
    )


@partnership_view(Action.READ)
def benchmark(request: HttpRequest, access: Access) -> HttpResponse:
    indicators, areas = benchmarking.benchmark_choices(request.user, access.partnership)
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
        result = benchmarking.benchmark_report(
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
            "back_url": page_url("dashboard", access),
            "submit_label": "Compare",
        },
        status=400 if (bound and (form.errors or (result and result.errors))) else 200,
    )


@partnership_view(Action.READ)
def indicator_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/indicator_list.html",
        {"indicators": indicators.indicator_list(access.partnership), "page_title": "Indicators"},
    )


@partnership_view(Action.READ)
def indicator_detail(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    page = indicator_page(access.partnership, pk, request.GET.get("area"))
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "page": page,
            "page_title": f"{page.indicator.code} {page.indicator.title}",
            "back_url": page_url("dashboard", access) + f"?area={page.area.ref}",
            "quality_form": recording_forms.QualityRecordForm(),
        },
    )


@partnership_view(Action.READ)
def outcome_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/outcome_list.html",
        {"tree": lookups.outcome_tree(access.partnership), "page_title": "Outcomes"},
    )


@partnership_view(Action.READ)
def area_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "performance/area_list.html",
        {
            "areas": lookups.areas_of(access.partnership),
            "settings": reporting_settings(access.partnership),
            "page_title": "Areas and reporting",
        },
    )


@partnership_view(Action.EDIT)
def refresh(request: HttpRequest, access: Access) -> HttpResponse:
    if request.method == "POST":
        result = refresh_partnership(access.partnership)
        messages.success(
            request, f"Recalculated {result.series} statuses as at {result.as_of:%d %B %Y}."
        )
        return HttpResponseRedirect(page_url("dashboard", access))
    return render(
        request,
        "performance/refresh.html",
        {"page_title": "Recalculate statuses", "back_url": page_url("dashboard", access)},
    )
