"""Northshire's action plan in the demo: the delivery chains' agreed actions and others
answering real findings of its register, some overdue, some without an owner, with notes.

Due dates are set from the day the demo is built, so the plan always has actions overdue
and actions on time. ``a08`` is open and on time and answers a high-severity finding about
an indicator (NI 32, repeat incidents of domestic violence): the flags' rule shows the
outcome's candidate red flag as known and being tackled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.actions.moved import merged_refs

Rows = list[dict[str, Any]]
NI_32_RED = ("performance", "rag_red", "indicator", "NI 32")

# chain, id, action, question, link (from, to) or None, workshop, owner suffix,
# days from the build to the due date, status
CHAIN_ACTIONS = [
    (
        "domestic-abuse",
        "a01",
        "Agree a referral pathway from the emergency department to the MARAC, with a named "
        "lead in each emergency department.",
        "q06",
        ("emergency-staff", "marac"),
        "autumn-2025",
        "hospitals",
        -30,
        "in_progress",
    ),
    (
        "domestic-abuse",
        "a02",
        "Secure IDVA funding to March 2027 through the pooled community safety budget.",
        "q05",
        ("county-council", "idva"),
        "autumn-2025",
        "county-council",
        -10,
        "not_started",
    ),
    (
        "domestic-abuse",
        "a03",
        "Report MARAC repeat-referral figures to the Community Safety Partnership monthly.",
        "q09",
        ("marac", "community-safety"),
        "autumn-2025",
        "police",
        -90,
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
        45,
        "not_started",
    ),
    (
        "neet",
        "a01",
        "Recruit and train two more personal advisers so the service does not hang on one team.",
        "q03",
        ("personal-advisers", "young-people"),
        "winter-2026",
        "county-council",
        90,
        "not_started",
    ),
    (
        "neet",
        "a02",
        "Share monthly re-engagement course data with the Children's Trust.",
        "q09",
        ("re-engagement", "childrens-trust"),
        "winter-2026",
        "youth",
        20,
        "in_progress",
    ),
    (
        "neet",
        "a03",
        "Extend Jobcentre Plus apprenticeship funding beyond March 2026.",
        "q05",
        ("jobcentre", "apprenticeships"),
        "winter-2026",
        "jobcentre",
        -5,
        "not_started",
    ),
]

# id, title, owner organisation suffix (None: unowned), days to due (None: no date),
# status, finding keys answered
PLAN_ACTIONS: list[tuple[str, str, str | None, int | None, str, list[tuple[str, ...]]]] = [
    (
        "a08",
        "Agree one plan across police, health and the council to cut repeat incidents of "
        "domestic violence",
        "police",
        60,
        "in_progress",
        [
            NI_32_RED,
            ("performance", "spc_special_cause_concerning", "indicator", "NI 32"),
            ("chains", "DC-X02", "link", "domestic-abuse/county-council/idva/funds"),
        ],
    ),
    (
        "a09",
        "Review temporary accommodation placements with the housing partners",
        "housing-association",
        -14,
        "not_started",
        [("performance", "rag_red", "indicator", "NI 156")],
    ),
    (
        "a10",
        "Bring alcohol-related hospital admissions into the health board's work programme",
        None,
        30,
        "not_started",
        [("performance", "rag_red", "indicator", "NI 39")],
    ),
    (
        "a11",
        "Agree a data-sharing protocol between all partners to strengthen Systems",
        "county-council",
        120,
        "in_progress",
        [("sevens", "weak_element", "element", "systems")],
    ),
    (
        "a12",
        "Meet the partners reporting low trust and agree what would help",
        None,
        None,
        "not_started",
        [
            ("network", "low_trust", "organisation", "northshire-environment"),
            ("network", "low_trust", "organisation", "northshire-riverside-cvs"),
        ],
    ),
    (
        "a13",
        "Give the transport outcome an owner, an indicator and time on the board's agenda",
        "county-council",
        -3,
        "not_started",
        [
            ("performance", "crowding_no_owner", "outcome", "transport"),
            ("performance", "crowding_no_indicator", "outcome", "transport"),
        ],
    ),
    (
        "a14",
        "Rotate the board's chair among the partners",
        "county-council",
        -60,
        "done",
        [("network", "council_dominance", "partnership", "northshire")],
    ),
    (
        "a15",
        "Fund a second personal advisers team through the skills budget",
        "lep",
        -20,
        "dropped",
        [("chains", "DC-S04", "node", "neet/personal-advisers")],
    ),
]

CHAIN_FINDINGS = {
    ("domestic-abuse", "a01"): [
        ("chains", "DC-W01", "link", "domestic-abuse/emergency-staff/marac/refers_to")
    ],
    ("domestic-abuse", "a02"): [
        ("chains", "DC-F02", "link", "domestic-abuse/county-council/idva/funds")
    ],
    ("neet", "a01"): [
        ("chains", "DC-W01", "link", "neet/personal-advisers/young-people/delivers_to"),
        ("chains", "DC-S04", "node", "neet/personal-advisers"),
    ],
}

NOTES = {
    "a08": [
        (-40, "Police, hospitals and the council agreed the plan's three strands at the board."),
        (-7, "Repeat-referral figures now reach the Community Safety Partnership monthly."),
    ],
    "domestic-abuse-a01": [(-45, "Draft pathway shared with both emergency departments.")],
    "a11": [(-20, "First draft of the protocol circulated to partners' data officers.")],
    "a14": [(-70, "The board agreed to rotate the chair from the next annual meeting.")],
    "a15": [(-25, "Dropped: the skills budget is committed; see action neet-a01 instead.")],
}


def first_people(tables: dict[str, Any], slug: str) -> dict[str, dict[str, Any]]:
    """For each organisation suffix, the first person (by id) who works there."""
    owners: dict[str, dict[str, Any]] = {}
    for person in sorted(tables["people"], key=lambda row: row["id"]):
        owners.setdefault(person["organisation"].removeprefix(f"{slug}-"), person)
    return owners


def demo_tables(
    tables: dict[str, Any], index: int, today: dt.date | None = None
) -> dict[str, Rows]:
    """Northshire's (index 0) action plan rows; none for the other demo partnerships."""
    result: dict[str, Rows] = {"actions": [], "action_findings": [], "action_notes": []}
    if index != 0:
        return result
    today = today or dt.date.today()
    slug = tables["partnership"][0]["slug"]
    owners = first_people(tables, slug)
    organisations = {row["id"] for row in tables["organisations"]}
    refs = merged_refs([(chain, ref) for chain, ref, *_rest in CHAIN_ACTIONS])
    for chain, ref, text, question, link, workshop, suffix, days, status in CHAIN_ACTIONS:
        owner = owners.get(suffix)
        action = refs[(chain, ref)]
        result["actions"].append(
            {
                "id": action,
                "title": text,
                "status": status,
                "owner_organisation": owner["organisation"] if owner else None,
                "owner_person": owner["id"] if owner else None,
                "owner": None if owner else "Partnership manager",
                "due": today + dt.timedelta(days=days),
                "agreed_on": today - dt.timedelta(days=120),
                "chain": chain,
                "from": link[0] if link else None,
                "to": link[1] if link else None,
                "question": question,
                "workshop": workshop,
            }
        )
        add_findings(result, action, CHAIN_FINDINGS.get((chain, ref), []))
    for ref, title, suffix, days, status, keys in PLAN_ACTIONS:
        owner = owners.get(suffix) if suffix else None
        organisation = f"{slug}-{suffix}" if suffix else None
        result["actions"].append(
            {
                "id": ref,
                "title": title,
                "status": status,
                "owner_organisation": organisation if organisation in organisations else None,
                "owner_person": owner["id"] if owner else None,
                "due": today + dt.timedelta(days=days) if days is not None else None,
                "agreed_on": today - dt.timedelta(days=75),
            }
        )
        add_findings(result, ref, keys)
    for ref, notes in NOTES.items():
        result["action_notes"] += [
            {
                "action": ref,
                "date": today + dt.timedelta(days=days),
                "text": text,
                "author": "Partnership manager",
            }
            for days, text in notes
        ]
    return result


def add_findings(result: dict[str, Rows], action: str, keys: list[tuple[str, ...]]) -> None:
    result["action_findings"] += [
        {"action": action, "area": area, "rule": rule, "subject_kind": kind, "subject_ref": ref}
        for area, rule, kind, ref in keys
    ]
