"""The partnership's indicators: listing them, defining a local one, and adopting national
ones from the catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.choices import Origin, Polarity
from partnerscope.apps.performance.lookups import code_key
from partnerscope.apps.performance.models import Indicator, Outcome
from partnerscope.apps.performance.status_snapshots import refresh_series
from partnerscope.reference.indicators import load_catalogue

NATIONAL_SOURCE = "National Indicator Set (Communities and Local Government, 2008)"


def save_indicator(access: Access, form: Any) -> Indicator:
    indicator: Indicator = form.save(commit=False)
    indicator.partnership = access.partnership
    indicator.save()
    form.save_m2m()
    refresh_series(indicator)
    return indicator


def adopt_indicators(
    access: Access, codes: Sequence[str], frequency: str, outcomes: Iterable[Outcome] = ()
) -> list[Indicator]:
    """Adopt national indicators from the catalogue (skipping any already adopted)."""
    catalogue = load_catalogue()
    taken = set(Indicator.objects.in_partnership(access.partnership).values_list("code", flat=True))
    adopted = []
    chosen = list(outcomes)
    for code in codes:
        entry = catalogue.get(code)
        if entry is None or code in taken:
            continue
        indicator = Indicator.objects.create(
            partnership=access.partnership,
            code=entry.code,
            title=entry.title,
            definition=entry.note,
            unit=entry.unit,
            polarity=str(entry.polarity),
            frequency=frequency,
            source=NATIONAL_SOURCE,
            origin=Origin.NATIONAL,
            multiplier=100.0 if entry.unit == "percentage" else None,
            minimum=0.0 if entry.unit == "percentage" else None,
            maximum=100.0 if entry.unit == "percentage" else None,
        )
        indicator.outcomes.set(chosen)
        adopted.append(indicator)
    return adopted


def catalogue_entries(partnership: Partnership) -> list[dict[str, Any]]:
    """Every national indicator in the catalogue, marked when already adopted."""
    adopted = dict(
        Indicator.objects.in_partnership(partnership).national().values_list("code", "pk")
    )
    return [
        {
            "entry": entry,
            "polarity": Polarity(str(entry.polarity)).label,
            "indicator_id": adopted.get(entry.code),
        }
        for entry in load_catalogue().entries
    ]


def indicator_list(partnership: Partnership) -> list[Indicator]:
    return sorted(
        Indicator.objects.in_partnership(partnership)
        .select_related("owner")
        .prefetch_related("outcomes")
        .annotate(value_count=models.Count("values", filter=models.Q(values__is_current=True))),
        key=lambda indicator: code_key(indicator.code),
    )
