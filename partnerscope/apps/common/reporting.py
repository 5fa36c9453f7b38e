"""What an area offers the health-check report: its sections.

An area app declares ``report_sections`` in its ``AppConfig``: the dotted path of a function
returning a list of :class:`ReportSection`. The reports app gathers every area's sections
(:func:`partnerscope.apps.common.extensions.report_sections`), puts them in ``order`` and
renders each one's ``template`` with what its ``context`` returns, in HTML on the site and,
from the same templates, in PDF. A board pack is the same report with chosen sections.

The public version (``ReportRequest.public``) is read by local people: a section that offers
itself to it must then leave out every individual answer and every group below the
anonymity threshold, exactly as the published pages do; a section that cannot
(``in_public_version=False``) is left out of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

#: Suggested positions, so that sections from different apps fall in the report's order.
ORDER = {
    "summary": 10,
    "questions": 20,
    "outcomes": 30,
    "sevens": 40,
    "network": 50,
    "chains": 60,
    "performance": 70,
    "resources": 80,
    "costs": 85,
    "governance": 90,
    "scrutiny": 92,
    "strategy": 95,
    "actions": 100,
    "replies": 110,
    "learning": 120,
    "appendix": 900,
}


@dataclass(frozen=True)
class ReportRequest:
    """Who the report is built for: the partnership, the day, and whether it is the public
    version (no individual answers, anonymity thresholds kept, nothing internal)."""

    partnership: Any
    today: date
    public: bool = False


@dataclass(frozen=True)
class ReportSection:
    """One section of the health-check report.

    ``key`` names it in a board pack and on the command line (``--sections``); ``template``
    is a Django template rendered with ``context(request)`` plus ``section`` and
    ``report`` (the :class:`ReportRequest`). The report draws the section's ``title`` as its
    ``h2``; headings inside the template start at ``h3`` and never repeat the title.
    """

    key: str
    title: str
    order: int
    template: str
    context: Callable[[ReportRequest], dict[str, Any]]
    in_public_version: bool = True
