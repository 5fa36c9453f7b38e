"""The unit-cost library: the Unit Cost Database layout, sources, and uprating."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerscope.core.costs import (
    DeflatorSeries,
    UnitCostErrors,
    deflator_series,
    parse_price_year,
    parse_unit_costs,
    uprate,
    uprate_unit_costs,
)

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "unit-costs.csv"
SERIES = DeflatorSeries("test", "made up for the test", "", {2019: 80.0, 2020: 90.0, 2024: 100.0})

# Written by this test in the layout docs/costs.md describes; the figures are invented.
LIBRARY = (
    "\ufeffCost Code , Outcome category,Description,Unit,Cost,Agency bearing cost,Price base,"
    "Source\n"
    """T1,Health,A night in hospital,per night,"£1,000.50",NHS,2019/20,Our survey
T2,Crime,A call-out,per incident,250,Police,2020,
"""
)


def test_a_library_in_the_unit_cost_database_layout_is_read():
    costs = parse_unit_costs(LIBRARY, default_source="Partnership estimate", default_licence="ours")
    assert [(c.code, c.value, c.agency, c.price_year) for c in costs] == [
        ("T1", 1000.5, "NHS", 2019),
        ("T2", 250.0, "Police", 2020),
    ]
    assert costs[0].source == "Our survey"
    assert costs[1].source == "Partnership estimate"
    assert costs[0].category == "Health"
    assert {c.licence for c in costs} == {"ours"}


def test_a_cost_without_a_source_is_refused():
    with pytest.raises(UnitCostErrors) as raised:
        parse_unit_costs(LIBRARY)
    assert raised.value.errors == ["row 3: Source: required"]


def test_every_bad_row_is_named():
    text = (
        "Code,Description,Unit,Cost,Agency,Price year,Source\n"
        "A,x,per day,ten,NHS,2019,s\n"
        "A,y,,5,NHS,19,s\n"
        "B,z,per day,-1,,2019,s\n"
    )
    with pytest.raises(UnitCostErrors) as raised:
        parse_unit_costs(text)
    assert raised.value.errors == [
        "row 2: Cost: must be a number",
        "row 3: Unit: required",
        "row 3: Price year: must be a year such as 2019 or 2019/20",
        "row 3: Code: A is already on row 2",
        "row 4: Agency: required",
        "row 4: Cost: must be 0 or more",
    ]


def test_missing_columns_are_named():
    with pytest.raises(UnitCostErrors) as raised:
        parse_unit_costs("Code,Description,Cost\nA,b,1\n")
    assert [e.split(" (")[0] for e in raised.value.errors] == [
        "header: no column for unit",
        "header: no column for agency",
        "header: no column for price year",
    ]
    with pytest.raises(UnitCostErrors):
        parse_unit_costs("")


def test_price_years():
    assert parse_price_year("2017-18") == 2017
    assert parse_price_year("2017/2018") == 2017
    with pytest.raises(ValueError):
        parse_price_year("last year")


def test_uprating_follows_the_deflator():
    assert uprate(900.0, 2020, 2024, SERIES) == pytest.approx(1000.0)
    assert uprate(100.0, 2024, 2019, SERIES) == pytest.approx(80.0)
    costs = uprate_unit_costs(parse_unit_costs(LIBRARY, "s"), 2024, SERIES)
    assert [(c.value, c.price_year) for c in costs] == [
        (pytest.approx(1000.5 * 100 / 80), 2024),
        (pytest.approx(250 * 100 / 90), 2024),
    ]
    with pytest.raises(ValueError, match="no figure for 2030"):
        uprate(1.0, 2030, 2024, SERIES)


def test_a_deflator_series_needs_positive_figures():
    with pytest.raises(ValueError, match="must be above 0"):
        deflator_series({"name": "x", "source": "s", "index": {"2020": 0}})
    series = deflator_series({"name": "x", "source": "s", "index": {"2020": 50, "2021": 100}})
    assert series.factor(2020, 2021) == 2.0
    assert series.to_dict()["index"] == {"2020": 50.0, "2021": 100.0}


def test_the_documented_example_file_reads_and_names_its_source():
    costs = parse_unit_costs(EXAMPLE.read_text(encoding="utf-8"))
    assert len(costs) == 3
    assert all("invented" in c.source for c in costs)
