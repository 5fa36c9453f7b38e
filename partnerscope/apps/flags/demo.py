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
        "red_outcome_off_track_fragile_chain:outcome:domestic-abuse",
        "confirm",
        "Repeat victimisation has risen for three quarters running and the chain depends on "
        "the community safety partnership alone to hold its partners to account; the "
        "workshop agreed that losing it would stall the whole response.",
    ),
    (
        "red_partnership_significant_concerns:partnership:northshire",
        "confirm",
        "The relationship survey shows the county council on most routes between partners "
        "and low trust in two partners, and the 7S wave rates Systems weak: together they "
        "put the partnership's prospects of improving outcomes at risk.",
    ),
    (
        "green_sustained_improvement:outcome:waste",
        "confirm",
        "Recycling and composting have improved beyond normal variation for over a year and "
        "every target is met; the joint collection contract is worth sharing with others.",
    ),
)

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
        "Waste and carbon are on track and improving. Domestic abuse and affordable homes "
        "are off track; the first has a fragile delivery chain (confirmed red flag), the "
        "second is known and being tackled through the housing delivery plan.",
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
