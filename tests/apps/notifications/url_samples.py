"""Sample waves for the reminder log pages, which take a wave's id."""

from __future__ import annotations

from tests.apps.network.factories import make_wave as make_network_wave
from tests.apps.sevens.factories import make_wave


def sevens_wave(kite):
    return {"pk": make_wave(kite).pk}


def network_wave(kite):
    return {"pk": make_network_wave(kite).pk}


SAMPLES = {
    "notifications:sevens_log": sevens_wave,
    "notifications:network_log": network_wave,
}
