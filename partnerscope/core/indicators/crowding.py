"""Crowding out: shared outcomes that the partnership's attention has slipped away from.

An outcome is listed, with each reason, when it has no indicator, no target, no owner, no
time on its owning body's agenda in the body's last four meetings, or no value for its
indicators in the last two periods that were due. An outcome with no indicator is listed
for that reason alone (no target and no value follow from it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from partnerscope.core.indicators.periods import Period
from partnerscope.core.indicators.rules import Rule

__all__ = [
    "IndicatorCoverage",
    "OutcomeCoverage",
    "Meeting",
    "CrowdingReason",
    "CrowdedOutcome",
    "CROWDING_NO_INDICATOR",
    "CROWDING_NO_TARGET",
    "CROWDING_NO_OWNER",
    "CROWDING_NO_AGENDA_TIME",
    "CROWDING_NO_RECENT_VALUE",
    "CROWDING_RULES",
    "MEETINGS_CONSIDERED",
    "PERIODS_WITHOUT_VALUE",
    "crowded_out",
]

MEETINGS_CONSIDERED = 4
PERIODS_WITHOUT_VALUE = 2

CROWDING_NO_INDICATOR = Rule(
    "crowding_no_indicator", "No indicator: nothing measures progress towards the outcome."
)
CROWDING_NO_TARGET = Rule(
    "crowding_no_target", "No target: none of the outcome's indicators has a target."
)
CROWDING_NO_OWNER = Rule(
    "crowding_no_owner", "No owner: no person or organisation is accountable for the outcome."
)
CROWDING_NO_AGENDA_TIME = Rule(
    "crowding_no_agenda_time",
    "No agenda time: the outcome was not discussed at any of the last four meetings of the "
    "body that owns it (or it has no owning body, or the body has not met).",
)
CROWDING_NO_RECENT_VALUE = Rule(
    "crowding_no_recent_value",
    "No recent value: none of the outcome's indicators has a value for either of the last "
    "two periods that were due.",
)
CROWDING_RULES = (
    CROWDING_NO_INDICATOR,
    CROWDING_NO_TARGET,
    CROWDING_NO_OWNER,
    CROWDING_NO_AGENDA_TIME,
    CROWDING_NO_RECENT_VALUE,
)


@dataclass(frozen=True, slots=True)
class IndicatorCoverage:
    """What is known of one indicator of an outcome.

    ``latest_value`` is the latest period with a value; ``current_period`` the latest
    period whose value was due (see
    :func:`~partnerscope.core.indicators.periods.latest_due_period`); ``None`` when unknown.
    """

    indicator: str
    has_target: bool = False
    latest_value: Period | None = None
    current_period: Period | None = None

    @property
    def stale(self) -> bool:
        """No value for the last two periods that were due (``False`` when not known)."""
        if self.current_period is None:
            return False
        if self.latest_value is None:
            return True
        return self.latest_value.ordinal <= self.current_period.ordinal - PERIODS_WITHOUT_VALUE


@dataclass(frozen=True, slots=True)
class OutcomeCoverage:
    """A shared outcome, its owner, its owning body and its indicators."""

    outcome: str
    title: str = ""
    owner: str | None = None
    body: str | None = None
    indicators: tuple[IndicatorCoverage, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting of a body and the outcomes that had time on its agenda."""

    body: str
    held_on: date
    outcomes: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CrowdingReason:
    """One reason an outcome is listed: the rule and the particulars."""

    rule: Rule
    detail: str

    def to_dict(self) -> dict[str, str]:
        """``rule``, ``text`` and ``detail``."""
        return {"rule": self.rule.name, "text": self.rule.text, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class CrowdedOutcome:
    """An outcome at risk of being crowded out, with every reason."""

    outcome: str
    title: str
    reasons: tuple[CrowdingReason, ...]

    def to_dict(self) -> dict[str, Any]:
        """``outcome``, ``title`` and ``reasons``."""
        return {
            "outcome": self.outcome,
            "title": self.title,
            "reasons": [reason.to_dict() for reason in self.reasons],
        }


def _agenda_reason(
    outcome: OutcomeCoverage, meetings_by_body: dict[str, list[Meeting]]
) -> CrowdingReason | None:
    if outcome.body is None:
        return CrowdingReason(CROWDING_NO_AGENDA_TIME, "the outcome has no owning body")
    held = meetings_by_body.get(outcome.body, [])
    if not held:
        return CrowdingReason(CROWDING_NO_AGENDA_TIME, f"{outcome.body} has not met")
    recent = held[-MEETINGS_CONSIDERED:]
    if any(outcome.outcome in meeting.outcomes for meeting in recent):
        return None
    dates = ", ".join(meeting.held_on.isoformat() for meeting in recent)
    return CrowdingReason(
        CROWDING_NO_AGENDA_TIME, f"not on the agenda of {outcome.body} on {dates}"
    )


def crowded_out(
    outcomes: Sequence[OutcomeCoverage],
    meetings: Sequence[Meeting],
    as_of: date | None = None,
) -> tuple[CrowdedOutcome, ...]:
    """List the outcomes with one or more crowding-out reasons, in the order given.

    Only meetings held on or before ``as_of`` count (all of them when it is ``None``).

    Examples
    --------
    >>> m = [Meeting("board", date(2024, month, 1), frozenset({"jobs"})) for month in (1, 4)]
    >>> found = crowded_out(
    ...     [OutcomeCoverage("jobs", owner="council", body="board",
    ...                      indicators=(IndicatorCoverage("NI 151", has_target=True),)),
    ...      OutcomeCoverage("homes", owner="council", body="board")],
    ...     m,
    ... )
    >>> [(o.outcome, [r.rule.name for r in o.reasons]) for o in found]
    [('homes', ['crowding_no_indicator', 'crowding_no_agenda_time'])]
    """
    meetings_by_body: dict[str, list[Meeting]] = {}
    for meeting in sorted(meetings, key=lambda m: m.held_on):
        if as_of is None or meeting.held_on <= as_of:
            meetings_by_body.setdefault(meeting.body, []).append(meeting)
    listed: list[CrowdedOutcome] = []
    for outcome in outcomes:
        reasons: list[CrowdingReason] = []
        if not outcome.indicators:
            reasons.append(CrowdingReason(CROWDING_NO_INDICATOR, "no indicator is linked"))
        elif not any(indicator.has_target for indicator in outcome.indicators):
            names = ", ".join(indicator.indicator for indicator in outcome.indicators)
            reasons.append(CrowdingReason(CROWDING_NO_TARGET, f"no target for {names}"))
        if not outcome.owner:
            reasons.append(CrowdingReason(CROWDING_NO_OWNER, "no owner is recorded"))
        agenda = _agenda_reason(outcome, meetings_by_body)
        if agenda is not None:
            reasons.append(agenda)
        if outcome.indicators and all(indicator.stale for indicator in outcome.indicators):
            details = "; ".join(
                f"{indicator.indicator}: latest "
                f"{'none' if indicator.latest_value is None else indicator.latest_value}, "
                f"due {indicator.current_period}"
                for indicator in outcome.indicators
            )
            reasons.append(CrowdingReason(CROWDING_NO_RECENT_VALUE, details))
        if reasons:
            listed.append(CrowdedOutcome(outcome.outcome, outcome.title, tuple(reasons)))
    return tuple(listed)
