"""What the governance pages show: one service per page, each reading the same layer
analysis (:func:`partnerscope.apps.governance.inputs.analysis_of`) and returning the
page's figures, tables and charts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.http import Http404

from partnerscope.apps.governance import charts
from partnerscope.apps.governance.diagram import layers_svg
from partnerscope.apps.governance.findings import located
from partnerscope.apps.governance.inputs import analysis_of
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.findings import Finding, SubjectKind
from partnerscope.core.layers import (
    CHAIR_KINDS,
    DEFAULT_RULES,
    LAYERS,
    TABLE_8,
    GovernanceResult,
    LayerSettings,
    body_figures,
    setting_sources,
)
from partnerscope.core.layers.rules.leadership import SHARES


def findings_by_body(found: tuple[Finding, ...] | list[Finding]) -> dict[str, list[Finding]]:
    by_body: dict[str, list[Finding]] = defaultdict(list)
    for finding in found:
        if finding.subject.kind is SubjectKind.BODY:
            by_body[finding.subject.ref].append(finding)
    return by_body


def body_tree(result: GovernanceResult, counts: dict[str, int]) -> list[dict[str, Any]]:
    """The bodies as a tree of reporting lines: those reporting to no known body first."""
    bodies = result.facts.governance.bodies
    known = {body.ref for body in bodies}
    children: dict[str | None, list[Any]] = defaultdict(list)
    for body in bodies:
        children[body.parent if body.parent in known else None].append(body)

    order = {layer: index for index, layer in enumerate(LAYERS)}

    def ordered(rows: list[Any]) -> list[Any]:
        return sorted(rows, key=lambda body: (order[body.layer], body.name))

    def node(body: Any, seen: frozenset[str]) -> dict[str, Any]:
        figures = body_figures(result.facts, body.ref)
        return {
            "body": body,
            "figures": figures,
            "findings": counts.get(body.ref, 0),
            "children": [
                node(child, seen | {body.ref})
                for child in ordered(children.get(body.ref, []))
                if child.ref not in seen
            ],
        }

    return [node(body, frozenset()) for body in ordered(children[None])]


def tree_order(tree: list[dict[str, Any]]) -> list[Any]:
    """The bodies of the tree, each before the bodies that report to it."""
    return [body for node in tree for body in (node["body"], *tree_order(node["children"]))]


def overview(partnership: Partnership) -> dict[str, Any]:
    """The three layers as a diagram and a nested list, with each body's findings."""
    result = analysis_of(partnership)
    found = located(partnership, result)
    by_body = findings_by_body(found)
    counts = {ref: len(items) for ref, items in by_body.items()}
    tree = body_tree(result, counts)
    return {
        "diagram": layers_svg(
            tree_order(tree),
            counts,
            f"The governance layers of {partnership.name}",
        ),
        "tree": tree,
        "years": [result.facts.year_label(year) for year in result.facts.years],
        "other_findings": [f for f in found if f.subject.kind is not SubjectKind.BODY],
        "finding_count": len(found),
    }


def body_page(partnership: Partnership, ref: str) -> dict[str, Any]:
    """One body: meetings a year against Table 8, agenda drift, attendance by organisation
    and leadership, year by year, and the findings about it."""
    result = analysis_of(partnership)
    facts = result.facts
    body = facts.bodies.get(ref)
    if body is None:
        raise Http404("No such body")
    figures = body_figures(facts, ref)
    least, most = facts.settings.frequency[body.layer]
    attendance = [
        {
            "year": facts.year_label(year),
            "organisation": facts.organisation_name(rep.organisation),
            "seated": rep.seated_meetings,
            "represented": rep.represented_meetings,
            "rate": rep.rate,
        }
        for (body_ref, year), row in sorted(facts.body_years.items())
        if body_ref == ref
        for rep in row.representation
    ]
    chair = facts.chairs.get(ref)
    return {
        "body": body,
        "figures": figures,
        "parent": facts.bodies.get(body.parent or ""),
        "table_8": (least, most),
        "chair": chair,
        "chair_name": facts.people[chair.person].name if chair else "",
        "chair_organisation": facts.organisation_name(chair.organisation) if chair else "",
        "attendance": attendance,
        "findings": findings_by_body(located(partnership, result)).get(ref, []),
        "frequency_chart": charts.meetings_chart(body.name, figures["years"], (least, most)),
        "drift_chart": charts.drift_chart(body.name, figures["years"]),
        "drift_above": facts.settings.drift_share_above,
    }


def attendance_page(partnership: Partnership) -> dict[str, Any]:
    """Each organisation's attendance per year over every body it has a seat on."""
    facts = analysis_of(partnership).facts
    totals: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    for (_body, year), row in facts.body_years.items():
        for rep in row.representation:
            totals[(rep.organisation, year)][0] += rep.seated_meetings
            totals[(rep.organisation, year)][1] += rep.represented_meetings
    years = sorted({year for _org, year in totals})
    organisations = sorted(
        {org for org, _year in totals}, key=lambda org: facts.organisation_name(org)
    )
    rows = []
    for org in organisations:
        cells = []
        for year in years:
            seated, represented = totals.get((org, year), [0, 0])
            cells.append(
                {
                    "seated": seated,
                    "represented": represented,
                    "rate": represented / seated if seated else None,
                }
            )
        found = facts.organisations.get(org)
        rows.append(
            {
                "organisation": facts.organisation_name(org),
                "statutory": bool(found and found.statutory),
                "cells": cells,
            }
        )
    labels = [facts.year_label(year) for year in years]
    return {
        "years": labels,
        "rows": rows,
        "chart": charts.attendance_chart(rows, labels),
    }


def leadership_page(partnership: Partnership) -> dict[str, Any]:
    """Who chairs each body (sector and Table 3 kind with its risk) and the council's
    shares of chairs, members, attendees and items presented, year by year."""
    result = analysis_of(partnership)
    facts = result.facts
    chairs = []
    for body in facts.governance.bodies:
        chair = facts.chairs.get(body.ref)
        chairs.append(
            {
                "body": body,
                "chair": facts.people[chair.person].name if chair else "",
                "organisation": facts.organisation_name(chair.organisation) if chair else "",
                "sector": chair.sector if chair else "",
                "type": chair.type if chair else None,
            }
        )
    shares = [
        {
            "year": facts.year_label(row.year),
            "shares": [(name, row.share(name), getattr(row, name)) for name in SHARES],
        }
        for row in facts.council_shares
    ]
    return {
        "chairs": chairs,
        "shares": shares,
        "share_names": SHARES,
        "share_above": facts.settings.council_share_above,
        "chart": charts.council_shares_chart(shares),
        "chair_kinds": list(CHAIR_KINDS.values()),
    }


def rules_page() -> dict[str, Any]:
    """Every rule with its text, and every threshold with its default and source."""
    defaults = LayerSettings()
    sources = setting_sources()
    return {
        "rules": [rule.ref() for rule in DEFAULT_RULES],
        "settings": [
            {"name": name, "value": getattr(defaults, name), "source": source}
            for name, source in sources.items()
        ],
        "table_8": [(layer, *TABLE_8[layer]) for layer in LAYERS],
    }
