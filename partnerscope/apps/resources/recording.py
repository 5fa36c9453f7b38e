"""Recording ledger lines: one path for the form, the upload and the data package.

A line whose ref is already in the ledger is a correction: the line is saved again (a new
version, the earlier one kept in its history) and its shares replaced.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.resources.choices import Kind
from partnerscope.apps.resources.lookups import settings_of
from partnerscope.apps.resources.models import Contribution, ContributionShare
from partnerscope.core.resources.ledger import staff_time_amount

LINE_FIELDS = (
    "organisation",
    "year",
    "arrangement",
    "kind",
    "amount",
    "fte",
    "hours",
    "cost_per_hour",
    "status",
    "description",
    "source",
    "evidence",
)


def amount_of(partnership: Partnership, fields: dict[str, Any]) -> Decimal | None:
    """The line's amount as given, or for staff time without one, worked out from its hours
    or FTE and its cost per hour."""
    if fields.get("amount") is not None:
        return Decimal(fields["amount"])
    if fields.get("kind") != Kind.STAFF_TIME:
        return None
    return staff_time_amount(
        fte=fields.get("fte"),
        hours=fields.get("hours"),
        cost_per_hour=fields.get("cost_per_hour"),
        hours_per_fte=settings_of(partnership).hours_per_fte,
    )


@transaction.atomic
def save_line(
    partnership: Partnership,
    fields: dict[str, Any],
    shares: dict[str, Decimal],
    ref: str = "",
) -> Contribution:
    """Create the line, or save a new version of the line with ``ref``, with its shares."""
    values = {name: fields.get(name) for name in LINE_FIELDS}
    values["amount"] = amount_of(partnership, fields)
    for name in ("description", "source", "evidence"):
        values[name] = values[name] or ""
    line = Contribution.objects.filter(partnership=partnership, ref=ref).first() if ref else None
    if line is None:
        line = Contribution(partnership=partnership)
        line.ref = ref or unique_ref(
            Contribution.objects.in_partnership(partnership),
            f"{values['organisation'].ref}-{values['year']}-{values['kind']}",
        )
    for name, value in values.items():
        setattr(line, name, value)
    line.save()
    replace_shares(line, shares)
    return line


def replace_shares(line: Contribution, shares: dict[str, Decimal]) -> None:
    """Keep the line's shares that are unchanged, change or add the rest, drop the others."""
    current = {share.outcome_ref: share for share in line.shares.all()}
    for outcome, share in current.items():
        if outcome not in shares:
            share.delete()
    for outcome, value in shares.items():
        found = current.get(outcome)
        if found is None:
            ContributionShare.objects.create(contribution=line, outcome_ref=outcome, share=value)
        elif found.share != value:
            found.share = value
            found.save()
