"""The two-tier view: a county partnership and its district partnerships side by side, and
the organisations that sit on several of them, across their relationship networks.

Who sees what (the rule, also in docs/learning.md): a partnership of the area is shown, by
name, if it is the reader's own, if the reader holds a role in it, or if it shares its
figures and agreed to be named. A partnership that shares without its name is left out
here (it stays lettered on the comparison page): the county knows its districts, and the
organisations a district alone brings in would give its letter away. The others are only
counted. There is no minimum of five here: every partnership shown has agreed to be seen
by name (or is one the reader already sees).

The 7S results are scored for the whole partnership and by sector, governance layer and
council or partner, never by organisation (an organisation's answers could then be told
apart), so an organisation is followed across the districts' networks only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.apps.learning import sharing
from partnerscope.apps.learning.figures import MEASURES, Measure, headline_figures
from partnerscope.apps.network import selectors as network
from partnerscope.apps.partnerships.models import Participation, Partnership


@dataclass(frozen=True)
class Column:
    """One partnership of the area as the reader may see it."""

    partnership: Partnership
    label: str
    county: bool
    own: bool


@dataclass(frozen=True)
class MeasureRow:
    measure: Measure
    cells: list[str]


@dataclass(frozen=True)
class OrganisationCell:
    text: str
    isolated: bool = False


@dataclass(frozen=True)
class OrganisationRow:
    name: str
    ref: str
    cells: list[OrganisationCell]


@dataclass(frozen=True)
class TwoTierPage:
    county: Partnership | None
    columns: list[Column]
    hidden: int
    rows: list[MeasureRow]
    organisations: list[OrganisationRow]

    @property
    def applies(self) -> bool:
        return self.county is not None


def county_of(partnership: Partnership) -> Partnership | None:
    """The county partnership of the partnership's two-tier area: itself when it has
    districts, its parent when it has one; None outside a two-tier area."""
    if partnership.parent_id:
        return partnership.parent
    if partnership.children.exists():
        return partnership
    return None


def visible_columns(
    partnership: Partnership, family: list[Partnership], roles: set[int]
) -> tuple[list[Column], int]:
    """The partnerships of the area the reader may see, and how many are left out."""
    seen = [
        member
        for member in family
        if member.pk == partnership.pk
        or member.pk in roles
        or (sharing.shares(member) and sharing.named(member))
    ]
    columns = [
        Column(member, member.name, member.parent_id is None, member.pk == partnership.pk)
        for member in seen
    ]
    return columns, len(family) - len(seen)


def two_tier_page(partnership: Partnership, roles: set[int] | None = None) -> TwoTierPage:
    """The view for a reader of ``partnership`` who holds roles in the partnerships
    ``roles`` (their pks; none for the report)."""
    county = county_of(partnership)
    if county is None:
        return TwoTierPage(None, [], 0, [], [])
    family = [county, *county.children.order_by("name")]
    columns, hidden = visible_columns(partnership, family, roles or set())
    figures = [headline_figures(column.partnership) for column in columns]
    rows = [
        MeasureRow(measure, [measure.text(f[measure.key]) for f in figures]) for measure in MEASURES
    ]
    return TwoTierPage(county, columns, hidden, rows, organisation_rows(columns))


def organisation_rows(columns: list[Column]) -> list[OrganisationRow]:
    """Each organisation that takes part in two or more of the shown partnerships, with its
    ties in each one's latest closed relationship wave."""
    members = [column.partnership for column in columns]
    taking_part: dict[int, set[int]] = {}
    names: dict[int, tuple[str, str]] = {}
    for row in Participation.objects.filter(partnership__in=members).values(
        "organisation_id", "organisation__name", "organisation__ref", "partnership_id"
    ):
        taking_part.setdefault(row["organisation_id"], set()).add(row["partnership_id"])
        names[row["organisation_id"]] = (row["organisation__name"], row["organisation__ref"])
    measures = [network.latest_wave_measures(member) for member in members]
    rows = []
    for organisation_id, partnerships in taking_part.items():
        if len(partnerships) < 2:
            continue
        name, ref = names[organisation_id]
        cells = []
        for member, wave in zip(members, measures, strict=True):
            if member.pk not in partnerships:
                cells.append(OrganisationCell("not a partner"))
            elif wave is None:
                cells.append(OrganisationCell("no closed relationship wave"))
            elif ref not in wave["organisations"]:
                cells.append(OrganisationCell("not in the wave"))
            else:
                found = wave["organisations"][ref]
                cells.append(
                    OrganisationCell(
                        f"{found['degree']} ties ({found['in_degree']} received)"
                        + ("; isolated" if found["isolated"] else ""),
                        found["isolated"],
                    )
                )
        rows.append(OrganisationRow(name, ref, cells))
    rows.sort(key=lambda row: row.name.casefold())
    return rows


def roles_of(user: Any) -> set[int]:
    """The partnerships in which the user holds a role (their pks)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.roles.values_list("partnership_id", flat=True))
