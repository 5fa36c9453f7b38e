"""Which organisations a finding or a flag names, and whom a user represents.

A finding names an organisation when it is about one (subject kind ``organisation``, its ref
the organisation's ref). A delivery chain's finding about a node (ref ``<chain>/<node>``)
names the organisation that node is or that runs it; one about a link (ref
``<chain>/<from>/<to>/<type>``) names the organisations of both its ends. The relationship
survey's council-dominance finding, about the whole partnership, names the council bodies
in its ``council`` figure. A flag names the organisations its evidence findings name
(the flags area's ``organisations_named``).

The chains' nodes are read through the foundation's ``Organisation`` (its ``chain_nodes``
relation), as the chains area offers no selector for them.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.partnerships.models import Organisation, Person

LINK_PARTS = 4
NODE_PARTS = 2


def partnership_organisations(partnership: Any) -> Any:
    return Organisation.objects.filter(partnerships=partnership)


def organisations_named_by_finding(partnership: Any, finding: dict[str, Any]) -> list[Any]:
    """The partnership's organisations a finding (as the register's selectors give it) names."""
    subject = finding["subject"]
    kind, ref = subject["kind"], subject["ref"]
    organisations = partnership_organisations(partnership)
    if kind == "organisation":
        return list(organisations.filter(ref=ref))
    if kind in {"node", "link"}:
        parts = ref.split("/")
        if kind == "node" and len(parts) == NODE_PARTS:
            nodes = [parts[1]]
        elif kind == "link" and len(parts) == LINK_PARTS:
            nodes = [parts[1], parts[2]]
        else:
            return []
        return list(
            organisations.filter(
                chain_nodes__chain__partnership=partnership,
                chain_nodes__chain__ref=parts[0],
                chain_nodes__ref__in=nodes,
            )
            .distinct()
            .order_by("name")
        )
    council = finding["evidence"]["figures"].get("council")
    if kind == "partnership" and isinstance(council, str) and council:
        names = [name.strip() for name in council.split(",")]
        return list(organisations.filter(name__in=names).order_by("name"))
    return []


def organisations_named_by_flag(partnership: Any, key: str) -> list[Any]:
    """The partnership's organisations a flag names, as the flags area says (the
    organisations its evidence findings name)."""
    from partnerscope.apps.flags import selectors as flags

    refs = flags.organisations_named(partnership, key)
    return list(partnership_organisations(partnership).filter(ref__in=refs).order_by("name"))


def represented_by(user: Any, partnership: Any) -> list[Person]:
    """The user's person records in the partnership: each speaks for its organisation."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        Person.objects.filter(partnership=partnership, user=user).select_related("organisation")
    )
