"""Sample records for the resources pages whose URLs take more than the partnership's slug."""

from __future__ import annotations

from partnerscope.apps.resources.models import PooledFund
from tests.apps.resources.factories import make_line


def line(kite):
    return {"pk": make_line(kite).pk}


def fund(kite):
    made = PooledFund.objects.create(
        partnership=kite["partnership"], ref="care", name="Care pool", host=kite["council"]
    )
    return {"pk": made.pk}


SAMPLES = {
    "resources:pool_edit": fund,
    "resources:line_edit": line,
}
