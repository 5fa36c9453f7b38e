"""Whatever the areas find from one refresh to the next, the register's open findings are
exactly the last ones found, and each finding's history alternates sensibly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerscope.apps.findings import services
from partnerscope.apps.findings.choices import Change
from partnerscope.apps.findings.models import Refresh, StoredFinding
from tests.apps.findings.builders import isolated, weak_element

pytestmark = pytest.mark.django_db

POSSIBLE = [weak_element(ref) for ref in ("steering", "style", "systems", "staff")] + [
    isolated("kite-police", "Kite Police"),
    isolated("kite-council", "Kite Council"),
]
ALLOWED_AFTER = {
    None: {Change.NEW},
    Change.NEW: {Change.PERSISTING, Change.RESOLVED},
    Change.PERSISTING: {Change.PERSISTING, Change.RESOLVED},
    Change.FOUND_AGAIN: {Change.PERSISTING, Change.RESOLVED},
    Change.RESOLVED: {Change.FOUND_AGAIN},
}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sets(st.integers(0, len(POSSIBLE) - 1)), min_size=1, max_size=5))
def test_the_open_findings_are_the_last_found(kite, sources, rounds):
    StoredFinding.objects.all().delete()
    Refresh.objects.all().delete()
    for chosen in rounds:
        current = [POSSIBLE[index] for index in sorted(chosen)]
        sources["sevens"].found = [f for f in current if f.area == "sevens"]
        sources["network"].found = [f for f in current if f.area == "network"]
        log = services.refresh(kite["partnership"], ran_by="property")
        assert log.new + log.persisting + log.found_again == len(current)
        open_keys = {row.key for row in StoredFinding.objects.open()}
        assert open_keys == {finding.key for finding in current}
    for row in StoredFinding.objects.all():
        previous = None
        for change in row.events.order_by("refresh__ran_at", "refresh_id").values_list(
            "change", flat=True
        ):
            assert change in ALLOWED_AFTER[previous]
            previous = change
