"""Pages of the 7S self-assessment: waves, invitations, answering and results.

The survey pages are written once; the survey engine (``survey.PAGES``) serves each two
ways: through a single-use link that needs no sign-in (``public_urls``), and to a
signed-in member through their invitation.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.surveys import pages as surveys
from partnerscope.apps.common.surveys.managing import WaveManagement
from partnerscope.apps.common.surveys.pages import Routes
from partnerscope.apps.sevens import answering, results, services
from partnerscope.apps.sevens import invitations as inviting
from partnerscope.apps.sevens.forms import (
    AboutYouForm,
    ElementForm,
    LocalStatementForm,
    WaveForm,
    element_initial,
)
from partnerscope.apps.sevens.models import Invitation

# ---- Waves ---------------------------------------------------------------------------


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    index = services.wave_index(access)
    return render(
        request,
        "sevens/index.html",
        {"index": index, "waiting": index.invitations, "page_title": "7S self-assessment"},
    )


MANAGEMENT = WaveManagement(
    area="sevens",
    form_class=WaveForm,
    get_wave=services.get_wave,
    save_wave=services.save_wave,
    default_previous=services.default_previous,
    invitation_page=inviting.invitation_page,
    send_invitations=inviting.send_invitations,
    get_invitee=inviting.get_invitation,
    renew_invitation=inviting.renew_invitation,
    survey_url=inviting.survey_url,
)
wave_create, wave_edit, invitations, invitation_renew = MANAGEMENT.views()


@partnership_view(Action.EDIT)
def wave_detail(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """A wave's management page; an htmx request gets only the live response rates."""
    wave = services.get_wave(access, pk)
    page = services.wave_page(wave)
    context = {
        "wave": wave,
        "page": page,
        "rates": page.rates,
        "page_title": wave.title,
        "back_url": reverse("sevens:index", args=[access.partnership.slug]),
    }
    template = "sevens/wave_detail.html"
    if getattr(request, "htmx", False):
        template += "#rates"
    return render(request, template, context)


# ---- Local statements -----------------------------------------------------------------


@partnership_view(Action.EDIT)
def local_create(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    form = LocalStatementForm(request.POST or None)
    back = reverse("sevens:wave", args=[access.partnership.slug, wave.pk])
    problem = ""
    try:
        services.check_statements_can_change(wave)
    except ValidationError as error:
        problem = " ".join(error.messages)
    if request.method == "POST" and not problem and form.is_valid():
        try:
            statement = services.add_local_statement(wave, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Local statement added as {statement.statement_id}.")
            return HttpResponseRedirect(back)
    return render(
        request,
        "sevens/local_form.html",
        {
            "wave": wave,
            "form": form,
            "problem": problem,
            "page_title": "Add a local statement",
            "back_url": back,
            "cancel_url": back,
            "submit_label": "Add the statement",
        },
        status=400 if (form.errors or (problem and request.method == "POST")) else 200,
    )


@partnership_view(Action.EDIT)
def local_delete(request: HttpRequest, access: Access, pk: int, statement_pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    statement = services.get_local_statement(wave, statement_pk)
    back = reverse("sevens:wave", args=[access.partnership.slug, wave.pk])
    problem = ""
    if request.method == "POST":
        try:
            services.delete_local_statement(statement)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"Local statement {statement.statement_id} deleted.")
            return HttpResponseRedirect(back)
    return render(
        request,
        "sevens/local_delete.html",
        {
            "wave": wave,
            "statement": statement,
            "problem": problem,
            "page_title": f"Delete {statement.statement_id}",
            "back_url": back,
            "cancel_url": back,
        },
        status=400 if problem else 200,
    )


# ---- Results -------------------------------------------------------------------------


@partnership_view(Action.READ)
def wave_results(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    wave = services.get_wave(access, pk)
    return render(
        request,
        "sevens/results.html",
        {
            "overview": results.results_overview(wave),
            "page_title": f"Results: {wave}",
            "back_url": reverse("sevens:index", args=[access.partnership.slug]),
        },
    )


@partnership_view(Action.READ)
def element_results(request: HttpRequest, access: Access, pk: int, element: str) -> HttpResponse:
    wave = services.get_wave(access, pk)
    page = results.element_results(wave, element)
    return render(
        request,
        "sevens/element_results.html",
        {
            "page": page,
            "page_title": f"{page.row.name}: {wave}",
            "back_url": reverse("sevens:results", args=[access.partnership.slug, wave.pk]),
        },
    )


@partnership_view(Action.READ)
def results_json(request: HttpRequest, access: Access, pk: int) -> JsonResponse:
    """The wave's results as JSON, with the keys documented in docs/sevens.md."""
    wave = services.get_wave(access, pk)
    response = JsonResponse(services.published_results(wave), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = (
        f'attachment; filename="{access.partnership.slug}-{wave.ref}-results.json"'
    )
    return response


# ---- Answering (the pages the survey engine serves by link and signed in) -----------------


def survey_about(request: HttpRequest, invitation: Invitation, routes: Routes) -> HttpResponse:
    state = answering.survey_state(invitation)
    form = AboutYouForm(
        request.POST or None, initial={"sector": state.sector, "layers": state.layers}
    )
    if request.method == "POST" and form.is_valid():
        answering.save_about(invitation, form.cleaned_data["sector"], form.cleaned_data["layers"])
        return surveys.after_saving(request, routes, 0, answering.STEPS)
    return render(
        request,
        "sevens/survey_about.html",
        {
            "form": form,
            "wave": invitation.wave,
            "routes": routes,
            "steps": answering.STEPS,
            "page_title": f"About you – {invitation.wave}",
        },
        status=400 if form.errors else 200,
    )


def survey_step(
    request: HttpRequest, invitation: Invitation, routes: Routes, number: int
) -> HttpResponse:
    page = answering.element_page(invitation, number)
    state = answering.survey_state(invitation)
    form = ElementForm(
        request.POST or None,
        initial=element_initial(
            page.statements, state.answers, state.evidence.get(page.element_id, "")
        ),
        statements=page.statements,
        element_name=page.name,
    )
    if request.method == "POST" and form.is_valid():
        answering.save_element(invitation, page, form.answers(), form.cleaned_data["evidence"])
        return surveys.after_saving(request, routes, number, answering.STEPS)
    return render(
        request,
        "sevens/survey_step.html",
        {
            "form": form,
            "page": page,
            "wave": invitation.wave,
            "routes": routes,
            "steps": answering.STEPS,
            "previous_url": routes.previous(number),
            "page_title": f"{page.name} ({number} of {answering.STEPS}) – {invitation.wave}",
        },
        status=400 if form.errors else 200,
    )


def survey_check(request: HttpRequest, invitation: Invitation, routes: Routes) -> HttpResponse:
    """The last page: the answers as they will be stored, then sent without a name."""

    def check_page(problems: list[str], status: int) -> HttpResponse:
        page = answering.check_page(invitation)
        return render(
            request,
            "sevens/survey_check.html",
            {
                "check": page,
                "check_rows": list(zip(page.rows, routes.steps(answering.STEPS), strict=True)),
                "problems": problems,
                "wave": invitation.wave,
                "routes": routes,
                "progress_label": "All 7 elements done: check your answers",
                "progress_done": answering.STEPS + 1,
                "progress_total": answering.STEPS + 1,
                "page_title": f"Check your answers – {invitation.wave}",
                "previous_url": routes.step(answering.STEPS),
            },
            status=status,
        )

    send = partial(answering.submit, invitation)
    sent_message = "Thank you: your answers are in."
    return surveys.send_or_check(request, routes, send, sent_message, check_page)
