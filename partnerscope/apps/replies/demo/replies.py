"""The demo's replies (the ``after_demo`` hook): two Northshire partners answer findings of
its register, once the register has been refreshed.

The Environment Agency disagrees, with its reasons, that the partners' low trust in it is a
finding, and the partnership's manager records what changed; Northshire Hospitals adds
context to the weak referral link from its emergency department. Each is written by a
person of the organisation, as its representative would.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.utils import timezone

from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.partnerships.models import Organisation, Person
from partnerscope.apps.replies import replying
from partnerscope.apps.replies.choices import Position
from partnerscope.apps.replies.naming import organisations_named_by_finding

DEMO_SLUG = "northshire"
MANAGER_NAME = "the partnership manager (demo)"

REPLIES: list[dict[str, Any]] = [
    {
        "key": ("network", "low_trust", "organisation", "northshire-environment"),
        "organisation": "northshire-environment",
        "position": Position.DISAGREE,
        "days_ago": 21,
        "text": (
            "We do not accept that low trust in the Agency is a finding about how we work with "
            "partners. Four organisations rated us, three of them during the months when we "
            "enforced permits on their own sites, which we were bound to do. Our flood "
            "resilience work with the district councils has met every milestone this year."
        ),
        "response": (
            "The board noted the Agency's reply. The finding stands, as four organisations "
            "gave the ratings, but the report now says the ratings came during enforcement "
            "work, and the next relationship survey will ask about trust and enforcement "
            "separately."
        ),
    },
    {
        "key": ("chains", "DC-X02", "link", "domestic-abuse/emergency-staff/marac/refers_to"),
        "organisation": "northshire-hospitals",
        "position": Position.CONTEXT,
        "days_ago": 9,
        "text": (
            "Emergency department staff have referred to MARAC through a paper form since the "
            "electronic referral system was withdrawn in the spring. A new referral pathway "
            "with the police starts next quarter, with training for every nurse in charge."
        ),
        "response": "",
    },
]


def add_demo_replies(partnerships: Iterable[Any]) -> None:
    """Give the demo's replies to Northshire's findings, where the register holds them."""
    for partnership in partnerships:
        if partnership.slug == DEMO_SLUG:
            for entry in REPLIES:
                add_reply(partnership, entry)


def add_reply(partnership: Any, entry: dict[str, Any]) -> None:
    found = findings.findings_by_keys(partnership, [entry["key"]]).get(entry["key"])
    if found is None:
        return
    named = organisations_named_by_finding(partnership, found)
    organisation = Organisation.objects.filter(ref=entry["organisation"]).first()
    if organisation is None or organisation not in named:
        return
    writer = (
        Person.objects.filter(partnership=partnership, organisation=organisation)
        .order_by("ref")
        .first()
    )
    given = timezone.now() - timedelta(days=entry["days_ago"])
    target = replying.target_of_finding(partnership, found)
    reply = replying.give_reply(
        partnership,
        target,
        organisation,
        entry["position"],
        entry["text"],
        writer=writer,
        writer_name="",
        user=None,
        on_behalf=False,
        now=given,
    )
    if entry["response"]:
        replying.respond(
            reply, entry["response"], None, now=given + timedelta(days=6), name=MANAGER_NAME
        )
