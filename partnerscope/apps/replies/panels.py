"""The replies beside a finding on its page (the ``finding_panels`` extension): every reply
to it and, for a representative of an organisation it names (or a manager), the link to
reply."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.extensions import Panel
from partnerscope.apps.replies import replying
from partnerscope.apps.replies.choices import TargetKind
from partnerscope.apps.replies.invitations import links_available
from partnerscope.apps.replies.selectors import replies_for

TEMPLATE = "replies/includes/_finding_panel.html"


def finding_panel(request: Any, partnership: Any, key: tuple[str, str, str, str]) -> Panel | None:
    """The replies panel of a finding's page; None when it names no organisation and has
    no reply."""
    target = replying.finding_target_by_key(partnership, key)
    if target is None:
        return None
    replies = replies_for(partnership, TargetKind.FINDING, [key]).get(key, [])
    if not target.named and not replies:
        return None
    access = getattr(request, "access", None)
    standing = replying.standing(access, target.named) if access is not None else None
    may_reply = standing is not None and standing.may_reply
    return Panel(
        TEMPLATE,
        {
            "replies": replies,
            "named": [organisation.name for organisation in target.named],
            "reply_url": target.reply_url if may_reply else "",
            "on_behalf": may_reply and standing is not None and standing.on_behalf,
            "invite_url": target.invite_url
            if access is not None and access.can_edit and target.named and links_available()
            else "",
        },
    )
