"""Relationship survey waves for the demo partnerships, written as data-package rows.

Northshire (the county, index 0) answers twice. In autumn 2024 its network is centred on
the county council: nearly every organisation works with the council and hardly with each
other, and nine organisations do not answer (one has nobody to answer for it). By autumn
2025 the health organisations, the community safety partners, the voluntary sector and the
economy partners work with each other directly, the council is less of a hub, and only five
do not answer. Kirkby Moor (index 4), the district with the fewest organisations, answers
once and is poorly connected: two pairs that work together, and the rest on their own.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Any

from partnerscope.datapackage.network import FLOWS, RATING_PARTS

SEED = 1980
Rows = list[dict[str, Any]]

NORTHSHIRE_WAVES: list[dict[str, Any]] = [
    {
        "id": "relationships-2024",
        "title": "Relationship survey, autumn 2024",
        "opens": dt.date(2024, 9, 16),
        "closes": dt.date(2024, 10, 11),
        "previous": None,
        "silent": [
            "easton-traders",
            "westmere-traders",
            "riverside-traders",
            "faith",
            "transport",
            "lep",
            "environment",
            "schools-forum",
        ],
    },
    {
        "id": "relationships-2025",
        "title": "Relationship survey, autumn 2025",
        "opens": dt.date(2025, 9, 15),
        "closes": dt.date(2025, 10, 10),
        "previous": "relationships-2024",
        "silent": ["westmere-traders", "riverside-traders", "transport", "environment"],
    },
]
CLUSTERS_2025 = [
    (["icb", "hospitals", "mental-health", "community-health", "public-health"], 3),
    (["police", "fire", "probation", "womens-aid", "youth"], 3),
    (["cvs", "age", "carers", "youth", "faith", "housing-trust", "housing-association"], 2),
    (["university", "college", "chamber", "lep", "jobcentre"], 2),
]
KIRKBY_MOOR = {
    "id": "relationships-2025",
    "title": "Relationship survey, autumn 2025",
    "opens": dt.date(2025, 9, 15),
    "closes": dt.date(2025, 10, 10),
}


def _suffix(ref: str, slug: str) -> str:
    return ref.removeprefix(f"{slug}-")


def _representatives(tables: dict[str, Any]) -> dict[str, str]:
    """Each organisation's representative: its first person on the board, else its first."""
    board = {row["person"] for row in tables["memberships"] if row["body"] == "board"}
    chosen: dict[str, str] = {}
    for person in sorted(tables["people"], key=lambda p: (p["id"] not in board, p["id"])):
        chosen.setdefault(person["organisation"], person["id"])
    return chosen


def _pair_random(*parts: str) -> random.Random:
    """A generator for one pair (or one direction), the same in every wave, so a tie that
    does not change between the waves is answered the same way in both."""
    return random.Random(f"{SEED}:{'>'.join(parts)}")


def _strength_2024(a: str, b: str) -> int:
    """How closely two Northshire organisations worked together in 2024 (before noise)."""
    pair = _pair_random(*sorted((a, b)))
    if "county-council" in (a, b):
        return pair.choice([2, 3, 3])
    districts = [ref for ref in (a, b) if ref.split("-")[0] in DISTRICT_PREFIXES]
    if len(districts) == 1 and any(ref.endswith("-council") for ref in districts):
        return 1 if pair.random() < 0.3 else 0
    if len(districts) == 2 and districts[0].split("-")[0] == districts[1].split("-")[0]:
        return 2
    if {a, b} in ({"icb", "hospitals"}, {"police", "fire"}):
        return 2
    return 1 if pair.random() < 0.12 else 0


def _strength_2025(a: str, b: str) -> int:
    """The same in 2025: the clusters now work together directly, and the council is less
    of a hub (nearly half its ties a level lower)."""
    level = _strength_2024(a, b)
    pair = _pair_random("2025", *sorted((a, b)))
    if "county-council" in (a, b):
        return level - 1 if pair.random() < 0.45 else level
    for members, cluster_level in CLUSTERS_2025:
        if a in members and b in members:
            level = max(level, cluster_level if pair.random() < 0.85 else cluster_level - 1)
    if (a.endswith("-cvs") and b == "cvs") or (b.endswith("-cvs") and a == "cvs"):
        level = max(level, 2)
    return level


DISTRICT_PREFIXES = {"easton", "westmere", "southam", "kirkby", "riverside"}


def _rating(rng: random.Random, mean: float) -> int:
    return min(4, max(1, round(rng.gauss(mean, 0.6))))


def _details(rng: random.Random, level: int, target: str) -> dict[str, Any]:
    if level == 0:
        return {}
    frequency = ["rarely", "yearly", "quarterly", "monthly", "weekly"][
        min(4, level + rng.choice([-1, 0, 0, 1]))
    ]
    flows = ["information"] + [
        flow for flow in FLOWS[1:] if rng.random() < 0.12 * level + (0.2 if flow == "data" else 0)
    ]
    trust = 2.2 + 0.35 * level
    value = 2.0 + 0.4 * level + (0.6 if "council" in target else 0.0)
    ratings = {
        part: _rating(rng, trust if part.startswith("trust") else value) for part in RATING_PARTS
    }
    if rng.random() < 0.1:
        ratings["value_resources"] = None
    return {"frequency": frequency, "flows": ";".join(flows), **ratings}


def _answers(
    rng: random.Random,
    wave: str,
    members: list[str],
    respond: Iterable[str],
    strength: dict[frozenset[str], int],
) -> Rows:
    rows = []
    for source in respond:
        for target in members:
            if source == target:
                continue
            base = strength[frozenset((source, target))]
            view = _pair_random(source, target).choice([-1, 0, 0, 0, 0, 0, 0, 1])
            level = min(4, max(0, base + view)) if base else 0
            rows.append(
                {
                    "wave": wave,
                    "from": source,
                    "to": target,
                    "level": level,
                    "inferred": False,
                    **_details(rng, level, target),
                }
            )
    return rows


def _wave_rows(
    tables: dict[str, Any],
    spec: dict[str, Any],
    strength: dict[frozenset[str], int],
    silent: set[str],
    rng: random.Random,
) -> tuple[Rows, Rows]:
    members = [row["id"] for row in tables["organisations"]]
    people = _representatives(tables)
    respond = [ref for ref in members if ref not in silent and ref in people]
    representatives = [
        {
            "wave": spec["id"],
            "organisation": ref,
            "person": people[ref],
            "answered": spec["closes"] - dt.timedelta(days=rng.randint(1, 20))
            if ref in respond
            else None,
        }
        for ref in members
        if ref in people
    ]
    return representatives, _answers(rng, spec["id"], members, respond, strength)


def _northshire(tables: dict[str, Any]) -> dict[str, Rows]:
    rng = random.Random(SEED)
    slug = tables["partnership"][0]["slug"]
    members = [row["id"] for row in tables["organisations"]]
    waves, representatives, ties = [], [], []
    for spec, make in zip(NORTHSHIRE_WAVES, (_strength_2024, _strength_2025), strict=True):
        strength = {
            frozenset((a, b)): make(_suffix(a, slug), _suffix(b, slug))
            for number, a in enumerate(members)
            for b in members[number + 1 :]
        }
        silent = {f"{slug}-{suffix}" for suffix in spec["silent"]}
        made, answers = _wave_rows(tables, spec, strength, silent, rng)
        waves.append({key: spec[key] for key in ("id", "title", "opens", "closes", "previous")})
        representatives += made
        ties += answers
    return {
        "network_waves": waves,
        "network_representatives": representatives,
        "network_ties": ties,
    }


def _kirkby_moor(tables: dict[str, Any]) -> dict[str, Rows]:
    rng = random.Random(SEED + 4)
    members = [row["id"] for row in tables["organisations"]]

    def find(ending: str) -> str:
        return next(ref for ref in members if ref.endswith(ending))

    pairs = {
        frozenset((find("county-council"), find("kirkby-moor-council"))): 2,
        frozenset((find("-police"), find("-fire"))): 2,
        frozenset((find("kirkby-moor-cvs"), find("kirkby-moor-council"))): 1,
    }
    strength = {
        frozenset((a, b)): pairs.get(frozenset((a, b)), 0)
        for number, a in enumerate(members)
        for b in members[number + 1 :]
    }
    silent = {find("kirkby-moor-traders")}
    made, answers = _wave_rows(tables, KIRKBY_MOOR, strength, silent, rng)
    return {
        "network_waves": [{**KIRKBY_MOOR, "previous": None}],
        "network_representatives": made,
        "network_ties": answers,
    }


def demo_tables(tables: dict[str, Any], index: int) -> dict[str, Rows]:
    """The relationship survey rows of demo partnership ``index``: Northshire (0) and
    Kirkby Moor (4)."""
    if index == 0:
        return _northshire(tables)
    if index == 4:
        return _kirkby_moor(tables)
    return {}
