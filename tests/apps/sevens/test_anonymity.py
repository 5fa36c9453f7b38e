"""A withheld group's figures appear nowhere: not on the results pages, nor in any export."""

from __future__ import annotations

import io
import json
import zipfile
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from partnerscope.apps.sevens.models import Response
from partnerscope.apps.sevens.services import respondents_of, results_dict
from partnerscope.core.sevens import ELEMENTS
from tests.apps.sevens.factories import answers, make_closed_wave, make_responses
from tests.core.sevens.test_overlapping_groups import check_adversary

pytestmark = pytest.mark.django_db


class Text(HTMLParser):
    """Every text node of a page, SVG labels, titles and descriptions included."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.fixture
def wave_with_a_small_fire_group(kite):
    """Council and health answer 4 and 5; two fire respondents answer 1 and 2 throughout.

    The fire group's every element has mean 1.5 and score 12.5, figures no shown group has.
    """
    wave = make_closed_wave(kite)
    make_responses(wave, 6, "council", 4)
    make_responses(wave, 6, "health", 5)
    for value in (1, 2):
        Response.objects.create(
            wave=wave, sector="fire", layers=["strategic"], answers=answers(value)
        )
    return wave


FIRE_FIGURES = ["12.5", "1.5", "1.50", "12.50"]


def test_the_core_withholds_the_fire_group(wave_with_a_small_fire_group):
    result = results_dict(wave_with_a_small_fire_group)
    assert result["withheld_rules"]["sector:fire"] == "small_group"
    assert "fire" not in result["groups"]["sector"]
    assert set(result["groups"]["sector"]) == {"council"}


def test_withheld_figures_never_appear_on_the_results_pages(
    wave_with_a_small_fire_group, manager_client
):
    wave = wave_with_a_small_fire_group
    urls = [reverse("sevens:results", args=["kite", wave.pk])] + [
        reverse("sevens:element_results", args=["kite", wave.pk, e.id]) for e in ELEMENTS
    ]
    for url in urls:
        html = manager_client.get(url).content.decode()
        words = text_of(html)
        for figure in FIRE_FIGURES:
            assert figure not in words.split(), (url, figure)
            assert f">{figure}<" not in html
        assert "Fire and rescue (2)" not in words
    overview = text_of(manager_client.get(urls[0]).content.decode())
    assert "Fire and rescue (sector): fewer than 5 people answered." in overview


def test_withheld_figures_never_appear_in_the_results_export(
    wave_with_a_small_fire_group, manager_client
):
    wave = wave_with_a_small_fire_group
    body = manager_client.get(reverse("sevens:results_json", args=["kite", wave.pk])).content
    data = json.loads(body)
    assert "fire" not in data["groups"]["sector"]
    values = json.dumps(data)
    for figure in ("12.5", "1.5,", "1.5}"):
        assert figure not in values


def test_withheld_figures_never_appear_in_the_data_package(
    wave_with_a_small_fire_group, manager_client
):
    response = manager_client.get(reverse("partnerships:export", args=["kite"]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    for name in archive.namelist():
        content = archive.read(name).decode()
        for figure in ("12.5", "1.5"):
            assert figure not in content, name


@pytest.fixture
def wave_with_a_lone_executive_officer(kite):
    """Fifty partners in the strategic and executive layers answer 4; one council officer,
    in the executive layer alone, answers 1. Executive (51) minus strategic (50) would give
    the officer's answers."""
    wave = make_closed_wave(kite)
    for sector in ("health", "police"):
        make_responses(wave, 25, sector, 4, ["strategic", "executive"])
    Response.objects.create(wave=wave, sector="council", layers=["executive"], answers=answers(1))
    return wave


def _assert_no_lone_officer(data):
    layers = data["groups"]["layer"]
    assert not {"strategic", "executive"} <= set(layers), "executive minus strategic is one person"
    assert data["withheld_rules"]["sector:council"] == "small_group"


def test_the_service_withholds_a_layer_differing_by_one(wave_with_a_lone_executive_officer):
    wave = wave_with_a_lone_executive_officer
    data = results_dict(wave)
    _assert_no_lone_officer(data)
    check_adversary(respondents_of(wave), data, 5)


def test_results_json_and_page_give_nothing_to_subtract(
    wave_with_a_lone_executive_officer, manager_client
):
    wave = wave_with_a_lone_executive_officer
    data = manager_client.get(reverse("sevens:results_json", args=["kite", wave.pk])).json()
    _assert_no_lone_officer(data)
    check_adversary(respondents_of(wave), data, 5)
    words = text_of(
        manager_client.get(reverse("sevens:results", args=["kite", wave.pk])).content.decode()
    )
    assert not ("Strategic (50)" in words and "Executive (51)" in words)
    assert "Strategic (governance layer): held back so that fewer than 5 people's" in words


def test_a_group_element_few_of_it_scored_is_withheld_on_the_page(kite, manager_client):
    """Five council officers, one of whom says "don't know" to every Style statement, and six
    health partners: the council's Style figures would rest on four people."""
    wave = make_closed_wave(kite)
    make_responses(wave, 4, "council", 4)
    Response.objects.create(
        wave=wave,
        sector="council",
        layers=["strategic"],
        answers={**answers(4), **answers("dk", ("style",))},
    )
    make_responses(wave, 6, "health", 2, ["operational"])
    data = results_dict(wave)
    assert data["withheld_rules"]["sector:council:style"] == "small_group"
    council = data["groups"]["sector"]["council"]
    assert council["respondents"] == 5
    assert council["elements"]["style"]["n"] is None
    assert council["elements"]["style"]["score"] is None
    assert council["soft"] is None
    assert council["elements"]["scs"]["score"] == 75.0
    assert data["groups"]["council_vs_partners"]["gap"]["style"] is None
    check_adversary(respondents_of(wave), data, 5)
    page = manager_client.get(reverse("sevens:results", args=["kite", wave.pk]))
    assert page.status_code == 200
    words = text_of(page.content.decode())
    assert "Council (sector), Style: fewer than 5 of them scored this element." in words
