"""Pages of the cost of the partnership itself: the overview (support team, meetings by
body, layer, organisation and year, cost per agenda item by layer, the rate card), the
support-cost and rate-card records, and the meeting-cost settings."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import altair as alt
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.charts import chart
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.costs import forms, partnership_costs
from partnerscope.apps.costs.models import HourlyRate, MeetingCostSetting, SupportCost
from partnerscope.apps.costs.results import money
from partnerscope.apps.partnerships.models import Organisation

KINDS: dict[str, tuple[type[Any], type[forms.PartnershipPartForm], RecordWords]] = {
    "support": (
        SupportCost,
        forms.SupportCostForm,
        RecordWords("support cost", "Add a support cost", "Change support cost {}"),
    ),
    "rates": (
        HourlyRate,
        forms.HourlyRateForm,
        RecordWords("rate", "Add a rate to the rate card", "Change rate {}"),
    ),
}


def _overview_url(access: Access) -> str:
    return reverse("costs:partnership_cost", args=[access.partnership.slug])


def _year_chart(per_year: dict[int, float], support: dict[int, float]) -> Any:
    """The chart of the cost by year (rendered once for the same figures)."""
    return _rendered_year_chart(
        tuple((year, total, support.get(year, 0.0)) for year, total in per_year.items())
    )


@lru_cache(maxsize=256)
def _rendered_year_chart(figures: tuple[tuple[int, float, float], ...]) -> Any:
    per_year = {year: total for year, total, _ in figures}
    support = {year: part for year, _, part in figures}
    values = []
    for year, total in per_year.items():
        values.append({"year": str(year), "part": "Support team", "amount": support.get(year, 0.0)})
        values.append(
            {"year": str(year), "part": "Meeting time", "amount": total - support.get(year, 0.0)}
        )
    spec = (
        alt.Chart(alt.Data(values=values), width=520, height=240)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Financial year"),
            y=alt.Y("amount:Q", title="Pounds", stack="zero"),
            color=alt.Color(
                "part:N",
                title="Cost",
                scale=alt.Scale(
                    domain=["Support team", "Meeting time"], range=["#1d70b8", "#f47738"]
                ),
            ),
        )
    )
    return chart(
        spec,
        chart_id="partnership-cost",
        title="The cost of the partnership by year",
        description="Support-team costs and the cost of members' time in meetings, by "
        "financial year.",
        headings=["Financial year", "Support team", "Meeting time", "Total"],
        rows=[
            [
                year,
                money(support.get(year, 0.0)),
                money(total - support.get(year, 0.0)),
                money(total),
            ]
            for year, total in per_year.items()
        ],
    )


@partnership_view(Action.READ)
def partnership_cost(request: HttpRequest, access: Access) -> HttpResponse:
    partnership = access.partnership
    support = partnership_costs.support_summary(partnership)
    meetings = partnership_costs.partnership_meeting_costs(partnership)
    per_year = partnership_costs.partnership_cost_per_year(partnership, meetings)
    support_by_year = dict(zip(support.years, support.year_totals, strict=True))
    item_rows = meetings.item_layer_rows()
    names = dict(Organisation.objects.in_partnership(partnership).values_list("ref", "name"))
    organisation_rows = sorted(
        (names.get(ref, ref), totals) for ref, totals in meetings.by_organisation.items()
    )
    return render(
        request,
        "costs/partnership_cost.html",
        {
            "page_title": "The cost of the partnership",
            "support": support,
            "meetings": meetings,
            "item_rows": item_rows,
            "organisation_rows": organisation_rows,
            "rates": partnership_costs.rate_card(partnership),
            "support_records": SupportCost.objects.filter(partnership=partnership).select_related(
                "organisation"
            ),
            "setting": partnership_costs.settings_of(partnership),
            "year_chart": _year_chart(per_year, support_by_year) if per_year else None,
        },
    )


def _kind(kind: str) -> tuple[type[Any], type[forms.PartnershipPartForm], RecordWords]:
    if kind not in KINDS:
        raise Http404("No such record")
    return KINDS[kind]


@partnership_view(Action.EDIT)
def record_form(
    request: HttpRequest, access: Access, kind: str, pk: int | None = None
) -> HttpResponse:
    model, form_class, words = _kind(kind)
    record = get_object_or_404(model, partnership=access.partnership, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=record, partnership=access.partnership)

    def save() -> Any:
        saved = form.save(commit=False)
        saved.partnership = access.partnership
        if not saved.ref:
            saved.ref = unique_ref(model.objects.filter(partnership=access.partnership), kind)
        saved.save()
        return saved

    return record_form_page(request, form, words, save, "costs/form.html", _overview_url(access))


@partnership_view(Action.EDIT)
def record_delete(request: HttpRequest, access: Access, kind: str, pk: int) -> HttpResponse:
    model, _, words = _kind(kind)
    record = get_object_or_404(model, partnership=access.partnership, pk=pk)
    if request.method == "POST":
        record.delete()
        messages.success(request, f"{words.noun.capitalize()} deleted: {record}.")
        return HttpResponseRedirect(_overview_url(access))
    return render(
        request,
        "costs/delete.html",
        {
            "noun": words.noun,
            "instance": record,
            "page_title": f"Delete {words.noun} {record}",
            "back_url": _overview_url(access),
            "cancel_url": _overview_url(access),
        },
    )


@partnership_view(Action.EDIT)
def meeting_settings(request: HttpRequest, access: Access) -> HttpResponse:
    setting = partnership_costs.settings_of(access.partnership)
    form = forms.MeetingCostSettingForm(request.POST or None, instance=setting)
    words = RecordWords("settings", "Meeting cost settings", "Meeting cost settings")

    def save() -> MeetingCostSetting:
        saved: MeetingCostSetting = form.save()
        return saved

    return record_form_page(request, form, words, save, "costs/form.html", _overview_url(access))
