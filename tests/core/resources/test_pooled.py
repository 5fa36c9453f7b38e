"""The study's Table 10 rules of pooled funds, each tested under its own name."""

from __future__ import annotations

from datetime import date

from partnerscope.core.resources.pooled import (
    Pool,
    check_pool,
    pool_membership_restricted,
    pool_vat_recovery_by_host,
    pool_written_agreement,
)


def care_pool(**fields) -> Pool:
    values = {
        "ref": "care",
        "name": "Better Care Fund",
        "kind": "health_social_care",
        "host": "Northshire County Council",
        "host_sector": "council",
        "members": (("council", "council"), ("icb", "health")),
        "written_agreement": True,
        "agreement_date": date(2025, 3, 31),
        "vat_recovery": "full",
        **fields,
    }
    return Pool(**values)


def test_pool_membership_restricted() -> None:
    assert pool_membership_restricted(care_pool()) is None
    housing = care_pool(
        members=(("council", "council"), ("ha", "housing"), ("vcs", "voluntary_community"))
    )
    found = pool_membership_restricted(housing)
    assert found is not None and dict(found.figures)["not_allowed"] == "ha, vcs"
    children = care_pool(kind="children", members=(("council", "council"), ("police", "police")))
    assert pool_membership_restricted(children) is None
    children_with_business = care_pool(kind="children", members=(("b", "business"),))
    assert pool_membership_restricted(children_with_business) is not None
    other = care_pool(kind="other", members=(("b", "business"),))
    assert pool_membership_restricted(other) is None


def test_pool_vat_recovery_by_host() -> None:
    assert pool_vat_recovery_by_host(care_pool()) is None
    assert pool_vat_recovery_by_host(care_pool(vat_recovery="none")) is None
    nhs_hoping = care_pool(host="ICB", host_sector="health", vat_recovery="partial")
    found = pool_vat_recovery_by_host(nhs_hoping)
    assert found is not None and "little or no VAT" in found.message
    assert pool_vat_recovery_by_host(care_pool(host_sector="health", vat_recovery="")) is not None
    assert pool_vat_recovery_by_host(care_pool(host_sector="health", vat_recovery="none")) is None


def test_pool_written_agreement() -> None:
    assert pool_written_agreement(care_pool()) is None
    missing = pool_written_agreement(care_pool(written_agreement=False, agreement_date=None))
    assert missing is not None and "needs a written agreement" in missing.message
    undated = pool_written_agreement(care_pool(agreement_date=None))
    assert undated is not None and "no date" in undated.message
    other = pool_written_agreement(care_pool(kind="other", written_agreement=False))
    assert other is not None and "should rest on one" in other.message


def test_check_pool_runs_every_rule_in_order() -> None:
    bad = care_pool(members=(("ha", "housing"),), host_sector="health", written_agreement=False)
    assert [found.rule for found in check_pool(bad)] == [
        "pool_membership_restricted",
        "pool_vat_recovery_by_host",
        "pool_written_agreement",
    ]
