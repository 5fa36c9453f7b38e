"""Statement-level results: mean, spread of answers and share of "don't know".

The item mean is the building block of every element score (an element's mean is the mean
of its item means), so an element does not lean towards the statements most people answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from partnerscope.core.sevens.figures import rounded
from partnerscope.core.sevens.instrument import Statement
from partnerscope.core.sevens.responses import DONT_KNOW, SCALE, Respondent

__all__ = ["ItemResult", "extremes", "score_item"]


@dataclass(frozen=True)
class ItemResult:
    """One statement's answers: mean over 1..5 answers, counts per answer, "don't know".

    ``distribution[k - 1]`` counts the answers ``k``; ``n`` is their total. ``mean`` and
    ``dont_know_share`` are None when nobody answered (``dont_know_share`` is "don't know"
    answers over all answers given, "don't know" included).

    Examples
    --------
    >>> s = Statement("style.01", "style", "The chair listens.", ("strategic",), "x")
    >>> people = [Respondent(f"r{i}", "health", frozenset(), {"style.01": a})
    ...           for i, a in enumerate([4, 5, "dk"])]
    >>> result = score_item(s, people)
    >>> result.mean, result.distribution, result.dont_know_share
    (4.5, (0, 0, 0, 1, 1), 0.3333333333333333)
    """

    statement: Statement
    distribution: tuple[int, int, int, int, int]
    dont_know: int

    @property
    def id(self) -> str:
        """The statement id."""
        return self.statement.id

    @property
    def n(self) -> int:
        """How many scored (1 to 5) answers the statement received."""
        return sum(self.distribution)

    @property
    def mean(self) -> float | None:
        """The mean scored answer, or None if there is none."""
        if self.n == 0:
            return None
        return sum(k * c for k, c in zip(SCALE, self.distribution, strict=True)) / self.n

    @property
    def dont_know_share(self) -> float | None:
        """Share of all answers given that were "don't know"; None if no answers."""
        given = self.n + self.dont_know
        return None if given == 0 else self.dont_know / given

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: element, kind, local, text, mean, n, distribution
        (answer "1".."5" to count), dont_know and dont_know_share."""
        return {
            "element": self.statement.element,
            "kind": self.statement.kind,
            "local": self.statement.local,
            "text": self.statement.text,
            "mean": rounded(self.mean),
            "n": self.n,
            "distribution": {str(k): c for k, c in zip(SCALE, self.distribution, strict=True)},
            "dont_know": self.dont_know,
            "dont_know_share": rounded(self.dont_know_share),
        }


def score_item(statement: Statement, respondents: Sequence[Respondent]) -> ItemResult:
    """Count one statement's answers among ``respondents`` (those who skipped it are ignored).

    Examples
    --------
    >>> s = Statement("scs.01", "scs", "Goals are shared.", ("strategic",), "x")
    >>> score_item(s, [Respondent("r1", "fire", frozenset(), {"scs.01": 2})]).mean
    2.0
    """
    counts = [0, 0, 0, 0, 0]
    dont_know = 0
    for person in respondents:
        answer = person.answers.get(statement.id)
        if answer is None:
            continue
        if answer == DONT_KNOW:
            dont_know += 1
        else:
            counts[int(answer) - 1] += 1
    return ItemResult(statement, (counts[0], counts[1], counts[2], counts[3], counts[4]), dont_know)


def extremes(
    items: Sequence[ItemResult], count: int = 3
) -> tuple[tuple[ItemResult, ...], tuple[ItemResult, ...]]:
    """Return the ``count`` strongest and weakest statements by item mean.

    Statements nobody scored are left out; ties go to the earlier statement id, so the
    lists are stable.

    Examples
    --------
    >>> s = [Statement(f"scs.0{i}", "scs", "t", (), "x") for i in (1, 2, 3)]
    >>> people = [Respondent("r1", "fire", frozenset(), {"scs.01": 2, "scs.02": 5, "scs.03": 3})]
    >>> best, worst = extremes([score_item(x, people) for x in s], count=1)
    >>> best[0].id, worst[0].id
    ('scs.02', 'scs.01')
    """
    scored = [item for item in items if item.mean is not None]
    strongest = sorted(scored, key=lambda item: (-(item.mean or 0.0), item.id))
    weakest = sorted(scored, key=lambda item: (item.mean or 0.0, item.id))
    return tuple(strongest[:count]), tuple(weakest[:count])
