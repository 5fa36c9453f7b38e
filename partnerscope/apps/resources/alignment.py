"""The alignment page and command: the ledger read as core lines, the outcomes with their
indicators' statuses, each partner's involvement, and what the alignment rules find.

Involvement combines three measures, each as the organisation's share of the partnership's
total: current seats on the partnership's bodies (memberships), improvement targets it leads
(LAA-style commitments) and its ties of level 2 or more in the latest closed relationship
survey (degree centrality).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import FloatField
from django.db.models.functions import Cast
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.network import selectors as network
from partnerscope.apps.partnerships.models import Membership, Partnership
from partnerscope.apps.performance import selectors as performance
from partnerscope.apps.resources.lookups import organisations_by_ref, settings_of
from partnerscope.apps.resources.models import Contribution, ContributionShare
from partnerscope.core.resources import alignment as core
from partnerscope.core.resources.checks import Check
from partnerscope.core.resources.funding import FundingLink, chain_funding_not_in_ledger
from partnerscope.core.resources.ledger import financial_year_label

NETWORK_TIE_LEVEL = 2
"""The relationship level (0 none … 4 collaboration) from which a tie counts as involvement."""


@dataclass
class AlignmentView:
    result: core.Alignment
    names: dict[str, str]
    checks: list[Check] = field(default_factory=list)
    years: list[tuple[int, str]] = field(default_factory=list)
    year: int | None = None


def core_lines(partnership: Partnership, year: int | None = None) -> list[core.Line]:
    """The ledger's lines with their shares, in two queries."""
    query = Contribution.objects.in_partnership(partnership)
    if year is not None:
        query = query.filter(year=year)
    rows = query.annotate(
        amount_value=Cast("amount", FloatField()),
        hours_value=Cast("hours", FloatField()),
        fte_value=Cast("fte", FloatField()),
    ).values_list(
        "pk",
        "organisation__ref",
        "year",
        "arrangement",
        "kind",
        "amount_value",
        "hours_value",
        "fte_value",
    )
    shares: dict[int, list[tuple[str, float]]] = {}
    for line, outcome, share in (
        ContributionShare.objects.filter(contribution__in=query)
        .annotate(share_value=Cast("share", FloatField()))
        .values_list("contribution_id", "outcome_ref", "share_value")
    ):
        shares.setdefault(line, []).append((outcome, float(share)))
    hours_per_fte = float(settings_of(partnership).hours_per_fte)
    return [
        core.Line(
            organisation,
            line_year,
            arrangement,
            kind,
            float(amount),
            float(hours) if hours is not None else float(fte or 0) * hours_per_fte,
            tuple(sorted(shares.get(pk, []))),
        )
        for pk, organisation, line_year, arrangement, kind, amount, hours, fte in rows
    ]


def core_outcomes(partnership: Partnership) -> list[core.OutcomeInfo]:
    statuses = performance.outcome_indicator_statuses(partnership)
    return [
        core.OutcomeInfo(
            outcome["ref"],
            outcome["title"],
            tuple(core.IndicatorStatus(**status) for status in statuses.get(outcome["ref"], [])),
            outcome["parent"],
        )
        for outcome in performance.outcome_list(partnership)
    ]


def involvement(partnership: Partnership) -> dict[str, float]:
    """Each organisation's share of involvement (see the module's docstring)."""
    seats = Counter(
        Membership.objects.filter(body__partnership=partnership, end__isnull=True).values_list(
            "person__organisation__ref", flat=True
        )
    )
    ties = network.tie_counts(partnership, NETWORK_TIE_LEVEL)
    commitments = performance.lead_commitments(partnership)
    return core.involvement_shares([dict(seats), dict(commitments), ties])


def funding_links(partnership: Partnership) -> list[FundingLink]:
    return [
        FundingLink(
            link["chain"],
            link["chain_title"],
            link["outcome"],
            link["funder"],
            link["funder_name"],
            float(link["amount"]),
        )
        for link in chains.funding_links(partnership)
    ]


def build_alignment(partnership: Partnership, year: int | None = None) -> AlignmentView:
    """The alignment of the ledger (one year's lines, or all) with what every rule finds."""
    organisations = organisations_by_ref(partnership)
    lines = core_lines(partnership, year)
    names = {ref: organisation.name for ref, organisation in organisations.items()}
    result = core.align(
        lines, core_outcomes(partnership), involvement(partnership), list(organisations), names
    )
    checks = [found for rule in core.ALIGNMENT_RULES for found in rule(result)]
    links = funding_links(partnership)
    if links:
        every_year = lines if year is None else core_lines(partnership)
        checks += chain_funding_not_in_ledger(links, every_year)
    start = settings_of(partnership).year_start_month
    years = sorted(
        set(Contribution.objects.in_partnership(partnership).values_list("year", flat=True))
    )
    return AlignmentView(
        result,
        {ref: organisation.name for ref, organisation in organisations.items()},
        checks,
        [(y, financial_year_label(y, start)) for y in years],
        year,
    )


def table_rows(view: AlignmentView) -> dict[str, Any]:
    """The partner × outcome table: partners with money as rows, outcomes as columns. Its
    body is built here as escaped HTML, since a large partnership has thousands of cells."""
    partners = [p for p in view.result.partners if p.total > 0]
    cell = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    rows = []
    for partner in partners:
        cells = []
        for outcome in view.result.outcomes:
            money = outcome.money.get(partner.organisation, 0.0)
            hours = outcome.hours.get(partner.organisation, 0.0)
            text = f"£{money:,.0f}"
            cells.append(
                format_html(cell, text)
                if not hours
                else format_html(
                    '<td class="govuk-table__cell govuk-table__cell--numeric">{}<br>{} hours</td>',
                    text,
                    f"{hours:,.0f}",
                )
            )
        rows.append(
            format_html(
                '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{}'
                "</th>{}{}</tr>",
                view.names.get(partner.organisation, partner.organisation),
                mark_safe("".join(cells)),  # noqa: S308 - every cell is escaped above
                format_html(cell, f"£{partner.total:,.0f}"),
            )
        )
    return {"outcomes": view.result.outcomes, "rows": rows, "body": mark_safe("".join(rows))}  # noqa: S308
