"""What other apps may read of the flags area, as plain data only.

A flag's key is ``"rule id:scope kind:scope ref"`` (scope kind ``outcome`` or
``partnership``). The replies area reads which organisations a flag names
(:func:`organisations_named`); the report reads the flags and the three questions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.flags import questions as answering
from partnerscope.apps.flags.choices import FlagStatus
from partnerscope.apps.flags.models import Flag
from partnerscope.core.flags import rule_by_id

__all__ = ["FlagView", "flag", "flags", "organisations_named", "questions"]

FindingKey = tuple[str, str, str, str]


@dataclass(frozen=True)
class FlagView:
    """One flag as other areas show it.

    ``colour`` is the colour shown ("" when rejected or known and being tackled: such a
    flag is never shown red); ``status`` is candidate, confirmed, changed or rejected;
    ``shown_as`` says it in words ("Known and being tackled", "Red flag, confirmed", …).
    """

    key: str
    rule_id: str
    rule_label: str
    rule_text: str
    scope: str
    scope_ref: str
    scope_name: str
    colour: str
    proposed_colour: str
    status: str
    shown_as: str
    known_and_being_tackled: bool
    supported: bool
    reason: str
    decided_by: str
    decided_at: dt.datetime | None
    evidence_findings: tuple[FindingKey, ...]
    figures: tuple[tuple[str, Any], ...]
    url: str


def rule_words(rule_id: str) -> tuple[str, str]:
    rule = rule_by_id(rule_id)
    if rule is None:
        return rule_id, "A rule no longer in use."
    return rule.label, rule.text()


def as_view(row: Flag, slug: str) -> FlagView:
    label, text = rule_words(row.rule_id)
    return FlagView(
        key=row.key,
        rule_id=row.rule_id,
        rule_label=label,
        rule_text=text,
        scope=row.scope,
        scope_ref=row.scope_ref,
        scope_name=row.scope_name,
        colour=row.colour_shown,
        proposed_colour=row.proposed_colour,
        status=row.status,
        shown_as=row.shown_as,
        known_and_being_tackled=row.known_and_being_tackled,
        supported=row.supported,
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        evidence_findings=tuple(row.evidence_keys()),
        figures=tuple((name, value) for name, value in row.figures()),
        url=reverse("flags:flag", args=[slug, row.key]),
    )


def flags(partnership: Any, *, status: str = "") -> list[FlagView]:
    """The partnership's flags (the partnership's first, then by outcome), optionally of
    one status; a flag no longer supported by the evidence is included, marked."""
    rows = Flag.objects.filter(partnership=partnership).order_by("-scope", "scope_ref", "rule_id")
    if status:
        rows = rows.filter(status=status)
    return [as_view(row, partnership.slug) for row in rows]


def confirmed(partnership: Any) -> list[FlagView]:
    """The flags a manager confirmed or changed (not rejected)."""
    decided = (FlagStatus.CONFIRMED, FlagStatus.CHANGED)
    return [view for view in flags(partnership) if view.status in decided]


def find_row(partnership: Any, key: str) -> Flag | None:
    rule_id, _, rest = key.partition(":")
    scope, _, scope_ref = rest.partition(":")
    return Flag.objects.filter(
        partnership=partnership, rule_id=rule_id, scope=scope, scope_ref=scope_ref
    ).first()


def flag(partnership: Any, key: str) -> FlagView | None:
    """One flag of the partnership by its key, or None."""
    row = find_row(partnership, key)
    return None if row is None else as_view(row, partnership.slug)


def organisations_named(partnership: Any, key: str) -> set[str]:
    """The refs of the organisations the flag's evidence findings name: findings about an
    organisation, and the organisations that run a chain node or either end of a chain link
    a finding is about."""
    row = find_row(partnership, key)
    if row is None:
        return set()
    keys = row.evidence_keys()
    named = {ref for _, _, kind, ref in keys if kind == "organisation"}
    if any(kind in ("node", "link") for _, _, kind, _ in keys):
        runs: dict[str, str] = {}
        for chain in chains.chain_summaries(partnership):
            runs.update(chain["node_organisations"])
        for _, _, kind, ref in keys:
            parts = ref.split("/")
            if kind == "node":
                nodes = [ref]
            elif kind == "link" and len(parts) >= 3:
                nodes = [f"{parts[0]}/{parts[1]}", f"{parts[0]}/{parts[2]}"]
            else:
                nodes = []
            named.update(runs[node] for node in nodes if node in runs)
    return named


def questions(partnership: Any) -> list[dict[str, Any]]:
    """The three questions in the study's order: ``question`` (key), ``text``,
    ``narrative``, ``self_rating`` (1-4 or None, the partnership's own), its
    ``self_rating_label``, ``flags`` (as :class:`FlagView`), ``counts`` of open findings by
    severity and ``findings`` (the register's dictionaries of the high and positive ones)
    bearing on it."""
    slug = partnership.slug
    return [
        {**answer, "flags": [as_view(row, slug) for row in answer["flags"]]}
        for answer in answering.answers(partnership)
    ]
