"""Northshire's scrutiny in the demo: the county's overview and scrutiny committee and a
joint health scrutiny committee with the districts, a review of the domestic-abuse delivery
chain with three recommendations (one answered in time, one overdue, one rejected with
reasons), a Councillor Call for Action, and members' training (some with none on
partnership working).

Dates are set from the day the demo is built, so the overdue response is always overdue.
After the demo is built, the ``member`` sign-in is linked to a police officer of the
partnership, so it can answer the overdue recommendation as the police's representative.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model

from partnerscope.apps.partnerships.models import Person
from partnerscope.core.layers.deadlines import response_due

Rows = list[dict[str, Any]]
DEMO_SLUG = "northshire"
REPRESENTATIVE = "member"
REPRESENTED = "police"

COUNCILLORS = (
    ("osc", "cllr-hughes", "Cllr Ann Hughes", "Northshire County Council", "chair"),
    ("osc", "cllr-patel", "Cllr Dev Patel", "Northshire County Council", "vice_chair"),
    ("osc", "cllr-okafor", "Cllr Grace Okafor", "Northshire County Council", "member"),
    ("osc", "cllr-lund", "Cllr Erik Lund", "Northshire County Council", "member"),
    ("joint-health", "cllr-barnes", "Cllr Tom Barnes", "Easton District Council", "chair"),
    ("joint-health", "cllr-reid", "Cllr Moira Reid", "Westmere District Council", "member"),
)


def demo_tables(
    tables: dict[str, Any], index: int, today: dt.date | None = None
) -> dict[str, Rows]:
    """Northshire's (index 0) scrutiny rows; none for the other demo partnerships."""
    if index != 0:
        return {}
    today = today or dt.date.today()
    slug = tables["partnership"][0]["slug"]
    received = today - dt.timedelta(days=110)
    due = response_due(received)
    review = {"committee": "osc", "review": "domestic-abuse"}
    board = [row["person"] for row in tables["memberships"] if row["body"] == "board"]
    return {
        "scrutiny_committees": [
            {
                "id": "osc",
                "name": "Northshire Overview and Scrutiny Committee",
                "kind": "overview_scrutiny",
                "councils": "",
            },
            {
                "id": "joint-health",
                "name": "Northshire Joint Health Scrutiny Committee",
                "kind": "joint",
                "councils": "Northshire County Council; Easton and Westmere District Councils",
            },
        ],
        "scrutiny_committee_members": [
            {"committee": c, "id": ref, "name": name, "council": council, "role": role}
            for c, ref, name, council, role in COUNCILLORS
        ],
        "scrutiny_reviews": [
            {
                "committee": "osc",
                "id": "domestic-abuse",
                "topic": "Domestic abuse: from first contact to safety",
                "scope": "The delivery chain from the first disclosure to the MARAC and the "
                "IDVA service; not the criminal courts.",
                "started": today - dt.timedelta(days=200),
                "ended": today - dt.timedelta(days=120),
                "organisations_called": ";".join(
                    f"{slug}-{suffix}"
                    for suffix in ("county-council", "hospitals", "police", "womens-aid")
                ),
                "bodies_called": "community-safety",
            }
        ],
        "scrutiny_evidence_sessions": [
            {
                **review,
                "id": "s1",
                "date": today - dt.timedelta(days=170),
                "heard_from": "Northshire Police; Northshire Women's Aid",
            },
            {
                **review,
                "id": "s2",
                "date": today - dt.timedelta(days=140),
                "heard_from": "Northshire Hospitals; Northshire County Council",
            },
        ],
        "scrutiny_recommendations": [
            {
                **review,
                "id": "r1",
                "organisation": f"{slug}-hospitals",
                "body": None,
                "text": "Agree a referral pathway from the emergency department to the MARAC, "
                "with a named lead in each emergency department.",
                "received": received,
                "made_by": "Scrutiny officer",
            },
            {
                **review,
                "id": "r2",
                "organisation": f"{slug}-police",
                "body": None,
                "text": "Publish repeat-incident figures for domestic abuse to the Community "
                "Safety Partnership every month.",
                "received": received,
                "made_by": "Scrutiny officer",
            },
            {
                **review,
                "id": "r3",
                "organisation": f"{slug}-county-council",
                "body": None,
                "text": "Fund the IDVA service from the council's base budget rather than "
                "from one-year grants.",
                "received": received,
                "made_by": "Scrutiny officer",
            },
        ],
        "scrutiny_responses": [
            {
                **review,
                "recommendation": "r1",
                "decision": "accepted",
                "reasons": "",
                "proposed_action": "A pathway and named leads in both emergency departments.",
                "published": due - dt.timedelta(days=10),
                "written_by": "Hospitals' director",
            },
            {
                **review,
                "recommendation": "r3",
                "decision": "rejected",
                "reasons": "The base budget is committed for this year; the council will fund "
                "the service through the pooled community safety budget to March 2027 instead.",
                "proposed_action": "Pooled budget funding, reviewed at the next budget round.",
                "published": due - dt.timedelta(days=3),
                "written_by": "Council's director",
            },
        ],
        "scrutiny_progress_updates": [
            {
                **review,
                "recommendation": "r1",
                "id": "u1",
                "date": due + dt.timedelta(days=30),
                "text": "Named leads appointed in both emergency departments.",
                "closes": False,
                "written_by": "Hospitals' director",
            },
        ],
        "scrutiny_referrals": [
            {
                "committee": "osc",
                "id": "ccfa-1",
                "councillor": "Cllr Grace Okafor",
                "matter": "Street lighting and safety on the Riverside estate.",
                "received": today - dt.timedelta(days=60),
                "decision": "review",
                "decided": today - dt.timedelta(days=40),
                "reasons": "Partners' responses did not resolve it; added to the work programme.",
            },
        ],
        "scrutiny_training": [
            *(
                {
                    "id": f"t-{person}",
                    "person": person,
                    "committee": None,
                    "member": None,
                    "topic": "Leading across organisations",
                    "date": today - dt.timedelta(days=300),
                    "provider": "Local Government Association",
                    "partnership_working": True,
                }
                for person in board[::2]
            ),
            {
                "id": "t-cllr-hughes",
                "person": None,
                "committee": "osc",
                "member": "cllr-hughes",
                "topic": "Scrutinising partnerships",
                "date": today - dt.timedelta(days=400),
                "provider": "Centre for Governance and Scrutiny",
                "partnership_working": True,
            },
            {
                "id": "t-cllr-patel",
                "person": None,
                "committee": "osc",
                "member": "cllr-patel",
                "topic": "Questioning skills",
                "date": today - dt.timedelta(days=200),
                "provider": "Northshire County Council",
                "partnership_working": False,
            },
        ],
    }


def link_representative(partnerships: Sequence[Any]) -> None:
    """Link the ``member`` sign-in to a police officer of Northshire (if not linked yet)."""
    user = get_user_model().objects.filter(username=REPRESENTATIVE).first()
    for partnership in partnerships:
        if partnership.slug != DEMO_SLUG or user is None:
            continue
        if Person.objects.filter(partnership=partnership, user=user).exists():
            continue
        person = (
            Person.objects.filter(
                partnership=partnership,
                organisation__ref=f"{DEMO_SLUG}-{REPRESENTED}",
                user__isnull=True,
            )
            .order_by("ref")
            .first()
        )
        if person is not None:
            person.user = user
            person.save()
