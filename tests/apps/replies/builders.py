"""The kite partnership's finding about Kite Police, its representatives and replies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from partnerscope.apps.replies import replying
from partnerscope.apps.replies.choices import Position
from partnerscope.apps.replies.models import Reply
from tests.apps.findings.builders import isolated, stored
from tests.apps.partnerships.factories import RoleFactory


def police_finding(kite: dict[str, Any]) -> Any:
    """The register's finding that Kite Police is an isolated partner (it names the police)."""
    return stored(kite["partnership"], isolated())


def representative(kite: dict[str, Any], person: str = "bola", kind: str = "member") -> Any:
    """A user with a role in kite whose person record (``bola``: Kite Police) is theirs."""
    user = RoleFactory(partnership=kite["partnership"], kind=kind).user
    record = kite[person]
    record.user = user
    record.save()
    return user


def police_reply(
    kite: dict[str, Any],
    position: str = Position.DISAGREE,
    text: str = "We hold ties with every partner through the community safety partnership.",
    when: datetime | None = None,
) -> Reply:
    """Kite Police's reply to its finding, written by Bola Bello."""
    finding = police_finding(kite)
    target = replying.finding_target(kite["partnership"], finding.pk)
    assert target is not None
    return replying.give_reply(
        kite["partnership"],
        target,
        kite["police"],
        position,
        text,
        writer=kite["bola"],
        writer_name="",
        user=None,
        on_behalf=False,
        now=when,
    )


def police_flag(kite: dict[str, Any]) -> Any:
    """A red candidate flag whose evidence is the finding about Kite Police."""
    from tests.apps.flags.builders import flag

    existing = kite["partnership"].flags.first()
    if existing is not None:
        return existing
    police_finding(kite)
    return flag(
        kite["partnership"],
        evidence={"findings": [list(isolated().key)], "figures": [["ties", 0]]},
    )
