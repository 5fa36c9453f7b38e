"""The scrutiny settings: one frozen dataclass of defaults, each with its source.

Examples
--------
>>> ScrutinySettings().response_months
2
>>> "2009/1919" in setting_sources()["response_months"]
True
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from partnerscope.core.layers.deadlines import RESPONSE_MONTHS

__all__ = ["ScrutinySettings", "setting_sources"]


@dataclass(frozen=True)
class ScrutinySettings:
    """The figures the scrutiny rules and the tracker read."""

    response_months: int = field(
        default=RESPONSE_MONTHS,
        metadata={
            "source": "The Local Authorities (Overview and Scrutiny Committees) (England) "
            "Regulations 2009, SI 2009/1919: a partner authority responds within two months "
            "of receiving the committee's report."
        },
    )
    development_years: int = field(
        default=3,
        metadata={
            "source": "PartnerScope's default: a member's development on partnership working "
            "counts for three years (about one council term's first half); set your own."
        },
    )


def setting_sources() -> dict[str, str]:
    """Each setting's name and the source of its default."""
    return {item.name: str(item.metadata["source"]) for item in fields(ScrutinySettings)}
