"""The versioned record: its history registered once, its ref made and kept unique."""

from __future__ import annotations

import pytest
from django.apps import apps

from partnerscope.apps.common.records import REF_HELP, VersionedRecord, unique_ref
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.apps.sevens.models import Wave as SevensWave


def test_every_versioned_record_keeps_its_history():
    records = [model for model in apps.get_models() if issubclass(model, VersionedRecord)]
    assert len(records) >= 10
    for model in records:
        assert model._meta.simple_history_manager_attribute == "history"
        assert model.history.model.__name__ == f"Historical{model.__name__}"


def test_every_ref_of_the_site_is_declared_alike():
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            continue
        fields = {field.name: field for field in model._meta.fields}
        if "ref" in fields:
            assert fields["ref"].help_text == REF_HELP, model


@pytest.mark.django_db
def test_a_change_to_a_versioned_record_is_a_new_version(kite):
    body = kite["board"]
    body.name = "Kite Partnership Board"
    body.save()
    assert body.history.count() == 2
    assert body.history.earliest().name != body.name


@pytest.mark.django_db
def test_a_ref_taken_gets_a_numeric_suffix(kite):
    assert unique_ref(Organisation.objects.all(), "Kite Council") == "kite-council-2"
    assert unique_ref(Organisation.objects.all(), "Kite Fire") == "kite-fire"
    assert unique_ref(Organisation.objects.all(), "") == "item"


def test_the_7s_wave_versions_its_bodies_through_the_base():
    assert issubclass(SevensWave, VersionedRecord)
    assert [field.name for field in SevensWave.history.model._history_m2m_fields] == ["bodies"]
