"""Demo delivery chains for Northshire (the first demo partnership), as data-package rows.

Three chains, from the outcomes of the 2008 national indicator set: young people not in
education, employment or training (NI 117), repeat incidents of domestic abuse (NI 32) and
per-capita carbon dioxide emissions (NI 186). The NEET chain hangs on one front-line team (a
single point of failure); the domestic abuse chain has a completed workshop of 14
participants whose ratings single out hospital referrals to the MARAC, and the NEET chain
one of 12 with too few strategic participants to show that level apart; the carbon chain's
workshop is open for the demo users to rate. Deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from partnerscope.reference.chains import load_questions

SEED = 2006
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

# Chance of a green rating for each question, strategic participants a little more hopeful.
GREEN_CHANCE = {
    "domestic-abuse": [0.8, 0.55, 0.3, 0.4, 0.35, 0.3, 0.45, 0.5, 0.6, 0.65, 0.4, 0.35],
    "neet": [0.75, 0.6, 0.35, 0.5, 0.45, 0.5, 0.4, 0.45, 0.55, 0.6, 0.45, 0.4],
}
WORKSHOPS = [
    # chain, id, title, held on, strategic, operational,
    # rated links (from, to, chance green, chance red)
    (
        "domestic-abuse",
        "autumn-2025",
        "Domestic abuse delivery chain workshop, autumn 2025",
        dt.date(2025, 11, 12),
        6,
        8,
        [
            ("emergency-staff", "marac", 0.05, 0.75),
            ("marac", "idva-caseworkers", 0.55, 0.2),
            ("idva-caseworkers", "victims", 0.7, 0.1),
        ],
    ),
    (
        "neet",
        "winter-2026",
        "NEET delivery chain workshop, January 2026",
        dt.date(2026, 1, 20),
        4,
        8,
        [
            ("personal-advisers", "young-people", 0.1, 0.45),
            ("jobcentre", "apprenticeships", 0.5, 0.2),
        ],
    ),
]
COMMENTS = {
    "domestic-abuse": [
        "Referrals from the hospital are rare and arrive late; we rarely hear back.",
        "IDVA funding beyond March is not confirmed, which makes planning hard.",
        "Caseloads have risen all year and the front line is stretched.",
        "Good informal relationships, but they depend on a few individuals.",
    ],
    "neet": [
        "Everything rests on the personal advisers; when one leaves, young people are lost.",
        "The partners agree on the goal but each counts young people differently.",
        "Course data arrive twice a year, too late to steer anything.",
        "Apprenticeship places depend on one funding stream that ends soon.",
    ],
}
ACTIONS = [
    # chain, id, action, question, link (from, to, type) or None, workshop, owner suffix,
    # due, status
    (
        "domestic-abuse",
        "a01",
        "Agree a referral pathway from the emergency department to the MARAC, with a named "
        "lead in each emergency department.",
        "q06",
        ("emergency-staff", "marac", "refers_to"),
        "autumn-2025",
        "hospitals",
        dt.date(2026, 3, 31),
        "in_progress",
    ),
    (
        "domestic-abuse",
        "a02",
        "Secure IDVA funding to March 2027 through the pooled community safety budget.",
        "q05",
        ("county-council", "idva", "funds"),
        "autumn-2025",
        "county-council",
        dt.date(2026, 2, 28),
        "not_started",
    ),
    (
        "domestic-abuse",
        "a03",
        "Report MARAC repeat-referral figures to the Community Safety Partnership monthly.",
        "q09",
        ("marac", "community-safety", "reports_data_to"),
        "autumn-2025",
        "police",
        dt.date(2026, 1, 31),
        "done",
    ),
    (
        "domestic-abuse",
        "a04",
        "Train emergency department staff to use the risk checklist.",
        "q03",
        None,
        "autumn-2025",
        "hospitals",
        dt.date(2026, 6, 30),
        "not_started",
    ),
    (
        "neet",
        "a01",
        "Recruit and train two more personal advisers so the service does not hang on one team.",
        "q03",
        ("personal-advisers", "young-people", "delivers_to"),
        "winter-2026",
        "county-council",
        dt.date(2026, 9, 30),
        "not_started",
    ),
    (
        "neet",
        "a02",
        "Share monthly re-engagement course data with the Children's Trust.",
        "q09",
        ("re-engagement", "childrens-trust", "reports_data_to"),
        "winter-2026",
        "youth",
        dt.date(2026, 4, 30),
        "in_progress",
    ),
    (
        "neet",
        "a03",
        "Extend Jobcentre Plus apprenticeship funding beyond March 2026.",
        "q05",
        ("jobcentre", "apprenticeships", "funds"),
        "winter-2026",
        "jobcentre",
        dt.date(2026, 3, 15),
        "not_started",
    ),
]
TABLES = (
    "chains",
    "chain_nodes",
    "chain_links",
    "chain_workshops",
    "chain_participants",
    "chain_ratings",
    "chain_actions",
)


def demo_tables(tables: dict[str, Any], index: int) -> dict[str, Rows]:
    """The chain rows of demo partnership ``index``: three chains for Northshire (index 0),
    none for the others."""
    result: dict[str, Rows] = {name: [] for name in TABLES}
    if index != 0:
        return result
    slug = tables["partnership"][0]["slug"]
    area = tables["partnership"][0]["area"]
    organisations = {row["id"] for row in tables["organisations"]}
    bodies = {row["id"] for row in tables["bodies"]}
    owners = owner_people(tables, slug)
    rng = random.Random(SEED)
    for chain, outcome, description, target, nodes, links in CHAINS:
        result["chains"].append(
            {
                "id": chain,
                "outcome": outcome,
                "description": description,
                "target_date": target,
                "outcome_ref": None,
            }
        )
        for ref, kind, name, organisation, body in nodes:
            org_id = f"{slug}-{organisation}" if organisation else None
            result["chain_nodes"].append(
                {
                    "chain": chain,
                    "id": ref,
                    "kind": kind,
                    "name": name.format(area=area),
                    "layer": layer_of(tables, body) if body in bodies else None,
                    "organisation": org_id if org_id in organisations else None,
                    "body": body if body in bodies else None,
                }
            )
        for source, target_ref, kind, extras in links:
            owner = owners.get(extras.get("owner", ""))
            result["chain_links"].append(
                {
                    "chain": chain,
                    "from": source,
                    "to": target_ref,
                    "type": kind,
                    "owner": owner["name"] if owner else None,
                    "indicator": extras.get("indicator"),
                    "amount": extras.get("amount"),
                    "secure_until": extras.get("secure_until"),
                    "frequency": extras.get("frequency"),
                    "likelihood": extras.get("likelihood"),
                    "impact": extras.get("impact"),
                    "owner_person": owner["id"] if owner else None,
                }
            )
    for workshop in WORKSHOPS:
        add_workshop(result, rng, *workshop)
    result["chain_workshops"].append(
        {
            "chain": "carbon",
            "id": "spring-2026",
            "title": "Carbon delivery chain workshop, spring 2026",
            "held_on": dt.date(2026, 5, 14),
            "open": True,
        }
    )
    for chain, ref, text, question, link, workshop, owner_suffix, due, status in ACTIONS:
        owner = owners.get(owner_suffix)
        result["chain_actions"].append(
            {
                "chain": chain,
                "id": ref,
                "action": text,
                "question": question,
                "from": link[0] if link else None,
                "to": link[1] if link else None,
                "type": link[2] if link else None,
                "workshop": workshop,
                "owner": owner["name"] if owner else "Partnership manager",
                "owner_person": owner["id"] if owner else None,
                "due": due,
                "status": status,
            }
        )
    return result


def layer_of(tables: dict[str, Any], body: str | None) -> str | None:
    return next((row["layer"] for row in tables["bodies"] if row["id"] == body), None)


def owner_people(tables: dict[str, Any], slug: str) -> dict[str, dict[str, Any]]:
    """For each organisation suffix, the first person (by id) who works there."""
    owners: dict[str, dict[str, Any]] = {}
    for person in sorted(tables["people"], key=lambda row: row["id"]):
        suffix = person["organisation"].removeprefix(f"{slug}-")
        owners.setdefault(suffix, person)
    return owners


def draw_rating(rng: random.Random, green: float, red: float | None = None) -> str:
    """A rating drawn with the given chance of green and of red (else 40% of the rest)."""
    if rng.random() < 0.07:
        return "dont_know"
    red = (1 - green) * 0.4 if red is None else red
    draw = rng.random()
    if draw < green:
        return "green"
    return "red" if draw < green + red else "amber"


def add_workshop(
    result: dict[str, Rows],
    rng: random.Random,
    chain: str,
    ref: str,
    title: str,
    held_on: dt.date,
    strategic: int,
    operational: int,
    rated_links: list[tuple[str, str, float, float]],
) -> None:
    result["chain_workshops"].append(
        {"chain": chain, "id": ref, "title": title, "held_on": held_on, "open": False}
    )
    questions = [question.id for question in load_questions()]
    levels = ["strategic"] * strategic + ["operational"] * operational
    rng.shuffle(levels)
    for number, level in enumerate(levels, start=1):
        participant = f"{ref}-p{number:02d}"
        comments = COMMENTS[chain]
        comment = comments[(number // 3) % len(comments)] if number % 3 == 0 else ""
        result["chain_participants"].append(
            {
                "chain": chain,
                "workshop": ref,
                "participant": participant,
                "level": level,
                "comment": comment,
            }
        )
        lift = 0.15 if level == "strategic" else 0.0
        for question, chance in zip(questions, GREEN_CHANCE[chain], strict=True):
            result["chain_ratings"].append(
                rating_row(
                    chain, ref, participant, level, question, draw_rating(rng, chance + lift)
                )
            )
        for source, target, green, red in rated_links:
            if rng.random() < 0.3:
                continue
            for question in rng.sample(questions, 4):
                value = draw_rating(rng, green, red)
                row = rating_row(chain, ref, participant, level, question, value)
                result["chain_ratings"].append({**row, "from": source, "to": target})


def rating_row(
    chain: str, workshop: str, participant: str, level: str, question: str, rating: str
) -> dict[str, Any]:
    return {
        "chain": chain,
        "participant": participant,
        "level": level,
        "question": question,
        "rating": rating,
        "from": None,
        "to": None,
        "workshop": workshop,
    }
