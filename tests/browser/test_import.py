"""A superuser uploads a damaged data package and reads what is wrong with it."""

from __future__ import annotations

import io
import zipfile

import pytest
from playwright.sync_api import expect

from partnerscope.apps.partnerships.datapackage_services import export_tables
from partnerscope.datapackage.package import write_package
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_package_that_is_not_utf8_is_refused_with_file_and_row(
    page, live_server, kite, make_user, tmp_path
):
    tables = {n: [dict(r) for r in rows] for n, rows in export_tables(kite["partnership"]).items()}
    tables["partnership"][0]["slug"] = "kite-copy"
    folder = write_package(tmp_path / "pkg", "copy", tables)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.iterdir()):
            content = path.read_bytes()
            if path.name == "people.csv":
                content = content.replace(b"Bola", b"B\xf6la")
            archive.writestr(path.name, content)
    superuser = make_user(is_superuser=True)
    sign_in(page, live_server.url, superuser.username)
    page.goto(f"{live_server.url}/p/")
    page.get_by_role("button", name="Import a partnership").click()
    expect(page.get_by_role("heading", name="Import a partnership")).to_be_visible()
    page.get_by_label("Data package").set_input_files(
        {"name": "kite-copy.zip", "mimeType": "application/zip", "buffer": buffer.getvalue()}
    )
    page.get_by_role("button", name="Import").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The data package was not imported")
    expect(summary).to_contain_text("people.csv:3:: not UTF-8 text")
    assert_accessible(page)
