"""Sample records of the kite partnership for the flags pages that take parameters."""

from __future__ import annotations

from tests.apps.flags.builders import flag


def a_flag(kite):
    return {"key": flag(kite["partnership"]).key}


SAMPLES = {
    "flags:flag": a_flag,
    "flags:decide": a_flag,
    "flags:question_edit": lambda kite: {"question": "delivery"},
}
