"""An import never touches another partnership, and only the trusted may create one by import.

Organisations are shared across partnerships by their ``ref``. A data package that reuses
another partnership's organisation ref must not attach that organisation (the importer would
see its name and sector, and its own manager could no longer edit it) unless the importer
manages every partnership that already uses it.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from partnerscope.apps.accounts.models import Role
from partnerscope.apps.partnerships.datapackage_services import (
    export_tables,
    import_tables,
)
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.apps.partnerships.services import shared_with_others
from partnerscope.datapackage.package import write_package
from partnerscope.datapackage.schema import all_resources
from tests.apps.partnerships.factories import RoleFactory, UserFactory


def organisation_columns() -> dict[str, list[str]]:
    """Every table's columns that hold an organisation id, from the package's schema."""
    columns: dict[str, list[str]] = {}
    for resource in all_resources():
        for own, target, _theirs in resource.foreign_keys:
            if target == "organisations":
                columns.setdefault(resource.name, []).extend(own)
    return columns


def kite_copy_zip(tables: dict, slug: str = "kite-copy") -> io.BytesIO:
    """The tables as an uploaded data package, under a new partnership slug."""
    tables = {name: [dict(row) for row in rows] for name, rows in tables.items()}
    tables["partnership"][0]["slug"] = slug
    for row in tables["organisations"]:
        row["name"] = f"Impostor {row['name']}"
        row["sector"] = "business"
    upload = io.BytesIO()
    folder = Path(tempfile.mkdtemp())
    write_package(folder, "copy", tables)
    with zipfile.ZipFile(upload, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    upload.seek(0)
    upload.name = f"{slug}.zip"
    return upload


def kite_state(kite: dict) -> list[tuple]:
    """What the kite partnership's own manager sees of its organisations."""
    return sorted(
        (org.ref, org.name, org.sector, sorted(org.participations.values_list("partnership__slug")))
        for org in (kite["council"], kite["police"])
        for org in [Organisation.objects.get(pk=org.pk)]
    )


@pytest.fixture
def any_account_may_import(settings):
    settings.IMPORT_BY_ANY_ACCOUNT = True


def test_an_import_reusing_another_partnerships_organisation_refs_changes_nothing_of_it(
    client, kite, manager, any_account_may_import
):
    before = kite_state(kite)
    stranger = RoleFactory(kind="manager").user
    client.force_login(stranger)
    upload = kite_copy_zip(export_tables(kite["partnership"]))
    response = client.post(reverse("partnerships:import"), {"package": upload})
    assert response.status_code == 302, response.content.decode()
    copy = Partnership.objects.get(slug="kite-copy")
    assert kite_state(kite) == before
    assert not shared_with_others(kite["council"], manager)
    assert not shared_with_others(kite["police"], manager)
    names = set(copy.organisations.values_list("name", flat=True))
    assert names == {"Impostor Kite Council", "Impostor Kite Police"}
    refs = set(copy.organisations.values_list("ref", flat=True))
    assert refs.isdisjoint({"kite-council", "kite-police"})
    assert {p.organisation.ref for p in copy.people.select_related("organisation")} <= refs
    page = client.get(reverse("partnerships:overview", args=["kite-copy"])).content.decode()
    assert "Kite Council" not in page.replace("Impostor Kite Council", "")


def test_the_importer_who_manages_every_partnership_using_an_organisation_shares_it(
    client, kite, manager, any_account_may_import
):
    client.force_login(manager)
    upload = kite_copy_zip(export_tables(kite["partnership"]))
    response = client.post(reverse("partnerships:import"), {"package": upload})
    assert response.status_code == 302
    copy = Partnership.objects.get(slug="kite-copy")
    assert set(copy.organisations.values_list("ref", flat=True)) == {"kite-council", "kite-police"}
    assert Organisation.objects.get(ref="kite-council").name == "Kite Council"


def test_an_organisation_used_by_a_partnership_the_importer_only_views_is_not_shared(
    client, kite, manager, any_account_may_import
):
    viewer_elsewhere = RoleFactory(partnership=kite["partnership"], kind="viewer").user
    client.force_login(viewer_elsewhere)
    response = client.post(
        reverse("partnerships:import"),
        {"package": kite_copy_zip(export_tables(kite["partnership"]))},
    )
    assert response.status_code == 302
    copy = Partnership.objects.get(slug="kite-copy")
    assert "kite-council" not in set(copy.organisations.values_list("ref", flat=True))
    assert not shared_with_others(kite["council"], manager)


@pytest.mark.django_db
def test_new_refs_are_carried_into_every_table_that_names_an_organisation(any_account_may_import):
    county = next(demo_packages(1))
    assert import_tables(county).ok
    original = export_tables(Partnership.objects.get(slug="northshire"))
    copy_tables = {name: [dict(row) for row in rows] for name, rows in original.items()}
    copy_tables["partnership"][0]["slug"] = "northshire-copy"
    importer = UserFactory()
    result = import_tables(copy_tables, importer)
    assert result.ok, result.errors
    copied = export_tables(result.partnership)
    by_name = {row["name"]: row["id"] for row in copied["organisations"]}
    mapping = {row["id"]: by_name[row["name"]] for row in original["organisations"]}
    assert all(old != new for old, new in mapping.items())
    new_refs = set(mapping.values())
    checked = 0
    for table, columns in organisation_columns().items():
        for row in copied.get(table, []):
            for column in columns:
                if row.get(column):
                    assert row[column] in new_refs, (table, column, row[column])
                    checked += 1
        for column in columns:
            before = sorted(str(mapping.get(r.get(column), r.get(column))) for r in original[table])
            after = sorted(str(r.get(column)) for r in copied[table])
            assert before == after, (table, column)
    assert checked > 100
    northshire = Partnership.objects.get(slug="northshire")
    assert export_tables(northshire) == original
    assert Role.objects.get(partnership=result.partnership).user == importer


# Who may create a partnership by import.


def test_a_viewer_may_not_create_a_partnership_by_import(client, kite, role_user):
    viewer = role_user("viewer")
    client.force_login(viewer)
    assert client.get(reverse("partnerships:import")).status_code == 403
    response = client.post(
        reverse("partnerships:import"),
        {"package": kite_copy_zip(export_tables(kite["partnership"]))},
    )
    assert response.status_code == 403
    assert not Partnership.objects.filter(slug="kite-copy").exists()
    assert Organisation.objects.count() == 2


def test_by_default_a_manager_may_not_create_a_partnership_by_import(client, kite, manager):
    client.force_login(manager)
    response = client.post(
        reverse("partnerships:import"),
        {"package": kite_copy_zip(export_tables(kite["partnership"]))},
    )
    assert response.status_code == 403
    assert not Partnership.objects.filter(slug="kite-copy").exists()
    listing = client.get(reverse("partnerships:list")).content.decode()
    assert reverse("partnerships:import") not in listing


def test_a_superuser_may_create_a_partnership_by_import(client, kite):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    listing = client.get(reverse("partnerships:list")).content.decode()
    assert reverse("partnerships:import") in listing
    response = client.post(
        reverse("partnerships:import"),
        {"package": kite_copy_zip(export_tables(kite["partnership"]))},
    )
    assert response.status_code == 302
    assert Partnership.objects.get(slug="kite-copy").roles.get().user == admin


def test_staff_alone_may_not_create_a_partnership_by_import(client, kite):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    response = client.post(
        reverse("partnerships:import"),
        {"package": kite_copy_zip(export_tables(kite["partnership"]))},
    )
    assert response.status_code == 403


def test_the_setting_lets_any_account_create_a_partnership_by_import(
    client, kite, role_user, any_account_may_import
):
    viewer = role_user("viewer")
    client.force_login(viewer)
    assert client.get(reverse("partnerships:import")).status_code == 200
    response = client.post(
        reverse("partnerships:import"),
        {"package": kite_copy_zip(export_tables(kite["partnership"]))},
    )
    assert response.status_code == 302
    assert Partnership.objects.get(slug="kite-copy").roles.get().user == viewer


@pytest.mark.django_db
def test_the_service_refuses_an_account_that_may_not_create(kite):
    tables = {n: [dict(r) for r in rows] for n, rows in export_tables(kite["partnership"]).items()}
    tables["partnership"][0]["slug"] = "kite-copy"
    result = import_tables(tables, UserFactory())
    assert not result.ok
    assert "may not create a partnership by import" in result.errors[0]
    assert not Partnership.objects.filter(slug="kite-copy").exists()
