"""The resource ledger's arithmetic: financial years, outcome shares and staff time.

Plain values in and out, so the web form, the upload and the data package check a line in
the same way.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = [
    "SHARE_TOLERANCE",
    "financial_year_label",
    "parse_shares",
    "shares_problem",
    "staff_time_amount",
]

SHARE_TOLERANCE = Decimal("0.0001")
"""How far a line's shares may be from 1 and still add to 1 (rounding to four places)."""


def financial_year_label(year: int, start_month: int = 4) -> str:
    """The financial year starting in ``year`` as people write it.

    >>> financial_year_label(2025)
    '2025/26'
    >>> financial_year_label(2025, start_month=1)
    '2025'
    """
    if start_month == 1:
        return str(year)
    return f"{year}/{(year + 1) % 100:02d}"


def parse_shares(text: str) -> dict[str, Decimal]:
    """``outcome:share`` pairs separated by ``;``; a lone outcome takes all of the line.

    >>> parse_shares("housing:0.75; health:0.25")
    {'housing': Decimal('0.75'), 'health': Decimal('0.25')}
    >>> parse_shares("housing")
    {'housing': Decimal('1')}
    >>> parse_shares("housing:lots")
    Traceback (most recent call last):
    ...
    ValueError: share 'lots' of 'housing' is not a number
    """
    parts = [part.strip() for part in text.split(";") if part.strip()]
    if len(parts) == 1 and ":" not in parts[0]:
        return {parts[0]: Decimal(1)}
    shares: dict[str, Decimal] = {}
    for part in parts:
        outcome, _, raw = part.partition(":")
        outcome, raw = outcome.strip(), raw.strip()
        if not outcome or not raw:
            raise ValueError(f"{part!r} is not outcome:share")
        if outcome in shares:
            raise ValueError(f"outcome {outcome!r} is given twice")
        try:
            shares[outcome] = Decimal(raw)
        except ArithmeticError:
            raise ValueError(f"share {raw!r} of {outcome!r} is not a number") from None
        if not shares[outcome].is_finite():
            raise ValueError(f"share {raw!r} of {outcome!r} is not a number")
    return shares


def shares_problem(shares: dict[str, Decimal]) -> str | None:
    """Why these shares cannot split one line, or None: each above 0, together 1.

    >>> shares_problem({"a": Decimal("0.5"), "b": Decimal("0.5")}) is None
    True
    >>> shares_problem({"a": Decimal("0.5"), "b": Decimal("0.4")})
    'the shares add to 0.9, not 1'
    >>> shares_problem({})
    'name at least one outcome'
    """
    if not shares:
        return "name at least one outcome"
    for outcome, share in shares.items():
        if share <= 0 or share > 1:
            return f"the share of {outcome!r} must be above 0 and at most 1"
    total = sum(shares.values(), Decimal(0))
    if abs(total - 1) > SHARE_TOLERANCE:
        return f"the shares add to {total.normalize()}, not 1"
    return None


def staff_time_amount(
    *,
    fte: Decimal | None,
    hours: Decimal | None,
    cost_per_hour: Decimal | None,
    hours_per_fte: Decimal,
) -> Decimal | None:
    """The value of staff time: hours (or FTE × hours per FTE) × cost per hour, in pence.

    >>> staff_time_amount(fte=Decimal("0.5"), hours=None, cost_per_hour=Decimal("30"),
    ...                   hours_per_fte=Decimal("1650"))
    Decimal('24750.00')
    >>> staff_time_amount(fte=None, hours=None, cost_per_hour=Decimal("30"),
    ...                   hours_per_fte=Decimal("1650")) is None
    True
    """
    if cost_per_hour is None:
        return None
    if hours is None:
        if fte is None:
            return None
        hours = fte * hours_per_fte
    return (hours * cost_per_hour).quantize(Decimal("0.01"))
