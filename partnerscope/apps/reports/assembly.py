"""Assembling the health-check report from the sections every area offers.

The report is the sections of :func:`partnerscope.apps.common.extensions.report_sections`
in the report's order, each rendered from its own template with what its ``context``
returns. The same rendered sections go into the page on the site, the board pack, the public
version and the PDF, so they always agree. An area that offers no section is simply absent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from partnerscope.apps.common.extensions import report_sections
from partnerscope.apps.common.reporting import ReportRequest, ReportSection


class UnknownSections(ValueError):
    """Some asked-for section names are not sections of this report."""

    def __init__(self, unknown: Sequence[str], valid: Sequence[str]) -> None:
        self.unknown = list(unknown)
        self.valid = list(valid)
        super().__init__(
            f"unknown section{'s' if len(self.unknown) != 1 else ''}: {', '.join(self.unknown)} "
            f"(valid: {', '.join(self.valid) or 'none'})"
        )


@dataclass(frozen=True)
class RenderedSection:
    key: str
    title: str
    html: str

    @property
    def anchor(self) -> str:
        return f"report-section-{self.key}"


@dataclass(frozen=True)
class Report:
    """A rendered report: for whom, its title, its sections and when it was made."""

    request: ReportRequest
    title: str
    sections: list[RenderedSection]
    made_at: dt.datetime
    meeting: dt.date | None = None
    kind: str = "report"
    notes: list[str] = field(default_factory=list)

    @property
    def partnership(self) -> Any:
        return self.request.partnership

    @property
    def public(self) -> bool:
        return self.request.public


def offered(public: bool = False) -> list[ReportSection]:
    """The sections the installed areas offer, in order; only public ones for the public."""
    return [s for s in report_sections() if s.in_public_version or not public]


def choose(keys: Sequence[str] | None, public: bool = False) -> list[ReportSection]:
    """The offered sections named by ``keys`` in the report's order (all when None).

    Raises :class:`UnknownSections` naming the unknown names and the valid ones.
    """
    sections = offered(public)
    if keys is None:
        return sections
    valid = [s.key for s in sections]
    unknown = [key for key in keys if key not in valid]
    if unknown:
        raise UnknownSections(unknown, valid)
    wanted = set(keys)
    return [s for s in sections if s.key in wanted]


def render_section(section: ReportSection, request: ReportRequest) -> RenderedSection:
    context = {**section.context(request), "section": section, "report": request}
    return RenderedSection(section.key, section.title, render_to_string(section.template, context))


def default_title(partnership: Any, public: bool) -> str:
    kind = "Public report" if public else "Health-check report"
    return f"{kind}: {partnership.name}"


def build(
    partnership: Any,
    *,
    keys: Sequence[str] | None = None,
    public: bool = False,
    today: dt.date | None = None,
    title: str = "",
    meeting: dt.date | None = None,
    kind: str = "report",
    progress: Any = None,
) -> Report:
    """Render the chosen sections (every offered one when ``keys`` is None) for ``partnership``.

    ``progress``, when given, is called with each section's title before it is rendered.
    """
    request = ReportRequest(partnership, today or timezone.localdate(), public)
    rendered = []
    for section in choose(keys, public):
        if progress is not None:
            progress(section.title)
        rendered.append(render_section(section, request))
    return Report(
        request=request,
        title=title or default_title(partnership, public),
        sections=rendered,
        made_at=timezone.now(),
        meeting=meeting,
        kind=kind,
    )


def body_html(report: Report) -> str:
    """The contents and sections, as the page, the board pack and the public version show."""
    return render_to_string("reports/includes/_body.html", {"document": report})


def document_html(report: Report) -> str:
    """The report as one standalone HTML document with its print stylesheet, for the PDF."""
    return render_to_string(
        "reports/document.html", {"document": report, "body": body_html(report)}
    )
