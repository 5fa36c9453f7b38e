"""Sample records for the resources pages whose URLs take more than the partnership's slug."""

from __future__ import annotations

from tests.apps.resources.factories import make_line


def line(kite):
    return {"pk": make_line(kite).pk}


SAMPLES = {
    "resources:line_edit": line,
}
