"""The flags area's sections of the health-check report: the summary with the flags and
the register's counts, and the three questions with their answers and evidence.

Both are fit for the public version: they hold no individual answer and no group below
the anonymity threshold (flags and the register's counts are about outcomes and the
partnership), and they name no person (a decision shows its reason, not who made it).
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.findings import selectors as register
from partnerscope.apps.flags import selectors


def summary_context(request: ReportRequest) -> dict[str, Any]:
    views = selectors.flags(request.partnership)
    decided = [view for view in views if view.status in ("confirmed", "changed")]
    return {
        "red_flags": [view for view in decided if view.colour == "red"],
        "green_flags": [view for view in decided if view.colour == "green"],
        "known_and_being_tackled": [view for view in views if view.known_and_being_tackled],
        "candidates": sum(
            1 for view in views if view.status == "candidate" and not view.known_and_being_tackled
        ),
        "open_by_severity": list(register.counts_by_severity(request.partnership).items()),
        "last_refresh": register.last_refresh(request.partnership),
    }


def questions_context(request: ReportRequest) -> dict[str, Any]:
    return {"questions": selectors.questions(request.partnership)}


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="summary",
            title="Summary and flags",
            order=ORDER["summary"],
            template="flags/report/summary.html",
            context=summary_context,
        ),
        ReportSection(
            key="questions",
            title="The three questions",
            order=ORDER["questions"],
            template="flags/report/questions.html",
            context=questions_context,
        ),
    ]
