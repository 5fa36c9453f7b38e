"""The delivery chains section of the health-check report: each chain's strength and its
weak links, with the rules that mark them.

Every figure comes from the analysis core through :func:`chains.analysis.arrange`, run as the
chain pages run it, on the ratings of the latest workshop with at least the anonymity threshold
of participants; the section shows each chain's strength and the links the rules mark, never
one participant's view. The evidence the core cross-checks (the relationship survey, the
indicators' statuses) is read once for every chain, and the arranged rows are kept under a
digest of every row they are built from, so a change to any of them is seen at once.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.chains.analysis import arrange, rated_workshop
from partnerscope.apps.chains.core_inputs import (
    chain_records,
    core_chain,
    core_ratings,
    indicator_evidence,
    relationship_evidence,
)
from partnerscope.apps.chains.models import (
    Chain,
    ChainLink,
    ChainNode,
    Participant,
    Rating,
    Workshop,
)
from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.network import selectors as network
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.apps.reports.selectors import cached, rows_digest
from partnerscope.core import chains as core


def chain_rows(partnership: Partnership) -> list[dict[str, Any]]:
    """Each chain's name, strength, weak links (with their rules) and single points."""
    relationships = relationship_evidence(partnership)
    statuses = indicator_evidence(partnership)
    rows = []
    for chain in Chain.objects.in_partnership(partnership).order_by("outcome_title", "pk"):
        nodes, links = chain_records(chain)
        delivery_chain = core_chain(chain, nodes, links)
        workshop, waiting = rated_workshop(chain)
        pairs = {link.pair for link in delivery_chain.links}
        ratings = core_ratings(workshop, pairs) if workshop else ()
        context = core.ChainContext(
            target_date=chain.target_date,
            relationships=relationships,
            indicator_status=statuses,
            min_group_size=partnership.anonymity_threshold,
        )
        result = core.analyse_chain(delivery_chain, ratings, context).to_dict()
        analysis = arrange(chain, nodes, links, result, workshop, waiting, context)
        rows.append(
            {
                "pk": chain.pk,
                "name": str(chain),
                "strength": result["strength"],
                "single_points": len(analysis.single_points),
                "weak_links": [
                    {
                        "number": weak.number,
                        "source": weak.source.name,
                        "target": weak.target.name,
                        "types": weak.types,
                        "rules": [(rule.id, rule.name) for rule in weak.rules],
                    }
                    for weak in analysis.weak_links
                ],
            }
        )
    return rows


def chains_digest(partnership: Partnership, today: Any) -> str:
    """A digest of every row the chains' analysis reads, and the evidence it checks."""
    workshops = Workshop.objects.filter(chain__partnership=partnership)
    return rows_digest(
        Partnership.objects.filter(pk=partnership.pk),
        Chain.objects.filter(partnership=partnership),
        ChainNode.objects.filter(chain__partnership=partnership),
        ChainLink.objects.filter(chain__partnership=partnership),
        Organisation.objects.filter(participations__partnership=partnership),
        workshops,
        Participant.objects.filter(workshop__in=workshops),
        Rating.objects.filter(participant__workshop__in=workshops),
        network.relationship_digest(partnership),
        sorted(indicator_evidence(partnership).items()),
        str(today),
    )


def context(report: ReportRequest) -> dict[str, Any]:
    partnership = report.partnership
    rows = cached(
        "chains", chains_digest(partnership, report.today), lambda: chain_rows(partnership)
    )
    return {"chains": rows, "threshold": partnership.anonymity_threshold}


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="chains",
            title="Delivery chains",
            order=ORDER["chains"],
            template="chains/report/section.html",
            context=context,
        )
    ]
