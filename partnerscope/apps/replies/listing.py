"""The pages that read replies: every reply of a partnership (filtered, paginated, each
beside its finding or flag), and one reply with every version of it and of its response."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator

from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.replies.choices import Position, TargetKind
from partnerscope.apps.replies.keys import finding_key
from partnerscope.apps.replies.models import Reply

PAGE_SIZE = 50


@dataclass(frozen=True)
class RepliesPage:
    page: Page[Reply]
    query: str


def organisation_choices(partnership: Any) -> list[tuple[str, str]]:
    """The organisations that have replied, for the list's filter."""
    rows = (
        Reply.objects.in_partnership(partnership)
        .order_by("organisation__name")
        .values_list("organisation__ref", "organisation__name")
        .distinct()
    )
    return list(rows)


def target_urls(partnership: Any, replies: list[Reply]) -> dict[str, str]:
    """The page of each reply's finding (by stored key), where the register still has it."""
    keys = {
        finding_key(reply.target_key)
        for reply in replies
        if reply.target_kind == TargetKind.FINDING
    }
    found = findings.findings_by_keys(partnership, keys)
    return {"|".join(key): finding["url"] for key, finding in found.items()}


def replies_page(partnership: Any, filters: dict[str, str], number: str | None) -> RepliesPage:
    """Page ``number`` of the partnership's replies matching ``filters``, newest first."""
    rows = (
        Reply.objects.in_partnership(partnership)
        .matching(
            filters.get("organisation", ""),
            filters.get("position", ""),
            filters.get("responded", ""),
        )
        .select_related("organisation", "response")
    )
    page = Paginator(rows, PAGE_SIZE).get_page(number)
    page.object_list = list(page.object_list)
    urls = target_urls(partnership, page.object_list)
    for reply in page.object_list:
        reply.target_url = urls.get(reply.target_key, "")  # type: ignore[attr-defined]
    query = urlencode({name: value for name, value in filters.items() if value})
    return RepliesPage(page, query)


@dataclass(frozen=True)
class Version:
    """One version of a reply or a response: when, by whom, and what it said."""

    number: int
    date: Any
    by: str
    position: str
    text: str


def versions(reply: Reply) -> list[Version]:
    """Every version of the reply, the first first."""
    rows = reply.history.order_by("history_date", "history_id").select_related("history_user")
    return [
        Version(
            number,
            row.history_date,
            history_name(row),
            Position(row.position).label,
            row.text,
        )
        for number, row in enumerate(rows, start=1)
    ]


def response_versions(reply: Reply) -> list[Version]:
    response = getattr(reply, "response", None)
    if response is None:
        return []
    rows = response.history.order_by("history_date", "history_id").select_related("history_user")
    return [
        Version(number, row.history_date, history_name(row) or row.responded_by_name, "", row.text)
        for number, row in enumerate(rows, start=1)
    ]


def history_name(row: Any) -> str:
    user = row.history_user
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())


def target_url(partnership: Any, reply: Reply) -> str:
    return target_urls(partnership, [reply]).get(reply.target_key, "")
