"""Analyse a delivery chain: its structure, money, self-assessment and weak links in one result.

This is the entry point for the command line and the web services: give it a chain, the
participants' ratings and the context, and print or store ``ChainResult.to_dict()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from partnerscope.core.chains.context import ChainContext
from partnerscope.core.chains.counts import ChainCounts, count_chain
from partnerscope.core.chains.facts import build_facts
from partnerscope.core.chains.failure import FailurePoint
from partnerscope.core.chains.findings import Finding, Rule
from partnerscope.core.chains.funding import Branch
from partnerscope.core.chains.model import DeliveryChain, LinkKey, LinkType
from partnerscope.core.chains.paths import DeliveryPaths
from partnerscope.core.chains.ratings import (
    LinkRatings,
    QuestionResult,
    Rating,
    chain_strength,
    participants_by_level,
    summarise_questions,
)
from partnerscope.core.chains.rules import DEFAULT_RULES

__all__ = [
    "ChainResult",
    "WeakLink",
    "WeakestLink",
    "analyse_chain",
    "results_to_dict",
    "rules_catalogue",
]


@dataclass(frozen=True)
class WeakLink:
    """A pair of nodes joined by one or more links that rules found weak, with those rules."""

    source: str
    target: str
    types: tuple[LinkType, ...]
    rules: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``from``, ``to``, ``types`` and ``rules`` (rule ids)."""
        return {
            "from": self.source,
            "to": self.target,
            "types": list(self.types),
            "rules": list(self.rules),
        }


@dataclass(frozen=True)
class WeakestLink:
    """The chain's weakest link and the basis on which it was chosen.

    With link ratings (``basis="ratings"``) it is the rated link with the lowest mean score
    (red 0, amber 1, green 2); ties go to the link more rules found weak. Without link
    ratings (``basis="rules"``) it is the link the most weak-link rules flagged; ties go to
    the higher risk score. Remaining ties go to the link listed first.
    """

    source: str
    target: str
    basis: Literal["ratings", "rules"]
    mean_score: float | None
    share_red: float | None
    rules: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``from``, ``to``, ``basis``, ``mean_score``, ``share_red``, ``rules``."""
        return {
            "from": self.source,
            "to": self.target,
            "basis": self.basis,
            "mean_score": self.mean_score,
            "share_red": self.share_red,
            "rules": list(self.rules),
        }


@dataclass(frozen=True)
class ChainResult:
    """Everything the analysis says about one chain; see :meth:`to_dict` for the keys."""

    chain: str
    outcome: str
    outcome_name: str
    counts: ChainCounts
    paths: DeliveryPaths
    single_points_of_failure: tuple[FailurePoint, ...]
    branches: tuple[Branch, ...]
    participants: tuple[tuple[str, int], ...]
    questions: tuple[QuestionResult, ...]
    link_ratings: tuple[LinkRatings, ...]
    strength: float | None
    weakest_link: WeakestLink | None
    weak_links: tuple[WeakLink, ...]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready result of one chain.

        Keys: ``chain``, ``outcome``, ``outcome_name``, ``counts``, ``paths`` (lists of node
        ids), ``paths_truncated``, ``longest_path``, ``longest_path_links``,
        ``single_points_of_failure``, ``funding`` (``branches``), ``participants``,
        ``questions``, ``link_ratings``, ``strength``, ``green_questions``,
        ``weakest_link``, ``weak_links`` and ``findings``.
        """
        longest = self.paths.longest
        return {
            "chain": self.chain,
            "outcome": self.outcome,
            "outcome_name": self.outcome_name,
            "counts": self.counts.to_dict(),
            "paths": [list(path) for path in self.paths.paths],
            "paths_truncated": self.paths.truncated,
            "longest_path": None if longest is None else list(longest),
            "longest_path_links": None if longest is None else len(longest) - 1,
            "single_points_of_failure": [
                point.to_dict() for point in self.single_points_of_failure
            ],
            "funding": {"branches": [branch.to_dict() for branch in self.branches]},
            "participants": dict(self.participants),
            "questions": [question.to_dict() for question in self.questions],
            "link_ratings": [rated.to_dict() for rated in self.link_ratings],
            "strength": self.strength,
            "green_questions": [q.question for q in self.questions if q.green],
            "weakest_link": None if self.weakest_link is None else self.weakest_link.to_dict(),
            "weak_links": [link.to_dict() for link in self.weak_links],
            "findings": [finding.to_dict() for finding in self.findings],
        }


def _weak_links(findings: Iterable[Finding], rules: Sequence[Rule]) -> dict[LinkKey, list[str]]:
    """Each link that a weak-link-marking rule named, with the ids of those rules."""
    marking = {rule.id for rule in rules if rule.marks_weak_link}
    flagged: dict[LinkKey, list[str]] = {}
    for finding in findings:
        if finding.rule not in marking:
            continue
        for key in finding.links:
            named = flagged.setdefault(key, [])
            if finding.rule not in named:
                named.append(finding.rule)
    return flagged


def _weak_pairs(
    chain: DeliveryChain, flagged: dict[LinkKey, list[str]], rules: Sequence[Rule]
) -> tuple[WeakLink, ...]:
    """The flagged links grouped by ``(from, to)``, in the chain's link order, each with its
    rules in rule order."""
    grouped: dict[tuple[str, str], tuple[list[LinkType], list[str]]] = {}
    for link in chain.links:
        if link.key not in flagged:
            continue
        types, named = grouped.setdefault(link.pair, ([], []))
        types.append(link.type)
        named.extend(rule for rule in flagged[link.key] if rule not in named)
    position = {rule.id: index for index, rule in enumerate(rules)}
    return tuple(
        WeakLink(source, target, tuple(types), tuple(sorted(named, key=position.__getitem__)))
        for (source, target), (types, named) in grouped.items()
    )


def _weakest_link(
    chain: DeliveryChain,
    link_ratings: Sequence[LinkRatings],
    weak: dict[tuple[str, str], tuple[str, ...]],
) -> WeakestLink | None:
    first_seen: dict[tuple[str, str], int] = {}
    for index, link in enumerate(chain.links):
        first_seen.setdefault(link.pair, index)
    rated = [rated for rated in link_ratings if rated.counts.scored]
    if rated:
        chosen = min(
            rated,
            key=lambda r: (
                r.counts.mean_score,
                -len(weak.get((r.source, r.target), ())),
                first_seen[(r.source, r.target)],
            ),
        )
        pair = (chosen.source, chosen.target)
        return WeakestLink(
            pair[0],
            pair[1],
            "ratings",
            chosen.counts.mean_score,
            chosen.counts.share_red,
            weak.get(pair, ()),
        )
    if not weak:
        return None

    def risk(pair: tuple[str, str]) -> int:
        scores = [link.risk.score for link in chain.links if link.pair == pair and link.risk]
        return max(scores, default=0)

    best = max(weak, key=lambda pair: (len(weak[pair]), risk(pair), -first_seen[pair]))
    return WeakestLink(best[0], best[1], "rules", None, None, weak[best])


def analyse_chain(
    chain: DeliveryChain,
    ratings: Iterable[Rating] = (),
    context: ChainContext | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
) -> ChainResult:
    """Run every measure and rule on one chain.

    Rules that need the weak links run after the others. ``ValueError`` if a rating is
    invalid or names a link the chain does not have.

    Examples
    --------
    >>> from partnerscope.core.chains.model import Link, Node
    >>> chain = DeliveryChain(
    ...     "teenage-pregnancy",
    ...     (
    ...         Node("o", "outcome", "Fewer under-18 conceptions"),
    ...         Node("board", "body", layer="executive"),
    ...         Node("clinic", "service"),
    ...         Node("young", "people"),
    ...     ),
    ...     (
    ...         Link("board", "o", "accountable_to", owner="chair", indicator="NI 112"),
    ...         Link("board", "clinic", "funds", owner="chair", indicator="NI 112", amount=9e4),
    ...         Link("clinic", "young", "delivers_to", owner="manager"),
    ...     ),
    ... )
    >>> result = analyse_chain(chain)
    >>> result.paths.longest
    ('o', 'board', 'clinic', 'young')
    >>> [(w.source, w.target, w.rules) for w in result.weak_links]
    [('clinic', 'young', ('DC-W03',))]
    >>> sorted({finding.rule for finding in result.findings})
    ['DC-S02', 'DC-S04', 'DC-W03']
    """
    context = context or ChainContext()
    given = tuple(ratings)
    facts = build_facts(chain, given, context)
    first = [
        finding for rule in rules if not rule.needs_weak_links for finding in rule.findings(facts)
    ]
    flagged = _weak_links(first, rules)
    weak_links = _weak_pairs(chain, flagged, rules)
    facts = replace(facts, weak_links={key: tuple(named) for key, named in flagged.items()})
    later = [finding for rule in rules if rule.needs_weak_links for finding in rule.findings(facts)]
    position = {rule.id: index for index, rule in enumerate(rules)}
    findings = sorted([*first, *later], key=lambda finding: position[finding.rule])
    questions = summarise_questions(given, context.questions, min_group_size=context.min_group_size)
    chain_wide = [rating for rating in given if rating.link is None]
    return ChainResult(
        chain=chain.id,
        outcome=chain.outcome.id,
        outcome_name=chain.outcome.name,
        counts=count_chain(chain),
        paths=facts.paths,
        single_points_of_failure=facts.single_points,
        branches=facts.branches,
        participants=tuple(participants_by_level(chain_wide).items()),
        questions=questions,
        link_ratings=facts.link_ratings,
        strength=chain_strength(questions),
        weakest_link=_weakest_link(
            chain, facts.link_ratings, {(w.source, w.target): w.rules for w in weak_links}
        ),
        weak_links=weak_links,
        findings=tuple(findings),
    )


def rules_catalogue(rules: Sequence[Rule] = DEFAULT_RULES) -> list[dict[str, Any]]:
    """Each rule's ``id``, ``name``, ``text`` and ``marks_weak_link``, for citing findings."""
    return [rule.describe() for rule in rules]


def results_to_dict(
    results: Iterable[ChainResult], rules: Sequence[Rule] = DEFAULT_RULES
) -> dict[str, Any]:
    """The JSON document the command line prints: ``chains`` (each chain's result) and
    ``rules`` (the catalogue the findings cite)."""
    return {
        "chains": [result.to_dict() for result in results],
        "rules": rules_catalogue(rules),
    }
