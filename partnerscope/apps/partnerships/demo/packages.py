"""The demo areas as data-package rows: a county partnership and its five districts each.

Every area draws from its own seeded random source, so the demo is the same on every run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from partnerscope.apps.partnerships.demo.governance import (
    COUNTY_BODIES,
    DISTRICT_BODIES,
    Tables,
    governance,
)
from partnerscope.apps.partnerships.demo.people import people_for

SEED = 2009
AREA_NAMES = ["Northshire", "Southmoor", "Eastvale", "Westfold", "Highmarsh", "Lowdale"]
DISTRICT_NAMES = ["Easton", "Westmere", "Southam Vale", "Kirkby Moor", "Riverside"]
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
