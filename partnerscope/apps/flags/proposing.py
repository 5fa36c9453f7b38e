"""Refreshing a partnership's candidate flags from the rules, without losing decisions.

The rules (``partnerscope.core.flags``) read the evidence as it stands now. A flag first
proposed is stored as a candidate with its evidence. A candidate proposed again takes the
new evidence; a decided flag (confirmed, changed or rejected) keeps its decision and the
evidence it was decided on. Every flag notes which of its evidence findings an open,
on-time action answers (known and being tackled), and whether its rule still proposes it
(``supported``): a flag no longer proposed is kept, marked unsupported, never deleted.
Only flags whose stored fields change are saved, so each change is one version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from partnerscope.apps.flags.choices import FlagStatus
from partnerscope.apps.flags.demo import decide_demo
from partnerscope.apps.flags.evidence import partnership_evidence, tackled_keys
from partnerscope.apps.flags.models import Flag
from partnerscope.core.flags import Proposal
from partnerscope.core.flags import propose as propose_flags


@dataclass(frozen=True)
class Proposed:
    """What one refresh of the candidates did."""

    new: int
    proposed_again: int
    unsupported: int


def evidence_of(proposal: Proposal) -> dict[str, Any]:
    return {
        "findings": [list(key) for key in proposal.grounds.findings],
        "figures": [[name, value] for name, value in proposal.grounds.figures],
    }


def flag_ref_of(scope: str, scope_ref: str, rule_id: str) -> str:
    """A flag's ``ref``: its scope, the scope's ref and its rule, as a slug."""
    return slugify(f"{scope}-{scope_ref}-{rule_id}".replace("_", "-"))[:200]


def flag_ref(proposal: Proposal) -> str:
    return flag_ref_of(proposal.scope_kind.value, proposal.scope_ref, proposal.rule_id)


def propose(
    partnership: Any, *, today: date | None = None, now: datetime | None = None
) -> Proposed:
    """Refresh ``partnership``'s candidates from the rules on the evidence as it stands."""
    now = now or timezone.now()
    today = today or timezone.localdate()
    proposals = propose_flags(partnership_evidence(partnership), tackled_keys(partnership, today))
    with transaction.atomic():
        stored = {flag.key: flag for flag in Flag.objects.filter(partnership=partnership)}
        new = again = 0
        for proposal in proposals:
            flag = stored.pop(proposal.key, None)
            if flag is None:
                Flag.objects.create(
                    partnership=partnership,
                    ref=flag_ref(proposal),
                    rule_id=proposal.rule_id,
                    scope=proposal.scope_kind.value,
                    scope_ref=proposal.scope_ref,
                    scope_name=proposal.scope_name,
                    proposed_colour=proposal.colour.value,
                    evidence=evidence_of(proposal),
                    tackled_by=[list(key) for key in proposal.tackled_by],
                    proposed_at=now,
                    last_proposed_at=now,
                )
                new += 1
                continue
            again += 1
            update_flag(flag, proposal, now)
        for flag in stored.values():
            if flag.supported or flag.tackled_by:
                flag.supported, flag.tackled_by = False, []
                flag.save()
        return Proposed(new=new, proposed_again=again, unsupported=len(stored))


def update_flag(flag: Flag, proposal: Proposal, now: datetime) -> None:
    """A flag proposed again: new evidence for a candidate, the decision kept otherwise."""
    before = (flag.evidence, flag.tackled_by, flag.supported, flag.scope_name)
    if flag.status == FlagStatus.CANDIDATE:
        flag.evidence = evidence_of(proposal)
    flag.tackled_by = [list(key) for key in proposal.tackled_by]
    flag.supported = True
    flag.scope_name = proposal.scope_name
    if (flag.evidence, flag.tackled_by, flag.supported, flag.scope_name) != before:
        flag.last_proposed_at = now
        flag.save()
    else:
        Flag.objects.filter(pk=flag.pk).update(last_proposed_at=now)


def propose_demo(partnerships: list[Any]) -> None:
    """The ``after_demo`` hook: propose every demo partnership's candidates (after the
    register's refresh and the action plan), then Northshire's decisions and answers."""
    for partnership in partnerships:
        propose(partnership)
    decide_demo(partnerships)
