"""The action plan's tables of the data package: export, check and import.

The tables are declared in ``partnerscope.datapackage.actions.RESOURCES``. A package of
format 1.0 still carries the delivery chains' actions in ``chain_actions``: they are
imported as actions of the plan, exactly as the database migration moved them (the same
title and ref rules, :mod:`partnerscope.apps.actions.moved`). Reminders sent are not
exported: they are a log of e-mails, not part of the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from simple_history.utils import bulk_create_with_history

from partnerscope.apps.actions.models import Action, ActionFinding, ActionNote
from partnerscope.apps.actions.moved import description_of, merged_refs, title_of
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
TABLES = ("actions", "action_findings", "action_notes", "chain_actions")


def export_tables(partnership: Any) -> dict[str, list[dict[str, Any]]]:
    """The partnership's actions, the findings they answer and their notes, as rows."""
    actions = Action.objects.in_partnership(partnership).with_owners().order_by("ref")
    findings = ActionFinding.objects.filter(action__partnership=partnership).select_related(
        "action"
    )
    notes = ActionNote.objects.filter(action__partnership=partnership).select_related("action")
    return {
        "actions": [
            {
                "id": action.ref,
                "title": action.title,
                "description": action.description or None,
                "status": action.status,
                "owner_organisation": (
                    action.owner_organisation.ref if action.owner_organisation else None
                ),
                "owner_person": action.owner_person.ref if action.owner_person else None,
                "owner": action.owner_other or None,
                "due": action.due,
                "agreed_on": action.created_on,
                "chain": action.chain_ref or None,
                "from": action.link_source_ref or None,
                "to": action.link_target_ref or None,
                "question": action.question or None,
                "workshop": action.workshop_ref or None,
            }
            for action in actions
        ],
        "action_findings": [
            {
                "action": link.action.ref,
                "area": link.area,
                "rule": link.rule_id,
                "subject_kind": link.subject_kind,
                "subject_ref": link.subject_ref,
            }
            for link in findings.order_by("action__ref", "area", "rule_id", "subject_ref")
        ],
        "action_notes": [
            {"action": note.action.ref, "date": note.date, "text": note.text, "author": note.author}
            for note in notes.order_by("action__ref", "date", "pk")
        ],
        "chain_actions": [],
    }


def numbered(tables: Tables, name: str) -> list[tuple[int, Mapping[str, Any]]]:
    return list(enumerate(tables.get(name, []), start=2))


def chain_context_errors(
    tables: Tables, name: str, *, typed_links: bool, chain_column: str = "chain"
) -> list[TableError]:
    """Links and workshops of actions that the package's chains do not have."""
    path = f"{name}.csv"
    columns = ("from", "to", "type") if typed_links else ("from", "to")
    links = {
        (row["chain"], *(row[column] for column in columns))
        for row in tables.get("chain_links", [])
    }
    workshops = {(row["chain"], row["id"]) for row in tables.get("chain_workshops", [])}
    errors = []
    for number, row in numbered(tables, name):
        chain = row.get(chain_column)
        ends = [row.get(column) for column in columns]
        if any(ends) and not all(ends):
            needed = " and ".join(columns)
            errors.append(TableError(path, number, "from", f"a link needs {needed}"))
        elif all(ends) and (chain, *ends) not in links:
            errors.append(
                TableError(
                    path,
                    number,
                    "from",
                    f"chain {chain!r} has no link {ends[0]} -> {ends[1]}"
                    + (f" ({ends[2]})" if typed_links else ""),
                )
            )
        if row.get("workshop") and (chain, row["workshop"]) not in workshops:
            errors.append(
                TableError(
                    path, number, "workshop", f"chain {chain!r} has no workshop {row['workshop']!r}"
                )
            )
    return errors


def check_tables(tables: Tables) -> list[TableError]:
    """Every cross-row problem of the action tables, each located by file, row and column."""
    errors = chain_context_errors(tables, "chain_actions", typed_links=True)
    errors += chain_context_errors(tables, "actions", typed_links=False)
    for number, row in numbered(tables, "actions"):
        if not row.get("chain") and (row.get("from") or row.get("workshop")):
            errors.append(
                TableError(
                    "actions.csv", number, "chain", "a link or workshop needs its chain's id"
                )
            )
    return errors


def chain_action_rows(tables: Tables) -> list[dict[str, Any]]:
    """Format 1.0's chain actions as rows of ``actions``, their refs made unique."""
    rows = tables.get("chain_actions", [])
    taken = [row["id"] for row in tables.get("actions", [])]
    refs = merged_refs([(row["chain"], row["id"]) for row in rows], taken)
    return [
        {
            "id": refs[(row["chain"], row["id"])],
            "title": title_of(row["action"]),
            "description": description_of(row["action"]),
            "status": row["status"],
            "owner_organisation": None,
            "owner_person": row.get("owner_person"),
            "owner": None if row.get("owner_person") else row.get("owner"),
            "due": row.get("due"),
            "agreed_on": None,
            "chain": row["chain"],
            "from": row.get("from"),
            "to": row.get("to"),
            "question": row.get("question"),
            "workshop": row.get("workshop"),
        }
        for row in rows
    ]


def import_tables(partnership: Any, tables: Tables, refs: Any) -> None:
    """Create the plan's records from checked rows (inside the package import's transaction)."""
    today = dt.date.today()
    rows = [*tables.get("actions", []), *chain_action_rows(tables)]
    actions = []
    for row in rows:
        person = refs.people.get(row["owner_person"]) if row.get("owner_person") else None
        organisation = (
            refs.organisations.get(row["owner_organisation"])
            if row.get("owner_organisation")
            else None
        )
        if organisation is None and person is not None:
            organisation = person.organisation
        actions.append(
            Action(
                partnership=partnership,
                ref=row["id"],
                title=row["title"],
                description=row.get("description") or "",
                status=row["status"],
                owner_organisation=organisation,
                owner_person=person,
                owner_other=row.get("owner") or "",
                due=row.get("due"),
                created_on=row.get("agreed_on") or today,
                chain_ref=row.get("chain") or "",
                link_source_ref=row.get("from") or "",
                link_target_ref=row.get("to") or "",
                question=row.get("question") or "",
                workshop_ref=row.get("workshop") or "",
            )
        )
    bulk_create_with_history(actions, Action)
    by_ref = {action.ref: action for action in Action.objects.in_partnership(partnership)}
    ActionFinding.objects.bulk_create(
        ActionFinding(
            action=by_ref[row["action"]],
            area=row["area"],
            rule_id=row["rule"],
            subject_kind=row["subject_kind"],
            subject_ref=row["subject_ref"],
        )
        for row in tables.get("action_findings", [])
    )
    ActionNote.objects.bulk_create(
        ActionNote(
            action=by_ref[row["action"]],
            date=row["date"],
            text=row["text"],
            author=row.get("author") or "",
        )
        for row in tables.get("action_notes", [])
    )
