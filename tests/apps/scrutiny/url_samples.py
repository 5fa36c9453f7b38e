"""Sample records of the kite partnership for the scrutiny pages that take parameters."""

from __future__ import annotations

from tests.apps.scrutiny.builders import key, recommendation, review


def a_review(kite):
    return {"key": "osc--" + review(kite).ref}


def a_recommendation(kite):
    return {"key": key(recommendation(kite, "sample"))}


def a_committee(kite):
    return {"ref": review(kite).committee.ref}


SAMPLES = {
    "scrutiny:member_new": a_committee,
    "scrutiny:review_new": a_committee,
    "scrutiny:referral_new": a_committee,
    "scrutiny:review": a_review,
    "scrutiny:recommend": a_review,
    "scrutiny:recommendation": a_recommendation,
    "scrutiny:respond": a_recommendation,
    "scrutiny:progress": a_recommendation,
}
