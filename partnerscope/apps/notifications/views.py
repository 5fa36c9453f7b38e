"""The reminder log of a wave (managers), and the opt-out page reached from any e-mail."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.notifications import services
from partnerscope.apps.notifications.models import Survey
from partnerscope.apps.notifications.sources import sources


@partnership_view(Action.EDIT)
def reminder_log(request: HttpRequest, access: Access, pk: int, survey: str) -> HttpResponse:
    """A wave's reminders: counts only for an anonymous survey (the 7S), else the
    representatives reminded (the relationship survey)."""
    source = sources()[Survey(survey)]
    wave = source.definition.get_wave(access, pk)
    page = services.reminder_page(source.survey, wave)
    return render(
        request,
        "notifications/reminder_log.html",
        {
            "page": page,
            "wave": wave,
            "survey": source.survey,
            "page_title": f"Reminders: {wave}",
            "back_url": reverse(source.definition.wave_page, args=[access.partnership.slug, pk]),
        },
    )


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
