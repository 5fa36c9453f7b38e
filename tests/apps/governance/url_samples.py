"""Sample records of the kite partnership for every governance URL that takes parameters."""

from __future__ import annotations


def body(kite):
    return {"ref": kite["board"].ref}


SAMPLES = {
    "governance:body": body,
}


def partner(kite):
    return {"organisation": kite["council"].ref}


SAMPLES["governance:cycle_edit"] = partner
