"""Sample records for the 7S pages whose URLs take more than the partnership's slug."""

from __future__ import annotations

from tests.apps.sevens.factories import make_invitation, make_local, make_wave


def wave(kite):
    return {"pk": make_wave(kite).pk}


def local(kite):
    made = make_wave(kite)
    return {"pk": made.pk, "statement_pk": make_local(made).pk}


def invitation(kite):
    made = make_wave(kite)
    return {"pk": made.pk, "invitation_pk": make_invitation(made, kite["alice"])[0].pk}


SAMPLES = {
    "sevens:wave": wave,
    "sevens:wave_edit": wave,
    "sevens:local_create": wave,
    "sevens:local_delete": local,
    "sevens:invitations": wave,
    "sevens:invitation_renew": invitation,
    "sevens:results": wave,
    "sevens:results_json": wave,
    "sevens:element_results": lambda kite: {**wave(kite), "element": "style"},
    "sevens:answer": wave,
    "sevens:answer_step": lambda kite: {**wave(kite), "number": 1},
    "sevens:answer_check": wave,
}
