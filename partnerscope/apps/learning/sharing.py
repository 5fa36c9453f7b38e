"""Which partnerships share their headline figures, and how each is labelled for others.

A partnership shares once its manager records a :class:`SharingAgreement` saying so; it
may also agree to be named. Peers that have not agreed to be named are shown as
"Partnership A", "Partnership B" and so on (``core.learning.peer_labels``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from partnerscope.apps.learning.models import SharingAgreement
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.learning import MINIMUM_SHARING, peer_labels


def minimum_sharing() -> int:
    """How many partnerships must share before any comparison shows: the
    ``LEARNING_MINIMUM_SHARING`` setting, never below five."""
    return max(MINIMUM_SHARING, int(getattr(settings, "LEARNING_MINIMUM_SHARING", 0) or 0))


def agreement_of(partnership: Any) -> SharingAgreement | None:
    return SharingAgreement.objects.filter(partnership=partnership).first()


def shares(partnership: Any) -> bool:
    agreement = agreement_of(partnership)
    return agreement is not None and agreement.shares


def named(partnership: Any) -> bool:
    """Whether the partnership agreed to be named beside its figures."""
    agreement = agreement_of(partnership)
    return agreement is not None and agreement.may_be_named


def sharing_partnerships() -> list[Partnership]:
    """Every partnership on the site that shares its figures."""
    return list(
        Partnership.objects.filter(sharing_agreement__shares=True)
        .select_related("sharing_agreement")
        .order_by("slug")
    )


def labels_for(peers: list[Partnership]) -> dict[str, str]:
    """Each peer's label by slug: its name if it agreed to be named, else a letter."""
    named = {
        peer.slug: peer.name
        for peer in peers
        if getattr(peer, "sharing_agreement", None) and peer.sharing_agreement.may_be_named
    }
    return peer_labels([peer.slug for peer in peers], named)


def save_agreement(partnership: Any, form: Any) -> SharingAgreement:
    """Record the manager's choice as a new version of the partnership's agreement."""
    agreement = form.save(commit=False)
    agreement.partnership = partnership
    agreement.save()
    return agreement
