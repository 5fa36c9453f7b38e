"""What the flags pages show: the overview's groups, one flag with its evidence findings
(linked to the register) and its decisions, and the three questions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from partnerscope.apps.common.extensions import Panel
from partnerscope.apps.findings import selectors as register
from partnerscope.apps.flags import deciding, selectors
from partnerscope.apps.flags.models import Flag
from partnerscope.apps.flags.selectors import FlagView


@dataclass(frozen=True)
class Overview:
    """The partnership's flags, then each outcome's, and how many are shown each way."""

    partnership_flags: list[FlagView]
    outcomes: list[tuple[str, list[FlagView]]]
    counts: list[tuple[str, int]]


SHOWN_ORDER = (
    "Red flag, confirmed",
    "Green flag, confirmed",
    "Candidate red flag",
    "Candidate green flag",
    "Known and being tackled",
    "Rejected",
)


def build(partnership: Any) -> Overview:
    views = selectors.flags(partnership)
    outcomes: dict[str, list[FlagView]] = {}
    for view in views:
        if view.scope == "outcome":
            outcomes.setdefault(view.scope_name or view.scope_ref, []).append(view)
    shown = Counter(view.shown_as for view in views)
    counts = [(label, shown.pop(label, 0)) for label in SHOWN_ORDER]
    counts += sorted(shown.items())
    return Overview(
        partnership_flags=[view for view in views if view.scope == "partnership"],
        outcomes=sorted(outcomes.items()),
        counts=counts,
    )


def flag_page(partnership: Any, row: Flag) -> dict[str, Any]:
    """The flag, its evidence findings as the register holds them (a key the register no
    longer holds is listed by itself), and its decisions."""
    view = selectors.as_view(row, partnership.slug)
    stored = {
        (f["area"], f["rule"]["id"], f["subject"]["kind"], f["subject"]["ref"]): f
        for f in register.findings(partnership)
    }
    tackled = {tuple(key) for key in row.tackled_by}
    evidence = [
        {"key": key, "finding": stored.get(key), "tackled": key in tackled}
        for key in view.evidence_findings
    ]
    return {"flag": view, "evidence": evidence, "decisions": deciding.decisions(row)}


def questions_page(partnership: Any) -> list[dict[str, Any]]:
    return selectors.questions(partnership)


def finding_panel(request: Any, partnership: Any, key: tuple[str, str, str, str]) -> Panel | None:
    """On a finding's page: the flags whose evidence cites it (none: no panel)."""
    citing = [view for view in selectors.flags(partnership) if tuple(key) in view.evidence_findings]
    if not citing:
        return None
    return Panel("flags/includes/_finding_panel.html", {"flags": citing})
