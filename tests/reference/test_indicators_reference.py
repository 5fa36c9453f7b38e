"""The national indicator catalogue file is complete, consistent and loads."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from partnerscope.core.indicators.model import Polarity
from partnerscope.reference.indicators import CATALOGUE_FILE, load_catalogue, parse_catalogue


def raw():
    text = resources.files("partnerscope.reference.indicators").joinpath(CATALOGUE_FILE)
    return json.loads(text.read_text(encoding="utf-8"))


def test_source_and_dates_are_recorded():
    catalogue = load_catalogue()
    assert "National Indicators" in catalogue.source or "national indicators" in catalogue.source
    assert catalogue.in_force_from == date(2008, 4, 1)
    assert catalogue.in_force_to == date(2011, 3, 31)
    assert raw()["size_of_set"] == 198


def test_at_least_forty_indicators_with_valid_fields():
    catalogue = load_catalogue()
    assert len(catalogue.entries) >= 40
    for entry in catalogue.entries:
        assert entry.code == f"NI {entry.number}"
        assert 1 <= entry.number <= 198
        assert isinstance(entry.polarity, Polarity)
        assert entry.title and entry.title == entry.title.strip()
        assert entry.unit
    numbers = [entry.number for entry in catalogue.entries]
    assert numbers == sorted(set(numbers))


@pytest.mark.parametrize(
    ("code", "words", "polarity"),
    [
        # The examples in FACTS.md.
        ("NI 15", "serious violent crime", Polarity.LOWER_IS_BETTER),
        ("NI 16", "serious acquisitive crime", Polarity.LOWER_IS_BETTER),
        ("NI 40", "drug users in effective treatment", Polarity.HIGHER_IS_BETTER),
        ("NI 112", "under 18 conception", Polarity.LOWER_IS_BETTER),
        ("NI 117", "not in education, employment or training", Polarity.LOWER_IS_BETTER),
        ("NI 120", "all-age all cause mortality", Polarity.LOWER_IS_BETTER),
        ("NI 151", "overall employment rate", Polarity.HIGHER_IS_BETTER),
        ("NI 186", "co2 emissions in the la area", Polarity.LOWER_IS_BETTER),
        ("NI 192", "household waste recycled and composted", Polarity.HIGHER_IS_BETTER),
        ("NI 195", "street and environmental cleanliness", Polarity.LOWER_IS_BETTER),
    ],
)
def test_facts_examples(code, words, polarity):
    entry = load_catalogue().get(code)
    assert entry is not None
    assert words in entry.title.lower()
    assert entry.polarity is polarity


def test_entries_become_indicators():
    indicator = load_catalogue().get("NI 15").to_indicator()
    assert (indicator.code, indicator.polarity) == ("NI 15", Polarity.LOWER_IS_BETTER)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["indicators"][0].update(code="NI 99"), "code"),
        (lambda d: d["indicators"][0].update(number=199), "1 to 198"),
        (lambda d: d["indicators"][0].update(polarity="sideways"), "sideways"),
        (
            lambda d: d["indicators"][1].update(
                number=d["indicators"][0]["number"], code=d["indicators"][0]["code"]
            ),
            "repeats",
        ),
        (lambda d: d.pop("in_force"), "in_force"),
    ],
)
def test_bad_catalogues_are_refused(change, message):
    document = raw()
    change(document)
    with pytest.raises(ValueError, match=message):
        parse_catalogue(document)


def test_to_dict_round_trip():
    result = load_catalogue().to_dict()
    assert result["in_force"] == {"from": "2008-04-01", "to": "2011-03-31"}
    assert json.loads(json.dumps(result)) == result
