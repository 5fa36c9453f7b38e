"""Giving, changing and answering replies: who may reply to what, and the writes.

A user may reply to a finding or a flag for an organisation it names when they are that
organisation's representative (their person record in the partnership belongs to it); a
manager may record a reply for any organisation it names, and the reply says so. Each write
is a new version of the record, dated and attributed, so the reply's page can show them all.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.partnerships.models import Organisation, Person
from partnerscope.apps.replies.choices import TargetKind
from partnerscope.apps.replies.keys import stored_key
from partnerscope.apps.replies.models import ManagerResponse, Reply
from partnerscope.apps.replies.naming import (
    organisations_named_by_finding,
    organisations_named_by_flag,
    represented_by,
)


@dataclass(frozen=True)
class ReplyTarget:
    """A finding or a flag as a reply sees it: its key, what it says, where it is shown and
    the organisations it names."""

    kind: str
    key: Hashable
    label: str
    url: str
    named: list[Organisation] = field(default_factory=list)
    reply_url: str = ""
    invite_url: str = ""

    @property
    def stored_key(self) -> str:
        return stored_key(self.kind, self.key)


def finding_label(finding: dict[str, Any]) -> str:
    subject = finding["subject"]
    return f"{finding['rule']['label']}: {subject['name'] or subject['ref']}"


def finding_target(partnership: Any, finding_id: int) -> ReplyTarget | None:
    """The register's finding ``finding_id`` as a reply's target, or None if there is none."""
    found = findings.finding(partnership, finding_id)
    return None if found is None else target_of_finding(partnership, found)


def finding_target_by_key(partnership: Any, key: Any) -> ReplyTarget | None:
    """The register's finding with ``key`` as a reply's target, or None if there is none."""
    found = findings.findings_by_keys(partnership, [tuple(key)]).get(tuple(key))
    return None if found is None else target_of_finding(partnership, found)


def target_of_finding(partnership: Any, found: dict[str, Any]) -> ReplyTarget:
    subject = found["subject"]
    return ReplyTarget(
        TargetKind.FINDING,
        (found["area"], found["rule"]["id"], subject["kind"], subject["ref"]),
        finding_label(found),
        found["url"],
        organisations_named_by_finding(partnership, found),
        reverse("replies:reply_to_finding", args=[partnership.slug, found["id"]]),
        reverse("replies:invite_finding", args=[partnership.slug, found["id"]]),
    )


def flag_target(partnership: Any, key: str) -> ReplyTarget | None:
    """The flag with ``key`` as a reply's target, or None if the partnership has none."""
    from partnerscope.apps.flags import selectors as flags

    found = flags.flag(partnership, key)
    if found is None:
        return None
    label = f"{found.rule_label}: {found.scope_name or found.scope_ref}"
    return ReplyTarget(
        TargetKind.FLAG,
        key,
        label,
        found.url,
        organisations_named_by_flag(partnership, key),
        reverse("replies:reply_to_flag", args=[partnership.slug, key]),
        reverse("replies:invite_flag", args=[partnership.slug, key]),
    )


@dataclass(frozen=True)
class Standing:
    """For whom a user may reply to one target: the organisations, and whether as a manager
    recording on an organisation's behalf."""

    organisations: list[Organisation]
    on_behalf: bool
    people: dict[int, Person]

    @property
    def may_reply(self) -> bool:
        return bool(self.organisations)


def standing(access: Access, named: list[Organisation]) -> Standing:
    """What ``access``'s user may do about a target naming ``named``: reply for the named
    organisations they represent; a manager who represents none of them records on behalf."""
    people = {
        person.organisation_id: person for person in represented_by(access.user, access.partnership)
    }
    own = [organisation for organisation in named if organisation.pk in people]
    if own:
        return Standing(own, False, people)
    if access.can_edit:
        return Standing(list(named), True, people)
    return Standing([], False, people)


def may_change(access: Access, reply: Reply) -> bool:
    """The reply's organisation's representatives and the managers may change it."""
    if access.can_edit:
        return True
    people = represented_by(access.user, access.partnership)
    return any(person.organisation_id == reply.organisation_id for person in people)


def user_name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username()) if user else ""


def with_history_user(record: Any, user: Any) -> Any:
    """Attribute the version about to be saved to ``user`` (django-simple-history)."""
    if user is not None and getattr(user, "is_authenticated", False):
        record._history_user = user
    return record


def give_reply(
    partnership: Any,
    target: ReplyTarget,
    organisation: Organisation,
    position: str,
    text: str,
    *,
    writer: Person | None,
    writer_name: str,
    user: Any,
    on_behalf: bool,
    via_link: bool = False,
    now: datetime | None = None,
) -> Reply:
    """Store a new reply of ``organisation`` to ``target`` (its first version)."""
    if organisation not in target.named:
        raise ValueError(f"{organisation.name} is not named by {target.label}")
    now = now or timezone.now()
    reply = Reply(
        partnership=partnership,
        ref=unique_ref(
            Reply.objects.in_partnership(partnership), f"{organisation.ref}-{target.kind}"
        ),
        target_kind=target.kind,
        target_key=target.stored_key,
        target_label=target.label[:500],
        organisation=organisation,
        position=position,
        text=text.strip(),
        written_by=writer,
        written_by_name=writer_name or (writer.name if writer else ""),
        recorded_by_manager=on_behalf,
        via_link=via_link,
        written_at=now,
        updated_at=now,
    )
    with_history_user(reply, user).save()
    return reply


def change_reply(
    reply: Reply, position: str, text: str, user: Any, now: datetime | None = None
) -> Reply:
    """Save a new version of ``reply``; the earlier ones stay in its history."""
    reply.position = position
    reply.text = text.strip()
    reply.updated_at = now or timezone.now()
    with_history_user(reply, user).save()
    return reply


def respond(
    reply: Reply, text: str, user: Any, now: datetime | None = None, name: str = ""
) -> ManagerResponse:
    """Record (or change, as a new version) what changed because of ``reply``; ``name``
    names the manager when no signed-in user records it (the demo, an import)."""
    now = now or timezone.now()
    with transaction.atomic():
        response = ManagerResponse.objects.select_for_update().filter(reply=reply).first()
        if response is None:
            response = ManagerResponse(reply=reply, responded_at=now)
        response.text = text.strip()
        response.responded_by = user if getattr(user, "is_authenticated", False) else None
        response.responded_by_name = user_name(user) or name or response.responded_by_name
        response.updated_at = now
        with_history_user(response, user).save()
    return response
