"""The demo's agreed actions, each against a workshop question and often a link."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.chains.demo.outlines import Rows

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


def add_actions(result: dict[str, Rows], owners: dict[str, dict[str, Any]]) -> None:
    """Add the rows of ``chain_actions``, each owned by the first person of its organisation
    (or the partnership manager)."""
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
