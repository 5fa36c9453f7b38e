"""A finding's key as one string, so a reply can name it in a column and a data package.

A finding's key is ``(area, rule id, subject kind, subject ref)``; refs are slugs or slugs
joined by ``/`` and rule ids never hold ``|``, so joining with ``|`` is reversible. A flag's
key is already a string (``rule:scope_kind:scope_ref``) and is stored as it is.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from partnerscope.apps.replies.choices import TargetKind

SEPARATOR = "|"


def finding_key_text(key: Sequence[str]) -> str:
    """``("network", "isolated_partner", "organisation", "police")`` as
    ``"network|isolated_partner|organisation|police"``."""
    if len(key) != 4:
        raise ValueError(f"a finding's key has four parts, not {len(key)}")
    return SEPARATOR.join(key)


def finding_key(text: str) -> tuple[str, str, str, str]:
    """The key a string of :func:`finding_key_text` stands for; ValueError if it is not one."""
    parts = text.split(SEPARATOR)
    if len(parts) != 4 or not all(parts):
        raise ValueError(f"{text!r} is not a finding's key (area|rule|subject kind|subject ref)")
    return (parts[0], parts[1], parts[2], parts[3])


def stored_key(target_kind: str, key: Any) -> str:
    """How a finding's or a flag's key is stored on a reply."""
    return finding_key_text(key) if target_kind == TargetKind.FINDING else str(key)


def public_key(target_kind: str, text: str) -> Hashable:
    """The key other apps use for a stored key: a tuple for a finding, a string for a flag."""
    return finding_key(text) if target_kind == TargetKind.FINDING else text
