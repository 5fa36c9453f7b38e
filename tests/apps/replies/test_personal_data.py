"""A partner's reply is the organisation's statement, but the name of the person who wrote it
is personal data: it is in their data export and is erased, in every version, with them."""

from __future__ import annotations

import pytest

from partnerscope.apps.audit import personal_data
from partnerscope.apps.replies.models import Reply
from tests.apps.replies.builders import police_reply

pytestmark = pytest.mark.django_db


def test_a_writers_export_lists_their_replies(kite):
    police_reply(kite)
    exported = personal_data.export_data(personal_data.subject_for_person(kite["bola"]))
    (reply,) = exported["replies_written"]
    assert reply["organisation"] == "Kite Police" and reply["position"] == "disagree"


def test_erasing_the_writer_removes_their_name_from_the_reply_and_its_versions(kite):
    reply = police_reply(kite)
    name = kite["bola"].name
    assert reply.written_by_name == name
    personal_data.erase_person(kite["bola"], actor=None)
    reply = Reply.objects.get(pk=reply.pk)
    assert reply.written_by_name != name
    assert not reply.history.filter(written_by_name=name).exists()
    assert reply.text, "the organisation's statement stays"
