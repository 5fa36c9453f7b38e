"""The replies beside a finding on its page (the ``finding_panels`` extension): every reply
to it and, for a representative of an organisation it names (or a manager), the link to
reply."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from partnerscope.apps.common.extensions import Panel
from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.replies import replying
from partnerscope.apps.replies.choices import TargetKind
from partnerscope.apps.replies.naming import organisations_named_by_finding
from partnerscope.apps.replies.selectors import replies_for

TEMPLATE = "replies/includes/_finding_panel.html"


def finding_panel(request: Any, partnership: Any, key: tuple[str, str, str, str]) -> Panel | None:
    """The replies panel of a finding's page; None when it names no organisation and has
    no reply."""
    found = findings.findings_by_keys(partnership, [key]).get(key)
    if found is None:
        return None
    replies = replies_for(partnership, TargetKind.FINDING, [key]).get(key, [])
    named = organisations_named_by_finding(partnership, found)
    if not named and not replies:
        return None
    access = getattr(request, "access", None)
    may_reply = access is not None and replying.standing(access, named).may_reply
    return Panel(
        TEMPLATE,
        {
            "replies": replies,
            "named": [organisation.name for organisation in named],
            "reply_url": reverse("replies:reply_to_finding", args=[partnership.slug, found["id"]])
            if may_reply
            else "",
            "on_behalf": may_reply and replying.standing(access, named).on_behalf,
        },
    )
