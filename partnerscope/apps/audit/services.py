"""The partnership's audit log as its managers read it: filtered and a page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from partnerscope.apps.audit.models import AuditEvent
from partnerscope.apps.partnerships.models import Partnership, Person

EVENTS_PER_PAGE = 50
PEOPLE_PER_PAGE = 50


@dataclass(frozen=True)
class LogPage:
    page: Page[AuditEvent]
    query: str
    """The filters as a query string, kept in the page links."""


def people_in_log(partnership: Partnership) -> list[str]:
    """Everyone named as an actor in the partnership's log, for the person filter."""
    names = (
        AuditEvent.objects.seen_by_managers_of(partnership)
        .exclude(username="")
        .values_list("username", flat=True)
        .distinct()
        .order_by("username")
    )
    return list(names)


def filtered(partnership: Partnership, filters: dict[str, Any]) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.seen_by_managers_of(partnership)
    person = filters.get("person")
    if person:
        events = events.filter(
            Q(username=person) | Q(subject_type__in=["account", "role"], subject_ref=person)
        )
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    return events.between(filters.get("start"), filters.get("end"))


def log_page(partnership: Partnership, filters: dict[str, Any], number: Any) -> LogPage:
    """One page of the partnership's events, newest first, within ``filters``."""
    events = filtered(partnership, filters).order_by("-when", "-pk")
    page = Paginator(events, EVENTS_PER_PAGE).get_page(number)
    kept = {name: str(value) for name, value in filters.items() if value}
    return LogPage(page, urlencode(kept))


def people_page(partnership: Partnership, number: Any, search: str = "") -> Page[Person]:
    """A page of the partnership's people, those whose name, e-mail or account name
    contains ``search`` when given (a request names a person, not a page number)."""
    people = Person.objects.filter(partnership=partnership).select_related("organisation", "user")
    if search.strip():
        term = search.strip()
        people = people.filter(
            Q(name__icontains=term) | Q(email__icontains=term) | Q(user__username__icontains=term)
        )
    return Paginator(people.order_by("name", "pk"), PEOPLE_PER_PAGE).get_page(number)
