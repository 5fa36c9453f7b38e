"""One-time links for representatives without an account: a manager makes a link for one
organisation named by a finding or flag, and whoever holds it replies once, without signing
in. The reply says it came through a link.

Links are the survey engine's (``common.surveys``): a random token shown once, stored only
as its hash, refused with the engine's words when unknown (404) or used up (410).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from partnerscope.apps.common.links import absolute
from partnerscope.apps.common.surveys.links import LONGEST_TOKEN, hash_token, new_token
from partnerscope.apps.common.surveys.refusals import already_answered
from partnerscope.apps.partnerships.models import Organisation, Person
from partnerscope.apps.replies import replying
from partnerscope.apps.replies.keys import public_key
from partnerscope.apps.replies.models import Reply, ReplyLink

PUBLIC_URL = "replies_public:reply"


def links_available() -> bool:
    """Whether the site serves the pages reached by a link (``/a/replies/``)."""
    try:
        reverse(PUBLIC_URL, args=["x"])
    except NoReverseMatch:
        return False
    return True


def link_url(token: str) -> str:
    return absolute(reverse(PUBLIC_URL, args=[token]))


def invite(
    partnership: Any,
    target: replying.ReplyTarget,
    organisation: Organisation,
    person: Person | None,
    user: Any,
) -> tuple[ReplyLink, str]:
    """A new link for ``organisation`` to reply to ``target``, and its token (shown once)."""
    if organisation not in target.named:
        raise ValueError(f"{organisation.name} is not named by {target.label}")
    token, token_hash = new_token()
    link = ReplyLink.objects.create(
        partnership=partnership,
        target_kind=target.kind,
        target_key=target.stored_key,
        target_label=target.label[:500],
        target_url=target.url,
        organisation=organisation,
        person=person,
        token_hash=token_hash,
        created_at=timezone.now(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return link, token


def link_for_token(token: str) -> ReplyLink | None:
    """The link whose token this is, or None (a token longer than any made is not read)."""
    if len(token) > LONGEST_TOKEN:
        return None
    rows = ReplyLink.objects.select_related("partnership", "organisation", "person")
    return rows.filter(token_hash=hash_token(token)).first()


USED = (
    "This link has been used",
    "Your organisation's reply was given with this link. To change it, ask the partnership "
    "manager for a new link or to record the change.",
)


def target_of(link: ReplyLink) -> replying.ReplyTarget:
    """The link's finding or flag as it was when the link was made."""
    return replying.ReplyTarget(
        link.target_kind,
        public_key(link.target_kind, link.target_key),
        link.target_label,
        link.target_url,
        [link.organisation],
    )


def reply_by_link(link: ReplyLink, position: str, text: str, writer_name: str) -> Reply:
    """Give the link's one reply; refused (410) if the link is used up meanwhile."""
    with transaction.atomic():
        locked = ReplyLink.objects.select_for_update().get(pk=link.pk)
        if locked.reply_id is not None or locked.used_at is not None:
            raise already_answered(*USED)
        reply = replying.give_reply(
            link.partnership,
            target_of(link),
            link.organisation,
            position,
            text,
            writer=link.person,
            writer_name=writer_name,
            user=None,
            on_behalf=False,
            via_link=True,
        )
        locked.reply = reply
        locked.used_at = reply.written_at
        locked.save(update_fields=["reply", "used_at"])
    return reply
