"""The demo partnership: a realistic, deterministic two-tier area called Northshire.

The demo is written as data-package rows and loaded through the ordinary import, so it
exercises the same path as a real partnership's data. ``--scale N`` builds N such areas.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

SEED = 2009
AREA_NAMES = ["Northshire", "Southmoor", "Eastvale", "Westfold", "Highmarsh", "Lowdale"]
DISTRICT_NAMES = ["Easton", "Westmere", "Southam Vale", "Kirkby Moor", "Riverside"]
FIRST_NAMES = [
    "Aisha",
    "Alan",
    "Amir",
    "Anna",
    "Ben",
    "Bethan",
    "Carol",
    "Chen",
    "Chloe",
    "Dan",
    "David",
    "Deborah",
    "Eleanor",
    "Emma",
    "Fatima",
    "Femi",
    "Gareth",
    "Grace",
    "Hannah",
    "Harpreet",
    "Ian",
    "Imran",
    "Jack",
    "James",
    "Jane",
    "Jo",
    "Kate",
    "Kwame",
    "Laura",
    "Leila",
    "Liam",
    "Lucy",
    "Mark",
    "Mary",
    "Mei",
    "Mohammed",
    "Nadia",
    "Neil",
    "Nia",
    "Oliver",
    "Olu",
    "Paul",
    "Priya",
    "Rachel",
    "Raj",
    "Rhys",
    "Ruth",
    "Sam",
    "Sarah",
    "Simon",
    "Sofia",
    "Tom",
    "Una",
    "Victoria",
    "Wei",
    "Yusuf",
    "Zara",
]
SURNAMES = [
    "Adams",
    "Ahmed",
    "Akhtar",
    "Bailey",
    "Begum",
    "Bennett",
    "Brown",
    "Campbell",
    "Chen",
    "Clarke",
    "Davies",
    "Evans",
    "Green",
    "Hall",
    "Harris",
    "Hughes",
    "Hussain",
    "Jackson",
    "James",
    "Jones",
    "Kaur",
    "Khan",
    "King",
    "Lewis",
    "Martin",
    "Morgan",
    "Murphy",
    "Okafor",
    "Owen",
    "Patel",
    "Price",
    "Roberts",
    "Robinson",
    "Shah",
    "Singh",
    "Smith",
    "Taylor",
    "Thomas",
    "Walker",
    "Ward",
    "Watson",
    "White",
    "Williams",
    "Wilson",
    "Wright",
    "Young",
]

# (reference suffix, name template, sector, statutory, countywide)
COUNTYWIDE = [
    ("county-council", "{area} County Council", "council", True),
    ("police", "{area} Police", "police", True),
    ("fire", "{area} Fire and Rescue Service", "fire", True),
    ("icb", "{area} Integrated Care Board", "health", True),
    ("hospitals", "{area} Hospitals NHS Foundation Trust", "health", False),
    ("mental-health", "{area} Mental Health NHS Trust", "health", False),
    ("community-health", "{area} Community Health Services", "health", False),
    ("public-health", "{area} Public Health Partnership", "health", False),
    ("probation", "{area} Probation Service", "other_public", True),
    ("jobcentre", "Jobcentre Plus {area}", "other_public", True),
    ("environment", "Environment Agency, {area} area", "other_public", False),
    ("university", "University of {area}", "education", False),
    ("college", "{area} College", "education", False),
    ("schools-forum", "{area} Schools Forum", "education", False),
    ("housing-association", "{area} Homes Housing Association", "housing", False),
    ("chamber", "{area} Chamber of Commerce", "business", False),
    ("lep", "{area} Enterprise Partnership", "business", False),
    ("cvs", "{area} Council for Voluntary Service", "voluntary_community", False),
    ("age", "Age Concern {area}", "voluntary_community", False),
    ("youth", "{area} Youth Network", "voluntary_community", False),
    ("faith", "{area} Faith Forum", "voluntary_community", False),
    ("womens-aid", "{area} Women's Aid", "voluntary_community", False),
    ("carers", "{area} Carers Centre", "voluntary_community", False),
    ("housing-trust", "{area} Housing Trust", "housing", False),
    ("transport", "{area} Bus Company", "business", False),
]
PER_DISTRICT = [
    ("council", "{district} District Council", "council", True),
    ("cvs", "{district} Community Action", "voluntary_community", False),
    ("traders", "{district} Traders' Association", "business", False),
]
JOB_TITLES = {
    "council": [
        "Chief Executive",
        "Leader of the Council",
        "Cabinet Member",
        "Director of Communities",
        "Partnership Manager",
        "Head of Policy",
        "Performance Officer",
    ],
    "police": ["Chief Superintendent", "Chief Inspector", "Community Safety Lead"],
    "fire": ["Area Manager", "Group Manager, Prevention"],
    "health": [
        "Director of Public Health",
        "Chief Operating Officer",
        "Head of Partnerships",
        "Clinical Lead",
    ],
    "education": ["Principal", "Vice-Chancellor's Office Lead", "Head Teacher"],
    "housing": ["Chief Executive", "Director of Housing Services"],
    "business": ["Chair", "Chief Executive", "Board Member"],
    "voluntary_community": ["Chief Officer", "Chair of Trustees", "Development Worker"],
    "other_public": ["District Manager", "Head of Service", "Partnership Lead"],
}

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

Tables = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class DemoUser:
    username: str
    partnership: str
    role: str


def people_for(
    rng: random.Random, organisations: list[dict[str, Any]], count: int, prefix: str
) -> list[dict[str, Any]]:
    """``count`` people spread over the organisations, councils and health weighted up."""
    weights = [3 if org["sector"] in {"council", "health"} else 1 for org in organisations]
    people = []
    for number in range(1, count + 1):
        organisation = rng.choices(organisations, weights)[0]
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        people.append(
            {
                "id": f"{prefix}p{number:03d}",
                "name": f"{first} {last}",
                "organisation": organisation["id"],
                "job_title": rng.choice(JOB_TITLES[organisation["sector"]]),
                "email": f"{first}.{last}.{number}@example.org".lower(),
            }
        )
    return people


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


def area_packages(index: int) -> Iterator[Tables]:
    """The county partnership, then its five districts, of area number ``index``."""
    rng = random.Random(SEED + index)
    area = AREA_NAMES[index % len(AREA_NAMES)] + (
        f" {index // len(AREA_NAMES) + 1}" if index >= len(AREA_NAMES) else ""
    )
    area_slug = area.lower().replace(" ", "-")
    county_orgs = [
        {
            "id": f"{area_slug}-{suffix}",
            "name": name.format(area=area),
            "sector": sector,
            "statutory": statutory,
        }
        for suffix, name, sector, statutory in COUNTYWIDE
    ]
    district_orgs = {
        district: [
            {
                "id": f"{area_slug}-{district.lower().replace(' ', '-')}-{suffix}",
                "name": name.format(district=district),
                "sector": sector,
                "statutory": statutory,
            }
            for suffix, name, sector, statutory in PER_DISTRICT
        ]
        for district in DISTRICT_NAMES
    }
    all_orgs = county_orgs + [org for orgs in district_orgs.values() for org in orgs]
    sectors = {org["id"]: org["sector"] for org in all_orgs}
    councils = {org["id"] for org in all_orgs if org["sector"] == "council"}
    people = people_for(rng, all_orgs, 150, "")
    yield {
        "partnership": [
            {
                "slug": area_slug,
                "name": f"{area} Partnership",
                "area": area,
                "kind": "lsp",
                "tier": "county",
                "parent": None,
                "anonymity_threshold": 5,
            }
        ],
        "organisations": all_orgs,
        "people": people,
        **governance(rng, COUNTY_BODIES, {"area": area}, people, councils, sectors),
    }
    for district in DISTRICT_NAMES:
        district_slug = f"{area_slug}-{district.lower().replace(' ', '-')}"
        countywide = [
            org
            for org in county_orgs
            if org["id"].endswith(
                (
                    "county-council",
                    "police",
                    "fire",
                    "icb",
                    "cvs",
                    "housing-association",
                    "jobcentre",
                )
            )
        ]
        if district == "Kirkby Moor":
            countywide = countywide[:3]
        orgs = countywide + district_orgs[district]
        district_people = people_for(rng, orgs, 30, "d")
        yield {
            "partnership": [
                {
                    "slug": district_slug,
                    "name": f"{district} Partnership",
                    "area": f"{district}, {area}",
                    "kind": "lsp",
                    "tier": "district",
                    "parent": area_slug,
                    "anonymity_threshold": 5,
                }
            ],
            "organisations": orgs,
            "people": district_people,
            **governance(
                rng, DISTRICT_BODIES, {"district": district}, district_people, councils, sectors
            ),
        }


def demo_packages(scale: int = 1) -> Iterator[Tables]:
    """Every partnership of ``scale`` demo areas, counties before their districts."""
    for index in range(scale):
        yield from area_packages(index)


DEMO_PASSWORD = "demo-partnership-2026"
DEMO_USERS = [
    DemoUser("manager", "northshire", "manager"),
    DemoUser("member", "northshire", "member"),
    DemoUser("scrutineer", "northshire", "scrutineer"),
    DemoUser("viewer", "northshire", "viewer"),
    DemoUser("easton", "northshire-easton", "manager"),
]

ProgressCallback = Callable[[str], None]
