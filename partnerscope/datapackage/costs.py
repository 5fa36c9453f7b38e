"""The costs and benefits tables of the data package, and the meeting-cost inputs read
from a package folder for ``partnerscope costs meetings``.

Initiatives travel with their costs, outcomes, benefit lines and assumption ranges; the
unit-cost library, the support team's costs, the rate card and the meeting-cost settings
travel too. Amounts are in pounds; years of an initiative's costs are appraisal years
(0 is the base year), years of support costs financial years named by the year they start
in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from partnerscope.core.costs import (
    Attendee,
    HourlyRate,
    MeetingCostSettings,
    MeetingRecord,
    financial_year,
)
from partnerscope.datapackage.schema import REF_PATTERN, SECTORS, Field, Resource

__all__ = [
    "ASSUMPTIONS",
    "RESOURCES",
    "SUPPORT_CATEGORIES",
    "meeting_inputs",
]

COST_KINDS = ["revenue", "capital", "in_kind"]
BENEFIT_TYPES = ["fiscal", "economic", "social"]
GRADES = ["1", "2", "3", "4", "5", "6"]
ASSUMPTIONS = [
    "cohort",
    "engagement",
    "impact",
    "deadweight",
    "drop_off",
    "optimism_bias",
    "value",
    "costs",
]
SUPPORT_CATEGORIES = [
    "policy_strategy",
    "research_intelligence",
    "information",
    "events",
    "website",
]
PAYMENTS = ["cash", "in_kind"]

RESOURCES: list[Resource] = [
    Resource(
        "cost_initiatives",
        "Joint initiatives appraised by cost-benefit analysis, with their settings.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name", required=True),
            Field("description"),
            Field("base_year", "integer", required=True, description="Year of appraisal year 0."),
            Field("years", "integer", required=True, description="Appraisal years, 1 to 76."),
            Field("discount_rate", "number", description="Flat rate; empty for the Green Book's."),
            Field("spread", "number", required=True, description="Default sensitivity spread."),
            Field("chain", description="id of the delivery chain the initiative belongs to."),
        ],
        primary_key=["id"],
        optional=True,
    ),
    Resource(
        "cost_initiative_costs",
        "What each organisation puts into an initiative, by appraisal year.",
        [
            Field("initiative", required=True),
            Field("id", required=True, pattern=REF_PATTERN),
            Field("organisation", required=True),
            Field("kind", required=True, enum=COST_KINDS),
            Field("year", "integer", required=True, description="Appraisal year, 0 = base."),
            Field("amount", "number", required=True, description="Pounds at base-year prices."),
        ],
        primary_key=["initiative", "id"],
        foreign_keys=[
            (["initiative"], "cost_initiatives", ["id"]),
            (["organisation"], "organisations", ["id"]),
        ],
        optional=True,
    ),
    Resource(
        "cost_outcomes",
        "Outcomes of each initiative: cohort, engagement, impact, deadweight, lag, drop-off.",
        [
            Field("initiative", required=True),
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name", required=True),
            Field("cohort", "number", required=True),
            Field("need", "number"),
            Field("engagement", "number", required=True),
            Field("impact", "number", required=True),
            Field("deadweight", "number", required=True),
            Field("lag", "integer", required=True),
            Field("drop_off", "number", required=True),
            Field("optimism_bias", "number", description="Empty to use the confidence grade."),
            Field("confidence", enum=GRADES),
            Field("health", "boolean", required=True),
        ],
        primary_key=["initiative", "id"],
        foreign_keys=[(["initiative"], "cost_initiatives", ["id"])],
        optional=True,
    ),
    Resource(
        "cost_benefits",
        "Benefit lines: what one success of an outcome is worth a year, and to whom.",
        [
            Field("initiative", required=True),
            Field("outcome", required=True),
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name"),
            Field("type", required=True, enum=BENEFIT_TYPES),
            Field("organisation", required=True),
            Field("value", "number", required=True),
            Field("cashable", "number", required=True),
            Field("unit_cost", description="Code of the unit cost the value comes from."),
        ],
        primary_key=["initiative", "outcome", "id"],
        foreign_keys=[
            (["initiative", "outcome"], "cost_outcomes", ["initiative", "id"]),
            (["organisation"], "organisations", ["id"]),
        ],
        optional=True,
    ),
    Resource(
        "cost_ranges",
        "Low and high values of an initiative's assumptions for the sensitivity analysis.",
        [
            Field("initiative", required=True),
            Field("id", required=True, pattern=REF_PATTERN),
            Field("assumption", required=True, enum=ASSUMPTIONS),
            Field("outcome", description="id of the outcome (not for costs)."),
            Field("benefit", description="id of the benefit line, for a value."),
            Field("low", "number", required=True),
            Field("high", "number", required=True),
        ],
        primary_key=["initiative", "id"],
        foreign_keys=[(["initiative"], "cost_initiatives", ["id"])],
        optional=True,
    ),
    Resource(
        "unit_costs",
        "The unit-cost library: what one unit of a public service costs, with its source.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("code", required=True),
            Field("category"),
            Field("description", required=True),
            Field("unit", required=True),
            Field("value", "number", required=True),
            Field("agency", required=True),
            Field("price_year", "integer", required=True),
            Field("source", required=True),
            Field("licence"),
            Field("type"),
            Field("confidence"),
        ],
        primary_key=["id"],
        optional=True,
    ),
    Resource(
        "support_costs",
        "The support team's costs by the study's Table 9 categories, who pays, cash or in kind.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("category", required=True, enum=SUPPORT_CATEGORIES),
            Field("year", "integer", required=True, description="Financial year's first year."),
            Field("organisation", required=True),
            Field("payment", required=True, enum=PAYMENTS),
            Field("amount", "number", required=True),
            Field("description"),
        ],
        primary_key=["id"],
        foreign_keys=[(["organisation"], "organisations", ["id"])],
        optional=True,
    ),
    Resource(
        "hourly_rates",
        "The rate card: the hourly cost of people's time, with its source and price year.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("organisation", description="id of the organisation; empty for any."),
            Field("sector", enum=SECTORS, description="Empty for any sector."),
            Field("role", description="Role on the body or pay band; empty for any."),
            Field("hourly_cost", "number", required=True),
            Field("price_year", "integer", required=True),
            Field("source", description="Empty: the partnership's own assumption."),
            Field("illustrative", "boolean", required=True),
        ],
        primary_key=["id"],
        foreign_keys=[(["organisation"], "organisations", ["id"])],
        optional=True,
    ),
    Resource(
        "meeting_cost_settings",
        "How meetings are priced: hours to prepare and to travel per person; price year.",
        [
            Field("preparation_hours", "number", required=True),
            Field("travel_hours", "number", required=True),
            Field("price_year", "integer", description="Empty for the current year."),
        ],
        optional=True,
    ),
]

Rows = Sequence[Mapping[str, Any]]


def meeting_inputs(
    tables: Mapping[str, Rows], today: date
) -> tuple[list[MeetingRecord], tuple[HourlyRate, ...], MeetingCostSettings, int]:
    """The meetings (people present, agenda layers), the rate card, the settings and the
    price year of a read package, for :func:`partnerscope.core.costs.meeting_costs`."""
    organisations = {row["id"]: row for row in tables["organisations"]}
    people = {row["id"]: row for row in tables["people"]}
    bodies = {row["id"]: row for row in tables["bodies"]}
    roles = {(row["person"], row["body"]): row["role"] for row in tables["memberships"]}
    present: dict[str, list[Attendee]] = defaultdict(list)
    meeting_body = {row["id"]: row["body"] for row in tables["meetings"]}
    for row in tables["attendance"]:
        if row["status"] != "present":
            continue
        person = people[row["person"]]
        organisation = organisations[person["organisation"]]
        role = roles.get((row["person"], meeting_body[row["meeting"]]), "")
        present[row["meeting"]].append(
            Attendee(row["person"], organisation["id"], organisation["sector"], role)
        )
    agenda: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in tables["agenda_items"]:
        agenda[row["meeting"]].append((row["position"], row["layer"]))
    meetings = [
        MeetingRecord(
            ref=row["id"],
            body=bodies[row["body"]]["name"],
            layer=bodies[row["body"]]["layer"],
            year=financial_year(row["date"]),
            duration_minutes=row["duration_minutes"],
            attendees=tuple(present[row["id"]]),
            agenda=tuple(layer for _, layer in sorted(agenda[row["id"]])),
        )
        for row in sorted(tables["meetings"], key=lambda row: (row["date"], row["id"]))
    ]
    rates = tuple(
        HourlyRate(
            hourly_cost=float(row["hourly_cost"]),
            price_year=row["price_year"],
            source=row.get("source") or "",
            organisation=row.get("organisation") or "",
            sector=row.get("sector") or "",
            role=row.get("role") or "",
        )
        for row in tables.get("hourly_rates", [])
    )
    settings_rows = list(tables.get("meeting_cost_settings", []))
    settings = MeetingCostSettings()
    price_year = financial_year(today)
    if settings_rows:
        first = settings_rows[0]
        settings = MeetingCostSettings(
            float(first["preparation_hours"]), float(first["travel_hours"])
        )
        price_year = first.get("price_year") or price_year
    return meetings, rates, settings, price_year
