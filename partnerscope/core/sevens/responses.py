"""Survey answers: a five-point agreement scale plus "don't know", and the respondent.

"Don't know" is kept as its own answer so it can be counted (a high share is itself a
finding: people do not know how the partnership works) while never entering a mean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from partnerscope.core.sevens.elements import LAYERS

__all__ = [
    "DONT_KNOW",
    "NOT_STATED",
    "SCALE",
    "SCALE_LABELS",
    "Answer",
    "Respondent",
    "is_scored",
]

DONT_KNOW: Final = "dk"
"""The answer "don't know": counted, never scored."""

NOT_STATED: Final = "not_stated"
"""The sector of a respondent whose sector is not known: a data package leaves the sector
(and the layers) blank for respondents whose sector and layers fewer than the threshold
share, and a blank sector is read as this."""

Answer = int | Literal["dk"]

SCALE: Final[tuple[int, ...]] = (1, 2, 3, 4, 5)
"""The scored answers, from 1 (strongly disagree) to 5 (strongly agree)."""

SCALE_LABELS: Final[dict[int | str, str]] = {
    1: "strongly disagree",
    2: "disagree",
    3: "neither agree nor disagree",
    4: "agree",
    5: "strongly agree",
    DONT_KNOW: "don't know",
}


def is_scored(answer: Answer) -> bool:
    """Say whether an answer is on the 1 to 5 scale (and so enters means).

    Examples
    --------
    >>> is_scored(4), is_scored("dk")
    (True, False)
    """
    return answer != DONT_KNOW


def _check_answer(item: str, answer: object) -> None:
    if answer == DONT_KNOW:
        return
    if isinstance(answer, bool) or not isinstance(answer, int) or answer not in SCALE:
        raise ValueError(f"answer to {item!r} must be 1 to 5 or {DONT_KNOW!r}, not {answer!r}")


@dataclass(frozen=True)
class Respondent:
    """One person's answers in one survey wave.

    ``layers`` holds every governance layer the person sits in (they count in each);
    ``sector`` is :data:`NOT_STATED` when it is not known, and the person then
    counts in no sector group (nor the council nor the partners), only in the whole wave;
    ``answers`` maps statement ids to 1..5 or ``"dk"``; statements left out were skipped.

    Examples
    --------
    >>> person = Respondent("r1", "health", frozenset({"executive"}), {"style.01": 4})
    >>> person.answers["style.01"]
    4
    """

    id: str
    sector: str
    layers: frozenset[str]
    answers: Mapping[str, Answer]

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a respondent needs an id")
        if not self.sector:
            raise ValueError(f"respondent {self.id!r} needs a sector")
        unknown = sorted(set(self.layers) - set(LAYERS))
        if unknown:
            raise ValueError(
                f"respondent {self.id!r} has unknown layer(s) {', '.join(unknown)}: "
                f"expected {', '.join(LAYERS)}"
            )
        for item, answer in self.answers.items():
            _check_answer(item, answer)
