"""The demo's governance: each partnership's bodies, memberships, meetings and attendance.

Two years of meetings from April 2024, as many a year as a body of its layer usually holds,
with agendas and attendance drawn from the seeded random source of the area. The county
then gets the problems the governance layer rules are there to find (see
:func:`plant_county_problems`), made without drawing from the random source so that the
rest of the demo stays as it was.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

Tables = dict[str, list[dict[str, Any]]]

# (reference, name, layer, parent reference, functions)
COUNTY_BODIES = [
    ("board", "{area} Partnership Board", "strategic", None, ["vision", "strategy"]),
    ("assembly", "{area} Partnership Assembly", "strategic", "board", ["vision"]),
    (
        "executive",
        "{area} Executive Group",
        "executive",
        "board",
        ["resource_allocation", "performance_management"],
    ),
    (
        "performance",
        "Performance and Finance Group",
        "executive",
        "executive",
        ["performance_management", "resource_allocation"],
    ),
    ("commissioning", "Joint Commissioning Group", "executive", "executive", ["commissioning"]),
    (
        "childrens-trust",
        "Children's Trust",
        "operational",
        "executive",
        ["commissioning", "service_delivery"],
    ),
    (
        "community-safety",
        "Community Safety Partnership",
        "operational",
        "executive",
        ["service_delivery", "performance_management"],
    ),
    (
        "health-wellbeing",
        "Health and Wellbeing Partnership",
        "operational",
        "executive",
        ["service_delivery", "commissioning"],
    ),
    ("economy", "Economy and Skills Partnership", "operational", "executive", ["service_delivery"]),
    (
        "environment",
        "Environment and Climate Partnership",
        "operational",
        "executive",
        ["service_delivery"],
    ),
    ("housing", "Housing Partnership", "operational", "executive", ["service_delivery"]),
    (
        "stronger-communities",
        "Stronger Communities Group",
        "operational",
        "executive",
        ["service_delivery"],
    ),
]
DISTRICT_BODIES = [
    ("board", "{district} Partnership Board", "strategic", None, ["vision", "strategy"]),
    (
        "executive",
        "{district} Delivery Group",
        "executive",
        "board",
        ["resource_allocation", "performance_management"],
    ),
    (
        "safety",
        "{district} Community Safety Group",
        "operational",
        "executive",
        ["service_delivery"],
    ),
    (
        "neighbourhoods",
        "{district} Neighbourhoods Group",
        "operational",
        "executive",
        ["service_delivery"],
    ),
]
MEETINGS_PER_YEAR = {"strategic": 4, "executive": 8, "operational": 10}
AGENDA_TITLES = {
    "vision": "Refresh of the sustainable community strategy",
    "strategy": "Priorities for the year ahead",
    "resource_allocation": "Alignment of partners' budgets to shared priorities",
    "performance_management": "Quarterly performance report and exceptions",
    "commissioning": "Joint commissioning plan",
    "service_delivery": "Delivery update from the theme group",
    "scrutiny": "Response to the scrutiny committee's recommendations",
}
START = dt.date(2024, 4, 1)
YEARS = 2


def governance(
    rng: random.Random,
    bodies_spec: list[tuple[Any, ...]],
    names: dict[str, str],
    people: list[dict[str, Any]],
    council_refs: set[str],
    organisations: dict[str, str],
) -> Tables:
    """Bodies, memberships, meetings, agenda items and attendance for one partnership."""
    bodies, memberships, meetings, agenda, attendance = [], [], [], [], []
    councillors = [p for p in people if p["organisation"] in council_refs]
    for ref, name, layer, parent, functions in bodies_spec:
        bodies.append(
            {
                "id": ref,
                "name": name.format(**names),
                "layer": layer,
                "parent": parent,
                "functions": ";".join(functions),
            }
        )
        size = {"strategic": 18, "executive": 10, "operational": 12}[layer]
        members = rng.sample(people, min(size, len(people)))
        chair_pool = (
            members
            if layer != "strategic" or rng.random() < 0.4
            else ([p for p in members if p["id"] in {c["id"] for c in councillors}] or members)
        )
        chair = chair_pool[0]
        for person in members:
            role = (
                "chair"
                if person is chair
                else rng.choices(["member", "vice_chair", "adviser", "officer"], [12, 1, 2, 2])[0]
            )
            start = START - dt.timedelta(days=rng.randint(30, 900))
            end = None if rng.random() > 0.1 else START + dt.timedelta(days=rng.randint(60, 600))
            memberships.append(
                {"person": person["id"], "body": ref, "role": role, "start": start, "end": end}
            )
        per_year = MEETINGS_PER_YEAR[layer]
        for index in range(per_year * YEARS):
            date = START + dt.timedelta(days=int(index * 365 / per_year) + rng.randint(0, 6))
            meeting_ref = f"{ref}-{date.isoformat()}"
            meetings.append(
                {
                    "id": meeting_ref,
                    "body": ref,
                    "date": date,
                    "duration_minutes": rng.choice([90, 120, 150]),
                }
            )
            items = rng.sample(list(AGENDA_TITLES), rng.randint(3, 5))
            if layer == "executive" and "performance_management" not in items and index % 2:
                items[0] = "performance_management"
            for position, function in enumerate(items, start=1):
                item_layer = (
                    layer
                    if rng.random() < 0.7
                    else rng.choice(["strategic", "executive", "operational"])
                )
                agenda.append(
                    {
                        "meeting": meeting_ref,
                        "position": position,
                        "title": AGENDA_TITLES[function],
                        "function": function,
                        "layer": item_layer,
                    }
                )
            for person in members:
                sector = organisations[person["organisation"]]
                present = 0.85 if sector in {"council", "health"} else 0.65
                draw = rng.random()
                status = (
                    "present"
                    if draw < present
                    else ("apologies" if draw < present + 0.2 else "absent")
                )
                attendance.append(
                    {"meeting": meeting_ref, "person": person["id"], "status": status}
                )
    tables = {
        "bodies": bodies,
        "memberships": memberships,
        "meetings": meetings,
        "agenda_items": agenda,
        "attendance": attendance,
    }
    if bodies_spec is COUNTY_BODIES:
        plant_county_problems(tables, people, organisations)
    return tables


SECOND_YEAR = dt.date(2025, 4, 1)
"""The start of the demo's second financial year, when the county's problems show."""


def plant_county_problems(
    tables: Tables, people: list[dict[str, Any]], organisations: dict[str, str]
) -> None:
    """Give the county partnership the governance problems the layer rules find.

    The board drifts into operational detail in the second year; the executive group meets
    four times a year (below the study's Table 8); the voluntary-sector partner with the most
    seats stops attending in the second year; the board is a council-chaired top table with
    no voluntary or community member, and the council presents most of its items.
    """
    organisation_of = {p["id"]: p["organisation"] for p in people}
    sector_of = {ref: organisations[organisation] for ref, organisation in organisation_of.items()}
    council = next(ref for ref in organisations if ref.endswith("-county-council"))
    prefix = council.removesuffix("county-council")
    held_on = {m["id"]: m["date"] for m in tables["meetings"]}
    for item in tables["agenda_items"]:
        if not item["meeting"].startswith("board-"):
            continue
        item["presenter"] = council if item["position"] % 3 else f"{prefix}icb"
        if item["position"] > 1 and held_on[item["meeting"]] >= SECOND_YEAR:
            item["layer"] = "operational"
    executive = sorted(
        (m for m in tables["meetings"] if m["body"] == "executive"), key=lambda m: m["date"]
    )
    drop_meetings(tables, {m["id"] for m in executive[0::2]})
    presenters = [f"{prefix}icb", f"{prefix}police", council, f"{prefix}fire"]
    for item in tables["agenda_items"]:
        if item["meeting"].startswith("executive-"):
            item["presenter"] = presenters[item["position"] % len(presenters)]
    seats = Counter(
        organisation_of[m["person"]]
        for m in tables["memberships"]
        if sector_of[m["person"]] == "voluntary_community" and m["end"] is None
    )
    leaving = min(seats, key=lambda ref: (-seats[ref], ref), default=None)
    for row in tables["attendance"]:
        if organisation_of[row["person"]] == leaving and held_on[row["meeting"]] >= SECOND_YEAR:
            row["status"] = "absent"
    make_top_table(tables, sector_of)


def drop_meetings(tables: Tables, dropped: set[str]) -> None:
    """Remove meetings with their agenda items and attendance."""
    tables["meetings"][:] = [m for m in tables["meetings"] if m["id"] not in dropped]
    for name in ("agenda_items", "attendance"):
        tables[name][:] = [row for row in tables[name] if row["meeting"] not in dropped]


def make_top_table(tables: Tables, sector_of: dict[str, str]) -> None:
    """The board without its voluntary and community members, chaired by a councillor."""
    leaving = {
        m["person"]
        for m in tables["memberships"]
        if m["body"] == "board" and sector_of[m["person"]] == "voluntary_community"
    }
    tables["memberships"][:] = [
        m for m in tables["memberships"] if not (m["body"] == "board" and m["person"] in leaving)
    ]
    board_meetings = {m["id"] for m in tables["meetings"] if m["body"] == "board"}
    tables["attendance"][:] = [
        row
        for row in tables["attendance"]
        if not (row["meeting"] in board_meetings and row["person"] in leaving)
    ]
    board = [m for m in tables["memberships"] if m["body"] == "board"]
    chair = next((m for m in board if m["role"] == "chair"), None)
    if chair is None or sector_of[chair["person"]] != "council" or chair["end"] is not None:
        councillor = next(
            (m for m in board if sector_of[m["person"]] == "council" and m["end"] is None), None
        )
        if councillor is None:
            person = min(ref for ref, sector in sector_of.items() if sector == "council")
            councillor = {"person": person, "body": "board", "role": "member"}
            councillor |= {"start": SECOND_YEAR.replace(year=2023), "end": None}
            tables["memberships"].append(councillor)
        if chair is not None:
            chair["role"] = "member"
        councillor["role"] = "chair"
