"""`partnerscope report`, run in this process on the test database: both formats, chosen
sections, the public version, and clear errors that write nothing."""

from __future__ import annotations

import io

import pypdf
import pytest
from typer.testing import CliRunner

from partnerscope.cli import app
from partnerscope.cli import report as report_command
from partnerscope.cli.output import console, error_console
from tests.apps.reports.builders import full_kite

pytestmark = pytest.mark.django_db

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


def run(*args: str):
    return runner.invoke(app, ["report", *args])


def test_html_of_chosen_sections_with_progress(kite, tmp_path):
    full_kite(kite)
    out = tmp_path / "kite.html"
    result = run("kite", "--format", "html", "--output", str(out), "--sections", "network,sevens")
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert 'id="report-section-sevens"' in html and 'id="report-section-network"' in html
    assert 'id="report-section-chains"' not in html and 'id="report-section-appendix"' not in html
    assert "The 7S self-assessment" in result.output, "progress names each section"
    assert f"Wrote {out}" in result.output


def test_pdf_of_the_whole_report(kite, tmp_path):
    full_kite(kite)
    out = tmp_path / "kite.pdf"
    result = run("kite", "--format", "pdf", "--output", str(out))
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Delivery chains" in text and "weak_element" in text


def test_the_public_version_leaves_out_the_appendix(kite, tmp_path):
    out = tmp_path / "public.html"
    result = run("kite", "--format", "html", "--output", str(out), "--public")
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert 'id="report-section-appendix"' not in html and "The public version" in html


def test_an_unknown_slug_names_the_known_ones(kite, tmp_path):
    out = tmp_path / "x.pdf"
    result = run("nowhere", "--output", str(out))
    assert result.exit_code == 2
    assert "no partnership 'nowhere' (known: kite)" in result.output
    assert not out.exists()


def test_unknown_sections_are_named_with_the_valid_ones(kite, tmp_path):
    out = tmp_path / "x.html"
    result = run("kite", "--format", "html", "--output", str(out), "--sections", "sevens,tarot")
    assert result.exit_code == 2
    assert "unknown section: tarot (valid: " in result.output
    assert "sevens, network, chains, performance" in result.output
    assert not out.exists()


def test_the_appendix_is_not_a_public_section(kite, tmp_path):
    result = run("kite", "--output", str(tmp_path / "x.pdf"), "--public", "--sections", "appendix")
    assert result.exit_code == 2
    assert "unknown section: appendix" in result.output


def test_an_unknown_format_is_refused(kite, tmp_path):
    result = run("kite", "--format", "docx", "--output", str(tmp_path / "x.docx"))
    assert result.exit_code == 2
    assert "docx" in result.output


def test_an_unwritable_output_is_refused_before_any_work(kite, tmp_path, monkeypatch):
    """The folder is read-only (as root may write anywhere, the check is told so)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setattr(report_command.os, "access", lambda path, mode: False)
    result = run("kite", "--output", str(locked / "x.pdf"))
    assert result.exit_code == 2
    assert f"cannot write {locked / 'x.pdf'}: permission denied" in result.output
    assert not (locked / "x.pdf").exists()


def test_a_missing_folder_or_a_folder_as_output_is_refused(kite, tmp_path):
    missing = run("kite", "--output", str(tmp_path / "no" / "x.pdf"))
    assert missing.exit_code == 2
    assert "the folder" in missing.output and "does not exist" in missing.output
    folder = run("kite", "--output", str(tmp_path))
    assert folder.exit_code == 2
    assert "is a folder" in folder.output


def test_an_existing_file_is_kept_when_the_command_fails(kite, tmp_path):
    out = tmp_path / "kept.html"
    out.write_text("earlier report")
    result = run("kite", "--format", "html", "--output", str(out), "--sections", "tarot")
    assert result.exit_code == 2
    assert out.read_text() == "earlier report"
