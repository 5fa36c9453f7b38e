"""What other apps may read of the replies area: the replies beside a finding or a flag.

Every function returns plain data (:class:`ReplyView`, counts), never a model. A finding is
named by its key tuple ``(area, rule id, subject kind, subject ref)``, a flag by its key
string (``rule:scope_kind:scope_ref``). The include ``replies/includes/_replies.html``
renders a list of :class:`ReplyView` (``replies``; ``public`` leaves out writers' names).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse

from partnerscope.apps.replies.choices import Position, TargetKind
from partnerscope.apps.replies.keys import public_key, stored_key
from partnerscope.apps.replies.models import ManagerResponse, Reply

__all__ = [
    "ReplyView",
    "ResponseView",
    "replies_for",
    "replies_written_by",
    "reply_counts",
    "reply_link",
]


@dataclass(frozen=True)
class ResponseView:
    """The manager's response to a reply: what changed because of it."""

    text: str
    responded_by: str
    responded_at: datetime
    updated_at: datetime
    versions: int


@dataclass(frozen=True)
class ReplyView:
    """One organisation's reply, as its current version says it."""

    ref: str
    url: str
    target_kind: str
    target_key: Hashable
    target_label: str
    organisation_ref: str
    organisation_name: str
    position: str
    position_label: str
    text: str
    written_by: str
    recorded_by_manager: bool
    via_link: bool
    written_at: datetime
    updated_at: datetime
    versions: int
    response: ResponseView | None

    @property
    def edited(self) -> bool:
        return self.versions > 1


def counted(reply: Reply, name: str, history: Any) -> int:
    """A number of versions annotated by :func:`with_version_counts`, else counted now."""
    number = getattr(reply, name, None)
    return int(number) if number is not None else int(history.count())


def with_version_counts(rows: Any) -> Any:
    """The replies with how many versions each reply and its response have, in one query."""

    def versions(model: Any, outer: str) -> Subquery:
        return Subquery(
            model.objects.filter(id=OuterRef(outer))
            .order_by()
            .values("id")
            .annotate(number=Count("history_id"))
            .values("number")
        )

    return rows.annotate(
        version_count=versions(Reply.history.model, "pk"),
        response_version_count=versions(ManagerResponse.history.model, "response__id"),
    )


def view_of(reply: Reply, slug: str) -> ReplyView:
    response = getattr(reply, "response", None)
    return ReplyView(
        ref=reply.ref,
        url=reverse("replies:reply", args=[slug, reply.pk]),
        target_kind=reply.target_kind,
        target_key=public_key(reply.target_kind, reply.target_key),
        target_label=reply.target_label,
        organisation_ref=reply.organisation.ref,
        organisation_name=reply.organisation.name,
        position=reply.position,
        position_label=Position(reply.position).label,
        text=reply.text,
        written_by=reply.written_by_name,
        recorded_by_manager=reply.recorded_by_manager,
        via_link=reply.via_link,
        written_at=reply.written_at,
        updated_at=reply.updated_at,
        versions=counted(reply, "version_count", reply.history),
        response=None
        if response is None
        else ResponseView(
            text=response.text,
            responded_by=response.responded_by_name,
            responded_at=response.responded_at,
            updated_at=response.updated_at,
            versions=counted(reply, "response_version_count", response.history),
        ),
    )


def replies_for(
    partnership: Any, target_kind: str, keys: Iterable[Any]
) -> dict[Hashable, list[ReplyView]]:
    """The replies to each of these findings (``target_kind`` "finding", keys as tuples) or
    flags ("flag", keys as strings), oldest first; a key without replies is left out."""
    stored = {stored_key(target_kind, key): key for key in keys}
    rows = (
        Reply.objects.in_partnership(partnership)
        .about(target_kind, stored)
        .select_related("organisation", "response")
        .order_by("written_at", "pk")
    )
    rows = with_version_counts(rows)
    found: dict[Hashable, list[ReplyView]] = {}
    for row in rows:
        found.setdefault(stored[row.target_key], []).append(view_of(row, partnership.slug))
    return found


def reply_counts(
    partnership: Any, keys: Iterable[Any], target_kind: str = TargetKind.FINDING
) -> dict[Hashable, int]:
    """How many replies each finding (or, with ``target_kind`` "flag", flag) has; keys
    without replies are left out. For the register's marker beside a finding."""
    stored = {stored_key(target_kind, key): key for key in keys}
    rows = (
        Reply.objects.in_partnership(partnership)
        .about(target_kind, stored)
        .order_by()
        .values_list("target_key")
        .annotate(count=Count("pk"))
    )
    return {stored[key]: count for key, count in rows}


def reply_link(request: Any, partnership: Any, target_kind: str, key: Any) -> str:
    """The page where the request's user replies to this finding or flag, or "" when they
    may not: they must represent an organisation it names, or be a manager (who records a
    reply on a partner's behalf). For the flags' page, beside :func:`replies_for`."""
    from partnerscope.apps.replies import replying

    access = getattr(request, "access", None)
    if access is None:
        return ""
    if target_kind == TargetKind.FLAG:
        target = replying.flag_target(partnership, str(key))
    else:
        target = replying.finding_target_by_key(partnership, key)
    if target is None or not replying.standing(access, target.named).may_reply:
        return ""
    return target.reply_url


def replies_written_by(people: Any) -> list[dict[str, Any]]:
    """The replies these person records wrote, for a person's data request (audit)."""
    rows = Reply.objects.filter(written_by__in=people).select_related("organisation")
    return [
        {
            "organisation": reply.organisation.name,
            "about": reply.target_label,
            "position": reply.position,
            "text": reply.text,
            "written_at": reply.written_at.isoformat(),
        }
        for reply in rows.order_by("written_at", "pk")
    ]


def rename_writer(person: Any, new_name: str) -> int:
    """Put ``new_name`` for this person record as the writer of their replies, now and in
    every version (a person's erasure); the replies stay, as their organisations' statements.
    Returns how many replies they wrote."""
    replies = Reply.objects.filter(written_by=person)
    count = replies.update(written_by_name=new_name)
    Reply.history.filter(written_by=person).update(written_by_name=new_name)
    return count
