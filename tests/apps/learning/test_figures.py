"""The headline figures are the areas' own: the network measures equal those of the
measures page, the 7S scores those the results page publishes (none below the threshold)."""

from __future__ import annotations

import pytest

from partnerscope.apps.learning.figures import MEASURES, headline_figures
from partnerscope.apps.network.results import Options, metrics_page
from partnerscope.apps.network.selectors import latest_wave_measures
from partnerscope.apps.sevens.results import results_overview
from partnerscope.apps.sevens.selectors import published_element_scores
from tests.apps.network import factories as network
from tests.apps.sevens import factories as sevens

pytestmark = pytest.mark.django_db


def test_network_figures_are_those_of_the_measures_page(kite):
    wave = network.make_closed_wave(kite)
    spokes = network.star(kite, wave, spokes=4)
    network.tie(wave, spokes[0], spokes[1], 3)
    network.tie(wave, kite["police"], kite["council"], 2)
    page = metrics_page(wave, Options())
    figures = headline_figures(kite["partnership"])
    assert figures["network_density"] == pytest.approx(page.summary["density"])
    assert figures["network_centralisation"] == pytest.approx(page.summary["in_centralization"])
    assert figures["network_ei"] == pytest.approx(page.summary["ei_index"]["sector"]["index"])
    measures = latest_wave_measures(kite["partnership"])
    for row in page.rows:
        mine = measures["organisations"][row.organisation.ref]
        assert mine["in_degree"] == row.metrics.in_degree
        assert mine["degree"] == row.metrics.in_degree + row.metrics.out_degree
        assert mine["isolated"] == row.metrics.isolate


def test_an_open_network_wave_gives_no_figure(kite):
    wave = network.make_wave(kite)
    network.star(kite, wave)
    assert headline_figures(kite["partnership"])["network_density"] is None


def test_sevens_scores_are_those_the_results_page_publishes(kite):
    wave = sevens.make_closed_wave(kite)
    sevens.make_responses(wave, 4, "council", 4)
    sevens.make_responses(wave, 3, "health", 2)
    overview = results_overview(wave)
    figures = headline_figures(kite["partnership"])
    for row in overview.elements:
        assert figures[f"sevens_{row.id}"] == pytest.approx(row.score)


def test_sevens_scores_below_the_threshold_are_withheld(kite):
    wave = sevens.make_closed_wave(kite)
    sevens.make_responses(wave, 3, "council", 4)
    scores = published_element_scores(kite["partnership"])
    assert scores["withheld"] is True
    assert set(scores["elements"].values()) == {None}
    figures = headline_figures(kite["partnership"])
    assert all(figures[m.key] is None for m in MEASURES if m.key.startswith("sevens_"))


def test_without_any_data_every_figure_is_missing(kite):
    assert set(headline_figures(kite["partnership"]).values()) == {None}


def test_chain_strength_is_the_mean_and_on_track_the_share_of_green(kite, monkeypatch):
    from partnerscope.apps.learning import figures

    monkeypatch.setattr(
        figures.chains, "chain_strengths", lambda p: {"a": 0.5, "b": 0.25, "c": None}
    )
    monkeypatch.setattr(
        figures.performance,
        "indicator_statuses",
        lambda p: {"NI 15": "green", "NI 16": "red", "NI 40": "amber", "NI 112": "green"},
    )
    found = headline_figures(kite["partnership"])
    assert found["chain_strength"] == pytest.approx(0.375)
    assert found["indicators_on_track"] == pytest.approx(0.5)
