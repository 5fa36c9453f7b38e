"""The demo's performance tables for one partnership: outcomes, indicators, targets, values,
data-quality ratings and agenda time, as rows of the data package."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.partnerships.demo import DISTRICT_NAMES
from partnerscope.apps.performance.demo.figures import (
    indicator_specs,
    received_on,
    recorded_at,
    revisions,
    seed,
    series_of,
    target_trajectory,
)
from partnerscope.apps.performance.demo.plan import (
    ANNUAL_DUE_DAYS,
    AS_OF,
    GOALS,
    NEGLECTED,
    NO_TARGET,
    RECORDED_BY,
    SURGE_DISTRICT,
    SURVEYS,
    THEMES,
)


def _organisation(
    ids: set[str], slug: str, county_slug: str, suffixes: Sequence[str] | None
) -> str | None:
    """The package's organisation for the first of ``suffixes`` it has ("council" is the
    partnership's own council); ``None`` when ``suffixes`` is ``None`` (no owner)."""
    if suffixes is None:
        return None
    for suffix in [*suffixes, "council"]:
        if suffix == "council":
            candidates = [f"{slug}-council", f"{county_slug}-county-council"]
        else:
            candidates = [f"{slug}-{suffix}", f"{county_slug}-{suffix}"]
        for candidate in candidates:
            if candidate in ids:
                return candidate
    return None


def _agenda(
    tables: Mapping[str, Any], outcomes: Sequence[dict[str, Any]], neglected: set[str]
) -> list[dict[str, Any]]:
    """Link each outcome to an item at one of its body's recent meetings (not the neglected)."""
    meetings: dict[str, list[dict[str, Any]]] = {}
    for meeting in tables["meetings"]:
        if meeting["date"] <= AS_OF:
            meetings.setdefault(meeting["body"], []).append(meeting)
    positions: dict[str, list[int]] = {}
    for item in tables["agenda_items"]:
        positions.setdefault(item["meeting"], []).append(item["position"])
    rows = []
    for outcome in outcomes:
        held = sorted(meetings.get(outcome["body"] or "", []), key=lambda m: m["date"])
        if not held:
            continue
        recent = held[-4:] if outcome["id"] not in neglected else held[:-4]
        for meeting in recent[-2:]:
            if positions.get(meeting["id"]):
                rows.append(
                    {
                        "outcome": outcome["id"],
                        "meeting": meeting["id"],
                        "position": min(positions[meeting["id"]]),
                    }
                )
    return rows


def demo_tables(tables: Mapping[str, Any], index: int) -> dict[str, list[dict[str, Any]]]:
    """The performance rows of demo partnership ``index`` (0 the county, 1–5 its districts)."""
    partnership = tables["partnership"][0]
    slug = partnership["slug"]
    county = partnership["tier"] == "county"
    county_slug = slug if county else partnership["parent"]
    org_ids = {row["id"] for row in tables["organisations"]}
    body_ids = {row["id"] for row in tables["bodies"]}
    if county:
        areas = [(slug, partnership["area"], 1)] + [
            (district.lower().replace(" ", "-"), district, position)
            for position, district in enumerate(DISTRICT_NAMES, start=2)
        ]
    else:
        district = DISTRICT_NAMES[(index - 1) % len(DISTRICT_NAMES)]
        areas = [(district.lower().replace(" ", "-"), district, 1)]
    area_rows = [{"id": ref, "name": name, "position": position} for ref, name, position in areas]
    outcomes = []
    for position, (ref, title, county_body, district_body, owners) in enumerate(THEMES, start=1):
        body = county_body if county else district_body
        outcomes.append(
            {
                "id": ref,
                "title": title,
                "description": "",
                "parent": None,
                "owner": _organisation(org_ids, slug, county_slug, owners),
                "body": body if body in body_ids else None,
                "position": position,
            }
        )
    bodies_of = {row["id"]: row["body"] for row in outcomes}
    for position, (ref, theme, title, owners) in enumerate(GOALS, start=1):
        outcomes.append(
            {
                "id": ref,
                "title": title,
                "description": "",
                "parent": theme,
                "owner": _organisation(org_ids, slug, county_slug, owners),
                "body": bodies_of[theme],
                "position": position,
            }
        )
    specs = indicator_specs()
    goal_owners = {goal[0]: goal[3] for goal in GOALS}
    indicators = [
        {
            "id": spec["code"],
            "title": spec["title"],
            "definition": "",
            "unit": spec["unit"],
            "polarity": spec["polarity"] or None,
            "frequency": "quarter" if spec["quarterly"] else "financial_year",
            "source": "National Indicator Set (Communities and Local Government, 2008)"
            if spec["origin"] == "national"
            else "Partners' own records",
            "owner": _organisation(org_ids, slug, county_slug, goal_owners[spec["goal"]]),
            "tolerance": 0.05,
            "origin": spec["origin"],
            "minimum": 0 if spec["unit"] == "percentage" else None,
            "maximum": 100 if spec["unit"] == "percentage" else None,
            "multiplier": 100 if spec["code"] == "NI 192" else None,
            "proportion": spec["code"] == "NI 192",
            "due_days": None if spec["quarterly"] else ANNUAL_DUE_DAYS,
            "outcomes": spec["goal"],
        }
        for spec in specs
    ]
    targets, target_values, values = [], [], []
    for spec in specs:
        for position, (area_ref, area_name, _) in enumerate(areas):
            scale = 1.0 if position == 0 and county else 0.8 + (seed(area_name) % 40) / 100
            surge = spec["scenario"] == "special" and (
                (county and position == 0) or area_name == SURGE_DISTRICT
            )
            series = series_of(spec, area_name, scale, surge)
            rng = random.Random(seed("values", spec["code"], area_name, slug))
            whole_county = county and position == 0
            if spec["code"] not in NO_TARGET:
                baseline_period, baseline = series[0]
                targets.append(
                    {
                        "indicator": spec["code"],
                        "area": area_ref,
                        "baseline_period": str(baseline_period),
                        "baseline_value": baseline,
                        "lead_organisation": indicators[specs.index(spec)]["owner"],
                        "lead_body": bodies_of[
                            next(goal[1] for goal in GOALS if goal[0] == spec["goal"])
                        ],
                        "laa": spec["origin"] == "national" and spec["scenario"] != "flat",
                        "description": "",
                    }
                )
                target_values += [
                    {"indicator": spec["code"], "area": area_ref, "period": str(p), "target": t}
                    for p, t in target_trajectory(spec, baseline, spec["decimals"])
                ]
            for step, (period, value) in enumerate(series):
                if spec["code"] == "NI 125" and step >= len(series) - 2:
                    continue
                if whole_county and spec["code"] == "NI 151" and str(period) == "2024-Q2":
                    continue
                received = received_on(period, rng)
                if whole_county and spec["code"] == "NI 39" and str(period) == "2025-Q3":
                    received = period.end() + dt.timedelta(days=75)
                row = {
                    "indicator": spec["code"],
                    "area": area_ref,
                    "period": str(period),
                    "value": value,
                    "numerator": None,
                    "denominator": None,
                    "lower": None,
                    "upper": None,
                    "status": "provisional"
                    if spec["quarterly"] and step == len(series) - 1
                    else "final",
                    "received": received,
                    "version": 1,
                    "recorded_at": recorded_at(received),
                    "recorded_by": RECORDED_BY,
                    "reason": "",
                }
                if spec["code"] == "NI 192":
                    denominator = round(52000 * (0.9 + rng.random() * 0.2))
                    row["denominator"] = denominator
                    row["numerator"] = round(value / 100 * denominator)
                    row["value"] = round(row["numerator"] / denominator * 100, 1)
                if spec["code"] in SURVEYS:
                    row["lower"] = round(value - 2.5, 1)
                    row["upper"] = round(value + 2.5, 1)
                values.append(row)
                if whole_county:
                    values += revisions(spec["code"], row)
    quality = []
    if county:
        ratings = [
            ("NI 15", "accuracy", "green", "Police recorded crime audited by the inspectorate."),
            ("NI 15", "timeliness", "amber", "The last quarter's figures came a week late."),
            ("NI 39", "timeliness", "red", "Hospital episode data arrive ten weeks late."),
            ("NI 39", "completeness", "amber", "One trust's admissions are estimated."),
            ("NI 192", "validity", "green", "Tonnages reconciled with WasteDataFlow."),
            ("NI 156", "reliability", "amber", "Counts were revised twice this year."),
        ]
        quality = [
            {
                "indicator": code,
                "dimension": dimension,
                "rating": rating,
                "evidence": evidence,
                "recorded_at": recorded_at(dt.date(2026, 4, 10 + number)),
                "recorded_by": RECORDED_BY,
            }
            for number, (code, dimension, rating, evidence) in enumerate(ratings)
        ]
    return {
        "performance_settings": [{"as_of": AS_OF, "due_days": 45}],
        "performance_areas": area_rows,
        "outcomes": outcomes,
        "outcome_agenda_items": _agenda(tables, outcomes, NEGLECTED),
        "indicators": indicators,
        "targets": targets,
        "target_values": target_values,
        "indicator_values": values,
        "quality_records": quality,
    }
