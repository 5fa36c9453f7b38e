"""What several use cases of the resources area need: the partnership's settings, its
outcomes and organisations by ref, and a year's label."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.apps.performance import selectors as performance
from partnerscope.apps.resources.models import ResourceSettings
from partnerscope.core.resources.ledger import financial_year_label


def settings_of(partnership: Partnership) -> ResourceSettings:
    """The partnership's resource settings, the defaults if none are saved."""
    found = ResourceSettings.objects.filter(partnership=partnership).first()
    return found or ResourceSettings(partnership=partnership)


def outcomes_by_ref(partnership: Partnership) -> dict[str, dict[str, Any]]:
    """The partnership's outcomes by ref, in their order."""
    return {outcome["ref"]: outcome for outcome in performance.outcome_list(partnership)}


def organisations_by_ref(partnership: Partnership) -> dict[str, Organisation]:
    """The organisations taking part in the partnership, by ref."""
    return {
        organisation.ref: organisation
        for organisation in Organisation.objects.filter(partnerships=partnership).order_by("name")
    }


def year_label(partnership: Partnership, year: int) -> str:
    return financial_year_label(year, settings_of(partnership).year_start_month)
