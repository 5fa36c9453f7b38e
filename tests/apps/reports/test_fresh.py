"""Kept work is never stale: the sections kept between requests and the PDF kept under its
HTML change as soon as a row they are built from changes, an update in place included."""

from __future__ import annotations

import pytest

from partnerscope.apps.chains.models import ChainLink
from partnerscope.apps.network.models import Tie
from partnerscope.apps.reports import assembly
from partnerscope.apps.reports.pdf import render_pdf
from partnerscope.apps.reports.selectors import rows_digest
from tests.apps.reports.builders import full_kite

pytestmark = pytest.mark.django_db


def section(kite, key: str) -> str:
    return assembly.build(kite["partnership"], keys=[key]).sections[0].html


def test_a_changed_answer_changes_the_network_section_at_once(kite):
    full_kite(kite)
    before = section(kite, "network")
    assert section(kite, "network") == before
    Tie.objects.filter(wave=kite["network_wave"]).update(level=4)
    after = section(kite, "network")
    assert after != before


def test_a_renamed_organisation_reaches_the_map_at_once(kite):
    full_kite(kite)
    assert "Kite Council" in section(kite, "network")
    council = kite["council"]
    council.name = "Kiteshire County Council"
    council.save()
    assert "Kiteshire County Council" in section(kite, "network")


def test_a_changed_link_changes_the_chains_section_at_once(kite):
    full_kite(kite)
    before = section(kite, "chains")
    assert "DC-W03" in before
    ChainLink.objects.filter(chain__partnership=kite["partnership"]).update(indicator="NI 39")
    after = section(kite, "chains")
    assert after != before


def test_a_changed_network_answer_reaches_the_chains_cross_check(kite):
    full_kite(kite)
    first = rows_digest(Tie.objects.filter(wave=kite["network_wave"]))
    Tie.objects.filter(wave=kite["network_wave"]).update(trust_open=1)
    assert rows_digest(Tie.objects.filter(wave=kite["network_wave"])) != first


def test_the_pdf_follows_its_html(kite):
    html = '<html lang="en"><head><title>t</title></head><body><p>{}</p></body></html>'
    first = render_pdf(html.format("First text"))
    assert render_pdf(html.format("First text")) == first
    assert render_pdf(html.format("Second text")) != first
