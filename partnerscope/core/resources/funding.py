"""One source of money: the delivery chains' funding links checked against the ledger."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from partnerscope.core.resources.alignment import Line
from partnerscope.core.resources.checks import Check

__all__ = ["FundingLink", "chain_funding_not_in_ledger", "ledger_by_funder"]

TOLERANCE = 1.0
"""Pounds of rounding allowed between a link and the ledger."""


@dataclass(frozen=True)
class FundingLink:
    """A chain's ``funds`` link: its chain, the chain's outcome, the funder and the amount."""

    chain: str
    chain_title: str
    outcome: str | None
    funder: str | None
    funder_name: str
    amount: float


def ledger_by_funder(lines: Sequence[Line]) -> dict[tuple[str, str], float]:
    """The most an organisation gives one outcome in any one year, by (organisation, outcome).

    >>> ledger_by_funder([Line("c", 2025, "pooling", "revenue", 100.0, 0.0, (("o", 1.0),)),
    ...                   Line("c", 2026, "pooling", "revenue", 80.0, 0.0, (("o", 1.0),))])
    {('c', 'o'): 100.0}
    """
    yearly: dict[tuple[str, str, int], float] = defaultdict(float)
    for line in lines:
        for outcome, share in line.shares:
            yearly[(line.organisation, outcome, line.year)] += line.amount * share
    best: dict[tuple[str, str], float] = {}
    for (organisation, outcome, _), amount in yearly.items():
        best[(organisation, outcome)] = max(best.get((organisation, outcome), 0.0), amount)
    return best


def link_words(link: FundingLink, recorded: float) -> str:
    """One funding link against the ledger, in words.

    >>> link_words(FundingLink("c", "C", None, "police", "Police", 10.0), 0.0)
    'Police £10 a year (the chain is tied to no outcome)'
    """
    if link.outcome is None:
        return f"{link.funder_name} £{link.amount:,.0f} a year (the chain is tied to no outcome)"
    if link.funder is None:
        return f"{link.funder_name} £{link.amount:,.0f} a year (not a partner organisation)"
    return f"{link.funder_name} £{link.amount:,.0f} a year, ledger £{recorded:,.0f}"


def chain_funding_not_in_ledger(links: Sequence[FundingLink], lines: Sequence[Line]) -> list[Check]:
    """A delivery chain's funding link carrying more money a year than its funder's ledger
    lines give the chain's outcome in any year is chain funding not in the ledger: the two
    records of the same money disagree.

    >>> link = FundingLink("da", "Domestic abuse", "safe", "police", "Police", 50_000.0)
    >>> [c.rule for c in chain_funding_not_in_ledger([link], [])]
    ['chain_funding_not_in_ledger']
    """
    ledger = ledger_by_funder(lines)
    found: dict[str, list[tuple[FundingLink, float]]] = defaultdict(list)
    for link in links:
        if link.amount <= 0:
            continue
        recorded = ledger.get((link.funder or "", link.outcome or ""), 0.0)
        if link.funder is None or link.outcome is None or link.amount > recorded + TOLERANCE:
            found[link.chain].append((link, recorded))
    checks = []
    for chain, problems in found.items():
        words = "; ".join(link_words(link, recorded) for link, recorded in problems)
        checks.append(
            Check(
                "chain_funding_not_in_ledger",
                chain,
                f"Funding links of {problems[0][0].chain_title} are not in the ledger: {words}.",
                (
                    ("chain", problems[0][0].chain_title),
                    ("links", len(problems)),
                    ("link_amount", round(sum(link.amount for link, _ in problems), 2)),
                    ("ledger_amount", round(sum(recorded for _, recorded in problems), 2)),
                ),
            )
        )
    return checks
