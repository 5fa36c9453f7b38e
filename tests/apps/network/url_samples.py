"""Sample records for the Relationships pages whose URLs take more than the partnership's slug."""

from __future__ import annotations

from tests.apps.network.factories import make_representative, make_wave


def wave(kite):
    return {"pk": make_wave(kite).pk}


def representative(kite):
    made = make_wave(kite)
    return {"pk": made.pk, "rep_pk": make_representative(made, kite["alice"])[0].pk}


SAMPLES = {
    "network:wave": wave,
    "network:wave_edit": wave,
    "network:representatives": wave,
    "network:invitations": wave,
    "network:invitation_renew": representative,
    "network:import": wave,
    "network:metrics": wave,
    "network:map": wave,
    "network:map_json": wave,
    "network:matrix": wave,
    "network:organisation": lambda kite: {**wave(kite), "org_pk": kite["police"].pk},
    "network:compare": wave,
    "network:download": lambda kite: {**wave(kite), "kind": "graphml"},
    "network:answer": wave,
    "network:answer_page": lambda kite: {**wave(kite), "number": 1},
    "network:answer_search": wave,
    "network:answer_check": wave,
}
