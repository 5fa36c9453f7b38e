"""Crowding out: the outcomes at risk of being neglected (no indicator, no target, no
recent value, no time on the agenda), built from the database for the core's judgement."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Max

from partnerscope.apps.partnerships.models import Body, Meeting, Partnership
from partnerscope.apps.performance.lookups import outcome_tree
from partnerscope.apps.performance.models import Indicator, Outcome, TargetValue, ValueVersion
from partnerscope.apps.performance.status_snapshots import as_of_date, reporting_settings
from partnerscope.core.indicators import Frequency as CoreFrequency
from partnerscope.core.indicators import (
    IndicatorCoverage,
    OutcomeCoverage,
    Period,
    crowded_out,
    latest_due_period,
)
from partnerscope.core.indicators import Meeting as CoreMeeting


def _body_labels(partnership: Partnership) -> dict[int, str]:
    bodies = list(Body.objects.in_partnership(partnership).values_list("pk", "ref", "name"))
    names = Counter(name for _, _, name in bodies)
    return {pk: name if names[name] == 1 else f"{name} ({ref})" for pk, ref, name in bodies}


def crowding_inputs(
    partnership: Partnership,
) -> tuple[list[OutcomeCoverage], list[CoreMeeting], date, dict[str, Outcome]]:
    """The outcomes and meetings as the core's crowding-out types, and the date judged at."""
    settings = reporting_settings(partnership)
    as_of = as_of_date(settings)
    bodies = _body_labels(partnership)
    indicators = {
        indicator.pk: indicator for indicator in Indicator.objects.in_partnership(partnership)
    }
    with_target = set(
        TargetValue.objects.filter(target__indicator__partnership=partnership)
        .values_list("target__indicator_id", flat=True)
        .distinct()
    )
    latest_ordinal = dict(
        ValueVersion.objects.filter(indicator__partnership=partnership, is_current=True)
        .values("indicator_id")
        .annotate(latest=Max("ordinal"))
        .values_list("indicator_id", "latest")
    )
    coverage: dict[int, IndicatorCoverage] = {}
    for pk, indicator in indicators.items():
        frequency = CoreFrequency(indicator.frequency)
        due_days = indicator.due_days if indicator.due_days is not None else settings.due_days
        latest = latest_ordinal.get(pk)
        coverage[pk] = IndicatorCoverage(
            indicator=indicator.code,
            has_target=pk in with_target,
            latest_value=None if latest is None else Period(frequency, latest),
            current_period=latest_due_period(frequency, as_of, due_days),
        )
    links: dict[int, list[int]] = {}
    for indicator_id, outcome_id in Indicator.outcomes.through.objects.filter(
        indicator__partnership=partnership
    ).values_list("indicator_id", "outcome_id"):
        links.setdefault(outcome_id, []).append(indicator_id)
    outcomes = [outcome for outcome, _ in outcome_tree(partnership)]
    by_ref = {outcome.ref: outcome for outcome in outcomes}
    parents = {outcome.pk: outcome.parent_id for outcome in outcomes}
    ancestry = {outcome.pk: _ancestors(outcome.pk, parents) for outcome in outcomes}
    measured: dict[int, set[int]] = {}
    for outcome_id, indicator_ids in links.items():
        for pk in ancestry.get(outcome_id, [outcome_id]):
            measured.setdefault(pk, set()).update(indicator_ids)
    coverages = [
        OutcomeCoverage(
            outcome=outcome.ref,
            title=outcome.title,
            owner=outcome.owner.name if outcome.owner else None,
            body=bodies.get(outcome.body_id) if outcome.body_id else None,
            indicators=tuple(
                coverage[pk]
                for pk in sorted(measured.get(outcome.pk, ()), key=lambda i: indicators[i].code)
            ),
        )
        for outcome in outcomes
    ]
    refs = {outcome.pk: outcome.ref for outcome in outcomes}
    discussed: dict[int, set[str]] = {}
    for meeting_id, outcome_id in Outcome.agenda_items.through.objects.filter(
        outcome__partnership=partnership
    ).values_list("agendaitem__meeting_id", "outcome_id"):
        discussed.setdefault(meeting_id, set()).update(
            refs[pk] for pk in ancestry.get(outcome_id, [outcome_id])
        )
    meetings = [
        CoreMeeting(
            body=bodies[body_id], held_on=held_on, outcomes=frozenset(discussed.get(pk, ()))
        )
        for pk, body_id, held_on in Meeting.objects.in_partnership(partnership).values_list(
            "pk", "body_id", "date"
        )
    ]
    return coverages, meetings, as_of, by_ref


def _ancestors(outcome_id: int, parents: Mapping[int, int | None]) -> list[int]:
    """The outcome and every outcome above it (its goal's theme, and so on)."""
    chain = [outcome_id]
    current = parents.get(outcome_id)
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


@dataclass
class CrowdingReport:
    as_of: date
    rows: list[dict[str, Any]]
    outcome_count: int


def crowding_report(partnership: Partnership) -> CrowdingReport:
    """Outcomes at risk of being crowded out, each with every reason."""
    coverages, meetings, as_of, by_ref = crowding_inputs(partnership)
    found = crowded_out(coverages, meetings, as_of)
    rows = [
        {**item.to_dict(), "outcome": by_ref[item.outcome]}
        for item in found
        if item.outcome in by_ref
    ]
    return CrowdingReport(as_of, rows, len(coverages))
