"""The comparison page: nothing until five share, peers unnamed unless they agree, a
partnership that does not share sees none of the others, the setting never below five."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.learning import comparison
from partnerscope.apps.learning.figures import MEASURE_KEYS
from tests.apps.learning.builders import agree, sharing_peers

pytestmark = pytest.mark.django_db


def page_of(client, slug="kite"):
    response = client.get(reverse("learning:comparison", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def figures(monkeypatch):
    """Every partnership's density is its pk, so each peer has a figure to show."""
    real = comparison.headline_figures

    def fake(partnership):
        found = real(partnership)
        found["network_density"] = partnership.pk / 100
        return found

    monkeypatch.setattr(comparison, "headline_figures", fake)


def test_four_sharing_partnerships_show_nothing_of_the_others(client, kite, role_user, figures):
    agree(kite["partnership"])
    peers = sharing_peers(3, named=3)
    client.force_login(role_user("viewer"))
    html = page_of(client)
    assert "4 partnerships on this site share their figures" in html
    assert "1 more is needed" in html
    for peer in peers:
        assert peer.name not in html
    assert "Partnership A" not in html
    assert f"{peers[0].pk}%" not in html


def test_five_sharing_partnerships_show_the_comparison(client, kite, role_user, figures):
    agree(kite["partnership"])
    peers = sharing_peers(4, named=1)
    client.force_login(role_user("viewer"))
    html = page_of(client)
    assert "5 partnerships share their figures" in html
    assert peers[0].name in html
    for peer in peers[1:]:
        assert peer.name not in html
    assert html.count("Partnership A") == 1
    assert "Partnership C" in html
    assert "Partnership D" not in html
    assert "(rank " in html and " of 5)" in html
    assert f"{peers[2].pk}%" in html


def test_a_partnership_that_does_not_share_sees_none_of_the_others(
    client, kite, role_user, figures
):
    agree(kite["partnership"], shares=False)
    peers = sharing_peers(6, named=6)
    client.force_login(role_user("viewer"))
    html = page_of(client)
    assert "does not share its headline figures" in html
    for peer in peers:
        assert peer.name not in html
        assert f"{peer.pk}%" not in html
    assert "Partnership A" not in html
    assert "share their figures, this one included" not in html


def test_without_an_agreement_a_partnership_does_not_share(kite, figures):
    sharing_peers(6)
    page = comparison.comparison_page(kite["partnership"])
    assert not page.shares and not page.shown and page.peer_labels == []


def test_the_minimum_is_a_setting_never_below_five(kite, settings, figures):
    agree(kite["partnership"])
    sharing_peers(5)
    settings.LEARNING_MINIMUM_SHARING = 3
    assert comparison.comparison_page(kite["partnership"]).shown
    settings.LEARNING_MINIMUM_SHARING = 2
    sharing_peers(0)
    page = comparison.comparison_page(kite["partnership"])
    assert page.minimum == 5
    settings.LEARNING_MINIMUM_SHARING = 8
    page = comparison.comparison_page(kite["partnership"])
    assert not page.shown
    assert page.more_needed == 2


def test_every_measure_keeps_its_row_and_cost_is_not_recorded(kite, figures):
    agree(kite["partnership"])
    sharing_peers(4)
    page = comparison.comparison_page(kite["partnership"])
    assert [row.measure.key for row in page.rows] == list(MEASURE_KEYS)
    cost = page.rows[-1]
    assert cost.measure.key == "cost_per_year"
    assert cost.own == "not recorded"
    assert cost.peers == ["not recorded"] * 4
