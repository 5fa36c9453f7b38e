"""Sample records of the kite partnership for the report's URLs that take parameters."""

from __future__ import annotations

from tests.apps.reports.builders import publication


def a_publication(kite):
    return {"pk": publication(kite).pk}


SAMPLES = {
    "reports:publication": a_publication,
    "reports:publication_pdf": a_publication,
    "reports:withdraw": a_publication,
}
