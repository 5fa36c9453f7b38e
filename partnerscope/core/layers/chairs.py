"""Who chairs a body, in the terms of the study's Table 3, and the risk each kind carries.

Table 3 weighs three kinds of chair: the council's own (its leader or mayor, a cabinet
member or an officer: accountable and committed, but the council may dominate); a manager
from another public body (not council-dominated, but the public sector may dominate); and a
private, faith or third-sector chair (independent, consensus-building, close to local
people, but with weaker public accountability). A council chair's kind is read from their
job title.

Examples
--------
>>> chair_type("council", "Leader of the Council").kind
'council_leader_or_mayor'
>>> chair_type("council", "Partnership Manager").risk
'council domination'
>>> chair_type("voluntary_community", "Chief Officer").kind
'independent'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from partnerscope.core.layers.settings import CHAIR_TYPES

__all__ = ["CHAIR_KINDS", "ChairType", "chair_type"]


@dataclass(frozen=True, slots=True)
class ChairType:
    """A kind of chair from Table 3, what the study says for it and the risk it names."""

    kind: str
    label: str
    strength: str
    risk: str


CHAIR_KINDS: Final[Mapping[str, ChairType]] = {
    kind.kind: kind
    for kind in (
        ChairType(
            "council_leader_or_mayor",
            "Council leader or mayor",
            "accountable and committed",
            "council domination",
        ),
        ChairType(
            "cabinet_member",
            "Council cabinet member",
            "accountable and committed",
            "council domination",
        ),
        ChairType(
            "council_officer",
            "Council officer",
            "accountable and committed",
            "council domination",
        ),
        ChairType(
            "other_public",
            "Manager from another public body",
            "not dominated by the council",
            "public-sector domination",
        ),
        ChairType(
            "independent",
            "Private, faith or third-sector chair",
            "independent, builds consensus, close to local people",
            "weaker public accountability",
        ),
    )
}


def chair_type(
    sector: str, job_title: str = "", types: Mapping[str, str] = CHAIR_TYPES
) -> ChairType:
    """The Table 3 kind of a chair from their organisation's sector and their job title."""
    broad = types.get(sector, "other_public")
    if broad != "council":
        return CHAIR_KINDS[broad]
    title = job_title.lower()
    if "leader" in title or "mayor" in title:
        return CHAIR_KINDS["council_leader_or_mayor"]
    if "cabinet" in title or "portfolio" in title:
        return CHAIR_KINDS["cabinet_member"]
    return CHAIR_KINDS["council_officer"]
