"""The reminder log of a wave (managers), and the opt-out page reached from any e-mail."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.network import services as network_services
from partnerscope.apps.notifications import services
from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.sevens import services as sevens_services

WAVE_PAGES = {Survey.SEVENS: "sevens:wave", Survey.NETWORK: "network:wave"}


def _log_page(request: HttpRequest, access: Access, survey: Survey, wave: object) -> HttpResponse:
    page = services.reminder_page(survey, wave)
    return render(
        request,
        "notifications/reminder_log.html",
        {
            "page": page,
            "wave": wave,
            "survey": survey,
            "page_title": f"Reminders: {wave}",
            "back_url": reverse(WAVE_PAGES[survey], args=[access.partnership.slug, wave.pk]),  # type: ignore[attr-defined]
        },
    )


@partnership_view(Action.EDIT)
def sevens_log(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """The 7S wave's reminders: counts only, since its answers are anonymous."""
    return _log_page(request, access, Survey.SEVENS, sevens_services.get_wave(access, pk))


@partnership_view(Action.EDIT)
def network_log(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    """The relationship survey wave's reminders, with the representatives reminded."""
    return _log_page(request, access, Survey.NETWORK, network_services.get_wave(access, pk))


@never_cache
def opt_out(request: HttpRequest, token: str) -> HttpResponse:
    """Ask, then record, that the person named by the signed token wants no more reminders.

    Opening the link changes nothing (mail scanners open links); the button does.
    """
    person = services.person_for_token(token)
    if person is None:
        return render(
            request,
            "notifications/opt_out.html",
            {"person": None, "page_title": "This link does not work"},
            status=404,
        )
    done = services.has_opted_out(person)
    if request.method == "POST":
        services.opt_out(person)
        done = True
    return render(
        request,
        "notifications/opt_out.html",
        {
            "person": person,
            "done": done,
            "page_title": "No more reminders" if done else "Stop reminders",
        },
    )
