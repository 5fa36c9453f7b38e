"""Northshire's support team (the study's Table 9 categories), its illustrative rate card
and its meeting-cost settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ILLUSTRATIVE = "Illustrative: invented for the PartnerScope demo, not a published rate"

# (category, organisation suffix, payment, amount in 2024, description)
SUPPORT = [
    (
        "policy_strategy",
        "county-council",
        "cash",
        64000,
        "Partnership manager and 0.5 FTE policy officer",
    ),
    ("policy_strategy", "police", "in_kind", 8000, "Community safety analyst's time"),
    ("research_intelligence", "county-council", "cash", 36000, "Research and intelligence officer"),
    ("research_intelligence", "icb", "cash", 15000, "Contribution to the joint needs assessment"),
    ("information", "county-council", "cash", 12000, "Performance reports and the annual review"),
    ("events", "county-council", "cash", 9500, "Annual conference and board venues"),
    ("events", "housing-association", "in_kind", 2000, "Meeting rooms"),
    ("website", "county-council", "cash", 4000, "Partnership website"),
]
# (organisation suffix, sector, role, £ an hour, price year, source)
RATES = [
    (None, None, "", 32.0, 2024, ILLUSTRATIVE),
    ("county-council", None, "chair", 78.0, 2024, ILLUSTRATIVE),
    (None, "council", "", 38.0, 2023, ILLUSTRATIVE),
    (None, "health", "", 46.0, 2024, ILLUSTRATIVE),
    (None, "police", "", 43.0, 2024, ILLUSTRATIVE),
    (None, "fire", "", 40.0, 2024, ILLUSTRATIVE),
    (None, "voluntary_community", "", 21.0, 2024, ""),
]


def add_partnership_costs(result: dict[str, Any], organisation: Callable[[str], str]) -> None:
    number = 0
    for year, growth in ((2024, 1.0), (2025, 1.03)):
        for category, suffix, payment, amount, description in SUPPORT:
            number += 1
            result["support_costs"].append(
                {
                    "id": f"support-{number:02d}",
                    "category": category,
                    "year": year,
                    "organisation": organisation(suffix),
                    "payment": payment,
                    "amount": round(amount * growth),
                    "description": description,
                }
            )
    for number, (suffix, sector, role, cost, year, source) in enumerate(RATES, start=1):
        result["hourly_rates"].append(
            {
                "id": f"rate-{number:02d}",
                "organisation": organisation(suffix) if suffix else None,
                "sector": sector,
                "role": role,
                "hourly_cost": cost,
                "price_year": year,
                "source": source,
                "illustrative": True,
            }
        )
    result["meeting_cost_settings"].append(
        {"preparation_hours": 1.5, "travel_hours": 0.5, "price_year": 2025}
    )
