"""The delivery chain self-assessment: twelve questions, in PartnerScope's own words.

The questions come from the National Audit Office and Audit Commission's 2006 guide to
public service delivery chains, as used in the Audit Commission's 2009 study of local
strategic partnerships. The wording lives in ``questions.json`` beside this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Instrument", "Question", "ScalePoint", "load_instrument", "load_questions"]

RESOURCE = "questions.json"


@dataclass(frozen=True)
class Question:
    """One question: its id (``q01`` to ``q12``), a short slug and its wording."""

    id: str
    slug: str
    text: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready: ``id``, ``slug`` and ``text``."""
        return {"id": self.id, "slug": self.slug, "text": self.text}


@dataclass(frozen=True)
class ScalePoint:
    """One answer on the rating scale: red, amber, green or don't know."""

    value: str
    label: str
    meaning: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready: ``value``, ``label`` and ``meaning``."""
        return {"value": self.value, "label": self.label, "meaning": self.meaning}


@dataclass(frozen=True)
class Instrument:
    """The whole instrument: its title, source, rating scale and questions."""

    id: str
    title: str
    version: int
    source: str
    scale: tuple[ScalePoint, ...]
    questions: tuple[Question, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``id``, ``title``, ``version``, ``source``, ``scale``, ``questions``."""
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "source": self.source,
            "scale": [point.to_dict() for point in self.scale],
            "questions": [question.to_dict() for question in self.questions],
        }


@cache
def load_instrument() -> Instrument:
    """Read the instrument from the package's data file (once per process)."""
    raw = json.loads(resources.files(__name__).joinpath(RESOURCE).read_text(encoding="utf-8"))
    return Instrument(
        id=raw["id"],
        title=raw["title"],
        version=int(raw["version"]),
        source=raw["source"],
        scale=tuple(ScalePoint(**point) for point in raw["scale"]),
        questions=tuple(Question(**question) for question in raw["questions"]),
    )


def load_questions() -> tuple[Question, ...]:
    """The twelve questions in order."""
    return load_instrument().questions
