"""The register's tests read a fake 7S and a fake relationships source."""

from __future__ import annotations

import pytest

from partnerscope.apps.findings import services
from tests.apps.findings.builders import ISOLATED, STRONG_ELEMENT, WEAK_ELEMENT, FakeSource


@pytest.fixture
def sources(monkeypatch: pytest.MonkeyPatch) -> dict[str, FakeSource]:
    """The registered sources, replaced by fakes a test fills: ``sevens`` and ``network``."""
    fakes = {
        "sevens": FakeSource([WEAK_ELEMENT, STRONG_ELEMENT]),
        "network": FakeSource([ISOLATED]),
    }
    monkeypatch.setattr(services, "finding_sources", lambda: fakes)
    return fakes
