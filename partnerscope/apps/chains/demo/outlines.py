"""The outlines of the demo's three chains: their nodes and the links between them.

Names may hold ``{area}``, filled with the partnership's area; an organisation is named by its
id's suffix in the demo partnership, a body by its id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Rows = list[dict[str, Any]]

# (id, kind, name, organisation suffix, body ref)
NodeSpec = tuple[str, str, str, str | None, str | None]
# (from, to, type, extras)
LinkSpec = tuple[str, str, str, dict[str, Any]]

NEET_NODES: list[NodeSpec] = [
    (
        "outcome",
        "outcome",
        "Fewer young people not in education, employment or training",
        None,
        None,
    ),
    ("board", "body", "{area} Partnership Board", None, "board"),
    ("childrens-trust", "body", "Children's Trust", None, "childrens-trust"),
    ("economy", "body", "Economy and Skills Partnership", None, "economy"),
    ("county-council", "organisation", "{area} County Council", "county-council", None),
    ("jobcentre", "organisation", "Jobcentre Plus {area}", "jobcentre", None),
    ("college", "organisation", "{area} College", "college", None),
    ("youth-network", "organisation", "{area} Youth Network", "youth", None),
    ("youth-support", "service", "Youth support service", "county-council", None),
    ("apprenticeships", "service", "Apprenticeship programme", "college", None),
    ("re-engagement", "service", "Re-engagement courses", "youth", None),
    ("personal-advisers", "front_line", "Personal advisers", "county-council", None),
    ("young-people", "people", "Young people aged 16 to 18 not in education or work", None, None),
]
NEET_LINKS: list[LinkSpec] = [
    ("board", "outcome", "accountable_to", {"owner": "county-council", "indicator": "NI 117"}),
    (
        "childrens-trust",
        "outcome",
        "accountable_to",
        {"owner": "county-council", "indicator": "NI 117"},
    ),
    (
        "childrens-trust",
        "board",
        "accountable_to",
        {"owner": "county-council", "indicator": "NI 117"},
    ),
    (
        "childrens-trust",
        "board",
        "reports_data_to",
        {"owner": "county-council", "indicator": "NI 117", "frequency": 4},
    ),
    ("economy", "board", "accountable_to", {"owner": "college", "indicator": "NI 117"}),
    (
        "county-council",
        "board",
        "accountable_to",
        {"owner": "county-council", "indicator": "NI 117"},
    ),
    (
        "county-council",
        "youth-support",
        "funds",
        {
            "owner": "county-council",
            "indicator": "NI 117",
            "amount": 1_200_000,
            "secure_until": dt.date(2027, 3, 31),
        },
    ),
    (
        "childrens-trust",
        "youth-support",
        "commissions",
        {"owner": "county-council", "indicator": "NI 117"},
    ),
    (
        "jobcentre",
        "apprenticeships",
        "funds",
        {
            "owner": "jobcentre",
            "indicator": "NI 117",
            "amount": 300_000,
            "secure_until": dt.date(2026, 3, 31),
        },
    ),
    ("economy", "apprenticeships", "commissions", {"owner": "college", "indicator": "NI 117"}),
    ("college", "apprenticeships", "delivers_to", {"owner": "college", "indicator": "NI 117"}),
    (
        "county-council",
        "re-engagement",
        "funds",
        {
            "owner": "county-council",
            "indicator": "NI 117",
            "amount": 80_000,
            "secure_until": dt.date(2027, 3, 31),
        },
    ),
    ("youth-network", "re-engagement", "delivers_to", {"owner": "youth", "indicator": "NI 117"}),
    (
        "youth-support",
        "personal-advisers",
        "delivers_to",
        {"owner": "county-council", "indicator": "NI 117", "likelihood": 4, "impact": 4},
    ),
    ("personal-advisers", "re-engagement", "refers_to", {"owner": "county-council"}),
    ("personal-advisers", "apprenticeships", "refers_to", {"owner": "county-council"}),
    (
        "personal-advisers",
        "young-people",
        "delivers_to",
        {"owner": "county-council", "indicator": "NI 117", "likelihood": 3, "impact": 5},
    ),
    (
        "youth-support",
        "childrens-trust",
        "reports_data_to",
        {"owner": "county-council", "indicator": "NI 117", "frequency": 12},
    ),
    (
        "re-engagement",
        "childrens-trust",
        "reports_data_to",
        {"owner": "youth", "indicator": "NI 117", "frequency": 2},
    ),
    (
        "apprenticeships",
        "economy",
        "reports_data_to",
        {"owner": "college", "indicator": "NI 117", "frequency": 12},
    ),
]

ABUSE_NODES: list[NodeSpec] = [
    ("outcome", "outcome", "Fewer repeat incidents of domestic abuse", None, None),
    ("board", "body", "{area} Partnership Board", None, "board"),
    ("community-safety", "body", "Community Safety Partnership", None, "community-safety"),
    ("county-council", "organisation", "{area} County Council", "county-council", None),
    ("police", "organisation", "{area} Police", "police", None),
    ("hospitals", "organisation", "{area} Hospitals NHS Foundation Trust", "hospitals", None),
    ("womens-aid", "organisation", "{area} Women's Aid", "womens-aid", None),
    ("marac", "service", "Multi-agency risk assessment conference (MARAC)", "police", None),
    ("idva", "service", "Independent domestic violence advisers (IDVA)", "womens-aid", None),
    ("refuge", "service", "Refuge and outreach", "womens-aid", None),
    ("response-officers", "front_line", "Police response officers", "police", None),
    ("emergency-staff", "front_line", "Emergency department staff", "hospitals", None),
    ("idva-caseworkers", "front_line", "IDVA caseworkers", "womens-aid", None),
    ("victims", "people", "Victims at high risk of repeat abuse", None, None),
]
ABUSE_LINKS: list[LinkSpec] = [
    ("board", "outcome", "accountable_to", {"owner": "county-council", "indicator": "NI 32"}),
    ("community-safety", "outcome", "accountable_to", {"owner": "police", "indicator": "NI 32"}),
    ("community-safety", "board", "accountable_to", {"owner": "police", "indicator": "NI 32"}),
    (
        "community-safety",
        "board",
        "reports_data_to",
        {"owner": "police", "indicator": "NI 32", "frequency": 4},
    ),
    ("police", "community-safety", "accountable_to", {"owner": "police", "indicator": "NI 32"}),
    ("hospitals", "community-safety", "accountable_to", {"owner": "hospitals"}),
    (
        "womens-aid",
        "community-safety",
        "reports_data_to",
        {"owner": "womens-aid", "indicator": "NI 32", "frequency": 4},
    ),
    (
        "county-council",
        "community-safety",
        "accountable_to",
        {"owner": "county-council", "indicator": "NI 32"},
    ),
    ("community-safety", "marac", "commissions", {"owner": "police", "indicator": "NI 32"}),
    ("community-safety", "idva", "commissions", {"owner": "county-council", "indicator": "NI 32"}),
    (
        "county-council",
        "idva",
        "funds",
        {
            "owner": "county-council",
            "indicator": "NI 32",
            "amount": 240_000,
            "secure_until": dt.date(2026, 3, 31),
        },
    ),
    (
        "county-council",
        "refuge",
        "funds",
        {
            "owner": "county-council",
            "indicator": "NI 32",
            "amount": 410_000,
            "secure_until": dt.date(2028, 3, 31),
        },
    ),
    ("womens-aid", "idva", "delivers_to", {"owner": "womens-aid", "indicator": "NI 32"}),
    ("womens-aid", "refuge", "delivers_to", {"owner": "womens-aid", "indicator": "NI 32"}),
    ("police", "response-officers", "funds", {"owner": "police", "indicator": "NI 32"}),
    ("hospitals", "emergency-staff", "funds", {"owner": "hospitals"}),
    ("idva", "idva-caseworkers", "delivers_to", {"owner": "womens-aid", "indicator": "NI 32"}),
    ("response-officers", "marac", "refers_to", {"owner": "police", "indicator": "NI 32"}),
    ("emergency-staff", "marac", "refers_to", {"owner": "hospitals", "likelihood": 4, "impact": 4}),
    ("marac", "idva-caseworkers", "refers_to", {"owner": "police", "indicator": "NI 32"}),
    (
        "marac",
        "community-safety",
        "reports_data_to",
        {"owner": "police", "indicator": "NI 32", "frequency": 4},
    ),
    (
        "idva",
        "community-safety",
        "reports_data_to",
        {"owner": "womens-aid", "indicator": "NI 32", "frequency": 12},
    ),
    ("response-officers", "victims", "delivers_to", {"owner": "police", "indicator": "NI 32"}),
    ("emergency-staff", "victims", "delivers_to", {"owner": "hospitals"}),
    ("idva-caseworkers", "victims", "delivers_to", {"owner": "womens-aid", "indicator": "NI 32"}),
    ("refuge", "victims", "delivers_to", {"owner": "womens-aid", "indicator": "NI 32"}),
]

CARBON_NODES: list[NodeSpec] = [
    ("outcome", "outcome", "Lower carbon dioxide emissions per head", None, None),
    ("board", "body", "{area} Partnership Board", None, "board"),
    ("environment", "body", "Environment and Climate Partnership", None, "environment"),
    ("county-council", "organisation", "{area} County Council", "county-council", None),
    ("environment-agency", "organisation", "Environment Agency, {area} area", "environment", None),
    ("chamber", "organisation", "{area} Chamber of Commerce", "chamber", None),
    (
        "housing-association",
        "organisation",
        "{area} Homes Housing Association",
        "housing-association",
        None,
    ),
    ("bus-company", "organisation", "{area} Bus Company", "transport", None),
    ("home-insulation", "service", "Home insulation programme", "county-council", None),
    ("business-energy", "service", "Business energy advice", "chamber", None),
    ("bus-network", "service", "Supported bus network", "transport", None),
    ("energy-advisers", "front_line", "Home energy advisers", "county-council", None),
    ("households", "people", "Households", None, None),
    ("businesses", "people", "Small and medium businesses", None, None),
]
CARBON_LINKS: list[LinkSpec] = [
    ("board", "outcome", "accountable_to", {"owner": "county-council", "indicator": "NI 186"}),
    (
        "environment",
        "outcome",
        "accountable_to",
        {"owner": "county-council", "indicator": "NI 186"},
    ),
    ("environment", "board", "accountable_to", {"owner": "county-council", "indicator": "NI 186"}),
    (
        "environment",
        "board",
        "reports_data_to",
        {"owner": "county-council", "indicator": "NI 186", "frequency": 1},
    ),
    (
        "county-council",
        "environment",
        "accountable_to",
        {"owner": "county-council", "indicator": "NI 186"},
    ),
    ("chamber", "environment", "accountable_to", {"owner": "chamber", "indicator": "NI 186"}),
    (
        "environment-agency",
        "environment",
        "reports_data_to",
        {"owner": "environment", "indicator": "NI 186", "frequency": 4},
    ),
    ("bus-company", "environment", "reports_data_to", {"owner": "transport", "frequency": 2}),
    (
        "county-council",
        "home-insulation",
        "funds",
        {
            "owner": "county-council",
            "indicator": "NI 186",
            "amount": 650_000,
            "secure_until": dt.date(2026, 3, 31),
        },
    ),
    (
        "housing-association",
        "home-insulation",
        "funds",
        {
            "owner": "housing-association",
            "indicator": "NI 186",
            "amount": 120_000,
            "secure_until": dt.date(2030, 3, 31),
        },
    ),
    (
        "chamber",
        "business-energy",
        "funds",
        {
            "owner": "chamber",
            "indicator": "NI 186",
            "amount": 45_000,
            "secure_until": dt.date(2027, 3, 31),
            "likelihood": 4,
            "impact": 4,
        },
    ),
    (
        "county-council",
        "bus-network",
        "funds",
        {
            "owner": "county-council",
            "indicator": "NI 186",
            "amount": 1_500_000,
            "secure_until": dt.date(2028, 3, 31),
        },
    ),
    ("bus-company", "bus-network", "delivers_to", {"owner": "transport"}),
    (
        "home-insulation",
        "energy-advisers",
        "delivers_to",
        {"owner": "county-council", "indicator": "NI 186"},
    ),
    (
        "energy-advisers",
        "households",
        "delivers_to",
        {"owner": "county-council", "indicator": "NI 186"},
    ),
    ("business-energy", "businesses", "delivers_to", {"owner": "chamber", "indicator": "NI 186"}),
    ("bus-network", "households", "delivers_to", {"owner": "transport", "indicator": "NI 186"}),
    (
        "home-insulation",
        "environment",
        "reports_data_to",
        {"owner": "county-council", "indicator": "NI 186", "frequency": 12},
    ),
]

CHAINS = [
    (
        "neet",
        "Fewer young people not in education, employment or training",
        "Reduce the share of 16 to 18 year olds not in education, employment or training "
        "(NI 117) to the regional average.",
        dt.date(2027, 3, 31),
        NEET_NODES,
        NEET_LINKS,
    ),
    (
        "domestic-abuse",
        "Fewer repeat incidents of domestic abuse",
        "Fewer victims referred to the MARAC within twelve months of an earlier referral (NI 32).",
        dt.date(2027, 3, 31),
        ABUSE_NODES,
        ABUSE_LINKS,
    ),
    (
        "carbon",
        "Lower carbon dioxide emissions per head",
        "Cut per-capita carbon dioxide emissions in the area (NI 186) by a fifth from 2024.",
        dt.date(2030, 3, 31),
        CARBON_NODES,
        CARBON_LINKS,
    ),
]
