"""Leadership or domination (the study's Figure 7 and Table 3): who chairs, and how much of
the partnership the council holds."""

from __future__ import annotations

from partnerscope.core.findings import EvidenceValue, Finding, Severity, SubjectKind
from partnerscope.core.layers.facts import LayerFacts
from partnerscope.core.layers.model import COUNCIL, VOLUNTARY_COMMUNITY
from partnerscope.core.layers.rules.base import Rule, rounded

__all__ = ["SHARES", "CouncilDomination", "CouncilPresentsMost", "NoChair", "TopTable"]

SHARES = ("chairs", "members", "attendees", "presented")
"""The council's shares measured each year: of chairs, seats, people present, items presented."""


class NoChair(Rule):
    """A body has no chair: no current membership holds the chair's role, so no one sets
    out its direction or leads its challenge (Figure 7).
    """

    id = "no_chair"
    label = "Body without a chair"
    severity = Severity.LOW

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        return tuple(
            self.found(
                SubjectKind.BODY,
                body.ref,
                body.name,
                f"{body.name} has no chair"
                + (f" on {facts.as_of.isoformat()}." if facts.as_of else "."),
                [("members", facts.sizes.get(body.ref, 0)), ("chairs", 0)],
            )
            for body in facts.governance.bodies
            if body.ref not in facts.chairs
        )


class CouncilDomination(Rule):
    """The council holds more than half (setting ``council_share_above``) of the chairs, the
    seats, the people present or the agenda items presented across the partnership's bodies
    in the latest year: it dominates rather than leads (Figure 7 and Table 3).
    """

    id = "council_domination"
    label = "Council domination"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        if not facts.council_shares:
            return ()
        latest = facts.council_shares[-1]
        above = facts.settings.council_share_above
        high = [
            name for name in SHARES if (share := latest.share(name)) is not None and share > above
        ]
        if not high:
            return ()
        year = facts.year_label(latest.year)
        figures: list[tuple[str, EvidenceValue]] = [("threshold", rounded(above))]
        for shares in facts.council_shares:
            figures += [
                (
                    f"council share of {name} {facts.year_label(shares.year)}",
                    rounded(shares.share(name)),
                )
                for name in SHARES
            ]
        return (
            self.found(
                SubjectKind.PARTNERSHIP,
                facts.governance.partnership,
                facts.governance.name,
                f"In {year} the council held more than {above:.0%} of the "
                f"{', '.join(high)} of {facts.governance.name}.",
                figures,
                year,
            ),
        )


class CouncilPresentsMost(Rule):
    """The council presents more than half (setting ``council_share_above``) of a body's
    agenda items in a year: partners listen to the council rather than debate (Figure 7:
    meetings run like a council committee).
    """

    id = "council_presents_most"
    label = "Council presents most items"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        above = facts.settings.council_share_above
        results = []
        for body in facts.governance.bodies:
            rows = [
                (year, measured)
                for year in facts.years
                if (measured := facts.body_years.get((body.ref, year))) is not None
                and (share := measured.council_presented_share) is not None
                and share > above
            ]
            if not rows:
                continue
            figures: list[tuple[str, EvidenceValue]] = [("threshold", rounded(above))]
            for year, measured in rows:
                name = facts.year_label(year)
                figures += [
                    (f"items presented {name}", measured.presented),
                    (f"presented by the council {name}", measured.council_presented),
                    (f"council share {name}", rounded(measured.council_presented_share)),
                ]
            years = ", ".join(facts.year_label(year) for year, _ in rows)
            results.append(
                self.found(
                    SubjectKind.BODY,
                    body.ref,
                    body.name,
                    f"The council presented more than {above:.0%} of the items at {body.name} "
                    f"in {years}.",
                    figures,
                    years,
                )
            )
        return tuple(results)


class TopTable(Rule):
    """A strategic body is a council top table: council members sit on it but no voluntary
    or community organisation does, while voluntary and community organisations sit on the
    operational bodies (Figure 7's warning signs: the council at a separate top table,
    community members not at the main table).
    """

    id = "top_table"
    label = "Council top table"
    severity = Severity.HIGH

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        def sectors_on(body: str) -> list[str]:
            held = {
                m.person
                for m in facts.seats_by_body.get(body, ())
                if facts.as_of is None or m.holds_seat_on(facts.as_of)
            }
            return [facts.sector_of_person(person) for person in sorted(held)]

        operational_voluntary = sum(
            sectors_on(body.ref).count(VOLUNTARY_COMMUNITY)
            for body in facts.governance.bodies
            if body.layer == "operational"
        )
        if not operational_voluntary:
            return ()
        results = []
        for body in facts.governance.bodies:
            if body.layer != "strategic":
                continue
            sectors = sectors_on(body.ref)
            council = sectors.count(COUNCIL)
            if not council or VOLUNTARY_COMMUNITY in sectors:
                continue
            chair = facts.chairs.get(body.ref)
            results.append(
                self.found(
                    SubjectKind.BODY,
                    body.ref,
                    body.name,
                    f"{body.name} has {council} council members and no voluntary or community "
                    f"member, while voluntary and community members hold {operational_voluntary} "
                    "seats on operational bodies.",
                    [
                        ("council members", council),
                        ("voluntary and community members", 0),
                        ("members", len(sectors)),
                        (
                            "voluntary and community seats on operational bodies",
                            operational_voluntary,
                        ),
                        ("chair sector", chair.sector if chair else None),
                    ],
                )
            )
        return tuple(results)
