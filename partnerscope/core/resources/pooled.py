"""The study's Table 10 checks of pooled funds, as named rules.

The study lists what a pooled budget must get right: membership of health and social care
pools and of children's services pools is restricted by law; VAT recovery depends on the
host (an NHS host can reclaim little or no VAT, a council host all or part of it); health
and social care pools need a written agreement. Each rule takes a :class:`Pool` and returns
a :class:`~partnerscope.core.resources.checks.Check` or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from partnerscope.core.resources.checks import Check

__all__ = [
    "ALLOWED_MEMBER_SECTORS",
    "POOL_RULES",
    "Pool",
    "check_pool",
    "pool_membership_restricted",
    "pool_vat_recovery_by_host",
    "pool_written_agreement",
]

HEALTH_SOCIAL_CARE = "health_social_care"
CHILDREN = "children"
ALLOWED_MEMBER_SECTORS: dict[str, frozenset[str]] = {
    HEALTH_SOCIAL_CARE: frozenset({"health", "council"}),
    CHILDREN: frozenset({"council", "health", "police", "education", "other_public"}),
}
"""Who may belong to a restricted pool, by sector: NHS bodies and councils for a health and
social care pool; the council and its statutory partners for a children's services pool."""


@dataclass(frozen=True)
class Pool:
    """A pooled fund as the rules read it; sectors are the data package's sector codes."""

    ref: str
    name: str
    kind: str
    host: str
    host_sector: str
    members: tuple[tuple[str, str], ...] = ()
    """Each member organisation as ``(ref, sector)``."""
    written_agreement: bool = False
    agreement_date: date | None = None
    vat_recovery: str = ""
    """What the pool assumes it recovers: ``full``, ``partial``, ``none`` or empty."""
    values: tuple[tuple[int, float], ...] = field(default=())


def pool_membership_restricted(pool: Pool) -> Check | None:
    """Membership of health and social care pools and of children's services pools is
    restricted by law: a member outside the allowed bodies cannot belong to the pool.

    >>> pool = Pool("p", "Care pool", "health_social_care", "icb", "health",
    ...             (("icb", "health"), ("ha", "housing")))
    >>> pool_membership_restricted(pool).figures
    (('kind', 'health_social_care'), ('not_allowed', 'ha'))
    >>> pool_membership_restricted(Pool("q", "Other", "other", "c", "council",
    ...                                 (("ha", "housing"),))) is None
    True
    """
    allowed = ALLOWED_MEMBER_SECTORS.get(pool.kind)
    if allowed is None:
        return None
    outside = [ref for ref, sector in pool.members if sector not in allowed]
    if not outside:
        return None
    words = "health and social care" if pool.kind == HEALTH_SOCIAL_CARE else "children's services"
    return Check(
        "pool_membership_restricted",
        pool.ref,
        f"{pool.name} is a {words} pool, whose membership is restricted, but "
        f"{len(outside)} member{'s are' if len(outside) > 1 else ' is'} not among the "
        f"bodies allowed: {', '.join(outside)}.",
        (("kind", pool.kind), ("not_allowed", ", ".join(outside))),
    )


def pool_vat_recovery_by_host(pool: Pool) -> Check | None:
    """VAT recovery depends on the pool's host: an NHS host can reclaim little or no VAT,
    a council host all or part of it, so a pool hosted by the NHS must plan for VAT it
    cannot recover.

    >>> nhs = Pool("p", "Care pool", "health_social_care", "icb", "health", vat_recovery="full")
    >>> pool_vat_recovery_by_host(nhs).figures
    (('host_sector', 'health'), ('vat_recovery', 'full'))
    >>> council = Pool("q", "Care pool", "health_social_care", "c", "council")
    >>> pool_vat_recovery_by_host(council) is None
    True
    """
    if pool.host_sector != "health" or pool.vat_recovery == "none":
        return None
    assumed = {
        "full": "assumes it recovers all its VAT",
        "partial": "assumes it recovers part of its VAT",
        "": "records no assumption about VAT",
    }.get(pool.vat_recovery, "records no assumption about VAT")
    return Check(
        "pool_vat_recovery_by_host",
        pool.ref,
        f"{pool.name} is hosted by an NHS body ({pool.host}), which can reclaim little or no "
        f"VAT, yet it {assumed}; a council host could recover all or part of it.",
        (("host_sector", pool.host_sector), ("vat_recovery", pool.vat_recovery or None)),
    )


def pool_written_agreement(pool: Pool) -> Check | None:
    """A health and social care pool needs a written agreement between its partners,
    dated and in force; any other pool should have one too.

    >>> pool_written_agreement(Pool("p", "Care pool", "health_social_care", "c", "council"))
    ... # doctest: +ELLIPSIS
    Check(rule='pool_written_agreement', subject='p', message='Care pool has no written...
    >>> pool_written_agreement(Pool("p", "Pool", "other", "c", "council",
    ...                             written_agreement=True, agreement_date=date(2025, 4, 1)))
    """
    if pool.written_agreement and pool.agreement_date is not None:
        return None
    missing = "no date" if pool.written_agreement else "no written agreement"
    return Check(
        "pool_written_agreement",
        pool.ref,
        f"{pool.name} has {missing}"
        + (
            "; a health and social care pool needs a written agreement."
            if pool.kind == HEALTH_SOCIAL_CARE
            else "; a pool should rest on one."
        ),
        (
            ("kind", pool.kind),
            ("written_agreement", pool.written_agreement),
            ("agreement_date", pool.agreement_date.isoformat() if pool.agreement_date else None),
        ),
    )


POOL_RULES: tuple[Callable[[Pool], Check | None], ...] = (
    pool_membership_restricted,
    pool_vat_recovery_by_host,
    pool_written_agreement,
)


def check_pool(pool: Pool) -> list[Check]:
    """Every Table 10 rule's finding about the pool, in the rules' order."""
    return [found for rule in POOL_RULES if (found := rule(pool)) is not None]
