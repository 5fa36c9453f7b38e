"""The thresholds of the layer rules: one frozen dataclass of defaults, each with its source.

A partnership may choose its own values (``dataclasses.replace``); the rules always read
them from here, and :func:`setting_sources` lists each default with where it comes from.

Examples
--------
>>> LayerSettings().frequency["executive"]
(6, 12)
>>> setting_sources()["frequency"].startswith("Audit Commission (2009)")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

__all__ = ["TABLE_8", "LayerSettings", "setting_sources"]

STUDY = "Audit Commission (2009), Working better together?"
TABLE_8: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"strategic": (3, 4), "executive": (6, 12), "operational": (12, 52)}
)
"""Times a year each layer meets or takes performance reports, (least, most): Table 8."""

CHAIR_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "council": "council",
        "health": "other_public",
        "police": "other_public",
        "fire": "other_public",
        "education": "other_public",
        "other_public": "other_public",
        "housing": "independent",
        "business": "independent",
        "voluntary_community": "independent",
    }
)


def _setting(default: Any, source: str) -> Any:
    """A setting's default and the source it comes from (a mapping is shared, read-only)."""
    if isinstance(default, Mapping):
        return field(default_factory=lambda: default, metadata={"source": source})
    return field(default=default, metadata={"source": source})


@dataclass(frozen=True)
class LayerSettings:
    """The thresholds every layer rule reads."""

    frequency: Mapping[str, tuple[int, int]] = _setting(
        TABLE_8,
        f"{STUDY}, Table 8: strategic 3-4 times a year, executive 6-12, operational 12-52.",
    )
    year_start_month: int = _setting(
        4,
        "The UK public sector's financial year, which partners budget and report by, "
        "starts on 1 April.",
    )
    drift_share_above: float = _setting(
        1 / 3,
        "PartnerScope's default: when more than a third of a body's business (items, or "
        "time where durations are given) belongs to another layer, the body is doing "
        "another layer's job. The study gives no figure; set your own.",
    )
    drift_min_items: int = _setting(
        4, "PartnerScope's default: fewer items in a year are too few to judge drift by."
    )
    executive_members_above: int = _setting(
        29,
        f"{STUDY}: strategic forums had 30-100 members, too large for executive decisions; "
        "an executive body of 30 or more is as large as those forums.",
    )
    statutory_attendance_below: float = _setting(
        0.5,
        "PartnerScope's default: a statutory partner represented at fewer than half of a "
        "body's meetings in a year is not taking part in its decisions.",
    )
    quorum_share: float = _setting(
        1 / 3,
        "PartnerScope's default quorum, a third of the members; use your terms of reference.",
    )
    no_show_min_meetings: int = _setting(
        2,
        "PartnerScope's default: an organisation is said to send no one only when it "
        "missed at least two meetings of the body in the year.",
    )
    bottleneck_bodies_above: int = _setting(
        4,
        "PartnerScope's default: someone on more than four bodies is a gatekeeper whose "
        "absence stalls the partnership (the study's network fieldwork found such people).",
    )
    council_share_above: float = _setting(
        0.5,
        f"PartnerScope's default, reading {STUDY}, Figure 7 (the council supports debate "
        "but does not dominate): more than half of the chairs, seats, people present or "
        "items presented counts as domination. The study gives no figure; set your own.",
    )
    required_functions: tuple[str, ...] = _setting(
        ("performance_management", "resource_allocation", "scrutiny"),
        f"{STUDY}: the executive layer allocates resources and oversees performance, and "
        "partners are held to account through overview and scrutiny.",
    )
    chair_types: Mapping[str, str] = _setting(
        CHAIR_TYPES,
        f"{STUDY}, Table 3: council chairs (leader or mayor, cabinet member, officer), other "
        "public-sector managers, and private, faith or third-sector chairs. Housing "
        "organisations are read as housing associations (third sector).",
    )


def setting_sources() -> dict[str, str]:
    """Each setting's name and the source of its default."""
    return {item.name: str(item.metadata["source"]) for item in fields(LayerSettings)}
