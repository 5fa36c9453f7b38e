"""The report's relationship map stays legible on paper at 150 organisations: no label
overlaps another label or another organisation's mark, and every organisation is named on
the map or in its key (the checks of the site's static map, run on the report's SVG)."""

from __future__ import annotations

import random

import pytest

from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.network.report import context
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.reports import assembly
from tests.apps.network.factories import add_organisation, make_closed_wave, tie
from tests.apps.network.test_map_labels import WORDS, named, overlaps, read_svg

pytestmark = pytest.mark.django_db


def crowded_wave(kite, seed: int):
    """150 organisations with random names and sectors, each answering about up to five."""
    rng = random.Random(seed)
    wave = make_closed_wave(kite)
    made = [kite["council"], kite["police"]]
    for number in range(148):
        words = " ".join(rng.sample(WORDS, rng.randint(1, 4)))
        sector = rng.choice(list(Sector.values))
        made.append(add_organisation(kite, f"{words} {number:03d}", sector))
    for source in made:
        for target in rng.sample(made, rng.randint(0, 5)):
            if target != source:
                tie(wave, source, target, rng.randint(2, 4))
    return wave, made


def report_map(kite, wave):
    day = wave.closes.replace(year=wave.closes.year + 1)
    return context(ReportRequest(kite["partnership"], day))


def test_the_reports_150_organisation_map_has_no_overlapping_labels(kite):
    wave, made = crowded_wave(kite, 150)
    found = report_map(kite, wave)
    drawing = read_svg(found["map_svg"])
    assert len(drawing.marks) >= 150
    assert overlaps(drawing) == 0
    for organisation in made:
        assert named(drawing, organisation.name), organisation.name
    html = assembly.build(kite["partnership"], keys=["network"]).sections[0].html
    assert found["map_svg"] in html


def test_a_crowded_150_organisation_map_keeps_numbers_off_other_marks(kite):
    """Seed 151 crowds the marks so that the layout's spreading needs more than its first
    40 rounds to part them: a number fell back onto its own mark, touching a neighbour's."""
    wave, _ = crowded_wave(kite, 151)
    assert overlaps(read_svg(report_map(kite, wave)["map_svg"])) == 0
