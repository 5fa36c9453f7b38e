"""The demo's workshops: two closed ones whose answers are drawn at random (with a fixed
seed, so the demo is the same each time) and the carbon chain's, open for the demo users."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from partnerscope.apps.chains.demo.outlines import Rows
from partnerscope.reference.chains import load_questions

SEED = 2006

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


def add_workshops(result: dict[str, Rows]) -> None:
    """Add the rows of ``chain_workshops``, ``chain_participants`` and ``chain_ratings``."""
    rng = random.Random(SEED)
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
