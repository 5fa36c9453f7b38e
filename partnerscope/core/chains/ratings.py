"""The twelve-question self-assessment: each partner rates the chain red, amber or green.

Participants rate each question for the chain as a whole and, if they wish, for single
links. ``dont_know`` answers are counted but not *scored*. A set of scored ratings has a
consensus rating: its lower median on the scale red < amber < green. The lower median is
green exactly when a strict majority of scored ratings are green, so a question is green when
more than half of those who scored it said green. Chain strength is the share of the twelve
questions that are green; a question nobody scored is not green.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from partnerscope.core.anonymity import withhold_overlapping

__all__ = [
    "LEVELS",
    "QUESTION_IDS",
    "RATING_VALUES",
    "Level",
    "LinkRatings",
    "QuestionResult",
    "Rag",
    "Rating",
    "RatingCounts",
    "RatingValue",
    "chain_strength",
    "participants_by_level",
    "summarise_links",
    "summarise_questions",
    "validate_ratings",
]

Rag = Literal["red", "amber", "green"]
RatingValue = Literal["red", "amber", "green", "dont_know"]
Level = Literal["strategic", "operational"]

RATING_VALUES: tuple[RatingValue, ...] = get_args(RatingValue)
LEVELS: tuple[Level, ...] = get_args(Level)
QUESTION_IDS: tuple[str, ...] = tuple(f"q{number:02d}" for number in range(1, 13))
_SCALE: tuple[Rag, ...] = ("red", "amber", "green")


@dataclass(frozen=True)
class Rating:
    """One participant's rating of one question, for the whole chain or for one link.

    ``link`` is ``(from, to)`` as the link is written; it covers every link between those
    two nodes in that direction.
    """

    participant: str
    level: Level
    question: str
    rating: RatingValue
    link: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"{self.level!r} is not a participant level")
        if self.rating not in RATING_VALUES:
            raise ValueError(f"{self.rating!r} is not a rating")


@dataclass(frozen=True)
class RatingCounts:
    """How many ratings of each value; the spread of answers to a question."""

    red: int = 0
    amber: int = 0
    green: int = 0
    dont_know: int = 0

    @classmethod
    def of(cls, values: Iterable[RatingValue]) -> RatingCounts:
        """Count a sequence of rating values."""
        listed = list(values)
        return cls(*(listed.count(value) for value in RATING_VALUES))

    @property
    def scored(self) -> int:
        """Ratings other than ``dont_know``."""
        return self.red + self.amber + self.green

    @property
    def share_green(self) -> float | None:
        """Green as a share of scored ratings, or ``None`` when none were scored."""
        return self.green / self.scored if self.scored else None

    @property
    def share_red(self) -> float | None:
        """Red as a share of scored ratings, or ``None`` when none were scored."""
        return self.red / self.scored if self.scored else None

    @property
    def mean_score(self) -> float | None:
        """Mean on red = 0, amber = 1, green = 2, or ``None`` when none were scored."""
        return (self.amber + 2 * self.green) / self.scored if self.scored else None

    @property
    def consensus(self) -> Rag | None:
        """The lower median of the scored ratings (red < amber < green), or ``None``.

        Examples
        --------
        >>> RatingCounts(red=1, amber=1, green=2).consensus
        'amber'
        >>> RatingCounts(red=1, green=2, dont_know=4).consensus
        'green'
        """
        if not self.scored:
            return None
        position = (self.scored - 1) // 2
        for value, count in zip(_SCALE, (self.red, self.amber, self.green), strict=True):
            if position < count:
                return value
            position -= count
        raise AssertionError("unreachable: position lies within the scored ratings")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the four counts, ``scored`` and ``share_green``."""
        return {
            "red": self.red,
            "amber": self.amber,
            "green": self.green,
            "dont_know": self.dont_know,
            "scored": self.scored,
            "share_green": self.share_green,
        }


@dataclass(frozen=True)
class QuestionResult:
    """The answers to one question for the chain as a whole, overall and by level.

    A level's counts are ``None`` when fewer participants of that level took part than the
    anonymity threshold allows to be shown, or when the other level's are withheld (the
    overall counts minus one level would give the other).
    """

    question: str
    counts: RatingCounts
    strategic: RatingCounts | None
    operational: RatingCounts | None

    @property
    def rating(self) -> Rag | None:
        """The consensus rating (see :attr:`RatingCounts.consensus`)."""
        return self.counts.consensus

    @property
    def green(self) -> bool:
        """Whether more than half of the scored ratings are green."""
        return self.rating == "green"

    @property
    def level_gap(self) -> float | None:
        """Strategic minus operational share green, when both can be shown and were scored."""
        if self.strategic is None or self.operational is None:
            return None
        strategic, operational = self.strategic.share_green, self.operational.share_green
        if strategic is None or operational is None:
            return None
        return strategic - operational

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``question``, ``counts``, ``share_green``, ``rating``, ``green``,
        ``by_level`` (``strategic`` and ``operational`` counts or ``null``) and ``level_gap``."""
        return {
            "question": self.question,
            "counts": self.counts.to_dict(),
            "share_green": self.counts.share_green,
            "rating": self.rating,
            "green": self.green,
            "by_level": {
                "strategic": None if self.strategic is None else self.strategic.to_dict(),
                "operational": None if self.operational is None else self.operational.to_dict(),
            },
            "level_gap": self.level_gap,
        }


def validate_ratings(ratings: Iterable[Rating], questions: Sequence[str] = QUESTION_IDS) -> None:
    """Raise ``ValueError`` for an unknown question, a participant at two levels, or a
    participant rating the same question (for the same link) twice."""
    levels: dict[str, Level] = {}
    seen: set[tuple[str, str, tuple[str, str] | None]] = set()
    known = set(questions)
    for rating in ratings:
        if rating.question not in known:
            raise ValueError(f"{rating.question!r} is not one of the questions")
        if levels.setdefault(rating.participant, rating.level) != rating.level:
            raise ValueError(f"participant {rating.participant!r} is given two levels")
        key = (rating.participant, rating.question, rating.link)
        if key in seen:
            raise ValueError(
                f"participant {rating.participant!r} rates {rating.question} twice"
                + ("" if rating.link is None else f" for link {rating.link}")
            )
        seen.add(key)


def participants_by_level(ratings: Iterable[Rating]) -> dict[Level, int]:
    """How many distinct participants took part at each level."""
    people: dict[Level, set[str]] = {level: set() for level in LEVELS}
    for rating in ratings:
        people[rating.level].add(rating.participant)
    return {level: len(names) for level, names in people.items()}


def summarise_questions(
    ratings: Iterable[Rating],
    questions: Sequence[str] = QUESTION_IDS,
    *,
    min_group_size: int = 1,
) -> tuple[QuestionResult, ...]:
    """Spread, share green, consensus and level gap of each question, rated for the chain.

    Link ratings are left out. A level's breakdown is withheld when fewer than
    ``min_group_size`` participants of that level rated the chain, and then so is the other
    level's (unless no one at all rated at the small level): the overall counts are always
    given, and overall minus one level would reveal the other. The same holds question by
    question among those who rated it, so a question few at one level rated shows no split
    (:func:`partnerscope.core.anonymity.withhold_overlapping`, as for the 7S breakdowns).

    Examples
    --------
    >>> ratings = [
    ...     Rating("ann", "strategic", "q01", "green"),
    ...     Rating("bob", "operational", "q01", "green"),
    ...     Rating("cat", "operational", "q01", "red"),
    ... ]
    >>> result = summarise_questions(ratings)[0]
    >>> result.rating, result.counts.share_green, result.level_gap
    ('green', 0.6666666666666666, 0.5)
    """
    chain_wide = [rating for rating in ratings if rating.link is None]
    validate_ratings(chain_wide, questions)
    levels: dict[str, frozenset[str]] = {
        level: frozenset(r.participant for r in chain_wide if r.level == level) for level in LEVELS
    }
    everyone = frozenset().union(*levels.values())
    hidden = withhold_overlapping(levels, [everyone], min_group_size)
    results = []
    for question in questions:
        answers = [rating for rating in chain_wide if rating.question == question]
        raters = frozenset(rating.participant for rating in answers)
        shown: dict[str, frozenset[str]] = {
            level: ids & raters for level, ids in levels.items() if level not in hidden
        }
        hidden_here = withhold_overlapping(shown, [raters], min_group_size)
        by_level = {
            level: None
            if not levels[level] or level in hidden or level in hidden_here
            else RatingCounts.of(r.rating for r in answers if r.level == level)
            for level in LEVELS
        }
        results.append(
            QuestionResult(
                question=question,
                counts=RatingCounts.of(rating.rating for rating in answers),
                strategic=by_level["strategic"],
                operational=by_level["operational"],
            )
        )
    return tuple(results)


def chain_strength(results: Sequence[QuestionResult]) -> float | None:
    """The share of the questions whose consensus is green; ``None`` if nothing was scored.

    Examples
    --------
    >>> green = QuestionResult("q01", RatingCounts(green=3), None, None)
    >>> red = QuestionResult("q02", RatingCounts(red=2, green=1), None, None)
    >>> chain_strength([green, red])
    0.5
    """
    if not results or not any(result.counts.scored for result in results):
        return None
    return sum(result.green for result in results) / len(results)


@dataclass(frozen=True)
class LinkRatings:
    """The ratings given to one link (``source -> target`` as written).

    ``counts`` holds every rating of the link; ``views`` holds one rating per participant who
    scored it: the consensus (lower median) of that participant's scored ratings of the link.
    """

    source: str
    target: str
    counts: RatingCounts
    views: RatingCounts

    @property
    def rated_red_by_most(self) -> bool:
        """Whether more than half of the participants who scored the link rate it red."""
        return 2 * self.views.red > self.views.scored

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``from``, ``to``, ``counts``, ``participant_views`` and
        ``rated_red_by_most``."""
        return {
            "from": self.source,
            "to": self.target,
            "counts": self.counts.to_dict(),
            "participant_views": self.views.to_dict(),
            "rated_red_by_most": self.rated_red_by_most,
        }


def summarise_links(ratings: Iterable[Rating]) -> tuple[LinkRatings, ...]:
    """The ratings of each rated link, in the order links were first rated.

    Examples
    --------
    >>> ratings = [
    ...     Rating("ann", "strategic", "q01", "red", ("a", "b")),
    ...     Rating("ann", "strategic", "q02", "green", ("a", "b")),
    ...     Rating("bob", "operational", "q01", "red", ("a", "b")),
    ... ]
    >>> link = summarise_links(ratings)[0]
    >>> link.views, link.rated_red_by_most
    (RatingCounts(red=2, amber=0, green=0, dont_know=0), True)
    """
    by_link: dict[tuple[str, str], list[Rating]] = {}
    for rating in ratings:
        if rating.link is not None:
            by_link.setdefault(rating.link, []).append(rating)
    results = []
    for (source, target), given in by_link.items():
        participants = dict.fromkeys(rating.participant for rating in given)
        views = []
        for participant in participants:
            own = RatingCounts.of(r.rating for r in given if r.participant == participant)
            views.append(own.consensus or "dont_know")
        results.append(
            LinkRatings(
                source=source,
                target=target,
                counts=RatingCounts.of(rating.rating for rating in given),
                views=RatingCounts.of(views),
            )
        )
    return tuple(results)
