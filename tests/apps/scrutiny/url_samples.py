"""Sample records of the kite partnership for the scrutiny pages that take parameters."""

from __future__ import annotations

from tests.apps.scrutiny.builders import key, recommendation, review


def a_review(kite):
    return {"key": "osc--" + review(kite).ref}


def a_recommendation(kite):
    return {"key": key(recommendation(kite, "sample"))}


SAMPLES = {
    "scrutiny:review": a_review,
    "scrutiny:recommend": a_review,
    "scrutiny:recommendation": a_recommendation,
    "scrutiny:respond": a_recommendation,
    "scrutiny:progress": a_recommendation,
}
