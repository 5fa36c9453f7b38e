"""The relationships section of the health-check report: the latest closed wave's measures
of the whole network and its map, drawn as the static SVG of the site (named labels where
there is room, numbers with a key elsewhere, so no label overlaps at 40 or 150 organisations).

The relationship survey is not anonymous inside the partnership, but each tie is one
organisation's answer. The public version therefore shows only measures of the whole network,
and only when at least the anonymity threshold of organisations answered; the mean trust and
value only when they rest on at least that many ratings. The map, each organisation's
figures and the names of isolated organisations stay in the partnership's own report.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.network import network_map
from partnerscope.apps.network.analysis import Options, analyse, wave_network
from partnerscope.apps.network.models import Tie, Wave
from partnerscope.apps.partnerships.models import Organisation, Participation, Partnership
from partnerscope.apps.reports.selectors import cached, rows_digest


def latest_closed_wave(partnership: Any, today: Any) -> Wave | None:
    """The relationship wave that closed last before ``today``, or None."""
    return (
        Wave.objects.filter(partnership=partnership, closes__lt=today)
        .select_related("partnership")
        .order_by("-closes", "-pk")
        .first()
    )


def wave_digest(wave: Wave) -> str:
    """A digest of every row the wave's analysis and map read: the wave and its partnership,
    its answers, the organisations at either end and their participations (their tiers)."""
    ties = Tie.objects.filter(wave=wave)
    ends = set(ties.values_list("source_id", flat=True)) | set(
        ties.values_list("target_id", flat=True)
    )
    members = set(
        Participation.objects.filter(partnership=wave.partnership).values_list(
            "organisation_id", flat=True
        )
    )
    organisations = members | ends
    return rows_digest(
        Wave.objects.filter(pk=wave.pk),
        Partnership.objects.filter(pk=wave.partnership_id),
        ties,
        Organisation.objects.filter(pk__in=organisations),
        Participation.objects.filter(organisation_id__in=organisations),
        Partnership.objects.filter(participations__organisation_id__in=organisations).distinct(),
    )


def measures(wave: Wave, public: bool) -> dict[str, Any]:
    """The whole network's measures and, unless public, the map and the named lists."""
    options = Options()
    network = wave_network(wave)
    result = analyse(network, options)
    summary = result.network.to_dict()
    figures: dict[str, Any] = {"summary": summary}
    if not public:
        drawn = network_map.network_map(wave, options)
        figures |= {
            "map_svg": network_map.draw(drawn, svg_id=f"ps-report-network-map-{wave.pk}"),
            "isolated": sorted(
                network.organisations[m.id].name for m in result.organisations if m.isolate
            ),
            "non_responding": sorted(
                network.organisations[ref].name for ref in summary["non_responding"]
            ),
        }
    return figures


def _rating(summary: dict[str, Any], threshold: int, public: bool) -> dict[str, Any] | None:
    """A whole-network rating summary, or None when the public version must hold it back."""
    if public and (summary.get("ratings") or 0) < threshold:
        return None
    return summary


def context(report: ReportRequest) -> dict[str, Any]:
    wave = latest_closed_wave(report.partnership, report.today)
    if wave is None:
        return {"wave": None}
    threshold = report.partnership.anonymity_threshold
    kind = "public" if report.public else "full"
    figures = cached(f"network-{kind}", wave_digest(wave), lambda: measures(wave, report.public))
    summary = figures["summary"]
    too_few = report.public and summary["responded"] < threshold
    extra = {} if report.public else {k: v for k, v in figures.items() if k != "summary"}
    return {
        "wave": wave,
        "options": Options(),
        "threshold": threshold,
        "too_few": too_few,
        "net": None if too_few else summary,
        "trust": None if too_few else _rating(summary["trust"], threshold, report.public),
        "value": None if too_few else _rating(summary["value"], threshold, report.public),
        **extra,
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="network",
            title="Relationships between partners",
            order=ORDER["network"],
            template="network/report/section.html",
            context=context,
        )
    ]
