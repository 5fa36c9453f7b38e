"""A partner's reply appears beside the finding it answers in the report's appendix, in the
HTML and in the PDF, with its position and its words."""

from __future__ import annotations

import io

import pypdf
import pytest

from partnerscope.apps.reports import assembly
from partnerscope.apps.reports.pdf import render_pdf
from tests.apps.replies.builders import police_reply

pytestmark = pytest.mark.django_db

WORDS = "We meet the other partners monthly through the community safety partnership."


def appendix_entry(html: str) -> str:
    """The appendix's entry of the finding about Kite Police, up to the next entry."""
    appendix = html[html.index('id="report-section-appendix"') :]
    start = appendix.index("Kite Police")
    end = appendix.find('<li class="ps-report-finding"', start)
    return appendix[start : end if end > 0 else len(appendix)]


def test_the_reply_is_beside_its_finding_in_the_html_and_the_pdf(kite):
    police_reply(kite, text=WORDS)
    report = assembly.build(kite["partnership"], keys=["appendix"])
    entry = appendix_entry(assembly.body_html(report))
    assert "Kite Police" in entry and "Disagree" in entry and WORDS in entry
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(assembly.document_html(report))))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    beside = text[text.index("Kite Police (organisation") :].casefold()
    assert "kite police disagree" in beside, "the tag is drawn in capitals"
    assert "community safety partnership" in beside


def test_a_reply_shown_twice_in_the_report_has_one_anchor(kite):
    police_reply(kite, text=WORDS)
    html = assembly.body_html(assembly.build(kite["partnership"], keys=["replies", "appendix"]))
    assert html.count(WORDS) == 2
    assert html.count('id="reply-') == 1
