"""The report's PDF, read back with a PDF library: its contents with page numbers, running
heads, every section's title, the flags when an area offers them, the rule id of every finding
of the register, and the structure tags WeasyPrint's PDF/UA variant writes."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from partnerscope.apps.findings.selectors import findings
from partnerscope.apps.reports import assembly
from partnerscope.apps.reports.pdf import (
    BASE_URL,
    RefusedFetch,
    StaticFilesFetcher,
    render_pdf,
)
from tests.apps.reports.builders import full_kite

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def rendered(kite):
    full_kite(kite)
    document = assembly.build(kite["partnership"])
    return document, *pdf_text(render_pdf(assembly.document_html(document)))


def test_every_section_title_is_in_the_pdf(rendered):
    document, _, pages = rendered
    text = " ".join(pages)
    assert document.sections
    for section in document.sections:
        assert section.title in text, section.title


def test_the_flags_are_in_the_pdf_when_an_area_offers_them(rendered):
    document, _, pages = rendered
    text = " ".join(pages)
    flagged = [s for s in document.sections if s.key in ("summary", "questions")]
    for section in flagged:
        assert section.title in text
    if any(s.key == "summary" for s in document.sections):
        assert re.search(r"[Ff]lag", text), "the summary names its flags"


def test_every_finding_of_the_register_names_its_rule_in_the_pdf(kite, rendered):
    _, _, pages = rendered
    text = " ".join(pages)
    register = findings(kite["partnership"])
    assert {f["rule"]["id"] for f in register} >= {"weak_element", "isolated_partner"}
    for finding in register:
        assert finding["rule"]["id"] in text
        assert finding["rule"]["text"].split(".")[0][:40] in text


def test_the_contents_give_each_sections_page(rendered):
    document, _, pages = rendered
    for section in document.sections:
        match = re.search(re.escape(section.title) + r" \.+ (\d+)", pages[0])
        assert match, f"{section.title} has no page number in the contents"
        page = int(match.group(1))
        assert section.title in pages[page - 1]


def test_pages_carry_running_heads_and_numbers(rendered):
    document, reader, pages = rendered
    total = len(reader.pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text
    later = pages[1]
    assert document.title.split(":")[0] in later, "the running head names the report"


def test_the_pdf_is_tagged_with_its_language_and_title(rendered):
    document, reader, _ = rendered
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).lower().startswith("en")
    assert reader.metadata.title == document.title


def test_the_relationship_map_is_drawn_as_vectors_not_a_picture(kite, rendered):
    _, reader, pages = rendered
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for name in xobjects:
            assert xobjects[name].get_object().get("/Subtype") != "/Image"
    assert any("Kite Charity" in text for text in pages), "the map's labels are text"


def test_the_renderer_fetches_only_the_projects_static_files():
    fetcher = StaticFilesFetcher()
    found = fetcher.fetch(f"{BASE_URL}static/reports/pdf.css")
    assert b"@page" in found.read()
    for url in (
        "https://example.org/tracker.png",
        "http://127.0.0.1/admin/",
        "file:///etc/passwd",
        f"{BASE_URL}p/kite/reports/",
        f"{BASE_URL}static/../../settings.py",
        "data:image/png;base64,AAAA",
    ):
        with pytest.raises(RefusedFetch):
            fetcher.fetch(url)


def test_an_image_from_outside_is_not_fetched(kite, monkeypatch):
    asked = []
    original = StaticFilesFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticFilesFetcher, "fetch", spy)
    html = (
        '<html lang="en"><head><title>t</title></head><body>'
        '<img src="https://example.org/pixel.png" alt="x"><p>Text</p></body></html>'
    )
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF-")
    assert asked == ["https://example.org/pixel.png"]
