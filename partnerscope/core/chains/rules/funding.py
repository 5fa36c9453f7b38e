"""Rules on money: every branch funded, and funded for long enough."""

from __future__ import annotations

from dataclasses import dataclass

from partnerscope.core.chains.facts import ChainFacts
from partnerscope.core.chains.findings import Finding, Rule
from partnerscope.core.chains.funding import funding_ending_before
from partnerscope.core.chains.rules.structure import describe_link

__all__ = ["FundingEndsBeforeTarget", "UnfundedBranch"]


@dataclass(frozen=True)
class UnfundedBranch(Rule):
    """Money flows into every branch of the chain below the outcome.

    A branch is unfunded when no ``funds`` link leads into any of its nodes.
    """

    id = "DC-F01"

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        return tuple(
            self.found(
                f"No funding flows into the branch headed by {branch.head!r}.",
                nodes=branch.nodes,
                evidence={"head": branch.head, "branch": branch.nodes},
            )
            for branch in facts.branches
            if not branch.funding_links
        )


@dataclass(frozen=True)
class FundingEndsBeforeTarget(Rule):
    """Funding is secure at least until the date the outcome is to be achieved.

    Checked only when a target date is given; a ``funds`` link with no end date is not
    flagged.
    """

    id = "DC-F02"
    marks_weak_link = True

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        target = facts.context.target_date
        if target is None:
            return ()
        return tuple(
            self.found(
                f"Funding on {describe_link(*link.key)} is secure only until "
                f"{link.secure_until}, before the target date {target}.",
                nodes=link.pair,
                links=(link.key,),
                evidence={
                    "secure_until": str(link.secure_until),
                    "target_date": str(target),
                    "amount": link.amount,
                },
            )
            for link in funding_ending_before(facts.chain, target)
        )
