"""Northshire's demo resources: contributions from each kind of partner over three years,
and a health and care pool whose VAT check speaks."""

from __future__ import annotations

from itertools import islice

import pytest

from partnerscope.apps.common.extensions import demo_builders
from partnerscope.apps.partnerships.datapackage_services import import_tables
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.resources import findings
from partnerscope.apps.resources.demo import demo_tables
from partnerscope.apps.resources.models import Contribution, PooledFund
from partnerscope.core.findings import check_findings

pytestmark = pytest.mark.django_db


def demo(index: int) -> dict:
    tables = next(islice(demo_packages(1), index, None))
    if index:
        tables["partnership"][0]["parent"] = None
    for builder in demo_builders():
        tables.update(builder(tables, index))
    return tables


def test_only_northshire_has_demo_resources():
    assert all(rows == [] for rows in demo_tables(demo(1), 1).values())


def test_northshire_imports_with_every_kind_of_partner_and_the_pool_checks():
    result = import_tables(demo(0))
    assert result.ok, result.errors
    partnership = result.partnership
    sectors = set(
        Contribution.objects.filter(partnership=partnership).values_list(
            "organisation__sector", flat=True
        )
    )
    assert {"council", "health", "police", "fire", "housing", "voluntary_community"} <= sectors
    years = set(Contribution.objects.filter(partnership=partnership).values_list("year", flat=True))
    assert years == {2024, 2025, 2026}
    pool = PooledFund.objects.get(partnership=partnership)
    assert pool.kind == "health_social_care" and pool.host.sector == "health"
    found = check_findings(findings.findings(partnership), findings.rules())
    rules = {finding.rule.id for finding in found}
    assert "pool_vat_recovery_by_host" in rules
    assert "pool_membership_restricted" not in rules and "pool_written_agreement" not in rules
    assert "unfunded_priority" in rules
