"""The cost of the partnership itself: the kite board's meeting priced from the rate card,
support costs by category and payer, the selector, and the settings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerscope.apps.costs import selectors
from partnerscope.apps.costs.models import HourlyRate, MeetingCostSetting, SupportCost
from partnerscope.apps.costs.partnership_costs import partnership_meeting_costs
from partnerscope.apps.partnerships.models import AgendaItem, Attendance
from partnerscope.reference.costs import load_deflators

pytestmark = pytest.mark.django_db


@pytest.fixture
def costed(kite):
    """The kite board met for 2 hours on 1 June 2024 (financial year 2024) with Alice (the
    council's chair) and Bola (police) present; 1 hour to prepare, none to travel; prices
    at 2024. The council's chair costs £60 an hour, the police £40 (no source)."""
    meeting = kite["meeting"]
    meeting.duration_minutes = 120
    meeting.save()
    for person in (kite["alice"], kite["bola"]):
        Attendance.objects.create(meeting=meeting, person=person, status="present")
    AgendaItem.objects.create(
        meeting=meeting, position=1, title="Vision", function="vision", governance_layer="strategic"
    )
    AgendaItem.objects.create(
        meeting=meeting,
        position=2,
        title="Rota",
        function="service_delivery",
        governance_layer="operational",
    )
    partnership = kite["partnership"]
    MeetingCostSetting.objects.create(
        partnership=partnership,
        ref="settings",
        preparation_hours=1,
        travel_hours=0,
        price_year=2024,
    )
    HourlyRate.objects.create(
        partnership=partnership,
        ref="chair",
        organisation=kite["council"],
        role="chair",
        hourly_cost=Decimal("60"),
        price_year=2024,
        source="Council pay policy",
    )
    HourlyRate.objects.create(
        partnership=partnership,
        ref="police",
        sector="police",
        hourly_cost=Decimal("40"),
        price_year=2022,
    )
    SupportCost.objects.create(
        partnership=partnership,
        ref="s1",
        category="policy_strategy",
        year=2024,
        organisation=kite["council"],
        payment="cash",
        amount=Decimal("30000"),
    )
    SupportCost.objects.create(
        partnership=partnership,
        ref="s2",
        category="website",
        year=2024,
        organisation=kite["police"],
        payment="in_kind",
        amount=Decimal("2000"),
    )
    return kite


def test_the_meeting_is_priced_by_hand(costed):
    result = partnership_meeting_costs(costed["partnership"])
    series = load_deflators()
    police = 3 * 40 * series.index[2024] / series.index[2022]
    assert result.total_hours == 6.0
    assert result.total_cost == pytest.approx(3 * 60 + police)
    assert result.assumed_cost == pytest.approx(police)
    assert result.by_item_layer[("strategic", "operational")] == (
        1,
        pytest.approx((180 + police) / 2),
    )


def test_the_selector_adds_support_and_meetings_by_financial_year(costed):
    totals = selectors.partnership_cost_per_year(costed["partnership"])
    meetings = partnership_meeting_costs(costed["partnership"]).total_cost
    assert totals == {2024: pytest.approx(32000 + meetings)}


def test_the_page_shows_support_meetings_and_assumed_rates(costed, manager_client):
    page = manager_client.get(reverse("costs:partnership_cost", args=["kite"])).content.decode()
    assert "Policy and strategy support" in page
    assert "£30,000" in page
    assert (
        "The partnership&#x27;s own assumption" in page
        or "The partnership's own assumption" in page
    )
    assert "Strategic time on operational business" in page
    assert 'id="partnership-cost-title"' in page


def test_a_rate_for_an_organisation_and_a_sector_is_refused(kite, manager_client):
    response = manager_client.post(
        reverse("costs:record_create", args=["kite", "rates"]),
        {
            "organisation": kite["council"].pk,
            "sector": "council",
            "hourly_cost": "30",
            "price_year": "2024",
        },
    )
    assert response.status_code == 400
    assert "Choose an organisation or a sector, not both" in response.content.decode()
    assert not HourlyRate.objects.exists()


def test_settings_are_saved_and_an_unknown_record_kind_is_not_found(kite, manager_client):
    response = manager_client.post(
        reverse("costs:meeting_settings", args=["kite"]),
        {"preparation_hours": "2", "travel_hours": "0.25", "price_year": ""},
    )
    assert response.status_code == 302
    assert MeetingCostSetting.objects.get().preparation_hours == 2
    assert (
        manager_client.get(reverse("costs:record_create", args=["kite", "nonsense"])).status_code
        == 404
    )


def test_no_meetings_cost_nothing(kite):
    assert partnership_meeting_costs(kite["partnership"]).total_cost == 0
    assert date(2024, 6, 1) == kite["meeting"].date
