"""Pooled funds: saving one with its values by year, and checking each against the study's
Table 10 (the rules of :mod:`partnerscope.core.resources.pooled`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.resources.models import PooledFund, PooledFundValue
from partnerscope.core.resources.checks import Check
from partnerscope.core.resources.pooled import Pool, check_pool


@dataclass
class CheckedFund:
    fund: PooledFund
    checks: list[Check]
    values: list[PooledFundValue]


def core_pool(fund: PooledFund) -> Pool:
    """The fund as the Table 10 rules read it."""
    return Pool(
        ref=fund.ref,
        name=fund.name,
        kind=fund.kind,
        host=fund.host.name,
        host_sector=fund.host.sector,
        members=tuple(sorted((m.ref, m.sector) for m in fund.members.all())),
        written_agreement=fund.written_agreement,
        agreement_date=fund.agreement_date,
        vat_recovery=fund.vat_recovery,
        values=tuple((v.year, float(v.amount)) for v in fund.values.all()),
    )


def funds_of(partnership: Partnership) -> list[PooledFund]:
    return list(
        PooledFund.objects.filter(partnership=partnership)
        .select_related("host")
        .prefetch_related("members", "values")
    )


def checked_funds(partnership: Partnership) -> list[CheckedFund]:
    """Every pooled fund of the partnership with what the Table 10 rules find in it."""
    return [
        CheckedFund(fund, check_pool(core_pool(fund)), list(fund.values.all()))
        for fund in funds_of(partnership)
    ]


def parse_values(text: str) -> dict[int, Decimal]:
    """``year:amount`` pairs separated by ``;``: ``2025:500000;2026:520000``."""
    values: dict[int, Decimal] = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        year, _, amount = part.partition(":")
        if not year.strip().isdigit():
            raise ValueError(f"{part!r} is not year:amount")
        try:
            value = Decimal(amount.strip().replace(",", ""))
        except ArithmeticError:
            raise ValueError(f"{amount.strip()!r} is not an amount") from None
        if not value.is_finite() or value < 0:
            raise ValueError(f"{amount.strip()!r} is not an amount of zero or more")
        values[int(year)] = value
    return values


@transaction.atomic
def save_fund(
    partnership: Partnership, fund: PooledFund, fields: dict[str, Any], values: dict[int, Decimal]
) -> PooledFund:
    """Save the fund (a new version if it exists) with its members and values by year."""
    members = fields.pop("members", [])
    for name, value in fields.items():
        setattr(fund, name, value)
    fund.partnership = partnership
    if not fund.ref:
        fund.ref = unique_ref(PooledFund.objects.filter(partnership=partnership), fund.name)
    fund.save()
    fund.members.set(members)
    fund.values.exclude(year__in=list(values)).delete()
    for year, amount in values.items():
        PooledFundValue.objects.update_or_create(fund=fund, year=year, defaults={"amount": amount})
    return fund
