"""Keeping the strategy's outcomes, the partnership's areas, the agenda time each
outcome had, and the reporting settings the statuses are judged with."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.models import AgendaItem, Meeting
from partnerscope.apps.performance.models import Area, Outcome, PerformanceSettings
from partnerscope.apps.performance.status_snapshots import refresh_partnership


def save_settings(access: Access, form: Any) -> PerformanceSettings:
    settings: PerformanceSettings = form.save()
    refresh_partnership(access.partnership)
    return settings


def save_area(access: Access, form: Any) -> Area:
    area: Area = form.save(commit=False)
    area.partnership = access.partnership
    if not area.ref:
        area.ref = unique_ref(Area.objects.in_partnership(access.partnership), area.name)
    area.save()
    return area


def save_outcome(access: Access, form: Any) -> Outcome:
    outcome: Outcome = form.save(commit=False)
    outcome.partnership = access.partnership
    if not outcome.ref:
        outcome.ref = unique_ref(Outcome.objects.in_partnership(access.partnership), outcome.title)
    outcome.save()
    return outcome


def set_agenda_time(outcome: Outcome, agenda_items: Iterable[AgendaItem]) -> None:
    """Record the items of business at which the outcome had time on the agenda."""
    outcome.agenda_items.set(list(agenda_items))


def recent_agenda(outcome: Outcome, meetings: int = 8) -> list[tuple[Meeting, list[AgendaItem]]]:
    """The owning body's latest meetings and their agenda items."""
    if outcome.body is None:
        return []
    held = list(Meeting.objects.filter(body=outcome.body).order_by("-date")[:meetings])
    items: dict[int, list[AgendaItem]] = {}
    for item in AgendaItem.objects.filter(meeting__in=held).order_by("position"):
        items.setdefault(item.meeting_id, []).append(item)
    return [(meeting, items.get(meeting.pk, [])) for meeting in held]
