"""Demo performance data for Northshire (index 0) and its five districts (1–5).

Forty indicators over five years (quarterly from 2021-Q2 to 2026-Q1, or five financial
years), some on track and some not, one with a special cause (a surge in serious violent
crime), and a few data-quality problems for the register to find: a value received late,
a missing quarter, revisions, and an indicator two quarters overdue. The county reports
for itself and each district; each district partnership for itself, with the same figures.
Everything is deterministic (``random.Random`` seeded from the names).
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.partnerships.demo import DISTRICT_NAMES
from partnerscope.core.indicators import Period, parse_period
from partnerscope.reference.indicators import load_catalogue

AS_OF = dt.date(2026, 5, 20)
"""The demo's reporting date: just after the values of 2026-Q1 were due."""
FIRST_QUARTER = parse_period("2021-Q2")
FIRST_YEAR = parse_period("2021/22")
QUARTERS = 20
YEARS = 5
ANNUAL_DUE_DAYS = 120
RECORDED_BY = "Northshire performance team"

# (ref, title, county body, district body, owner suffixes in order of preference)
THEMES = [
    ("safer", "Safer communities", "community-safety", "safety", ["police"]),
    ("health", "Healthier people", "health-wellbeing", "neighbourhoods", ["icb", "public-health"]),
    (
        "children",
        "Children and young people",
        "childrens-trust",
        "neighbourhoods",
        ["county-council"],
    ),
    ("economy", "A thriving economy", "economy", "executive", ["jobcentre", "county-council"]),
    ("environment", "A cleaner, greener place", "environment", "neighbourhoods", ["council"]),
    ("homes", "Decent homes for all", "housing", "neighbourhoods", ["housing-association"]),
    ("communities", "Stronger communities", "stronger-communities", "neighbourhoods", ["cvs"]),
]
# (ref, theme, title, owner suffixes; None: no owner)
GOALS = [
    ("less-crime", "safer", "Less crime and fear of crime", ["police"]),
    ("domestic-abuse", "safer", "Fewer repeat victims of domestic abuse", ["police"]),
    ("longer-lives", "health", "Longer, healthier lives", ["public-health", "icb"]),
    ("healthy-start", "health", "A healthy start for every child", ["icb"]),
    ("learning", "children", "Young people in learning or work", ["college", "county-council"]),
    ("achieving", "children", "Children achieving at school", ["county-council"]),
    ("work", "economy", "More people in good work", ["jobcentre"]),
    ("skills", "economy", "Skills for work", ["college", "council"]),
    ("waste", "environment", "Less waste, more recycling", ["council"]),
    ("carbon", "environment", "Lower carbon emissions", ["environment", "council"]),
    ("affordable-homes", "homes", "More affordable homes", ["council"]),
    ("homelessness", "homes", "Less homelessness", ["council"]),
    ("belonging", "communities", "People who feel they belong", ["cvs"]),
    ("independence", "communities", "Older people living independently", ["county-council"]),
    ("transport", "communities", "Better access to services by public transport", None),
]
NEGLECTED = {"carbon", "transport"}
"""Goals that have had no agenda time at their owning body's last four meetings."""

# (code, goal, quarterly, base value, scenario, decimals)
NATIONAL = [
    ("NI 15", "less-crime", True, 0.85, "special", 2),
    ("NI 16", "less-crime", True, 11.0, "on", 1),
    ("NI 20", "less-crime", True, 5.2, "off", 2),
    ("NI 17", "less-crime", False, 18.0, "on", 1),
    ("NI 21", "less-crime", False, 26.0, "amber", 1),
    ("NI 111", "less-crime", True, 1400.0, "on", 0),
    ("NI 32", "domestic-abuse", True, 27.0, "off", 1),
    ("NI 39", "longer-lives", True, 1650.0, "off", 0),
    ("NI 40", "longer-lives", True, 1200.0, "on", 0),
    ("NI 120", "longer-lives", False, 620.0, "on", 1),
    ("NI 122", "longer-lives", False, 115.0, "amber", 1),
    ("NI 8", "longer-lives", False, 21.0, "flat", 1),
    ("NI 53", "healthy-start", True, 44.0, "amber", 1),
    ("NI 55", "healthy-start", False, 9.5, "off", 1),
    ("NI 56", "healthy-start", False, 18.5, "off", 1),
    ("NI 112", "healthy-start", True, 34.0, "on", 1),
    ("NI 117", "learning", True, 6.2, "on", 1),
    ("NI 75", "achieving", False, 52.0, "on", 1),
    ("NI 116", "achieving", False, 19.0, "amber", 1),
    ("NI 151", "work", True, 74.5, "on", 1),
    ("NI 152", "work", True, 10.5, "amber", 1),
    ("NI 153", "work", True, 28.0, "off", 1),
    ("NI 166", "work", False, 520.0, "on", 0),
    ("NI 163", "skills", False, 72.0, "flat", 1),
    ("NI 191", "waste", True, 150.0, "on", 0),
    ("NI 192", "waste", True, 42.0, "on", 1),
    ("NI 193", "waste", True, 38.0, "on", 1),
    ("NI 186", "carbon", False, 7.2, "on", 2),
    ("NI 185", "carbon", False, 3.0, "amber", 1),
    ("NI 155", "affordable-homes", True, 60.0, "off", 0),
    ("NI 154", "affordable-homes", False, 1800.0, "amber", 0),
    ("NI 156", "homelessness", True, 210.0, "off", 0),
    ("NI 1", "belonging", False, 78.0, "on", 1),
    ("NI 4", "belonging", False, 29.0, "amber", 1),
    ("NI 6", "belonging", False, 23.0, "on", 1),
    ("NI 125", "independence", True, 81.0, "on", 1),
]
# (code, goal, title, unit, polarity, quarterly, base, scenario, decimals)
LOCAL = [
    (
        "L 1",
        "domestic-abuse",
        "High-risk domestic abuse cases heard at MARAC within 28 days",
        "percentage",
        "higher_is_better",
        True,
        82.0,
        "on",
        1,
    ),
    (
        "L 2",
        "homelessness",
        "Households prevented from becoming homeless",
        "number",
        "higher_is_better",
        True,
        240.0,
        "on",
        0,
    ),
    (
        "L 3",
        "carbon",
        "Community buildings with a carbon reduction plan",
        "percentage",
        "higher_is_better",
        False,
        35.0,
        "on",
        1,
    ),
    (
        "L 4",
        "belonging",
        "Residents who took part in a neighbourhood forum",
        "number",
        "",
        True,
        900.0,
        "flat",
        0,
    ),
]
DRIFT = {"on": 0.03, "off": -0.03, "amber": 0.012, "flat": 0.0, "special": 0.02}
TARGET_GAIN = {"on": 0.02, "off": 0.02, "amber": 0.02, "flat": 0.0, "special": 0.02}
SURVEYS = {"NI 1", "NI 4", "NI 6"}
"""Survey-based indicators, whose values carry a confidence interval."""
NO_TARGET = {"NI 163"}
SURGE_DISTRICT = "Easton"
"""The district whose serious violent crime surges in the latest quarter, as the county's."""


def _seed(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode("utf-8"))


def _indicators() -> list[dict[str, Any]]:
    """The forty indicators: national ones from the catalogue, then the local ones."""
    catalogue = load_catalogue()
    rows = []
    for code, goal, quarterly, base, scenario, decimals in NATIONAL:
        entry = catalogue.get(code)
        assert entry is not None, code
        rows.append(
            {
                "code": code,
                "goal": goal,
                "title": entry.title,
                "unit": entry.unit,
                "polarity": str(entry.polarity),
                "quarterly": quarterly,
                "base": base,
                "scenario": scenario,
                "decimals": decimals,
                "origin": "national",
            }
        )
    for code, goal, title, unit, polarity, quarterly, base, scenario, decimals in LOCAL:
        rows.append(
            {
                "code": code,
                "goal": goal,
                "title": title,
                "unit": unit,
                "polarity": polarity,
                "quarterly": quarterly,
                "base": base,
                "scenario": scenario,
                "decimals": decimals,
                "origin": "local",
            }
        )
    return rows


def _periods(quarterly: bool) -> list[Period]:
    start, count = (FIRST_QUARTER, QUARTERS) if quarterly else (FIRST_YEAR, YEARS)
    return [start.shift(step) for step in range(count)]


def _series(
    spec: Mapping[str, Any], area: str, scale: float, surge: bool = False
) -> list[tuple[Period, float]]:
    """Five years of one indicator in one area, drifting by its scenario, with noise; a
    surge in the latest period when ``surge`` (the demo's special cause)."""
    rng = random.Random(_seed(spec["code"], area))
    sign = -1 if spec["polarity"] == "lower_is_better" else 1
    per_year = 4 if spec["quarterly"] else 1
    base = spec["base"] * scale
    values = []
    for step, period in enumerate(_periods(spec["quarterly"])):
        years = step / per_year
        value = base * (1 + sign * DRIFT[spec["scenario"]] * years)
        value += rng.gauss(0, 0.012) * base
        values.append((period, value))
    if surge:
        period, _ = values[-1]
        values[-1] = (period, base * 1.45)
    if spec["unit"] == "percentage":
        values = [(period, min(value, 99.5)) for period, value in values]
    return [(period, round(value, spec["decimals"])) for period, value in values]


def _targets(spec: Mapping[str, Any], baseline: float, decimals: int) -> list[tuple[Period, float]]:
    """The target trajectory: from the baseline, a steady gain each year, to a year ahead."""
    sign = -1 if spec["polarity"] == "lower_is_better" else 1
    per_year = 4 if spec["quarterly"] else 1
    periods = _periods(spec["quarterly"])
    first = periods[0]
    last = periods[-1].shift(per_year)
    result = []
    for ordinal in range(periods[-1].ordinal - 2 * per_year + 1, last.ordinal + 1):
        period = Period(first.frequency, ordinal)
        years = (ordinal - first.ordinal) / per_year
        result.append(
            (period, round(baseline * (1 + sign * TARGET_GAIN[spec["scenario"]] * years), decimals))
        )
    return result


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


def _received(period: Period, rng: random.Random) -> dt.date:
    return period.end() + dt.timedelta(days=rng.randint(15, 40))


def _recorded_at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 30), tzinfo=dt.UTC)


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
    specs = _indicators()
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
            scale = 1.0 if position == 0 and county else 0.8 + (_seed(area_name) % 40) / 100
            surge = spec["scenario"] == "special" and (
                (county and position == 0) or area_name == SURGE_DISTRICT
            )
            series = _series(spec, area_name, scale, surge)
            rng = random.Random(_seed("values", spec["code"], area_name, slug))
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
                    for p, t in _targets(spec, baseline, spec["decimals"])
                ]
            for step, (period, value) in enumerate(series):
                if spec["code"] == "NI 125" and step >= len(series) - 2:
                    continue
                if whole_county and spec["code"] == "NI 151" and str(period) == "2024-Q2":
                    continue
                received = _received(period, rng)
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
                    "recorded_at": _recorded_at(received),
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
                    values += _revisions(spec["code"], row)
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
                "recorded_at": _recorded_at(dt.date(2026, 4, 10 + number)),
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


def _revisions(code: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    """Later versions of a few of the county's values: corrections with their reasons."""
    corrections = {
        ("NI 20", "2025-Q4"): [(1.03, "Revised after the police data audit.")],
        ("NI 156", "2025-Q3"): [
            (1.04, "Late returns from two district councils."),
            (1.18, "Bed-and-breakfast placements had been left out."),
        ],
    }
    later = []
    for version, (factor, reason) in enumerate(corrections.get((code, row["period"]), []), 2):
        when = row["received"] + dt.timedelta(days=21 * (version - 1))
        later.append(
            {
                **row,
                "value": round(row["value"] * factor, 2),
                "version": version,
                "recorded_at": _recorded_at(when),
                "reason": reason,
            }
        )
    return later
