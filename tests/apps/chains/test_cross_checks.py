"""The delivery chains read the relationship survey and the indicators' status of the demo."""

from __future__ import annotations

import pytest

from partnerscope.apps.chains import services
from partnerscope.apps.chains.models import Chain
from partnerscope.apps.partnerships.demo_services import build_demo
from partnerscope.apps.partnerships.models import Partnership


@pytest.fixture(scope="module")
def northshire(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_demo(1)
        yield Partnership.objects.get(slug="northshire")
        Partnership.objects.all().delete()


@pytest.mark.django_db
def test_relationship_evidence_comes_from_the_latest_closed_survey_wave(northshire):
    evidence = services.relationship_evidence(northshire)
    assert evidence
    levels = {level for level, _ in evidence.values()}
    assert levels <= {0, 1, 2, 3, 4}
    assert all(trust is None or 1 <= trust <= 4 for _, trust in evidence.values())


@pytest.mark.django_db
def test_indicator_evidence_gives_a_rag_per_indicator_code(northshire):
    evidence = services.indicator_evidence(northshire)
    assert evidence
    assert set(evidence.values()) <= {"red", "amber", "green"}


@pytest.mark.django_db
def test_chain_context_carries_both_kinds_of_evidence(northshire):
    chain = Chain.objects.filter(partnership=northshire).first()
    context = services.chain_context(chain)
    assert context.relationships == services.relationship_evidence(northshire)
    assert context.indicator_status == services.indicator_evidence(northshire)
