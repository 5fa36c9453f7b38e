"""An independent implementation of the cost–benefit conventions in docs/costs.md.

Written from the conventions alone, in a different style from partnerscope.core.costs
(plain dictionaries and loops over years, discount factors built up year by year), and
sharing no code with it. It reads the plain model as MODEL.json holds it.
"""

from __future__ import annotations

from typing import Any


def _rates(model: dict[str, Any], health: bool) -> tuple[float, float]:
    if "discount_rate" in model:
        return model["discount_rate"], model["discount_rate"]
    if health:
        return 0.015, 0.015
    return 0.035, 0.03


def _factors(model: dict[str, Any], health: bool) -> list[float]:
    short, long = _rates(model, health)
    factors = []
    factor = 1.0
    for year in range(model["years"]):
        if year > 0:
            factor = factor / (1 + (short if year <= 30 else long))
        factors.append(factor)
    return factors


def oracle(model: dict[str, Any]) -> dict[str, Any]:
    """Financial case, economic case, agencies and year flows of ``model``."""
    years = model["years"]
    standard = _factors(model, health=False)
    health = _factors(model, health=True)
    costs_by_year = [0.0 for _ in range(years)]
    agency_costs: dict[str, float] = {}
    for cost in model.get("costs", []):
        costs_by_year[cost["year"]] += cost["amount"]
        agency = cost["agency"]
        agency_costs[agency] = (
            agency_costs.get(agency, 0.0) + cost["amount"] * standard[cost["year"]]
        )
    flows = {
        kind: [0.0 for _ in range(years)] for kind in ("fiscal", "economic", "social", "cashable")
    }
    discounted = {kind: [0.0 for _ in range(years)] for kind in ("fiscal", "all")}
    agency_fiscal: dict[str, float] = {}
    agency_cashable: dict[str, float] = {}
    pv = {"fiscal": 0.0, "economic": 0.0, "social": 0.0, "cashable": 0.0}
    for outcome in model.get("outcomes", []):
        for benefit in outcome.get("benefits", []):
            if benefit["type"] == "fiscal":
                agency_fiscal.setdefault(benefit["agency"], 0.0)
        for year in range(years):
            if year < outcome["lag"]:
                continue
            count = (
                outcome["cohort"]
                * outcome["engagement"]
                * outcome["impact"]
                * (1 - outcome["deadweight"])
                * (1 - outcome["drop_off"]) ** (year - outcome["lag"])
            )
            for benefit in outcome.get("benefits", []):
                amount = count * benefit["value"] * (1 - outcome["optimism_bias"])
                factor = (health if benefit.get("health") else standard)[year]
                kind = benefit["type"]
                flows[kind][year] += amount
                pv[kind] += amount * factor
                discounted["all"][year] += amount * factor
                if kind == "fiscal":
                    cash = amount * benefit.get("cashable", 0.0)
                    flows["cashable"][year] += cash
                    pv["cashable"] += cash * factor
                    discounted["fiscal"][year] += amount * factor
                    who = benefit["agency"]
                    agency_fiscal[who] = agency_fiscal.get(who, 0.0) + amount * factor
                    agency_cashable[who] = agency_cashable.get(who, 0.0) + cash * factor
    pv_costs = sum(c * f for c, f in zip(costs_by_year, standard, strict=True))
    payback = None
    running_costs = running_fiscal = 0.0
    for year in range(years):
        running_costs += costs_by_year[year] * standard[year]
        running_fiscal += discounted["fiscal"][year]
        started = running_costs > 0 or running_fiscal > 0
        if started and running_fiscal >= running_costs - 1e-9 * max(1.0, running_costs):
            payback = year
            break
    pv_all = pv["fiscal"] + pv["economic"] + pv["social"]
    agencies = sorted(set(agency_costs) | set(agency_fiscal))
    return {
        "financial_case": {
            "pv_costs": pv_costs,
            "pv_fiscal_benefits": pv["fiscal"],
            "net_present_budget_impact": pv["fiscal"] - pv_costs,
            "financial_roi": None if pv_costs == 0 else pv["fiscal"] / pv_costs,
            "payback_year": payback,
            "cashable": pv["cashable"],
        },
        "economic_case": {
            "pv_benefits": pv_all,
            "net_present_public_value": pv_all - pv_costs,
            "bcr": None if pv_costs == 0 else pv_all / pv_costs,
        },
        "by_agency": [
            {
                "agency": agency,
                "pv_costs": agency_costs.get(agency, 0.0),
                "pv_fiscal_benefits": agency_fiscal.get(agency, 0.0),
                "net": agency_fiscal.get(agency, 0.0) - agency_costs.get(agency, 0.0),
                "pv_cashable": agency_cashable.get(agency, 0.0),
            }
            for agency in agencies
        ],
        "years": [
            {
                "year": year,
                "calendar_year": model["base_year"] + year,
                "discount_factor": standard[year],
                "costs": costs_by_year[year],
                "fiscal_benefits": flows["fiscal"][year],
                "cashable": flows["cashable"][year],
                "economic_benefits": flows["economic"][year],
                "social_benefits": flows["social"][year],
                "discounted_fiscal_benefits": discounted["fiscal"][year],
                "discounted_benefits": discounted["all"][year],
            }
            for year in range(years)
        ],
    }


def assert_agrees(actual: dict[str, Any], expected: dict[str, Any]) -> None:
    """Every figure the oracle computes equals the one in ``actual`` (to rounding)."""
    import pytest

    def close(got: Any, want: Any, where: str) -> None:
        if want is None or isinstance(want, str):
            assert got == want, where
        else:
            assert got == pytest.approx(want, rel=1e-9, abs=1e-6), where

    for case in ("financial_case", "economic_case"):
        for key, want in expected[case].items():
            if key == "payback_year":
                assert actual[case][key] == want, f"{case}.{key}"
            else:
                close(actual[case][key], want, f"{case}.{key}")
    assert [row["agency"] for row in actual["by_agency"]] == [
        row["agency"] for row in expected["by_agency"]
    ]
    for got_row, want_row in zip(actual["by_agency"], expected["by_agency"], strict=True):
        for key, want in want_row.items():
            close(got_row[key], want, f"by_agency.{want_row['agency']}.{key}")
    assert len(actual["years"]) == len(expected["years"])
    for got_year, want_year in zip(actual["years"], expected["years"], strict=True):
        for key, want in want_year.items():
            close(got_year[key], want, f"years[{want_year['year']}].{key}")
