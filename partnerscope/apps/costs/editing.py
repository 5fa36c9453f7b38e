"""Saving and deleting the parts of an initiative (the editor's steps).

Each step of the editor is described once here (:data:`STEPS`): its form, the rows it
lists and how a new row is tied to the initiative, so the views stay one generic flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.shortcuts import get_object_or_404

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.costs import forms
from partnerscope.apps.costs.models import (
    AssumptionRange,
    BenefitLine,
    Initiative,
    InitiativeCost,
)


@dataclass(frozen=True)
class Step:
    """One step of the editor: the rows it lists and the form that adds or changes one."""

    key: str
    title: str
    noun: str
    form: type[forms.InitiativePartForm]
    rows: Callable[[Initiative], models.QuerySet[Any]]
    columns: tuple[tuple[str, Callable[[Any], Any]], ...]
    intro: str


def _money(value: Any) -> str:
    return f"£{value:,.2f}"


STEPS: dict[str, Step] = {
    step.key: step
    for step in (
        Step(
            "costs",
            "Costs",
            "cost",
            forms.CostForm,
            lambda initiative: initiative.costs.select_related("organisation"),
            (
                ("Who pays", lambda row: row.organisation.name),
                ("Kind", lambda row: row.get_kind_display()),
                ("Year", lambda row: row.year),
                ("Amount", lambda row: _money(row.amount)),
            ),
            "What each partner puts in, by appraisal year, at base-year prices. Revenue, "
            "capital and in-kind costs all count.",
        ),
        Step(
            "outcomes",
            "Outcomes",
            "outcome",
            forms.OutcomeForm,
            lambda initiative: initiative.outcomes.all(),
            (
                ("Outcome", lambda row: row.name),
                ("Cohort", lambda row: f"{row.cohort:g}"),
                ("Engagement", lambda row: f"{row.engagement:g}"),
                ("Impact", lambda row: f"{row.impact:g}"),
                ("Deadweight", lambda row: f"{row.deadweight:g}"),
                ("Lag", lambda row: row.lag),
                ("Drop-off", lambda row: f"{row.drop_off:g}"),
                (
                    "Optimism bias",
                    lambda row: (
                        f"{row.optimism_bias:g}"
                        if row.optimism_bias is not None
                        else f"grade {row.confidence}"
                    ),
                ),
            ),
            "Who each outcome reaches and how much of the change is the initiative's own.",
        ),
        Step(
            "benefits",
            "Benefits",
            "benefit line",
            forms.BenefitForm,
            lambda initiative: BenefitLine.objects.filter(
                outcome__initiative=initiative
            ).select_related("outcome", "organisation"),
            (
                ("Outcome", lambda row: row.outcome.name),
                ("Benefit", lambda row: str(row)),
                ("Type", lambda row: row.get_type_display()),
                ("Who gains", lambda row: row.organisation.name),
                ("Value per success", lambda row: _money(row.value)),
                ("Cashable", lambda row: f"{row.cashable:g}"),
            ),
            "What one success is worth each year, and to whom. Fiscal benefits save public "
            "money; economic and social ones add public value.",
        ),
        Step(
            "assumptions",
            "Assumptions",
            "range",
            forms.RangeForm,
            lambda initiative: initiative.assumption_ranges.select_related(
                "outcome", "benefit__organisation"
            ),
            (
                ("Assumption", lambda row: str(row)),
                ("Low", lambda row: f"{row.low:g}"),
                ("High", lambda row: f"{row.high:g}"),
            ),
            "Low and high values for the sensitivity analysis. Assumptions without a range "
            "move by the initiative's spread either way.",
        ),
    )
}


def save_initiative(access: Access, form: forms.InitiativeForm) -> Initiative:
    """Create or change an initiative of the partnership."""
    initiative: Initiative = form.save(commit=False)
    initiative.partnership = access.partnership
    if not initiative.ref:
        initiative.ref = unique_ref(
            Initiative.objects.filter(partnership=access.partnership), initiative.name
        )
    initiative.save()
    return initiative


def _ref_text(row: Any) -> str:
    if isinstance(row, InitiativeCost):
        return f"{row.organisation.ref}-{row.kind}-{row.year}"
    if isinstance(row, AssumptionRange):
        return row.assumption
    return row.name or f"{row.type}-{row.organisation.ref}"


def _siblings(row: Any) -> models.QuerySet[Any]:
    if isinstance(row, BenefitLine):
        return BenefitLine.objects.filter(outcome=row.outcome)
    return type(row).objects.filter(initiative=row.initiative)


@transaction.atomic
def save_part(initiative: Initiative, form: forms.InitiativePartForm) -> Any:
    """Add or change one row of an initiative, giving a new row its ref."""
    row = form.save(commit=False)
    if not isinstance(row, BenefitLine):
        row.initiative = initiative
    if not row.ref:
        row.ref = unique_ref(_siblings(row), _ref_text(row))
    row.save()
    return row


def find_part(initiative: Initiative, step: Step, row_pk: int) -> Any:
    """The row ``row_pk`` of ``step`` in ``initiative`` (404 otherwise)."""
    return get_object_or_404(step.rows(initiative), pk=row_pk)
