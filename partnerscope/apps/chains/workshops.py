"""Running a chain's workshops: saving them, the link pairs a workshop rates, and how many
have answered at each level.

Answering a workshop (its single-use links and the ratings stored once) is in
:mod:`partnerscope.apps.chains.rating`; its results in
:mod:`partnerscope.apps.chains.workshop_report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from partnerscope.apps.chains.models import Chain, ChainNode, Workshop
from partnerscope.apps.common.records import unique_ref
from partnerscope.core import chains as core


def save_workshop(chain: Chain, form: Any) -> Workshop:
    workshop: Workshop = form.save(commit=False)
    workshop.chain = chain
    if not workshop.ref:
        workshop.ref = unique_ref(chain.workshops.all(), workshop.title)
    workshop.save()
    return workshop


def delete_workshop(chain: Chain, workshop: Workshop) -> None:
    workshop.delete()


@dataclass(frozen=True)
class LinkPair:
    """Every link from one node to another, rated together in a workshop."""

    source: ChainNode
    target: ChainNode
    types: list[str]

    @property
    def key(self) -> tuple[int, int]:
        return (self.source.pk, self.target.pk)

    def __str__(self) -> str:
        return f"{self.source} to {self.target} ({', '.join(self.types).lower()})"


def link_pairs(chain: Chain) -> list[LinkPair]:
    """The chain's links grouped by the two nodes they join, as a workshop rates them."""
    pairs: dict[tuple[int, int], LinkPair] = {}
    for link in chain.links.with_ends().order_by("pk"):
        pair = pairs.setdefault(
            (link.source_id, link.target_id), LinkPair(link.source, link.target, [])
        )
        pair.types.append(link.get_type_display())
    return list(pairs.values())


def workshop_summary(workshop: Workshop) -> dict[str, Any]:
    """How many have answered at each level, for the workshop page."""
    counts = dict(
        workshop.participants.values_list("level").annotate(n=models.Count("pk")).order_by()
    )
    total = sum(counts.values())
    threshold = workshop.chain.partnership.anonymity_threshold
    return {
        "by_level": [(level, counts.get(level, 0)) for level in core.LEVELS],
        "total": total,
        "threshold": threshold,
        "shown": total >= threshold,
        "invitations": workshop.invitations.filter(user__isnull=True).count(),
        "used": workshop.invitations.filter(user__isnull=True, used=True).count(),
    }
