"""The pages that add and change performance records: indicators (and adopting national
ones), values, targets, data-quality ratings, outcomes and their agenda time, areas and the
reporting settings."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.performance import (
    forms,
    indicators,
    lookups,
    outcomes_and_areas,
    recording,
    recording_forms,
)
from partnerscope.apps.performance.models import Area, Outcome
from partnerscope.apps.performance.status_snapshots import reporting_settings
from partnerscope.apps.performance.views import form_status, page_url, posted

FORM_TEMPLATE = "performance/form.html"
INDICATOR_WORDS = RecordWords("indicator", "Add a local indicator", "Change {0.code}")
OUTCOME_WORDS = RecordWords("outcome", "Add an outcome", "Change outcome {}")
AREA_WORDS = RecordWords("area", "Add an area", "Change area {}")
Saved = TypeVar("Saved")


def form_page(
    request: HttpRequest,
    form: Any,
    save: Callable[[], Saved],
    message: Callable[[Saved], str],
    next_url: Callable[[Saved], str],
    template: str,
    back: str,
    **context: Any,
) -> HttpResponse:
    """Save a valid POST, say so with ``message(saved)`` and go to ``next_url(saved)``; or
    show the form again, with status 400 when it was refused (as ``record_form_page`` does
    for a record's add and change pages)."""
    if request.method == "POST" and form.is_valid():
        saved = save()
        messages.success(request, message(saved))
        return HttpResponseRedirect(next_url(saved))
    return render(
        request,
        template,
        {**context, "form": form, "back_url": back, "cancel_url": back},
        status=form_status(form),
    )


@partnership_view(Action.EDIT)
def indicator_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    instance = lookups.get_indicator(access.partnership, pk) if pk else None
    form = forms.IndicatorForm(posted(request), instance=instance, partnership=access.partnership)
    back = page_url("indicator_detail", access, pk) if pk else page_url("indicator_list", access)
    return record_form_page(
        request,
        form,
        INDICATOR_WORDS,
        partial(indicators.save_indicator, access, form),
        FORM_TEMPLATE,
        back,
        lambda indicator: page_url("indicator_detail", access, indicator.pk),
    )


@partnership_view(Action.EDIT)
def catalogue(request: HttpRequest, access: Access) -> HttpResponse:
    entries = indicators.catalogue_entries(access.partnership)
    choices = [
        (
            row["entry"].code,
            f"{row['entry'].code} – {row['entry'].title} ({row['polarity'].lower()})",
        )
        for row in entries
        if row["indicator_id"] is None
    ]
    form = forms.AdoptForm(posted(request), partnership=access.partnership, choices=choices)
    if request.method == "POST" and form.is_valid():
        adopted = indicators.adopt_indicators(
            access,
            form.cleaned_data["indicators"],
            form.cleaned_data["frequency"],
            form.cleaned_data["outcomes"],
        )
        messages.success(request, f"Adopted {len(adopted)} national indicators.")
        return HttpResponseRedirect(page_url("indicator_list", access))
    return render(
        request,
        "performance/catalogue.html",
        {
            "form": form,
            "entries": entries,
            "page_title": "Adopt national indicators",
            "back_url": page_url("indicator_list", access),
            "submit_label": "Adopt indicators",
        },
        status=form_status(form),
    )


@partnership_view(Action.EDIT)
def value_entry(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    indicator = lookups.get_indicator(access.partnership, pk)
    area, areas = lookups.chosen_area(access.partnership, request.GET.get("area"))
    initial: dict[str, Any] = {"area": area, "status": "final"}
    if request.GET.get("period"):
        initial.update(recording.value_initial(indicator, area, request.GET["period"]))
    else:
        initial.update(recording.next_period_initial(indicator, area))
    form = recording_forms.ValueForm(
        posted(request), indicator=indicator, areas=areas, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = recording.record_value(
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
                page_url("indicator_detail", access, indicator.pk)
                + f"?area={form.cleaned_data['area'].ref}"
            )
    back = page_url("indicator_detail", access, indicator.pk) + f"?area={area.ref}"
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
        status=form_status(form),
    )


@partnership_view(Action.EDIT)
def target_form(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    indicator = lookups.get_indicator(access.partnership, pk)
    area, _ = lookups.chosen_area(access.partnership, request.GET.get("area"))
    form = recording_forms.TargetForm(
        posted(request),
        indicator=indicator,
        partnership=access.partnership,
        initial=recording.target_initial(indicator, area),
    )
    return form_page(
        request,
        form,
        lambda: recording.save_target(
            indicator, form.cleaned_data["area"], form.details(), form.periods
        ),
        lambda target: f"Target saved: {indicator.code} in {target.area.name}.",
        lambda target: (
            page_url("indicator_detail", access, indicator.pk) + f"?area={target.area.ref}"
        ),
        FORM_TEMPLATE,
        page_url("indicator_detail", access, indicator.pk) + f"?area={area.ref}",
        page_title=f"Improvement target for {indicator.code}",
        caption=indicator.title,
        submit_label="Save target",
    )


@partnership_view(Action.EDIT)
def quality_record_create(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    indicator = lookups.get_indicator(access.partnership, pk)
    form = recording_forms.QualityRecordForm(posted(request))
    back = page_url("indicator_detail", access, indicator.pk)
    return form_page(
        request,
        form,
        lambda: recording.add_quality_record(indicator, form, request.user),
        lambda record: f"Data-quality rating added: {record}.",
        lambda _: back + "#quality",
        FORM_TEMPLATE,
        back,
        page_title=f"Rate the data quality of {indicator.code}",
        caption=indicator.title,
        submit_label="Add rating",
    )


@partnership_view(Action.EDIT)
def outcome_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    instance = lookups.get_outcome(access.partnership, pk) if pk else None
    form = forms.OutcomeForm(posted(request), instance=instance, partnership=access.partnership)
    save = partial(outcomes_and_areas.save_outcome, access, form)
    back = page_url("outcome_list", access)
    return record_form_page(request, form, OUTCOME_WORDS, save, FORM_TEMPLATE, back)


@partnership_view(Action.EDIT)
def outcome_agenda(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    outcome: Outcome = lookups.get_outcome(access.partnership, pk)
    meetings = outcomes_and_areas.recent_agenda(outcome)
    items = {str(item.pk): item for _, agenda in meetings for item in agenda}
    choices = [(key, f"{item.meeting.date:%d %B %Y}: {item.title}") for key, item in items.items()]
    form = forms.AgendaForm(
        posted(request),
        choices=choices,
        initial={
            "agenda_items": [str(pk) for pk in outcome.agenda_items.values_list("pk", flat=True)]
        },
    )

    def save() -> None:
        kept = [items[key] for key in form.cleaned_data["agenda_items"]]
        others = outcome.agenda_items.exclude(pk__in=[int(key) for key in items])
        outcomes_and_areas.set_agenda_time(outcome, [*others, *kept])

    back = page_url("outcome_list", access)
    return form_page(
        request,
        form,
        save,
        lambda _: f"Agenda time recorded for {outcome}.",
        lambda _: back,
        "performance/agenda_form.html",
        back,
        outcome=outcome,
        has_meetings=bool(items),
        page_title=f"Agenda time for {outcome}",
        submit_label="Save agenda time",
    )


@partnership_view(Action.EDIT)
def area_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    instance: Area | None = lookups.get_area(access.partnership, pk) if pk else None
    form = forms.AreaForm(posted(request), instance=instance, partnership=access.partnership)
    save = partial(outcomes_and_areas.save_area, access, form)
    back = page_url("area_list", access)
    return record_form_page(request, form, AREA_WORDS, save, FORM_TEMPLATE, back)


@partnership_view(Action.EDIT)
def settings_form(request: HttpRequest, access: Access) -> HttpResponse:
    form = forms.SettingsForm(posted(request), instance=reporting_settings(access.partnership))
    back = page_url("area_list", access)
    return form_page(
        request,
        form,
        partial(outcomes_and_areas.save_settings, access, form),
        lambda _: "Reporting settings saved; every status was recalculated.",
        lambda _: back,
        FORM_TEMPLATE,
        back,
        page_title="Reporting settings",
        submit_label="Save and recalculate",
    )
