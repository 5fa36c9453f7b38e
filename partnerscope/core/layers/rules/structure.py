"""Whether the partnership's bodies cover the layers' work: functions no body does, theme
groups with no line to an executive body, bodies that did not meet, executive bodies too
large to decide."""

from __future__ import annotations

from partnerscope.core.findings import EvidenceValue, Finding, Severity, SubjectKind
from partnerscope.core.layers.facts import LayerFacts
from partnerscope.core.layers.rules.base import Rule
from partnerscope.core.layers.rules.frequency import meetings_in

__all__ = [
    "BodyWithoutMeetings",
    "ExecutiveTooLarge",
    "FunctionMissing",
    "OperationalWithoutExecutiveLine",
]


class FunctionMissing(Rule):
    """No body of the partnership is constituted to manage performance, to allocate
    resources or to scrutinise (setting ``required_functions``): the work of the executive
    layer and of accountability has no home.
    """

    id = "function_missing"
    label = "No body for a key function"
    severity = Severity.HIGH

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        bodies = facts.governance.bodies
        missing = [
            function
            for function in facts.settings.required_functions
            if not any(body.does(function) for body in bodies)
        ]
        if not missing or not bodies:
            return ()
        words = ", ".join(name.replace("_", " ") for name in missing)
        return (
            self.found(
                SubjectKind.PARTNERSHIP,
                facts.governance.partnership,
                facts.governance.name,
                f"No body of {facts.governance.name} is constituted for {words}.",
                [("missing functions", ";".join(missing)), ("bodies", len(bodies))],
            ),
        )


class OperationalWithoutExecutiveLine(Rule):
    """An operational body has no reporting line to an executive body: no body it reports
    to, directly or through others, sits in the executive layer, so no one allocates its
    resources or holds its performance to account.
    """

    id = "operational_without_executive_line"
    label = "Operational body without a line to the executive"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        results = []
        for body in facts.governance.bodies:
            if body.layer != "operational":
                continue
            chain: list[str] = []
            current = body.parent
            while current and current not in chain and current in facts.bodies:
                chain.append(current)
                current = facts.bodies[current].parent
            if any(facts.bodies[ref].layer == "executive" for ref in chain):
                continue
            results.append(
                self.found(
                    SubjectKind.BODY,
                    body.ref,
                    body.name,
                    f"{body.name} reports to no executive body"
                    + (f" (it reports through {' > '.join(chain)})." if chain else "."),
                    [("reports through", " > ".join(chain) or None), ("executive bodies", 0)],
                )
            )
        return tuple(results)


class BodyWithoutMeetings(Rule):
    """A body held no meeting in a year the partnership's records cover: it exists on paper
    only, or its meetings go unrecorded.
    """

    id = "body_without_meetings"
    label = "Body without meetings"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        results = []
        for body in facts.governance.bodies:
            years = [year for year in facts.years if not meetings_in(facts, body.ref, year)]
            if not years:
                continue
            names = [facts.year_label(year) for year in years]
            figures: list[tuple[str, EvidenceValue]] = [(f"meetings {name}", 0) for name in names]
            results.append(
                self.found(
                    SubjectKind.BODY,
                    body.ref,
                    body.name,
                    f"{body.name} held no meeting in {', '.join(names)}.",
                    figures,
                    ", ".join(names),
                )
            )
        return tuple(results)


class ExecutiveTooLarge(Rule):
    """An executive body has more than 29 members (setting ``executive_members_above``): the
    study found strategic forums of 30 to 100 members too large for executive decisions.
    """

    id = "executive_too_large"
    label = "Executive body too large"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        limit = facts.settings.executive_members_above
        return tuple(
            self.found(
                SubjectKind.BODY,
                body.ref,
                body.name,
                f"{body.name} has {facts.sizes[body.ref]} members, more than {limit}.",
                [("members", facts.sizes[body.ref]), ("limit", limit)],
            )
            for body in facts.governance.bodies
            if body.layer == "executive" and facts.sizes.get(body.ref, 0) > limit
        )
