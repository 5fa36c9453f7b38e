"""Element scores: the mean of item means, put on a 0 to 100 scale, with consensus.

element mean  = mean of the element's item means (statements with at least one 1..5 answer)
element score = (element mean - 1) / 4 * 100, so 1 (all strongly disagree) is 0 and
                5 (all strongly agree) is 100
soft score    = mean of the staff_skills, style and synergies scores
hard score    = mean of the steering, systems and standards scores
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from partnerscope.core.sevens.consensus import consensus_from_counts
from partnerscope.core.sevens.elements import (
    ELEMENT_IDS,
    HARD_ELEMENTS,
    SOFT_ELEMENTS,
    element,
)
from partnerscope.core.sevens.figures import rounded
from partnerscope.core.sevens.instrument import Instrument
from partnerscope.core.sevens.items import ItemResult, score_item
from partnerscope.core.sevens.responses import DONT_KNOW, SCALE, Respondent

__all__ = [
    "ElementResult",
    "element_score",
    "elements_from_items",
    "hard_score",
    "score_elements",
    "soft_score",
]


def element_score(mean: float | None) -> float | None:
    """Put a 1 to 5 mean on the 0 to 100 scale: (mean - 1) / 4 * 100.

    Examples
    --------
    >>> element_score(1.0), element_score(3.0), element_score(4.5)
    (0.0, 50.0, 87.5)
    """
    return None if mean is None else (mean - 1.0) / 4.0 * 100.0


def _mean_of(scores: Mapping[str, float | None], ids: Sequence[str]) -> float | None:
    values = [scores.get(element_id) for element_id in ids]
    if any(value is None for value in values):
        return None
    return fmean(value for value in values if value is not None)


def soft_score(scores: Mapping[str, float | None]) -> float | None:
    """Mean of the three soft elements' scores; None unless all three have one.

    Examples
    --------
    >>> soft_score({"staff_skills": 50.0, "style": 75.0, "synergies": 100.0})
    75.0
    >>> soft_score({"staff_skills": 50.0, "style": None, "synergies": 100.0}) is None
    True
    """
    return _mean_of(scores, SOFT_ELEMENTS)


def hard_score(scores: Mapping[str, float | None]) -> float | None:
    """Mean of the three hard elements' scores; None unless all three have one.

    Examples
    --------
    >>> hard_score({"steering": 0.0, "systems": 25.0, "standards": 50.0})
    25.0
    """
    return _mean_of(scores, HARD_ELEMENTS)


@dataclass(frozen=True)
class ElementResult:
    """One element's figures for one group of respondents.

    ``mean`` is the mean of ``item_means`` (None if no statement was scored); ``consensus``
    pools every 1..5 answer to the element's statements; ``n`` counts respondents who gave
    at least one 1..5 answer; ``dont_know_share`` is "don't know" answers over all answers
    given to the element's statements.

    Examples
    --------
    >>> result = ElementResult("style", (3.0, 4.0), (0, 0, 1, 1, 0), 2, 0, 2)
    >>> result.mean, result.score, round(result.consensus, 4)
    (3.5, 62.5, 0.8074)
    """

    element: str
    item_means: tuple[float, ...]
    distribution: tuple[int, int, int, int, int]
    n: int
    dont_know: int
    statements: int

    @property
    def mean(self) -> float | None:
        """The mean of the element's item means."""
        return fmean(self.item_means) if self.item_means else None

    @property
    def score(self) -> float | None:
        """The mean on the 0 to 100 scale."""
        return element_score(self.mean)

    @property
    def consensus(self) -> float | None:
        """Tastle and Wierman's consensus over all the element's 1..5 answers."""
        return consensus_from_counts(dict(zip(SCALE, self.distribution, strict=True)))

    @property
    def answers(self) -> int:
        """How many 1..5 answers the element's statements received in all."""
        return sum(self.distribution)

    @property
    def dont_know_share(self) -> float | None:
        """Share of the answers given to the element's statements that were "don't know"."""
        given = self.answers + self.dont_know
        return None if given == 0 else self.dont_know / given

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: name, kind, mean, score, consensus, n, dont_know_share."""
        info = element(self.element)
        return {
            "name": info.name,
            "kind": info.kind,
            "mean": rounded(self.mean),
            "score": rounded(self.score),
            "consensus": rounded(self.consensus),
            "n": self.n,
            "dont_know_share": rounded(self.dont_know_share),
        }


def _element_result(
    element_id: str, items: Sequence[ItemResult], respondents: Sequence[Respondent]
) -> ElementResult:
    ids = {item.id for item in items}
    distribution = [0, 0, 0, 0, 0]
    for item in items:
        for index, count in enumerate(item.distribution):
            distribution[index] += count
    scored_by = sum(
        1
        for person in respondents
        if any(answer != DONT_KNOW for item, answer in person.answers.items() if item in ids)
    )
    means = tuple(item.mean for item in items if item.mean is not None)
    return ElementResult(
        element_id,
        means,
        (distribution[0], distribution[1], distribution[2], distribution[3], distribution[4]),
        scored_by,
        sum(item.dont_know for item in items),
        len(items),
    )


def score_elements(
    instrument: Instrument, respondents: Sequence[Respondent]
) -> dict[str, ElementResult]:
    """Score every element from its statements' answers (local statements included).

    Examples
    --------
    >>> from partnerscope.core.sevens.instrument import Statement
    >>> kit = Instrument("1", (Statement("scs.01", "scs", "t", (), "x"),
    ...                        Statement("scs.02", "scs", "t", (), "x")))
    >>> people = [Respondent("a", "fire", frozenset(), {"scs.01": 5, "scs.02": 3}),
    ...           Respondent("b", "fire", frozenset(), {"scs.01": 3, "scs.02": "dk"})]
    >>> scs = score_elements(kit, people)["scs"]
    >>> scs.mean, scs.score  # item means 4.0 and 3.0, so (3.5 - 1) / 4 * 100
    (3.5, 62.5)
    """
    items = [score_item(statement, respondents) for statement in instrument.statements]
    return elements_from_items(items, respondents)


def elements_from_items(
    items: Sequence[ItemResult], respondents: Sequence[Respondent]
) -> dict[str, ElementResult]:
    """Score every element from already counted statements (see :func:`score_elements`).

    ``respondents`` must be the people the items were counted over; they give ``n``.
    """
    return {
        element_id: _element_result(
            element_id,
            [item for item in items if item.statement.element == element_id],
            respondents,
        )
        for element_id in ELEMENT_IDS
    }
