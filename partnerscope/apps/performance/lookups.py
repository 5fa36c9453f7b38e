"""What several use cases of performance management share: finding a partnership's
records, reading a period as typed, and comparing a value with the one recorded.

Nothing here saves anything, except the first area of a partnership that has none yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.choices import frequency_words
from partnerscope.apps.performance.models import Area, Indicator, Outcome, ValueVersion
from partnerscope.core.indicators import Frequency as CoreFrequency
from partnerscope.core.indicators import Period, PeriodError, parse_period

PAGE_SIZE = 100


def who(user: Any) -> str:
    """The name recorded against a change: the user's full name, or their user name."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_full_name() or user.get_username()


def period_in(text: str, frequency: str) -> Period:
    """Parse ``text`` as a period of ``frequency``; a ``ValidationError`` says what is wrong."""
    try:
        period = parse_period(text)
    except PeriodError as error:
        raise ValidationError(str(error)) from None
    if period.frequency != CoreFrequency(frequency):
        raise ValidationError(
            f"{period} is not a period of this indicator, which is reported by "
            f"{frequency_words(frequency)}."
        )
    return period


def code_key(code: str) -> tuple[str, int, str]:
    """Sort indicator codes as people count: NI 2 before NI 15."""
    prefix, _, number = code.rpartition(" ")
    return (prefix, int(number), "") if number.isdigit() else (code, 0, code)


def areas_of(partnership: Partnership) -> list[Area]:
    """The partnership's areas, making the whole area its first if it has none yet."""
    areas = list(Area.objects.in_partnership(partnership))
    if not areas:
        areas = [
            Area.objects.create(
                partnership=partnership,
                ref=partnership.slug[:64],
                name=partnership.area or partnership.name,
            )
        ]
    return areas


def chosen_area(partnership: Partnership, ref: str | None) -> tuple[Area, list[Area]]:
    """The area named by ``ref`` (the first area when empty or unknown) and all areas."""
    areas = areas_of(partnership)
    return next((area for area in areas if area.ref == ref), areas[0]), areas


def get_indicator(partnership: Partnership, pk: int) -> Indicator:
    indicator = Indicator.objects.in_partnership(partnership).filter(pk=pk).first()
    if indicator is None:
        raise Http404("No such indicator.")
    return indicator


def get_outcome(partnership: Partnership, pk: int) -> Outcome:
    outcome = Outcome.objects.in_partnership(partnership).filter(pk=pk).first()
    if outcome is None:
        raise Http404("No such outcome.")
    return outcome


def get_area(partnership: Partnership, pk: int) -> Area:
    area = Area.objects.in_partnership(partnership).filter(pk=pk).first()
    if area is None:
        raise Http404("No such area.")
    return area


def theme_of(outcome_id: int, parents: Mapping[int, int | None]) -> int:
    """The theme (top of the tree) an outcome sits under."""
    seen = {outcome_id}
    current = outcome_id
    while parents.get(current) is not None:
        current = parents[current]  # type: ignore[assignment]
        if current in seen:
            break
        seen.add(current)
    return current


def outcome_tree(partnership: Partnership) -> list[tuple[Outcome, int]]:
    """Every outcome with its depth, each theme followed by its goals."""
    outcomes = list(
        Outcome.objects.in_partnership(partnership).select_related("owner", "body", "parent")
    )
    children: dict[int | None, list[Outcome]] = {}
    ids = {outcome.pk for outcome in outcomes}
    for outcome in outcomes:
        parent = outcome.parent_id if outcome.parent_id in ids else None
        children.setdefault(parent, []).append(outcome)
    ordered: list[tuple[Outcome, int]] = []
    placed: set[int] = set()

    def visit(parent: int | None, depth: int) -> None:
        for child in children.get(parent, []):
            if child.pk in placed:
                continue
            placed.add(child.pk)
            ordered.append((child, depth))
            visit(child.pk, depth + 1)

    visit(None, 0)
    ordered += [(outcome, 0) for outcome in outcomes if outcome.pk not in placed]
    return ordered


FIGURES = ("value", "numerator", "denominator", "lower", "upper", "status", "received")


def current_value(indicator: Indicator, area: Area, period: Period) -> ValueVersion | None:
    return ValueVersion.objects.filter(
        indicator=indicator, area=area, ordinal=period.ordinal, is_current=True
    ).first()


def same_figures(current: ValueVersion, figures: Mapping[str, Any]) -> bool:
    """Whether ``figures`` say nothing the current version does not already say."""
    return all(getattr(current, name) == figures.get(name) for name in FIGURES)
