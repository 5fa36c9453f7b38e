"""Records of the learning area for tests: sharing partnerships and practice entries."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from partnerscope.apps.learning.models import PracticeEntry, SharingAgreement
from tests.apps.partnerships.factories import PartnershipFactory

_numbers = itertools.count(1)


def agree(partnership: Any, *, shares: bool = True, named: bool = False) -> SharingAgreement:
    agreement, _ = SharingAgreement.objects.update_or_create(
        partnership=partnership,
        defaults={
            "shares": shares,
            "may_be_named": named,
            "agreed_by": "Pat Manager",
            "agreed_on": dt.date(2026, 4, 1),
        },
    )
    return agreement


def sharing_peers(count: int, *, named: int = 0, **fields: Any) -> list[Any]:
    """``count`` other partnerships that share, the first ``named`` of them by name."""
    made = []
    for index in range(count):
        number = next(_numbers)
        partnership = PartnershipFactory(
            slug=f"peer-{number}", name=f"Peer Partnership {number}", **fields
        )
        agree(partnership, named=index < named)
        made.append(partnership)
    return made


def entry(partnership: Any = None, **fields: Any) -> PracticeEntry:
    """A practice entry: site-wide without ``partnership``."""
    number = next(_numbers)
    values = {
        "ref": f"practice-{number}",
        "practice": f"Practice {number}",
        "description": "What was done.",
        "where": "Somewhere",
        "evidence": "It worked.",
        "framework_part": "sevens",
        "contact": "Someone",
        "rule_ids": ["weak_element"],
        **fields,
    }
    return PracticeEntry.objects.create(partnership=partnership, **values)
