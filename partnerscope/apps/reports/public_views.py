"""The public version of a partnership's report, read without signing in: the stored snapshot
of the live publication, as a page and as its PDF; 404 when none is published."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from partnerscope.apps.reports.models import Publication


def live(slug: str) -> Publication:
    publication = (
        Publication.objects.live()
        .filter(partnership__slug=slug)
        .select_related("partnership")
        .first()
    )
    if publication is None:
        raise Http404("No public report is published here.")
    return publication


@require_safe
def report(request: HttpRequest, partnership: str) -> HttpResponse:
    return render(request, "reports/public.html", {"publication": live(partnership)})


@require_safe
def report_pdf(request: HttpRequest, partnership: str) -> HttpResponse:
    publication = live(partnership)
    response = HttpResponse(bytes(publication.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{partnership}-public-report.pdf"'
    return response
