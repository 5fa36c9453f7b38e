"""Sample records for the strategy pages whose URLs take more than the partnership's slug."""

from __future__ import annotations

from tests.apps.performance.factories import outcome

SAMPLES = {
    "strategy:outcome": lambda kite: {"ref": outcome(kite["partnership"]).ref},
}
