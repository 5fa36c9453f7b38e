"""Records of the resources area for tests: outcomes of the kite partnership and ledger
lines with their shares."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from partnerscope.apps.performance.models import Outcome
from partnerscope.apps.resources.models import Contribution, ContributionShare

_numbers = itertools.count(1)


def make_outcome(kite: dict[str, Any], ref: str, title: str = "") -> Outcome:
    return Outcome.objects.create(
        partnership=kite["partnership"], ref=ref, title=title or ref.replace("-", " ").title()
    )


def make_line(
    kite: dict[str, Any],
    organisation: Any = None,
    *,
    shares: dict[str, str] | None = None,
    **fields: Any,
) -> Contribution:
    """A ledger line of the kite partnership (council, 2025/26, revenue, aligned, £1,000)."""
    values = {
        "partnership": kite["partnership"],
        "ref": f"line-{next(_numbers)}",
        "organisation": organisation or kite["council"],
        "year": 2025,
        "arrangement": "aligning",
        "kind": "revenue",
        "amount": Decimal("1000"),
        "status": "committed",
        **fields,
    }
    line = Contribution.objects.create(**values)
    for outcome, share in (shares or {}).items():
        ContributionShare.objects.create(
            contribution=line, outcome_ref=outcome, share=Decimal(share)
        )
    return line
