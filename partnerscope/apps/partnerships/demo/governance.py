"""The demo's governance: each partnership's bodies, memberships, meetings and attendance.

Two years of meetings from April 2024, as many a year as a body of its layer usually holds,
with agendas and attendance drawn from the seeded random source of the area.
"""

from __future__ import annotations

import datetime as dt
import random
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
    return {
        "bodies": bodies,
        "memberships": memberships,
        "meetings": meetings,
        "agenda_items": agenda,
        "attendance": attendance,
    }
