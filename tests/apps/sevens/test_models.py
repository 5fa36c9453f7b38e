"""Stored answers carry no link to who gave them, and tokens are stored only as hashes."""

from __future__ import annotations

from django.db import models

from partnerscope.apps.sevens.models import Draft, Evidence, Invitation, Response


def related_models(model: type[models.Model]) -> set[str]:
    return {
        field.related_model._meta.label
        for field in model._meta.get_fields()
        if field.is_relation and field.related_model is not None
    }


def test_a_response_links_to_its_wave_only():
    assert related_models(Response) == {"sevens.Wave"}
    names = {field.name for field in Response._meta.get_fields()}
    assert names == {"id", "wave", "sector", "layers", "answers"}


def test_a_response_keeps_no_time_and_no_history():
    assert not any(
        isinstance(field, models.DateField | models.DateTimeField)
        for field in Response._meta.get_fields()
    )
    assert not hasattr(Response, "history")
    assert not hasattr(Evidence, "history")


def test_evidence_links_to_its_wave_only():
    assert related_models(Evidence) == {"sevens.Wave"}
    assert {field.name for field in Evidence._meta.get_fields()} == {
        "id",
        "wave",
        "element",
        "text",
    }


def test_invitations_and_drafts_store_a_hash_not_a_token():
    for model in (Invitation, Draft):
        names = {field.name for field in model._meta.get_fields()}
        assert "token_hash" in names
        assert not any("token" in name and name != "token_hash" for name in names)
    assert Invitation._meta.get_field("token_hash").max_length == 64
    assert "sevens.Response" not in related_models(Invitation)
    assert related_models(Draft) == {"sevens.Wave"}
