"""Who comes to the meetings: statutory partners' attendance, quorum, organisations that
send no one, and people on so many bodies that the partnership waits for them."""

from __future__ import annotations

from collections import Counter

from partnerscope.core.findings import EvidenceValue, Finding, Severity, SubjectKind
from partnerscope.core.layers.facts import LayerFacts, Representation
from partnerscope.core.layers.rules.base import Rule, rounded

__all__ = [
    "BelowQuorum",
    "BottleneckPeople",
    "OrganisationSendsNoOne",
    "StatutoryPartnerLowAttendance",
    "representations",
]


def representations(facts: LayerFacts) -> list[tuple[str, int, Representation]]:
    """Every (body, judged year, organisation's representation) in the order of the bodies."""
    found = []
    for body in facts.governance.bodies:
        for year in facts.years:
            measured = facts.body_years.get((body.ref, year))
            if measured is not None:
                found += [(body.ref, year, seen) for seen in measured.representation]
    return found


class StatutoryPartnerLowAttendance(Rule):
    """A statutory partner is represented at fewer than half (setting
    ``statutory_attendance_below``) of a body's meetings in a year, counting the meetings at
    which it held a seat: a partner with a duty to take part is missing from the decisions.
    """

    id = "statutory_partner_low_attendance"
    label = "Statutory partner rarely attends"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        below = facts.settings.statutory_attendance_below
        low: dict[str, list[tuple[str, int, Representation]]] = {}
        for body, year, seen in representations(facts):
            organisation = facts.organisations.get(seen.organisation)
            if organisation and organisation.statutory and seen.rate < below:
                low.setdefault(seen.organisation, []).append((body, year, seen))
        results = []
        for ref, rows in low.items():
            name = facts.organisation_name(ref)
            figures: list[tuple[str, EvidenceValue]] = [("threshold", rounded(below))]
            for body, year, seen in rows:
                where = f"{body} {facts.year_label(year)}"
                figures += [
                    (f"meetings with a seat {where}", seen.seated_meetings),
                    (f"meetings represented {where}", seen.represented_meetings),
                    (f"attendance rate {where}", rounded(seen.rate)),
                ]
            places = ", ".join(f"{body} in {facts.year_label(year)}" for body, year, _ in rows)
            results.append(
                self.found(
                    SubjectKind.ORGANISATION,
                    ref,
                    name,
                    f"{name}, a statutory partner, attended fewer than {below:.0%} of the "
                    f"meetings of {places}.",
                    figures,
                    ", ".join(sorted({facts.year_label(year) for _, year, _ in rows})),
                )
            )
        return tuple(results)


class BelowQuorum(Rule):
    """A body met below quorum: fewer people were present than a third of its members
    (setting ``quorum_share``, rounded up), so its decisions may not stand.
    """

    id = "below_quorum"
    label = "Meetings below quorum"

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        results = []
        for body in facts.governance.bodies:
            rows = [
                (year, measured)
                for year in facts.years
                if (measured := facts.body_years.get((body.ref, year))) is not None
                and measured.meetings_below_quorum
            ]
            if not rows:
                continue
            figures: list[tuple[str, EvidenceValue]] = [
                ("quorum share", rounded(facts.settings.quorum_share))
            ]
            for year, measured in rows:
                figures += [
                    (
                        f"meetings below quorum {facts.year_label(year)}",
                        measured.meetings_below_quorum,
                    ),
                    (f"meetings {facts.year_label(year)}", measured.meetings),
                ]
            count = sum(measured.meetings_below_quorum for _, measured in rows)
            years = ", ".join(facts.year_label(year) for year, _ in rows)
            results.append(
                self.found(
                    SubjectKind.BODY,
                    body.ref,
                    body.name,
                    f"{body.name} met below quorum {count} times in {years}.",
                    figures,
                    years,
                )
            )
        return tuple(results)


class OrganisationSendsNoOne(Rule):
    """An organisation with a seat on a body sent no one to any of its meetings in a year in
    which it missed at least two of them (setting ``no_show_min_meetings``); when it came the
    year before, it has stopped attending.
    """

    id = "organisation_sends_no_one"
    label = "Organisation sends no one"
    severity = Severity.HIGH

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        least = facts.settings.no_show_min_meetings
        rates = {
            (body, year, seen.organisation): seen for body, year, seen in representations(facts)
        }
        absent: dict[str, list[tuple[str, int, Representation]]] = {}
        for (body, year, organisation), seen in rates.items():
            if seen.represented_meetings == 0 and seen.seated_meetings >= least:
                absent.setdefault(organisation, []).append((body, year, seen))
        results = []
        for ref, rows in absent.items():
            name = facts.organisation_name(ref)
            figures: list[tuple[str, EvidenceValue]] = []
            stopped = []
            for body, year, seen in rows:
                where = f"{body} {facts.year_label(year)}"
                figures += [
                    (f"meetings with a seat {where}", seen.seated_meetings),
                    (f"meetings represented {where}", 0),
                ]
                before = rates.get((body, year - 1, ref))
                if before is not None and before.represented_meetings:
                    stopped.append(body)
                    figures.append(
                        (
                            f"attendance rate {body} {facts.year_label(year - 1)}",
                            rounded(before.rate),
                        )
                    )
            places = ", ".join(f"{body} in {facts.year_label(year)}" for body, year, _ in rows)
            message = f"{name} sent no one to the meetings of {places}"
            if stopped:
                message += f"; it had attended {', '.join(sorted(set(stopped)))} the year before"
            results.append(
                self.found(
                    SubjectKind.ORGANISATION,
                    ref,
                    name,
                    message + ".",
                    figures,
                    ", ".join(sorted({facts.year_label(year) for _, year, _ in rows})),
                )
            )
        return tuple(results)


class BottleneckPeople(Rule):
    """Some people sit on more than four bodies (setting ``bottleneck_bodies_above``) at
    once: the partnership's business waits for them, and it loses its links when they leave.
    """

    id = "bottleneck_people"
    label = "People on too many bodies"
    severity = Severity.LOW

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        above = facts.settings.bottleneck_bodies_above
        seats: Counter[str] = Counter()
        for memberships in facts.seats_by_body.values():
            for person in {
                m.person for m in memberships if facts.as_of is None or m.holds_seat_on(facts.as_of)
            }:
                seats[person] += 1
        busy = sorted(person for person, count in seats.items() if count > above)
        if not busy:
            return ()
        figures: list[tuple[str, EvidenceValue]] = [("limit", above), ("people", len(busy))]
        figures += [(f"bodies of {person}", seats[person]) for person in busy]
        return (
            self.found(
                SubjectKind.PARTNERSHIP,
                facts.governance.partnership,
                facts.governance.name,
                f"{len(busy)} people sit on more than {above} bodies each.",
                figures,
            ),
        )
