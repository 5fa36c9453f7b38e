"""The flags tables of the data package: export, check and import (the tables are declared
in ``partnerscope.datapackage.flags``). Decided flags and the answers travel; undecided
candidates do not, as the rules propose them again. Rows come in a fixed order, so export,
import and export again give the same files."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from partnerscope.apps.flags.choices import FlagStatus, Scope
from partnerscope.apps.flags.models import Flag, QuestionAnswer
from partnerscope.apps.flags.proposing import flag_ref_of
from partnerscope.datapackage.flags import check_flag_tables
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
PARTNERSHIP_REF = "partnership"
"""A flag about the partnership as a whole names it so in the package, whatever its slug."""


def export_tables(partnership: Any) -> dict[str, list[dict[str, Any]]]:
    decided = (
        Flag.objects.filter(partnership=partnership)
        .exclude(status=FlagStatus.CANDIDATE)
        .order_by("rule_id", "scope", "scope_ref")
    )
    answers = QuestionAnswer.objects.filter(partnership=partnership).order_by("question")
    return {
        "flag_decisions": [
            {
                "rule": flag.rule_id,
                "scope": flag.scope,
                "scope_ref": PARTNERSHIP_REF if flag.scope == Scope.PARTNERSHIP else flag.scope_ref,
                "scope_name": flag.scope_name,
                "proposed_colour": flag.proposed_colour,
                "status": flag.status,
                "decided_colour": flag.decided_colour or None,
                "reason": flag.reason,
                "decided_by": flag.decided_by,
                "decided_at": flag.decided_at.isoformat() if flag.decided_at else None,
                "proposed_at": flag.proposed_at.isoformat(),
                "evidence": json.dumps(flag.evidence, sort_keys=True),
            }
            for flag in decided
        ],
        "question_answers": [
            {
                "question": answer.question,
                "narrative": answer.narrative,
                "self_rating": answer.self_rating,
                "updated_by": answer.updated_by,
            }
            for answer in answers
        ],
    }


def check_tables(tables: Tables) -> list[TableError]:
    return check_flag_tables(tables)


def import_tables(partnership: Any, tables: Tables, refs: Any) -> None:
    """Create the decided flags and the answers of a checked package, inside the import's
    transaction; the flags are marked supported until the rules are next run."""
    for row in tables.get("flag_decisions", []):
        scope_ref = partnership.slug if row["scope"] == Scope.PARTNERSHIP else row["scope_ref"]
        decided_at = datetime.fromisoformat(str(row["decided_at"]))
        proposed_at = (
            datetime.fromisoformat(str(row["proposed_at"]))
            if row.get("proposed_at")
            else decided_at
        )
        Flag.objects.create(
            partnership=partnership,
            ref=flag_ref_of(row["scope"], scope_ref, row["rule"]),
            rule_id=row["rule"],
            scope=row["scope"],
            scope_ref=scope_ref,
            scope_name=row.get("scope_name") or "",
            proposed_colour=row["proposed_colour"],
            status=row["status"],
            decided_colour=row.get("decided_colour") or "",
            reason=str(row["reason"]).strip(),
            decided_by=row.get("decided_by") or "",
            decided_at=decided_at,
            evidence=json.loads(row["evidence"]) if row.get("evidence") else {},
            proposed_at=proposed_at,
            last_proposed_at=proposed_at,
        )
    for row in tables.get("question_answers", []):
        rating = row.get("self_rating")
        QuestionAnswer.objects.create(
            partnership=partnership,
            ref=row["question"],
            question=row["question"],
            narrative=row.get("narrative") or "",
            self_rating=int(rating) if rating not in (None, "") else None,
            updated_by=row.get("updated_by") or "",
        )
