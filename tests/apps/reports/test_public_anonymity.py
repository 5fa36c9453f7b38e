"""The adversary against the public version: every figure of its 7S and relationships sections.

The 7S adversary knows everyone's sector and layers and sees every figure the public version
shows; it subtracts, adds and combines them as ``tests.core.sevens.test_overlapping_groups``
does. The public 7S section must show exactly the groups of the core's published result (so
the adversary's proof on that result covers the page) and no group it withholds. The public
relationships section must show only measures of the whole network, none before the
threshold of organisations answered, and no organisation's name.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerscope.apps.network.templatetags.network_tags import measure, percent
from partnerscope.apps.reports import assembly
from partnerscope.apps.sevens.models import Response
from partnerscope.apps.sevens.results import GROUP_LABELS
from partnerscope.apps.sevens.services import respondents_of, results_dict
from partnerscope.core.sevens import ELEMENT_IDS, WAVE
from tests.apps.network import factories as network
from tests.apps.reports.builders import FIRE_FIGURES, network_wave, sevens_wave
from tests.apps.sevens.factories import answers, make_closed_wave, make_responses
from tests.apps.sevens.test_anonymity import text_of
from tests.core.sevens.test_overlapping_groups import check_adversary

pytestmark = pytest.mark.django_db


class Breakdowns(HTMLParser):
    """The group headings and cells of every breakdown table of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, list[str]]] = {}
        self.table: str | None = None
        self.in_head = False
        self.cell: list[str] | None = None
        self.row: list[str] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table" and attributes.get("data-breakdown"):
            self.table = attributes["data-breakdown"]
            self.tables[self.table] = {}
            self.headings = []
        elif self.table and tag == "thead":
            self.in_head = True
        elif self.table and tag in ("th", "td"):
            self.cell = []
        elif self.table and tag == "tr":
            self.row = []

    def handle_endtag(self, tag):
        if tag == "table" and self.table:
            self.table = None
        elif tag == "thead":
            self.in_head = False
        elif self.table and tag in ("th", "td") and self.cell is not None:
            text = "".join(self.cell).strip()
            (self.headings if self.in_head else self.row).append(text)
            self.cell = None
        elif self.table and tag == "tr" and not self.in_head and self.row:
            for heading, value in zip(self.headings[1:], self.row[1:], strict=True):
                self.tables[self.table].setdefault(heading, []).append(value)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def public_section(kite, key: str) -> str:
    report = assembly.build(kite["partnership"], keys=[key], public=True)
    return report.sections[0].html


def expected_groups(result: dict) -> dict[str, set[str]]:
    """The groups the core's published result holds, as the page heads them."""
    return {
        dimension: {
            f"{GROUP_LABELS[dimension].get(name, name)} ({group['respondents']})"
            for name, group in shown.items()
            if name != "gap"
        }
        for dimension, shown in result["groups"].items()
    }


def check_public_sevens(kite, wave) -> None:
    """The public 7S section shows exactly the published result's groups, its figures, and
    nothing the adversary could combine into a group below the threshold."""
    threshold = kite["partnership"].anonymity_threshold
    result = results_dict(wave)
    html = public_section(kite, "sevens")
    parser = Breakdowns()
    parser.feed(html)
    if WAVE in result["withheld"]:
        assert parser.tables == {} and "Element scores" not in html
        return
    expected = expected_groups(result)
    for dimension, groups in expected.items():
        assert set(parser.tables.get(dimension, {})) == groups, dimension
    for dimension, shown in parser.tables.items():
        for heading, cells in shown.items():
            name = next(
                n
                for n, g in result["groups"][dimension].items()
                if n != "gap"
                and heading == f"{GROUP_LABELS[dimension].get(n, n)} ({g['respondents']})"
            )
            group = result["groups"][dimension][name]
            scores = [group["elements"][e]["score"] for e in ELEMENT_IDS]
            shown_scores = cells[: len(ELEMENT_IDS)]
            assert shown_scores == ["–" if s is None else f"{s:.0f}" for s in scores]
    for name in result["withheld"]:
        if ":" in name:
            dimension, group = name.split(":")[:2]
            label = GROUP_LABELS.get(dimension, {}).get(group, group)
            assert not any(
                heading.startswith(f"{label} (") for heading in parser.tables.get(dimension, {})
            )
    check_adversary(respondents_of(wave), result, threshold)


def test_the_small_fire_group_is_nowhere_in_the_public_version(kite):
    wave = sevens_wave(kite)
    html = public_section(kite, "sevens")
    words = text_of(html).split()
    for figure in FIRE_FIGURES:
        assert figure not in words
    assert "Fire and rescue (2)" not in text_of(html)
    assert "Fire and rescue (sector): fewer than 5 people answered." in text_of(html)
    check_public_sevens(kite, wave)


def test_the_lone_executive_officer_cannot_be_subtracted_out(kite):
    wave = make_closed_wave(kite)
    for sector in ("health", "police"):
        make_responses(wave, 25, sector, 4, ["strategic", "executive"])
    Response.objects.create(wave=wave, sector="council", layers=["executive"], answers=answers(1))
    text = text_of(public_section(kite, "sevens"))
    assert not ("Strategic (50)" in text and "Executive (51)" in text)
    check_public_sevens(kite, wave)


def test_a_wave_below_the_threshold_shows_no_figure(kite):
    wave = make_closed_wave(kite)
    make_responses(wave, 4, "council", 2)
    html = public_section(kite, "sevens")
    assert "Fewer than 5 people answered this wave" in text_of(html)
    assert "Element scores" not in html and "<svg" not in html


SECTORS = ("council", "police", "health", "voluntary_community", "fire")
LAYERS = ("strategic", "executive", "operational")


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    people=st.lists(
        st.tuples(
            st.sampled_from(SECTORS),
            st.sets(st.sampled_from(LAYERS), min_size=1),
            st.integers(min_value=1, max_value=5),
        ),
        min_size=0,
        max_size=16,
    )
)
def test_every_public_7s_figure_survives_the_adversary(kite, people):
    wave = make_closed_wave(kite)
    try:
        for sector, layers, value in people:
            Response.objects.create(
                wave=wave, sector=sector, layers=sorted(layers), answers=answers(value)
            )
        check_public_sevens(kite, wave)
    finally:
        wave.delete()


# ---- The relationships section ----------------------------------------------------------


def numbers_in(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?%?", text))


def test_too_few_answering_organisations_show_no_network_figure(kite):
    wave = network.make_closed_wave(kite)
    made = [network.add_organisation(kite, f"Kite Club {n}") for n in range(3)]
    for organisation in made:
        network.tie(wave, organisation, kite["council"], 3, trust_reliable=4)
    text = text_of(public_section(kite, "network"))
    assert "fewer than 5 organisations answered" in text
    assert numbers_in(text) <= {"5", *numbers_in(wave.title)}
    assert "Kite Club" not in text and "Kite Council" not in text


def test_every_public_network_figure_is_a_whole_network_measure(kite):
    wave = network_wave(kite)
    report = assembly.build(kite["partnership"], keys=["network"], public=True)
    html = report.sections[0].html
    text = text_of(html)
    assert "<svg" not in html, "the map shows each answer: not in the public version"
    for name in ("Kite Charity", "Kite Council", "Kite Police"):
        assert name not in text
    from partnerscope.apps.network.analysis import Options, analyse, wave_network

    summary = analyse(wave_network(wave), Options()).network.to_dict()
    assert summary["responded"] >= 5
    assert summary["trust"]["ratings"] < 5
    assert "Not shown: fewer than 5 ratings" in text
    allowed = {
        str(summary[key])
        for key in ("nodes", "responded", "ties", "components", "largest_component", "isolates")
    }
    allowed |= {percent(summary[key]) for key in ("response_rate", "density", "reciprocity")}
    allowed |= {
        measure(summary[key])
        for key in ("in_centralization", "out_centralization", "betweenness_centralization")
    }
    sector = summary["ei_index"]["sector"]
    allowed |= {measure(sector["index"]), str(sector["external"]), str(sector["internal"])}
    allowed |= {"5", "4", str(Options().min_level), *numbers_in(wave.title)}
    allowed |= numbers_in(f"{wave.closes:%d %B %Y} {wave.closes.day}")
    assert numbers_in(text) <= {a.lstrip("-−") for a in allowed} | allowed


def test_trust_is_shown_once_it_rests_on_enough_ratings(kite):
    network_wave(kite, organisations=6, rated=6)
    text = text_of(public_section(kite, "network"))
    assert "of 4 from 6 ratings" in text
    assert "Not shown: fewer than 5 ratings" in text, "value is still unrated"
