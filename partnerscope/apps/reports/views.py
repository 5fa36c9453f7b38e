"""Pages of the health-check report: the report on the site and as PDF, the board pack, and
the public version's publishing, history and withdrawal. Each view parses the request,
calls one service and renders."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.reports import assembly, publishing
from partnerscope.apps.reports.forms import BoardPackForm, PublishForm, WithdrawForm
from partnerscope.apps.reports.models import Publication
from partnerscope.apps.reports.pdf import render_pdf


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def person(request: HttpRequest) -> str:
    user: Any = request.user
    return str(user.get_full_name() or user.get_username())


@partnership_view(Action.READ)
def report(request: HttpRequest, access: Access) -> HttpResponse:
    document = assembly.build(access.partnership)
    return render(
        request, "reports/report.html", {"document": document, "page_title": document.title}
    )


@partnership_view(Action.READ)
def report_pdf(request: HttpRequest, access: Access) -> HttpResponse:
    document = assembly.build(access.partnership)
    pdf = render_pdf(assembly.document_html(document))
    return pdf_response(pdf, f"{access.partnership.slug}-health-check.pdf")


@partnership_view(Action.READ)
def board_pack(request: HttpRequest, access: Access) -> HttpResponse:
    """The form (GET without ``make``), then the pack as a page or a PDF from the same GET."""
    sections = assembly.offered()
    form = BoardPackForm(request.GET if "make" in request.GET else None, sections=sections)
    if not form.is_bound or not form.is_valid():
        return render(
            request,
            "reports/board_pack.html",
            {
                "form": form,
                "page_title": "Make a board pack",
                "back_url": reverse("reports:report", args=[access.partnership.slug]),
            },
            status=400 if form.is_bound else 200,
        )
    data = form.cleaned_data
    document = assembly.build(
        access.partnership,
        keys=data["sections"],
        title=data["title"],
        meeting=data["meeting"],
        kind="board pack",
    )
    if data["output"] == "pdf":
        pdf = render_pdf(assembly.document_html(document))
        return pdf_response(pdf, f"{access.partnership.slug}-board-pack-{data['meeting']}.pdf")
    query = request.GET.copy()
    query["output"] = "pdf"
    return render(
        request,
        "reports/board_pack_result.html",
        {
            "document": document,
            "page_title": document.title,
            "pdf_url": f"{request.path}?{urlencode(query, doseq=True)}",
        },
    )


@partnership_view(Action.READ)
def publications(request: HttpRequest, access: Access) -> HttpResponse:
    """The public version now, its history and, for managers, the form that publishes one."""
    form = None
    if access.can_edit:
        form = PublishForm(
            request.POST if request.method == "POST" else None,
            sections=assembly.offered(public=True),
            initial={"title": assembly.default_title(access.partnership, public=True)},
        )
        if request.method == "POST" and form.is_valid():
            publication = publishing.publish(
                access.partnership,
                by=person(request),
                keys=form.cleaned_data["sections"],
                title=form.cleaned_data["title"],
                user=request.user,
            )
            messages.success(request, f"{publication.title} is published for local people.")
            return HttpResponseRedirect(publications_url(access))
    elif request.method == "POST":
        return HttpResponse("Only a manager can publish the public version.", status=403)
    public_url = request.build_absolute_uri(
        reverse("reports_public:report", args=[access.partnership.slug])
    )
    return render(
        request,
        "reports/publications.html",
        {
            "form": form,
            "live": publishing.live_publication(access.partnership),
            "publications": publishing.publications(access.partnership),
            "public_url": public_url,
            "page_title": "The public version",
            "back_url": reverse("reports:report", args=[access.partnership.slug]),
        },
        status=400 if form is not None and form.errors else 200,
    )


def publications_url(access: Access) -> str:
    return reverse("reports:publications", args=[access.partnership.slug])


def get_publication(access: Access, pk: int) -> Publication:
    return get_object_or_404(Publication.objects.in_partnership(access.partnership), pk=pk)


@partnership_view(Action.READ)
def publication(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    published = get_publication(access, pk)
    return render(
        request,
        "reports/publication.html",
        {
            "publication": published,
            "page_title": published.title,
            "back_url": publications_url(access),
        },
    )


@partnership_view(Action.READ)
def publication_pdf(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    published = get_publication(access, pk)
    return pdf_response(bytes(published.pdf), f"{access.partnership.slug}-public-{pk}.pdf")


@partnership_view(Action.EDIT)
def withdraw(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """Ask to confirm (GET), then withdraw (POST): the public address then answers 404."""
    published = get_publication(access, pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        publishing.withdraw(published, by=person(request), user=request.user)
        messages.success(request, f"{published.title} is withdrawn: its public address is gone.")
        return HttpResponseRedirect(publications_url(access))
    return render(
        request,
        "reports/withdraw.html",
        {
            "form": form,
            "publication": published,
            "page_title": f"Withdraw {published.title}",
            "back_url": publications_url(access),
        },
    )
