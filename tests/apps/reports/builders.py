"""The kite partnership with something in every section the reports app's areas offer: a
closed 7S wave with a fire group too small to show, a closed relationship survey, the falls
delivery chain and a register holding two findings."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from partnerscope.apps.reports.models import Publication
from partnerscope.apps.sevens.models import Response
from tests.apps.chains.builders import falls_chain
from tests.apps.findings.builders import isolated, stored, weak_element
from tests.apps.network import factories as network
from tests.apps.sevens.factories import answers, make_closed_wave, make_responses

FIRE_FIGURES = ["12.5", "1.5", "1.50", "12.50"]
"""Every element of the two fire respondents has mean 1.5 and score 12.5, figures no shown
group has: they must appear nowhere in the public version."""


def sevens_wave(kite: dict[str, Any]) -> Any:
    wave = make_closed_wave(kite)
    make_responses(wave, 6, "council", 4)
    make_responses(wave, 6, "health", 5)
    for value in (1, 2):
        Response.objects.create(
            wave=wave, sector="fire", layers=["strategic"], answers=answers(value)
        )
    return wave


def network_wave(kite: dict[str, Any], organisations: int = 6, rated: int = 3) -> Any:
    """A closed survey where every organisation answers about the council and the police;
    the first ``rated`` of them rate their trust in the council."""
    wave = network.make_closed_wave(kite)
    made = [
        network.add_organisation(kite, f"Kite Charity {number}") for number in range(organisations)
    ]
    for number, organisation in enumerate(made):
        trust = {"trust_reliable": 3} if number < rated else {}
        network.tie(wave, organisation, kite["council"], 3, **trust)
        network.tie(wave, organisation, kite["police"], 2)
    network.tie(wave, kite["council"], kite["police"], 4)
    return wave


def full_kite(kite: dict[str, Any]) -> dict[str, Any]:
    kite["sevens_wave"] = sevens_wave(kite)
    kite["network_wave"] = network_wave(kite)
    kite["chain"] = falls_chain(kite)
    stored(kite["partnership"], weak_element(), isolated())
    return kite


def publication(kite: dict[str, Any], **fields: Any) -> Publication:
    """A stored public version, without rendering (for URL samples)."""
    values = {
        "partnership": kite["partnership"],
        "title": "Public report: Kite Partnership",
        "sections": ["sevens"],
        "html": "<p>The public report.</p>",
        "pdf": b"%PDF-1.7 sample",
        "published_at": timezone.now(),
        "published_by": "A manager",
        **fields,
    }
    return Publication.objects.create(**values)
