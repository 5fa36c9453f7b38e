"""Sample records of the kite partnership for every replies URL that takes parameters."""

from __future__ import annotations

from tests.apps.replies.builders import police_finding, police_flag, police_reply


def finding(kite):
    return {"finding_pk": police_finding(kite).pk}


def reply(kite):
    return {"pk": police_reply(kite).pk}


def flag(kite):
    return {"key": police_flag(kite).key}


SAMPLES = {
    "replies:invite_finding": finding,
    "replies:invite_flag": flag,
    "replies:reply_to_flag": flag,
    "replies:reply_to_finding": finding,
    "replies:reply": reply,
    "replies:change": reply,
    "replies:respond": reply,
}
