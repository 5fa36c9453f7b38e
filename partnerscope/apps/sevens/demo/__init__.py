"""Two 7S waves for the demo county partnership, written as data-package rows.

The pattern is one a partnership manager would recognise from the 2009 study: the hard
elements Steering and Systems weakest, the council rating Style well above its partners,
and the second wave a little better on Steering. About thirty people answer each wave, so
the breakdowns show, and the fire service's few respondents show withholding at work.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from partnerscope.reference.sevens import load_instrument

SEED = 7007
BODIES = [
    "board",
    "executive",
    "performance",
    "commissioning",
    "childrens-trust",
    "community-safety",
    "health-wellbeing",
]
BASE = {
    "scs": 3.7,
    "staff_skills": 3.5,
    "style": 3.5,
    "synergies": 3.4,
    "steering": 2.6,
    "systems": 2.65,
    "standards": 3.3,
}
STYLE_GAP = {"council": 0.55, "partners": -0.3}
SECOND_WAVE = {"steering": 0.3, "systems": 0.08, "standards": 0.05, "style": 0.05}
WAVES: list[dict[str, Any]] = [
    {
        "id": "autumn-2024",
        "title": "7S self-assessment, autumn 2024",
        "opens": dt.date(2024, 10, 7),
        "closes": dt.date(2024, 11, 1),
        "previous": None,
        "sectors": {"council": 10, "health": 8, "voluntary_community": 6, "police": 5, "fire": 3},
    },
    {
        "id": "autumn-2025",
        "title": "7S self-assessment, autumn 2025",
        "opens": dt.date(2025, 10, 6),
        "closes": dt.date(2025, 10, 31),
        "previous": "autumn-2024",
        "sectors": {"council": 9, "health": 7, "voluntary_community": 6, "police": 5, "fire": 2},
    },
]
LOCAL = {
    "wave": "autumn-2025",
    "id": "local.1",
    "element": "style",
    "text": "Since the board began rotating its chair, every sector has had a fair hearing at "
    "its meetings.",
    "layers": "strategic",
}
EVIDENCE = {
    "scs": [
        "Everyone can name the three priorities, but the refreshed strategy still has eleven "
        "objectives under them.",
        "Our own service plan now quotes the partnership's outcomes word for word.",
        "The ten-year vision was agreed, but nobody has checked progress against it since.",
    ],
    "staff_skills": [
        "The partnership team is two people covering seven theme groups.",
        "New board members got a proper induction this year, including a session on the "
        "performance framework.",
        "Some organisations send a different officer each time, who cannot commit anything.",
    ],
    "style": [
        "The chair gives every partner the floor before decisions are taken.",
        "Agendas are set by the council's officers and arrive the night before.",
        "Meetings are mostly presentations; there is little time for challenge.",
        "The council's members speak for most of the meeting.",
    ],
    "synergies": [
        "The joint prevention team has cut repeat call-outs in two wards.",
        "We share a building with the police team now, which has changed how we work.",
        "It is hard to say what the partnership achieves that we would not do anyway.",
    ],
    "steering": [
        "None of our budget is aligned to the shared priorities; it is all decided in-house.",
        "The pooled fund for early help is the one real example of money following the goals.",
        "The performance and finance group rarely gets to the finance items.",
        "Budget setting this year looked at the partnership priorities for the first time.",
    ],
    "systems": [
        "The quarterly report is eighty pages and nobody reads past the summary.",
        "We cannot share case-level data, so we cannot see who is in several services.",
        "There is no shared risk register.",
        "Indicators are reported but rarely lead to a decision.",
    ],
    "standards": [
        "The terms of reference were reviewed last year and say who decides what.",
        "Scrutiny looked at the partnership once, and the recommendations were answered.",
        "Nobody could tell me who the partnership is accountable to.",
    ],
}


SECTOR_LAYERS: dict[str, list[str]] = {
    "council": ["strategic", "executive"],
    "health": ["operational"],
    "voluntary_community": ["operational"],
    "police": ["executive"],
    "fire": ["executive"],
}
"""The layers each sector's respondents sit in. Each sector sits in the same layers, so the
sector and layer breakdowns cut the wave into the same few groups and both can be shown; with
layers drawn person by person, a sector-and-layer group of one or two would withhold one of
the breakdowns under the ``difference`` rule."""


def _answer(rng: random.Random, mean: float, dont_know: float) -> str:
    if rng.random() < dont_know:
        return "dk"
    return str(min(5, max(1, round(rng.gauss(mean, 0.8)))))


def _wave_rows(
    rng: random.Random, wave: dict[str, Any], statements: list[tuple[str, str]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    responses: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    second = wave["previous"] is not None
    people = [sector for sector, count in wave["sectors"].items() for _ in range(count)]
    rng.shuffle(people)
    for number, sector in enumerate(people, start=1):
        layers = SECTOR_LAYERS[sector]
        lean = rng.gauss(0.0, 0.35)
        side = "council" if sector == "council" else "partners"
        for item, element_id in statements:
            mean = BASE[element_id] + lean
            if element_id == "style":
                mean += STYLE_GAP[side]
            if second:
                mean += SECOND_WAVE.get(element_id, 0.0)
            dont_know = 0.05
            if element_id in ("steering", "systems") and layers == ["operational"]:
                dont_know = 0.18
            if rng.random() < 0.03:
                continue
            responses.append(
                {
                    "wave": wave["id"],
                    "respondent": f"r{number:03d}",
                    "sector": sector,
                    "layer": ";".join(layers),
                    "item": item,
                    "answer": _answer(rng, mean, dont_know),
                }
            )
    for element_id, texts in EVIDENCE.items():
        for text in rng.sample(texts, k=min(len(texts), rng.randint(2, 3))):
            evidence.append({"wave": wave["id"], "element": element_id, "text": text})
    return responses, evidence


def demo_tables(tables: dict[str, Any], index: int) -> dict[str, list[dict[str, Any]]]:
    """The 7S rows of demo partnership ``index``: two waves for the county (index 0)."""
    if index != 0:
        return {}
    rng = random.Random(SEED)
    known = {row["id"] for row in tables["bodies"]}
    shared = [(s.id, s.element) for s in load_instrument().statements]
    waves, responses, evidence = [], [], []
    for wave in WAVES:
        waves.append(
            {
                "id": wave["id"],
                "title": wave["title"],
                "opens": wave["opens"],
                "closes": wave["closes"],
                "bodies": ";".join(body for body in BODIES if body in known),
                "previous": wave["previous"],
                "instrument_version": load_instrument().version,
            }
        )
        statements = shared + (
            [(LOCAL["id"], LOCAL["element"])] if wave["id"] == LOCAL["wave"] else []
        )
        rows, texts = _wave_rows(rng, wave, statements)
        responses += rows
        evidence += texts
    return {
        "sevens_waves": waves,
        "sevens_local_statements": [dict(LOCAL)],
        "sevens_responses": responses,
        "sevens_evidence": evidence,
    }
