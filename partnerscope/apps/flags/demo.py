"""Northshire's flag decisions and answers to the three questions, made after the demo's
candidates are proposed from its real evidence (``proposing.propose_demo``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from partnerscope.apps.flags.deciding import decide
from partnerscope.apps.flags.questions import save_answer
from partnerscope.apps.flags.selectors import find_row

DEMO_SLUG = "northshire"
DEMO_MANAGER = "Priya Shah, partnership manager"

DECISIONS = (
    (
        "red_outcome_consistently_missing:outcome:healthy-start",
        "confirm",
        "Three of the four indicators of a healthy start have missed their targets for "
        "every quarter on record, and no partner has yet taken the lead on them.",
    ),
    (
        "red_partnership_significant_concerns:partnership:northshire",
        "confirm",
        "Actions on Systems and on trust are under way, but the relationship survey shows "
        "the county council on most routes between partners and low trust in two of them: "
        "the board judges the concern significant until the next survey shows a change.",
    ),
    (
        "green_sustained_improvement:outcome:waste",
        "confirm",
        "Recycling and composting have improved beyond normal variation for over a year and "
        "every target is met; the joint collection contract is worth sharing with others.",
    ),
)
"""The demo's decisions. The off-track domestic abuse outcome with its fragile chain stays
a candidate: action a08 of the demo's action plan answers its findings and is on time, so
it is shown as known and being tackled."""

ANSWERS = (
    (
        "priorities",
        "The sustainable community strategy was refreshed with residents' panels in each "
        "district, and most outcomes have an owner, a target and agenda time. Two outcomes "
        "lack an indicator or a target, and carbon and transport have had little time at the "
        "board, so the priorities reflect needs better than they are followed through.",
        3,
    ),
    (
        "delivery",
        "Waste and carbon are on track and improving. A healthy start for every child is "
        "off track (a confirmed red flag) and affordable homes are behind; domestic abuse "
        "is off track with a fragile delivery chain, known and being tackled through one "
        "plan across police, health and the council.",
        2,
    ),
    (
        "prospects",
        "Steering improved markedly in the latest 7S wave, but Systems remain weak and the "
        "relationship survey shows the partnership leaning on the county council. The "
        "action plan addresses both, with owners and dates agreed by the board.",
        2,
    ),
)


def decide_demo(partnerships: Sequence[Any]) -> None:
    """Record the demo's decisions and answers for Northshire (when it was built)."""
    for partnership in partnerships:
        if partnership.slug != DEMO_SLUG:
            continue
        for key, decision, reason in DECISIONS:
            row = find_row(partnership, key)
            if row is not None:
                decide(row, decision, reason, by=DEMO_MANAGER)
        for question, narrative, rating in ANSWERS:
            save_answer(partnership, question, narrative, rating, by=DEMO_MANAGER)
