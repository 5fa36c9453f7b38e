"""The action plan's tables in the data package: the actions, the findings each answers,
and their progress notes.

``chain_actions`` is the table in which packages of format 1.0 carried the actions of the
delivery chains, before they moved into the one action plan. It is still read on import
(its rows become actions of the plan, as the database migration moved them) and written
empty. Every table here is optional: a package without its file imports as if it were empty.
"""

from __future__ import annotations

from partnerscope.core.chains import LINK_TYPES, QUESTION_IDS
from partnerscope.datapackage.schema import Field, Resource

__all__ = ["ACTION_STATUSES", "RESOURCES"]

ACTION_STATUSES = ["not_started", "in_progress", "done", "dropped"]
_REF = "[A-Za-z0-9_-]+"
_QUESTIONS = list(QUESTION_IDS)

RESOURCES: list[Resource] = [
    Resource(
        "actions",
        "The partnership's action plan: every agreed action with its owner, due date and "
        "status; an action agreed for a delivery chain names the chain (and its link, "
        "question and workshop).",
        [
            Field("id", required=True, pattern=_REF),
            Field("title", required=True, description="What will be done, in a sentence."),
            Field("description", description="More detail."),
            Field("status", required=True, enum=ACTION_STATUSES),
            Field("owner_organisation", description="id of the owner organisation."),
            Field("owner_person", description="id of the owner in people.csv."),
            Field("owner", description="Who will do it, if not a person listed."),
            Field("due", "date"),
            Field("agreed_on", "date", required=True, description="When it was agreed."),
            Field("chain", description="id of the delivery chain, for a chain's action."),
            Field("from", description="The chain link's from node, for an action on a link."),
            Field("to", description="The chain link's to node."),
            Field("question", enum=_QUESTIONS, description="The workshop question it answers."),
            Field("workshop", description="id of the chain's workshop that agreed it."),
        ],
        primary_key=["id"],
        foreign_keys=[
            (["owner_organisation"], "organisations", ["id"]),
            (["owner_person"], "people", ["id"]),
            (["chain"], "chains", ["id"]),
        ],
        optional=True,
    ),
    Resource(
        "action_findings",
        "The findings each action answers, by the finding's key (area, rule, subject kind "
        "and subject ref), which stays the same across refreshes of the register.",
        [
            Field("action", required=True),
            Field("area", required=True),
            Field("rule", required=True),
            Field("subject_kind", required=True),
            Field("subject_ref", required=True),
        ],
        primary_key=["action", "area", "rule", "subject_kind", "subject_ref"],
        foreign_keys=[(["action"], "actions", ["id"])],
        optional=True,
    ),
    Resource(
        "action_notes",
        "Dated notes of progress on each action.",
        [
            Field("action", required=True),
            Field("date", "date", required=True),
            Field("text", required=True),
            Field("author", description="Who wrote the note."),
        ],
        foreign_keys=[(["action"], "actions", ["id"])],
        optional=True,
    ),
    Resource(
        "chain_actions",
        "Format 1.0's actions of the delivery chains, read on import into actions.csv (the "
        "chain's action ref kept where unique in the partnership, else prefixed with the "
        "chain's id); written empty.",
        [
            Field("chain", required=True),
            Field("id", required=True, pattern=_REF),
            Field("action", required=True, description="What will be done."),
            Field("question", enum=_QUESTIONS),
            Field("from", description="The link's from node, for an action on a link."),
            Field("to", description="The link's to node."),
            Field("type", enum=list(LINK_TYPES), description="The link's type."),
            Field("workshop", description="id of the workshop that agreed it."),
            Field("owner", description="Who will do it."),
            Field("owner_person", description="id of the owner in people.csv, if listed."),
            Field("due", "date"),
            Field("status", required=True, enum=["not_started", "in_progress", "done"]),
        ],
        primary_key=["chain", "id"],
        foreign_keys=[(["chain"], "chains", ["id"]), (["owner_person"], "people", ["id"])],
        optional=True,
    ),
]
