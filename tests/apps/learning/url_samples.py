"""Sample records of the kite partnership for the learning area's URLs with parameters."""

from __future__ import annotations

from tests.apps.learning.builders import entry


def own_entry(kite):
    return {"pk": entry(kite["partnership"]).pk}


SAMPLES = {
    "learning:entry": own_entry,
    "learning:entry_change": own_entry,
}
