"""The data-quality register: people's latest rating of each dimension of each indicator,
and the automatic checks' findings across every area.

A key lists each automatic check once, with its dimension, its full wording and how many
findings it made; the findings table names the check briefly and can be narrowed to one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.choices import Dimension
from partnerscope.apps.performance.lookups import PAGE_SIZE
from partnerscope.apps.performance.models import (
    Area,
    Indicator,
    IndicatorStatusSnapshot,
    QualityRecord,
)
from partnerscope.core.indicators import QUALITY_RULES, QualityRule

CHECK_BY_NAME = {rule.name: rule for rule in QUALITY_RULES}


@dataclass(frozen=True)
class Finding:
    """One automatic finding about one series, ready for a table row."""

    indicator: Indicator
    area: Area
    rule: QualityRule
    period: str | None
    detail: str


@dataclass(frozen=True)
class CheckCount:
    """A check with its count, whether it is the chosen one, and the query choosing it
    (None when it found nothing to show)."""

    rule: QualityRule
    count: int
    chosen: bool
    query: str | None


@dataclass
class QualityRegister:
    ratings: list[tuple[Indicator, list[QualityRecord | None]]]
    dimensions: list[str]
    checks: list[CheckCount]
    check: QualityRule | None
    total: int
    page: Page
    findings: list[Finding]

    @property
    def finding_count(self) -> int:
        """How many findings the chosen check (or every check) made."""
        return int(self.page.paginator.count)

    @property
    def every_check(self) -> bool:
        """Whether the findings of every check are shown (none was chosen)."""
        return self.check is None

    @property
    def query(self) -> str:
        """The chosen check as a query string, for the page links that keep it."""
        return urlencode({"check": self.check.name}) if self.check is not None else ""


def latest_ratings(partnership: Partnership) -> list[tuple[Indicator, list[QualityRecord | None]]]:
    """Each rated indicator with its latest rating of every dimension (None where unrated)."""
    latest: dict[tuple[int, str], QualityRecord] = {}
    for record in QualityRecord.objects.filter(indicator__partnership=partnership):
        latest.setdefault((record.indicator_id, record.dimension), record)
    rated = {indicator_id for indicator_id, _ in latest}
    return [
        (indicator, [latest.get((indicator.pk, value)) for value, _ in Dimension.choices])
        for indicator in Indicator.objects.in_partnership(partnership).order_by("code")
        if indicator.pk in rated
    ]


def all_findings(partnership: Partnership) -> list[Finding]:
    """Every stored finding, by indicator code and then area.

    Reads plain rows and looks indicators and areas up by key, because a large
    partnership has hundreds of thousands of statuses."""
    indicators = {item.pk: item for item in Indicator.objects.in_partnership(partnership)}
    areas = {item.pk: item for item in Area.objects.in_partnership(partnership)}
    rows = (
        IndicatorStatusSnapshot.objects.in_partnership(partnership)
        .with_quality_findings()
        .in_report_order()
        .values_list("indicator_id", "area_id", "quality")
    )
    return [
        Finding(
            indicators[indicator_id],
            areas[area_id],
            CHECK_BY_NAME[finding["rule"]],
            finding.get("period"),
            finding.get("detail", ""),
        )
        for indicator_id, area_id, quality in rows.iterator(chunk_size=5000)
        for finding in quality
        if finding.get("rule") in CHECK_BY_NAME
    ]


def quality_register(
    partnership: Partnership, check_name: str | None, page_number: Any
) -> QualityRegister:
    """The register, its findings narrowed to one check when ``check_name`` names one."""
    findings = all_findings(partnership)
    tally = Counter(finding.rule.name for finding in findings)
    check = CHECK_BY_NAME.get(check_name or "")
    if check is not None:
        findings = [finding for finding in findings if finding.rule is check]
    page = Paginator(findings, PAGE_SIZE).get_page(page_number)
    return QualityRegister(
        ratings=latest_ratings(partnership),
        dimensions=[label for _, label in Dimension.choices],
        checks=[
            CheckCount(
                rule,
                tally[rule.name],
                rule is check,
                urlencode({"check": rule.name}) if tally[rule.name] else None,
            )
            for rule in QUALITY_RULES
        ],
        check=check,
        total=sum(tally.values()),
        page=page,
        findings=list(page.object_list),
    )
