"""Scoring a whole survey wave: items, elements, breakdowns, change, with anonymity applied.

:func:`score_wave` is the one entry point the command line and the web services call, so
both show the same figures under the same keys (:meth:`WaveResult.to_dict`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from partnerscope.core.sevens.anonymity import Withholding
from partnerscope.core.sevens.change import (
    CONFIDENCE,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    ElementChange,
    compare_waves,
)
from partnerscope.core.sevens.figures import rounded
from partnerscope.core.sevens.groups import Breakdowns, breakdowns
from partnerscope.core.sevens.instrument import Instrument
from partnerscope.core.sevens.items import ItemResult, extremes, score_item
from partnerscope.core.sevens.responses import Respondent
from partnerscope.core.sevens.rules import (
    DEFAULT_THRESHOLD,
    SMALL_GROUP,
    check_threshold,
)
from partnerscope.core.sevens.scores import (
    ElementResult,
    elements_from_items,
    hard_score,
    soft_score,
)

__all__ = ["EXTREMES", "PREVIOUS_WAVE", "WAVE", "WaveResult", "check_respondents", "score_wave"]

WAVE: Final = "wave"
"""The name in the withheld list when the whole wave is too small to show."""

PREVIOUS_WAVE: Final = "previous_wave"
"""The name in the withheld list when the previous wave is too small to compare with."""

EXTREMES: Final = 3
"""How many strongest and weakest statements a result lists."""


@dataclass(frozen=True)
class WaveResult:
    """Everything :func:`score_wave` found, with withheld groups present by name only.

    When the whole wave is withheld, ``items``, ``elements``, ``strongest``, ``weakest``,
    ``change`` and the breakdowns are empty. ``change`` is None when no previous wave was
    given, and empty when the previous wave was withheld.
    """

    instrument_version: str
    threshold: int
    respondents: int
    items: tuple[ItemResult, ...]
    elements: Mapping[str, ElementResult]
    breakdowns: Breakdowns
    strongest: tuple[ItemResult, ...]
    weakest: tuple[ItemResult, ...]
    change: tuple[ElementChange, ...] | None
    withheld: tuple[Withholding, ...]
    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED

    def scores(self) -> dict[str, float | None]:
        """Each element's 0 to 100 score (empty when the wave is withheld)."""
        return {key: result.score for key, result in self.elements.items()}

    @property
    def soft(self) -> float | None:
        """The mean of the soft elements' scores."""
        return soft_score(self.scores()) if self.elements else None

    @property
    def hard(self) -> float | None:
        """The mean of the hard elements' scores."""
        return hard_score(self.scores()) if self.elements else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (every key is listed in docs/sevens.md).

        Keys: instrument_version, threshold, respondents, elements, soft, hard, items,
        strongest, weakest, groups, withheld (group names), withheld_rules (group name to
        rule name) and, when a previous wave was given, change and bootstrap.
        """

        def brief(item: ItemResult) -> dict[str, Any]:
            return {
                "id": item.id,
                "element": item.statement.element,
                "local": item.statement.local,
                "text": item.statement.text,
                "mean": rounded(item.mean),
            }

        result: dict[str, Any] = {
            "instrument_version": self.instrument_version,
            "threshold": self.threshold,
            "respondents": self.respondents,
            "elements": {key: value.to_dict() for key, value in self.elements.items()},
            "soft": rounded(self.soft),
            "hard": rounded(self.hard),
            "items": {item.id: item.to_dict() for item in self.items},
            "strongest": [brief(item) for item in self.strongest],
            "weakest": [brief(item) for item in self.weakest],
            "groups": self.breakdowns.to_dict(),
            "withheld": [w.group for w in self.withheld],
            "withheld_rules": {w.group: w.rule for w in self.withheld},
        }
        if self.change is not None:
            result["change"] = {change.element: change.to_dict() for change in self.change}
            result["bootstrap"] = {
                "resamples": self.resamples,
                "seed": self.seed,
                "confidence": CONFIDENCE,
            }
        return result


def check_respondents(respondents: Sequence[Respondent], instrument: Instrument) -> None:
    """Raise ValueError if two respondents share an id or anyone answered an unknown statement.

    Examples
    --------
    >>> kit = Instrument("1", ())
    >>> check_respondents([Respondent("a", "fire", frozenset(), {"x.1": 3})], kit)
    Traceback (most recent call last):
    ...
    ValueError: respondent 'a' answered unknown statement(s) x.1
    """
    known = set(instrument.ids)
    seen: set[str] = set()
    for person in respondents:
        if person.id in seen:
            raise ValueError(f"respondent id {person.id!r} appears twice")
        seen.add(person.id)
        unknown = sorted(set(person.answers) - known)
        if unknown:
            raise ValueError(
                f"respondent {person.id!r} answered unknown statement(s) {', '.join(unknown)}"
            )


def _empty() -> Breakdowns:
    return Breakdowns((), (), None)


def score_wave(
    respondents: Sequence[Respondent],
    instrument: Instrument,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    previous: Sequence[Respondent] | None = None,
    previous_instrument: Instrument | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> WaveResult:
    """Score one wave of 7S answers, with breakdowns and, given a previous wave, change.

    Local statements count in their element like any other and are flagged ``local`` in
    the item results (pass ``instrument.without_local()`` and matching answers to score
    the shared statements alone). A wave, or a previous wave, with fewer respondents than
    ``threshold`` is withheld whole; ``threshold`` below 3 raises ValueError.

    Examples
    --------
    >>> from partnerscope.core.sevens.instrument import Statement
    >>> kit = Instrument("1", (Statement("style.01", "style", "t", (), "x"),))
    >>> people = [Respondent(f"r{i}", "health", frozenset({"executive"}), {"style.01": a})
    ...           for i, a in enumerate([2, 3, 4, 4, 5, "dk"])]
    >>> result = score_wave(people, kit)
    >>> result.elements["style"].mean, result.elements["style"].score
    (3.6, 65.0)
    >>> score_wave(people[:4], kit).to_dict()["withheld"]
    ['wave']
    """
    check_threshold(threshold)
    check_respondents(respondents, instrument)
    if previous is not None:
        check_respondents(previous, previous_instrument or instrument)
    people = sorted(respondents, key=lambda person: person.id)
    if SMALL_GROUP.withholds(len(people), threshold):
        return WaveResult(
            instrument.version,
            threshold,
            len(people),
            (),
            {},
            _empty(),
            (),
            (),
            None if previous is None else (),
            (Withholding(WAVE, SMALL_GROUP.name),),
            resamples,
            seed,
        )
    items = tuple(score_item(statement, people) for statement in instrument.statements)
    strongest, weakest = extremes(items, EXTREMES)
    groups = breakdowns(instrument, people, threshold)
    withheld = list(groups.withheld)
    change: tuple[ElementChange, ...] | None = None
    if previous is not None:
        if SMALL_GROUP.withholds(len(previous), threshold):
            change = ()
            withheld.append(Withholding(PREVIOUS_WAVE, SMALL_GROUP.name))
        else:
            change = compare_waves(
                people,
                previous,
                instrument,
                previous_instrument,
                resamples=resamples,
                seed=seed,
            )
    return WaveResult(
        instrument.version,
        threshold,
        len(people),
        items,
        elements_from_items(items, people),
        groups,
        strongest,
        weakest,
        change,
        tuple(withheld),
        resamples,
        seed,
    )
