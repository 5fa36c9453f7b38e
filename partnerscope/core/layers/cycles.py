"""Partners' planning and reporting cycles: each partner's financial year, budget-setting
window, business-planning window and reporting period, the defaults by sector (each with its
source), and the two rules the study's point about unaligned cycles calls for.

The study found that planning and reporting cycles that are not aligned make it hard to
align performance and resource management. Two things can be checked from the records: a
decision that commits partners' money taken when a partner is not setting its budget, and
partners whose reporting periods end in different months, so their figures cannot be added
up period by period.

Months are numbers (1 January … 12 December); a window runs from its first month to its last
and may wrap round the year end (October to February).

Examples
--------
>>> council = cycle_for("council", "northshire-council")
>>> council.budget_months()
(10, 11, 12, 1, 2)
>>> council.period_ends()
(6, 9, 12, 3)
>>> PartnerCycle("ccg", year_start_month=1).period_ends()
(3, 6, 9, 12)
"""

from __future__ import annotations

import calendar
import inspect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import ClassVar, Final

from partnerscope.core.findings import (
    Evidence,
    EvidenceValue,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
)
from partnerscope.core.layers.model import Governance
from partnerscope.core.layers.rules.base import AREA

__all__ = [
    "CYCLE_RULES",
    "SECTOR_CYCLES",
    "CycleRule",
    "DecisionOutsideBudgetWindow",
    "PartnerCycle",
    "ReportingPeriodsMisaligned",
    "cycle_findings",
    "cycle_for",
    "decision_meetings",
    "months_between",
    "sector_sources",
]

DECISION_FUNCTION: Final = "resource_allocation"
"""An agenda item of this function commits partners' money: the meeting is a decision."""
MONTH_NAMES: Final = calendar.month_name[1:]


def months_between(first: int, last: int) -> tuple[int, ...]:
    """The months from ``first`` to ``last``, wrapping round the year end.

    >>> months_between(11, 2)
    (11, 12, 1, 2)
    """
    count = (last - first) % 12 + 1
    return tuple((first - 1 + step) % 12 + 1 for step in range(count))


@dataclass(frozen=True, slots=True)
class PartnerCycle:
    """One partner's cycles: the month its financial year starts, the months it sets its
    budget and makes its business plan, and how many months each reporting period lasts."""

    organisation: str
    year_start_month: int = 4
    budget_start_month: int = 10
    budget_end_month: int = 2
    planning_start_month: int = 9
    planning_end_month: int = 3
    reporting_period_months: int = 3

    def budget_months(self) -> tuple[int, ...]:
        return months_between(self.budget_start_month, self.budget_end_month)

    def planning_months(self) -> tuple[int, ...]:
        return months_between(self.planning_start_month, self.planning_end_month)

    def period_ends(self) -> tuple[int, ...]:
        """The months in which its reporting periods end, from the first of its year."""
        step = self.reporting_period_months
        return tuple(
            (self.year_start_month - 2 + step * number) % 12 + 1
            for number in range(1, 12 // step + 1)
        )


SOURCE = "PartnerScope's default; enter each partner's own cycle where it differs."
SECTOR_CYCLES: Mapping[str, tuple[PartnerCycle, str]] = MappingProxyType(
    {
        "council": (
            PartnerCycle("", 4, 10, 2, 9, 3, 3),
            "Councils' financial year starts on 1 April and the council tax must be set "
            f"before 11 March, so budgets are built from October to February. {SOURCE}",
        ),
        "health": (
            PartnerCycle("", 4, 12, 3, 10, 3, 3),
            "The NHS financial year starts on 1 April; plans and budgets follow the national "
            f"planning guidance published in the winter, from December to March. {SOURCE}",
        ),
        "police": (
            PartnerCycle("", 4, 11, 2, 10, 3, 3),
            "The police financial year starts on 1 April and the precept is set by February, "
            f"so budgets are built from November to February. {SOURCE}",
        ),
        "fire": (
            PartnerCycle("", 4, 11, 2, 10, 3, 3),
            "Fire and rescue authorities set their budget and precept by February for a year "
            f"starting on 1 April. {SOURCE}",
        ),
        "education": (
            PartnerCycle("", 9, 3, 6, 1, 7, 3),
            "Academies and colleges keep an academic year from 1 September and budget in the "
            f"spring and summer before it. {SOURCE}",
        ),
        "voluntary_community": (
            PartnerCycle("", 4, 1, 3, 1, 3, 6),
            "Most charities keep a year from 1 April, set their budget in its last quarter "
            f"and report to funders every six months. {SOURCE}",
        ),
    }
)
"""Each sector's usual cycle (a partner of another sector takes the council's), and its
source."""


def sector_sources() -> dict[str, str]:
    """Each sector's default cycle's source, as the rules page lists them."""
    return {sector: source for sector, (_cycle, source) in SECTOR_CYCLES.items()}


def cycle_for(sector: str, organisation: str) -> PartnerCycle:
    """The default cycle of an organisation of ``sector``."""
    default, _source = SECTOR_CYCLES.get(sector, SECTOR_CYCLES["council"])
    return replace(default, organisation=organisation)


def decision_meetings(governance: Governance) -> list[tuple[str, date, str]]:
    """The partnership's decision meetings (meeting ref, date, body ref): those with an item
    that allocates resources, that is commits partners' money."""
    deciding = {
        item.meeting for item in governance.agenda_items if item.function == DECISION_FUNCTION
    }
    return sorted(
        (meeting.ref, meeting.date, meeting.body)
        for meeting in governance.meetings
        if meeting.ref in deciding
    )


class CycleRule:
    """A named test of the partners' cycles; its docstring's first paragraph is its text."""

    id: ClassVar[str]
    label: ClassVar[str]
    severity: ClassVar[Severity] = Severity.MEDIUM

    @classmethod
    def ref(cls) -> RuleRef:
        first = inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0]
        return RuleRef(cls.id, cls.label, " ".join(first.split()))

    def findings(
        self, governance: Governance, cycles: Sequence[PartnerCycle]
    ) -> tuple[Finding, ...]:
        raise NotImplementedError

    def found(
        self, ref: str, name: str, message: str, figures: list[tuple[str, EvidenceValue]]
    ) -> Finding:
        return Finding(
            area=AREA,
            rule=self.ref(),
            subject=Subject(SubjectKind.ORGANISATION, ref, name),
            severity=self.severity,
            evidence=Evidence(tuple(figures)),
            message=message,
        )


class DecisionOutsideBudgetWindow(CycleRule):
    """A decision that commits partners' money is taken while a partner with a seat on the
    deciding body is setting its budget, not after it has been set elsewhere: a decision
    outside that partner's budget-setting window finds its money already committed.

    A decision meeting is one with an item that allocates resources; a partner is affected
    when someone from it holds a seat on the deciding body on the meeting's date.
    """

    id = "decision_outside_budget_window"
    label = "Decision outside a partner's budget window"

    def findings(
        self, governance: Governance, cycles: Sequence[PartnerCycle]
    ) -> tuple[Finding, ...]:
        organisation_of = {person.ref: person.organisation for person in governance.people}
        names = {org.ref: org.name for org in governance.organisations}
        bodies = {body.ref: body.name for body in governance.bodies}
        outside: dict[str, list[tuple[date, str]]] = {}
        by_organisation = {cycle.organisation: cycle for cycle in cycles}
        for _meeting, day, body in decision_meetings(governance):
            seated = {
                organisation_of.get(seat.person, "")
                for seat in governance.memberships
                if seat.body == body and seat.holds_seat_on(day)
            }
            for organisation in sorted(seated & set(by_organisation)):
                if day.month not in by_organisation[organisation].budget_months():
                    outside.setdefault(organisation, []).append((day, body))
        found = []
        for organisation, decisions in outside.items():
            cycle = by_organisation[organisation]
            window = (
                f"{MONTH_NAMES[cycle.budget_start_month - 1]} to "
                f"{MONTH_NAMES[cycle.budget_end_month - 1]}"
            )
            shown = ", ".join(
                f"{bodies.get(body, body)} {day.isoformat()}" for day, body in decisions[:3]
            )
            found.append(
                self.found(
                    organisation,
                    names.get(organisation, organisation),
                    f"{len(decisions)} decisions committing partners' money fell outside "
                    f"{names.get(organisation, organisation)}'s budget-setting window "
                    f"({window}): {shown}.",
                    [
                        ("decisions outside the window", len(decisions)),
                        ("budget window", window),
                        ("first decisions", shown),
                    ],
                )
            )
        return tuple(found)


class ReportingPeriodsMisaligned(CycleRule):
    """Partners' reporting periods can be combined: each partner's periods end in months in
    which the lead partner's periods also end (or the other way round), so that figures can
    be added up period by period. Quarters that end in different months cannot be combined.

    The lead partner is the council (the first council by ref), or else the first partner.
    """

    id = "reporting_periods_misaligned"
    label = "Reporting periods that cannot be combined"

    def findings(
        self, governance: Governance, cycles: Sequence[PartnerCycle]
    ) -> tuple[Finding, ...]:
        if len(cycles) < 2:
            return ()
        sectors = {org.ref: org.sector for org in governance.organisations}
        names = {org.ref: org.name for org in governance.organisations}
        ordered = sorted(cycles, key=lambda cycle: cycle.organisation)
        lead = next((c for c in ordered if sectors.get(c.organisation) == "council"), ordered[0])
        lead_ends = set(lead.period_ends())
        found = []
        for cycle in ordered:
            ends = set(cycle.period_ends())
            if cycle is lead or ends <= lead_ends or lead_ends <= ends:
                continue
            found.append(
                self.found(
                    cycle.organisation,
                    names.get(cycle.organisation, cycle.organisation),
                    f"{names.get(cycle.organisation, cycle.organisation)}'s reporting periods "
                    f"end in {', '.join(MONTH_NAMES[m - 1] for m in cycle.period_ends())}; "
                    f"{names.get(lead.organisation, lead.organisation)}'s end in "
                    f"{', '.join(MONTH_NAMES[m - 1] for m in lead.period_ends())}: their figures "
                    "cannot be combined period by period.",
                    [
                        ("period ends", ", ".join(str(m) for m in cycle.period_ends())),
                        ("lead partner", lead.organisation),
                        ("lead period ends", ", ".join(str(m) for m in lead.period_ends())),
                    ],
                )
            )
        return tuple(found)


CYCLE_RULES: tuple[CycleRule, ...] = (DecisionOutsideBudgetWindow(), ReportingPeriodsMisaligned())


def cycle_findings(governance: Governance, cycles: Sequence[PartnerCycle]) -> tuple[Finding, ...]:
    """What the cycle rules find in the partnership's decisions and its partners' cycles."""
    return tuple(finding for rule in CYCLE_RULES for finding in rule.findings(governance, cycles))
