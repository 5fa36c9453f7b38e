"""Sample records of the kite partnership for the register's URLs that take parameters."""

from __future__ import annotations

from tests.apps.findings.builders import stored


def finding(kite):
    return {"pk": stored(kite["partnership"]).pk}


SAMPLES = {"findings:finding": finding}
