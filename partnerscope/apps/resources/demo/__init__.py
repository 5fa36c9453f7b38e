"""Demo resources for Northshire (the first demo partnership), as data-package rows.

Three financial years of contributions (2024/25 spent, 2025/26 committed, 2026/27
planned) from the county council, the integrated care board, the police, the fire and
rescue service, the housing association and the voluntary sector, split over the
partnership's outcomes; a few outcomes get nothing, so the alignment page shows unfunded
priorities. One pooled fund for health and care, hosted by the integrated care board with
an assumption that it recovers part of its VAT, so the VAT rule of the study's Table 10
speaks. Every figure is illustrative. Deterministic.
"""

from __future__ import annotations

from datetime import date
from typing import Any

Rows = list[dict[str, Any]]

YEARS = ((2024, "spent", 1.0), (2025, "committed", 1.03), (2026, "planned", 1.05))
"""Each year, the status of its lines and how its amounts compare with 2024/25."""

SOURCE = "Illustrative demo figure"

LINES: tuple[tuple[str, str, str, float, str, str], ...] = (
    # (organisation suffix, arrangement, kind, amount in 2024/25, outcomes, what it pays for)
    (
        "county-council",
        "pooling",
        "revenue",
        4_200_000,
        "longer-lives:0.5;independence:0.5",
        "Adult social care placed in the health and care pool",
    ),
    (
        "county-council",
        "aligning",
        "revenue",
        1_300_000,
        "learning:0.6;achieving:0.4",
        "Youth support and school improvement",
    ),
    (
        "county-council",
        "grants",
        "revenue",
        650_000,
        "domestic-abuse",
        "Independent advisers and refuge places",
    ),
    (
        "county-council",
        "aligning",
        "capital",
        900_000,
        "affordable-homes",
        "Land and grant for affordable homes",
    ),
    (
        "county-council",
        "aligning",
        "revenue",
        2_150_000,
        "carbon",
        "Home insulation and the supported bus network",
    ),
    (
        "icb",
        "pooling",
        "revenue",
        5_100_000,
        "longer-lives:0.7;independence:0.3",
        "Community health services placed in the health and care pool",
    ),
    ("icb", "aligning", "revenue", 600_000, "healthy-start", "Health visiting and maternity"),
    (
        "police",
        "aligning",
        "revenue",
        1_800_000,
        "less-crime:0.7;domestic-abuse:0.3",
        "Neighbourhood policing and the domestic abuse unit",
    ),
    (
        "fire",
        "aligning",
        "revenue",
        250_000,
        "less-crime:0.4;independence:0.6",
        "Home safety visits and youth fire-setter work",
    ),
    (
        "housing-association",
        "aligning",
        "capital",
        1_200_000,
        "affordable-homes",
        "New homes for social rent",
    ),
    ("housing-association", "aligning", "revenue", 180_000, "homelessness", "Tenancy sustainment"),
    (
        "housing-association",
        "partnership",
        "revenue",
        120_000,
        "carbon",
        "Insulating its own homes",
    ),
    (
        "cvs",
        "partnership",
        "services",
        60_000,
        "belonging",
        "Volunteer brokerage for community groups (in kind)",
    ),
    (
        "womens-aid",
        "partnership",
        "revenue",
        95_000,
        "domestic-abuse",
        "Outreach from its own charitable funds",
    ),
    (
        "age",
        "partnership",
        "services",
        40_000,
        "independence",
        "Befriending older people (in kind)",
    ),
)

STAFF_TIME: tuple[tuple[str, float, float, str, str], ...] = (
    # (organisation suffix, FTE, cost per hour, outcomes, what the people do)
    ("county-council", 2.0, 38.0, "belonging:0.5;less-crime:0.5", "The partnership support team"),
    ("police", 3.0, 42.0, "domestic-abuse", "Officers seconded to the MARAC"),
    ("fire", 1.0, 36.0, "independence", "A prevention officer for older people"),
)
HOURS_PER_FTE = 1650


def demo_tables(tables: dict[str, Any], index: int) -> dict[str, Rows]:
    """The resources rows of demo partnership ``index``: Northshire's (index 0) only."""
    result: dict[str, Rows] = {
        "resource_settings": [],
        "contributions": [],
        "contribution_shares": [],
        "pooled_funds": [],
        "pooled_fund_members": [],
        "pooled_fund_values": [],
    }
    if index != 0:
        return result
    slug = tables["partnership"][0]["slug"]
    result["resource_settings"].append({"year_start_month": 4, "hours_per_fte": HOURS_PER_FTE})
    for year, status, growth in YEARS:
        for number, (suffix, arrangement, kind, amount, outcomes, what) in enumerate(LINES, 1):
            add_line(
                result,
                f"{suffix}-{year}-{number}",
                {
                    "organisation": f"{slug}-{suffix}",
                    "year": year,
                    "arrangement": arrangement,
                    "kind": kind,
                    "amount": round(amount * growth),
                    "status": status,
                    "description": what,
                },
                outcomes,
            )
        for number, (suffix, fte, rate, outcomes, what) in enumerate(STAFF_TIME, 1):
            add_line(
                result,
                f"{suffix}-{year}-staff-{number}",
                {
                    "organisation": f"{slug}-{suffix}",
                    "year": year,
                    "arrangement": "partnership",
                    "kind": "staff_time",
                    "amount": round(fte * HOURS_PER_FTE * rate, 2),
                    "fte": fte,
                    "cost_per_hour": rate,
                    "status": status,
                    "description": what,
                },
                outcomes,
            )
    add_pool(result, slug)
    return result


def add_line(result: dict[str, Rows], ref: str, fields: dict[str, Any], outcomes: str) -> None:
    result["contributions"].append(
        {"id": ref, **fields, "source": SOURCE, "evidence": "Demo budget book"}
    )
    for part in outcomes.split(";"):
        outcome, _, share = part.partition(":")
        result["contribution_shares"].append(
            {"contribution": ref, "outcome": outcome, "share": float(share or 1)}
        )


def add_pool(result: dict[str, Rows], slug: str) -> None:
    """The health and care pool, hosted by the integrated care board."""
    result["pooled_funds"].append(
        {
            "id": "health-and-care",
            "name": "Northshire Health and Care Fund",
            "kind": "health_social_care",
            "host": f"{slug}-icb",
            "legal_basis": "Section 75 agreement (NHS Act 2006)",
            "written_agreement": True,
            "agreement_date": date(2024, 3, 28),
            "vat_recovery": "partial",
            "outcomes": "longer-lives;independence",
        }
    )
    for member in ("county-council", "icb"):
        result["pooled_fund_members"].append(
            {"fund": "health-and-care", "organisation": f"{slug}-{member}"}
        )
    for year, _, growth in YEARS:
        result["pooled_fund_values"].append(
            {"fund": "health-and-care", "year": year, "amount": round(9_300_000 * growth)}
        )
