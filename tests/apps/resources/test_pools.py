"""Pooled funds: the pages, their Table 10 checks and the findings they give the register."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from partnerscope.apps.partnerships.models import Organisation, Participation
from partnerscope.apps.resources import findings
from partnerscope.apps.resources.models import PooledFund
from partnerscope.core.findings import check_findings
from tests.apps.resources.factories import make_outcome

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"resources:{name}", args=["kite", *args])


def fund_post(kite, **fields):
    return {
        "name": "Care pool",
        "kind": "health_social_care",
        "host": kite["police"].pk,
        "members": [kite["council"].pk, kite["police"].pk],
        "legal_basis": "Section 75 agreement",
        "vat_recovery": "full",
        "outcome_refs": ["healthy-lives"],
        "values": "2025:500000;2026:520000",
        **fields,
    }


def test_a_manager_adds_a_pool_and_sees_its_checks(kite, manager_client):
    make_outcome(kite, "healthy-lives")
    response = manager_client.post(url("pool_add"), fund_post(kite))
    assert response.status_code == 302, response.content.decode()
    fund = PooledFund.objects.get()
    assert [v.amount for v in fund.values.all()] == [Decimal("500000"), Decimal("520000")]
    assert fund.outcome_refs == ["healthy-lives"]
    page = manager_client.get(url("pools")).content.decode()
    assert "pool_membership_restricted" in page
    assert "pool_written_agreement" in page
    assert "£520,000" in page


def test_bad_values_are_refused_and_nothing_saved(kite, manager_client):
    response = manager_client.post(
        url("pool_add"), fund_post(kite, values="2025:lots", outcome_refs=[])
    )
    assert response.status_code == 400
    assert "&#x27;lots&#x27; is not an amount" in response.content.decode()
    assert not PooledFund.objects.exists()


def test_changing_a_pool_keeps_its_history(kite, manager_client):
    manager_client.post(url("pool_add"), fund_post(kite, outcome_refs=[]))
    fund = PooledFund.objects.get()
    post = fund_post(
        kite, outcome_refs=[], written_agreement="on", agreement_date="2025-03-31", values="2025:1"
    )
    assert manager_client.post(url("pool_edit", fund.pk), post).status_code == 302
    versions = list(fund.history.order_by("history_date"))
    assert not versions[0].written_agreement and versions[-1].written_agreement
    assert [v.year for v in fund.values.all()] == [2025]


def test_each_finding_cites_its_rule(kite, manager_client):
    icb = Organisation.objects.create(ref="kite-icb", name="Kite ICB", sector="health")
    Participation.objects.create(partnership=kite["partnership"], organisation=icb)
    manager_client.post(url("pool_add"), fund_post(kite, host=icb.pk, outcome_refs=[]))
    found = check_findings(findings.findings(kite["partnership"]), findings.rules())
    assert sorted(f.rule.id for f in found) == [
        "pool_membership_restricted",
        "pool_vat_recovery_by_host",
        "pool_written_agreement",
    ]
    assert all(f.subject.kind == "budget" and f.evidence.url.endswith("/pools/") for f in found)
