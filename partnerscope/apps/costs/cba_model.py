"""An initiative as the core's plain model, and its appraisal by
:func:`partnerscope.core.costs.cba_report` (the same function ``partnerscope costs cba``
calls, so the page and the command line give the same figures)."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.costs.choices import Assumption
from partnerscope.apps.costs.models import AssumptionRange, Initiative
from partnerscope.core.costs import (
    COSTS,
    ModelErrors,
    MonteCarlo,
    assumptions,
    cba_report,
    monte_carlo,
    parse_appraisal,
    parse_sensitivity,
)
from partnerscope.reference.costs import load_optimism_bias

PAGE_DRAWS = 2000
"""Monte Carlo draws on the results page (seeded, so the page is the same each time)."""
PAGE_SEED = 0


def _outcome_model(outcome: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": outcome.name,
        "cohort": outcome.cohort,
        "engagement": outcome.engagement,
        "impact": outcome.impact,
        "deadweight": outcome.deadweight,
        "lag": outcome.lag,
        "drop_off": outcome.drop_off,
    }
    if outcome.need is not None:
        data["need"] = outcome.need
    if outcome.optimism_bias is not None:
        data["optimism_bias"] = outcome.optimism_bias
    if outcome.confidence:
        data["confidence"] = outcome.confidence
    if outcome.optimism_bias is None and not outcome.confidence:
        data["optimism_bias"] = 0.0
    benefits = []
    for line in outcome.benefit_lines.all():
        benefit: dict[str, Any] = {
            "type": line.type,
            "agency": line.organisation.name,
            "value": float(line.value),
            "cashable": line.cashable,
        }
        if line.name:
            benefit["name"] = line.name
        if outcome.health:
            benefit["health"] = True
        benefits.append(benefit)
    data["benefits"] = benefits
    return data


def _range_path(entry: AssumptionRange, outcomes: list[Any]) -> str | None:
    """The core's path of a range (``outcomes[0].impact``), or None if it names nothing."""
    if entry.assumption == Assumption.COSTS:
        return COSTS
    ids = [outcome.pk for outcome in outcomes]
    if entry.assumption == Assumption.VALUE:
        if entry.benefit is None or entry.benefit.outcome_id not in ids:
            return None
        index = ids.index(entry.benefit.outcome_id)
        lines = [line.pk for line in outcomes[index].benefit_lines.all()]
        return f"outcomes[{index}].benefits[{lines.index(entry.benefit_id)}].value"
    if entry.outcome_id not in ids:
        return None
    return f"outcomes[{ids.index(entry.outcome_id)}].{entry.assumption}"


def initiative_model(initiative: Initiative) -> dict[str, Any]:
    """The plain model of ``initiative`` in the layout ``partnerscope costs cba`` reads
    (docs/costs.md): agencies are the organisations' names."""
    outcomes = list(
        initiative.outcomes.prefetch_related("benefit_lines__organisation").order_by("id")
    )
    ranges = {}
    for entry in initiative.assumption_ranges.select_related("benefit").order_by("id"):
        path = _range_path(entry, outcomes)
        if path is not None:
            ranges[path] = [entry.low, entry.high]
    model: dict[str, Any] = {
        "name": initiative.name,
        "base_year": initiative.base_year,
        "years": initiative.years,
        "costs": [
            {
                "agency": cost.organisation.name,
                "kind": cost.kind,
                "year": cost.year,
                "amount": float(cost.amount),
            }
            for cost in initiative.costs.select_related("organisation").order_by("year", "id")
        ],
        "outcomes": [_outcome_model(outcome) for outcome in outcomes],
        "sensitivity": {"spread": initiative.spread, "ranges": ranges},
    }
    if initiative.discount_rate is not None:
        model["discount_rate"] = initiative.discount_rate
    return model


def initiative_report(
    initiative: Initiative, draws: int = PAGE_DRAWS, seed: int = PAGE_SEED
) -> dict[str, Any]:
    """The core's report of ``initiative`` (raises :class:`ModelErrors` naming each field
    that stops the appraisal)."""
    return cba_report(initiative_model(initiative), load_optimism_bias(), draws, seed)


def monte_carlo_draws(model: dict[str, Any], draws: int, seed: int) -> MonteCarlo:
    """The core's Monte Carlo of ``model`` with every draw kept, for the histogram."""
    table = load_optimism_bias()
    appraisal = parse_appraisal(model, table)
    order = assumptions(appraisal, parse_sensitivity(model.get("sensitivity")))
    return monte_carlo(appraisal, order, draws, seed)


__all__ = ["ModelErrors", "initiative_model", "initiative_report", "monte_carlo_draws"]
