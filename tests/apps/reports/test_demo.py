"""The demo publishes Northshire's public report, once, after every other area's demo work."""

from __future__ import annotations

import pytest
from django.test import Client

from partnerscope.apps.common.extensions import after_demo, area_configs
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.reports.models import Publication

pytestmark = pytest.mark.django_db


def test_the_reports_hook_runs_last():
    hooks = [config.label for config in area_configs() if getattr(config, "after_demo", None)]
    assert hooks[-1] == "reports"


def test_the_demo_publishes_northshires_public_report_once():
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    published = Publication.objects.get(partnership=northshire)
    assert published.is_live and bytes(published.pdf).startswith(b"%PDF-")
    assert "sevens" in published.sections and "appendix" not in published.sections
    page = Client().get("/a/reports/northshire/")
    assert page.status_code == 200
    assert "Relationships between partners" in page.content.decode()
    after_demo([northshire])
    assert Publication.objects.filter(partnership=northshire).count() == 1
