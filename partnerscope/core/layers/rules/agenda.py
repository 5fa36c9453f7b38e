"""What each body spends its meetings on: its own layer's business or another's."""

from __future__ import annotations

from partnerscope.core.findings import EvidenceValue, Finding, SubjectKind
from partnerscope.core.layers.facts import LayerFacts
from partnerscope.core.layers.model import EXECUTIVE_FUNCTIONS, LAYERS
from partnerscope.core.layers.rules.base import Rule, rounded

__all__ = ["AgendaDrift", "ExecutiveWithoutExecutiveBusiness"]


class AgendaDrift(Rule):
    """A body spends its meetings on another layer's business: in a year with at least 4
    agenda items (setting ``drift_min_items``), more than a third (setting
    ``drift_share_above``) of its items, or of its time where the items' durations are
    given, belong to another governance layer; a strategic board drifting into operational
    detail is the study's example.
    """

    id = "agenda_drift"
    label = "Agenda drift"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        settings = facts.settings
        results = []
        for body in facts.governance.bodies:
            figures: list[tuple[str, EvidenceValue]] = [("layer", body.layer)]
            years = []
            for year in facts.years:
                measured = facts.body_years.get((body.ref, year))
                if measured is None or measured.items < settings.drift_min_items:
                    continue
                share = measured.drift_share(body.layer)
                time_share = measured.time_drift_share(body.layer)
                if not any(
                    value is not None and value > settings.drift_share_above
                    for value in (share, time_share)
                ):
                    continue
                name = facts.year_label(year)
                years.append(name)
                figures += [
                    (f"items {name}", measured.items),
                    (f"items of another layer {name}", measured.off_layer_items(body.layer)),
                    (f"share of items {name}", rounded(share)),
                ]
                figures += [
                    (f"{layer} items {name}", measured.items_by_layer.get(layer, 0))
                    for layer in LAYERS
                    if layer != body.layer
                ]
                if time_share is not None:
                    figures.append((f"share of time {name}", rounded(time_share)))
            if years:
                figures.append(("threshold", rounded(settings.drift_share_above)))
                results.append(
                    self.found(
                        SubjectKind.BODY,
                        body.ref,
                        body.name,
                        f"More than {settings.drift_share_above:.0%} of the business of "
                        f"{body.name} ({body.layer}) belonged to another layer in "
                        f"{', '.join(years)}.",
                        figures,
                        ", ".join(years),
                    )
                )
        return tuple(results)


class ExecutiveWithoutExecutiveBusiness(Rule):
    """An executive body does not do the executive layer's work: in a year in which it met,
    none of its agenda items allocated resources or managed performance.
    """

    id = "executive_without_executive_business"
    label = "Executive body neither allocates resources nor manages performance"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        results = []
        for body in facts.governance.bodies:
            if body.layer != "executive":
                continue
            idle = [
                (year, measured)
                for year in facts.years
                if (measured := facts.body_years.get((body.ref, year))) is not None
                and measured.meetings
                and not measured.functions & set(EXECUTIVE_FUNCTIONS)
            ]
            if not idle:
                continue
            years = [facts.year_label(year) for year, _ in idle]
            figures: list[tuple[str, EvidenceValue]] = []
            for year, measured in idle:
                figures += [
                    (f"meetings {facts.year_label(year)}", measured.meetings),
                    (f"items {facts.year_label(year)}", measured.items),
                    (f"resource or performance items {facts.year_label(year)}", 0),
                ]
            results.append(
                self.found(
                    SubjectKind.BODY,
                    body.ref,
                    body.name,
                    f"{body.name} took no item on resources or performance in {', '.join(years)}.",
                    figures,
                    ", ".join(years),
                )
            )
        return tuple(results)
