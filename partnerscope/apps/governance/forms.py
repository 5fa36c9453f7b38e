"""The form a manager fills in with a partner's planning and reporting cycle."""

from __future__ import annotations

from partnerscope.apps.common.forms import ModelForm
from partnerscope.apps.governance.models import PartnerCycle


class PartnerCycleForm(ModelForm):
    class Meta:
        model = PartnerCycle
        fields = [
            "year_start_month",
            "budget_start_month",
            "budget_end_month",
            "planning_start_month",
            "planning_end_month",
            "reporting_period_months",
        ]
