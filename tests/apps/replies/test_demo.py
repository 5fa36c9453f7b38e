"""The demo's replies: two Northshire partners, one disagreeing with reasons and answered by
the manager, each beside a real finding of the register that names its organisation."""

from __future__ import annotations

import pytest

from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.partnerships.demo.build import build_demo
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.replies.keys import finding_key
from partnerscope.apps.replies.models import Reply
from partnerscope.apps.replies.naming import organisations_named_by_finding

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_partners_replies_to_findings_that_name_them():
    build_demo(1)
    northshire = Partnership.objects.get(slug="northshire")
    replies = list(Reply.objects.filter(partnership=northshire).select_related("organisation"))
    assert len(replies) == 2
    assert len({reply.organisation_id for reply in replies}) == 2
    (disagreeing,) = [reply for reply in replies if reply.position == "disagree"]
    assert len(disagreeing.text) > 100 and disagreeing.response.text
    for reply in replies:
        key = finding_key(reply.target_key)
        found = findings.findings_by_keys(northshire, [key])[key]
        assert reply.organisation in organisations_named_by_finding(northshire, found)
        assert reply.written_by is not None and reply.written_by.organisation == reply.organisation
    assert not Reply.objects.exclude(partnership=northshire).exists()
