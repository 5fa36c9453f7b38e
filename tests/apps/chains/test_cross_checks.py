"""The delivery chains read the relationship survey and the indicators' status of the demo."""

from __future__ import annotations

import pytest

from partnerscope.apps.chains import core_inputs
from partnerscope.apps.chains.models import Chain
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership


@pytest.mark.django_db
def test_chains_read_the_relationship_survey_and_indicator_status():
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")

    relationships = core_inputs.relationship_evidence(northshire)
    assert relationships
    assert {level for level, _ in relationships.values()} <= {0, 1, 2, 3, 4}
    assert all(trust is None or 1 <= trust <= 4 for _, trust in relationships.values())

    statuses = core_inputs.indicator_evidence(northshire)
    assert statuses
    assert set(statuses.values()) <= {"red", "amber", "green"}

    chain = Chain.objects.filter(partnership=northshire).first()
    context = core_inputs.chain_context(chain)
    assert context.relationships == relationships
    assert context.indicator_status == statuses
