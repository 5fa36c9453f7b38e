"""The dashboard: every indicator's stored status in one area, grouped by the strategy's
themes, with a count of each rating per theme and a sparkline per indicator."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.urls import reverse

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.charts import figure, sparkline
from partnerscope.apps.performance.choices import Direction
from partnerscope.apps.performance.lookups import PAGE_SIZE, chosen_area, code_key, theme_of
from partnerscope.apps.performance.models import Area, Indicator, IndicatorStatusSnapshot, Outcome

RAG_ORDER = [("red", "Red"), ("amber", "Amber"), ("green", "Green"), ("", "No rating")]
DIRECTION_LABELS = dict(Direction.choices)


@dataclass
class ThemeSummary:
    ref: str
    title: str
    counts: dict[str, int]
    total: int


@dataclass
class DashboardRow:
    theme: str
    indicator_id: int
    code: str
    title: str
    url: str
    unit: str
    latest_period: str
    latest_value: str
    target: str
    rag: str
    direction: str
    sparkline: Any


@dataclass
class Dashboard:
    area: Area
    areas: list[Area]
    as_of: date | None
    themes: list[ThemeSummary]
    page: Page
    groups: list[tuple[str, list[DashboardRow]]]
    indicator_count: int


UNLINKED = "Not linked to an outcome"


def dashboard(partnership: Partnership, area_ref: str | None, page_number: Any) -> Dashboard:
    """Every indicator's stored status in one area, grouped by the strategy's themes."""
    area, areas = chosen_area(partnership, area_ref)
    outcomes = list(
        Outcome.objects.in_partnership(partnership).values_list("pk", "parent_id", "title")
    )
    parents = {pk: parent for pk, parent, _ in outcomes}
    titles = {pk: title for pk, _, title in outcomes}
    theme_ids = [pk for pk, parent, _ in outcomes if parent is None or parent not in parents]
    links = Indicator.outcomes.through.objects.filter(
        indicator__partnership=partnership
    ).values_list("indicator_id", "outcome_id")
    themes_of: dict[int, set[int]] = {}
    for indicator_id, outcome_id in links:
        themes_of.setdefault(indicator_id, set()).add(theme_of(outcome_id, parents))
    snapshots = {
        row["indicator_id"]: row
        for row in IndicatorStatusSnapshot.objects.filter(
            area=area, indicator__partnership=partnership
        ).values(
            "indicator_id",
            "as_of",
            "latest_period",
            "latest_value",
            "target",
            "rag",
            "direction",
            "recent",
        )
    }
    indicators = sorted(
        Indicator.objects.in_partnership(partnership).values_list("pk", "code", "title", "unit"),
        key=lambda item: code_key(item[1]),
    )
    by_theme: dict[int | None, list[tuple[int, str, str, str]]] = {}
    for indicator in indicators:
        for theme in sorted(themes_of.get(indicator[0], {None}), key=lambda t: t or 0):
            by_theme.setdefault(theme, []).append(indicator)
    ordered_themes: list[int | None] = [t for t in theme_ids if t in by_theme]
    if None in by_theme:
        ordered_themes.append(None)
    summaries = []
    flat: list[tuple[str, tuple[int, str, str, str]]] = []
    for theme in ordered_themes:
        title = UNLINKED if theme is None else titles[theme]
        counts = Counter(snapshots.get(item[0], {}).get("rag", "") for item in by_theme[theme])
        summaries.append(
            ThemeSummary(
                ref=f"theme-{theme or 'none'}",
                title=title,
                counts={key or "none": counts.get(key, 0) for key, _ in RAG_ORDER},
                total=len(by_theme[theme]),
            )
        )
        flat += [(title, item) for item in by_theme[theme]]
    page = Paginator(flat, PAGE_SIZE).get_page(page_number)
    base = reverse("performance:indicator_detail", args=[partnership.slug, 0])[: -len("0/")]
    groups: list[tuple[str, list[DashboardRow]]] = []
    for theme_title, (pk, code, title, unit) in page.object_list:
        snapshot = snapshots.get(pk, {})
        row = DashboardRow(
            theme=theme_title,
            indicator_id=pk,
            code=code,
            title=title,
            url=f"{base}{pk}/?area={area.ref}",
            unit=unit,
            latest_period=snapshot.get("latest_period") or "–",
            latest_value=figure(snapshot.get("latest_value")),
            target=figure(snapshot.get("target")),
            rag=snapshot.get("rag", ""),
            direction=DIRECTION_LABELS.get(snapshot.get("direction", ""), "–"),
            sparkline=sparkline(
                f"spark-{pk}-{len(groups)}", f"Trend of {code} in {area.name}", snapshot["recent"]
            )
            if snapshot.get("recent")
            else "",
        )
        if not groups or groups[-1][0] != theme_title:
            groups.append((theme_title, []))
        groups[-1][1].append(row)
    as_of = next(iter(snapshots.values()))["as_of"] if snapshots else None
    return Dashboard(area, areas, as_of, summaries, page, groups, len(indicators))
