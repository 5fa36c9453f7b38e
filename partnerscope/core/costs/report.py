"""The whole result of ``partnerscope costs cba`` from a plain model: the one function the
command line and the web both call."""

from __future__ import annotations

from typing import Any

from partnerscope.core.costs.assumptions import assumptions, parse_sensitivity
from partnerscope.core.costs.cba import appraise
from partnerscope.core.costs.optimism import OptimismBiasTable
from partnerscope.core.costs.parse import parse_appraisal
from partnerscope.core.costs.sensitivity import sensitivity

__all__ = ["cba_report"]


def cba_report(
    model: Any, optimism_table: OptimismBiasTable | None, draws: int = 0, seed: int = 0
) -> dict[str, Any]:
    """The JSON-ready appraisal of a plain model with its sensitivity analysis (a Monte
    Carlo of ``draws`` draws when above 0) and notes; raises
    :class:`~partnerscope.core.costs.parse.ModelErrors` naming each field in error.

    Examples
    --------
    >>> report = cba_report({"name": "x", "base_year": 2025, "years": 1,
    ...                      "costs": [{"agency": "council", "kind": "revenue",
    ...                                 "year": 0, "amount": 10}]}, None)
    >>> report["financial_case"]["pv_costs"], report["sensitivity"]["monte_carlo"]
    (10.0, None)
    """
    appraisal = parse_appraisal(model, optimism_table)
    settings = parse_sensitivity(model.get("sensitivity"))
    order = assumptions(appraisal, settings)
    result = appraise(appraisal).to_dict()
    result["sensitivity"] = {
        "spread": settings.spread,
        **sensitivity(appraisal, order, draws, seed).to_dict(),
    }
    graded = [
        outcome.name
        for outcome, given in zip(appraisal.outcomes, model.get("outcomes", []), strict=True)
        if outcome.confidence is not None and "optimism_bias" not in given
    ]
    notes = []
    if graded and optimism_table is not None:
        confirmed = "confirmed" if optimism_table.confirmed else "unconfirmed"
        notes.append(
            f"Optimism bias from confidence grades ({', '.join(graded)}) uses a table whose "
            f"percentages are {confirmed}: {optimism_table.source}"
        )
    result["notes"] = notes
    return result
