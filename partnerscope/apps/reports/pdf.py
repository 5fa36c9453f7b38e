"""The report as PDF, from the same HTML through WeasyPrint.

The renderer never reaches the network: its URL fetcher serves the project's own static files
from disk (the print stylesheet) and refuses every other address, so a report cannot leak
what it holds or wait on a server. The PDF is tagged for accessibility with WeasyPrint's
``pdf/ua-1`` variant (tags for the structure, the document's language and title).
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://report.partnerscope.invalid/"
"""The base every relative address in the report resolves against; it is never fetched."""

PDF_VARIANT = "pdf/ua-1"
STYLESHEET = "reports/pdf.css"
PDF_CACHE_SECONDS = 24 * 60 * 60


class RefusedFetch(ValueError):
    """The renderer asked for something other than one of the project's static files."""


def static_file(path: str) -> Path | None:
    """The file on disk behind a static path (``reports/pdf.css``), or None."""
    found = finders.find(path)
    if found:
        return Path(found if isinstance(found, str) else found[0])
    root = getattr(settings, "STATIC_ROOT", None)
    if root:
        candidate = (Path(root) / path).resolve()
        if candidate.is_file() and Path(root).resolve() in candidate.parents:
            return candidate
    return None


class StaticFilesFetcher(URLFetcher):
    """Serves ``{BASE_URL}{STATIC_URL}…`` from disk; refuses every other URL."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        base = urlsplit(BASE_URL)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(
            prefix
        ):
            raise RefusedFetch(f"the report renderer fetches nothing from {url}")
        relative = unquote(parts.path[len(prefix) :])
        if ".." in Path(relative).parts:
            raise RefusedFetch(f"the report renderer fetches nothing from {url}")
        found = static_file(relative)
        if found is None:
            raise RefusedFetch(f"no static file {relative}")
        content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": content_type})


def render_pdf(html: str) -> bytes:
    """The standalone report document as tagged PDF bytes.

    Laying out a long report takes seconds, so the PDF is kept under a digest of the HTML it
    is made from (and of the stylesheet): the same HTML always makes the same PDF, and any
    change to the data changes the HTML, so a kept PDF is never stale.
    """
    stylesheet = static_file(STYLESHEET)
    digest = hashlib.sha256(html.encode("utf-8"))
    digest.update(stylesheet.read_bytes() if stylesheet else b"")
    key = f"report-pdf:{PDF_VARIANT}:{digest.hexdigest()}"
    pdf = cache.get(key)
    if pdf is None:
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
        pdf = bytes(document.write_pdf(pdf_variant=PDF_VARIANT))
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf
