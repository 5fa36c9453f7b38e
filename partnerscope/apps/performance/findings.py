"""Performance management's findings for the one register (the findings protocol of
``partnerscope.core.findings``).

The rules are the indicator core's named rules (``partnerscope.core.indicators``), cited by
name with their wording. They are applied to what is stored, not recomputed:

- **Statuses** (``IndicatorStatusSnapshot``, as the dashboard and the exception report read
  them): red, worsening, likely to miss, a concerning special cause, consistently missed;
  and the good news: green, an improving special cause, consistently met.
- **Data quality**: the automatic checks' findings each status stores (the data-quality
  register's findings table), and people's ratings of the six dimensions, where the latest
  of one is red (``quality_rated_red``).
- **Crowding out**: the crowding report's reasons (no indicator, no target, no owner, no
  agenda time, no recent value) about each outcome.

A partnership may hold hundreds of thousands of statuses (an indicator in each of hundreds
of areas), so status findings are **one per indicator and rule**, not per area: one
``GROUP BY indicator`` query counts, for every rule, the areas whose status the rule finds
and picks the first of them (the lowest stored row) as the example whose figures, period
and page the finding shows; a second query reads those examples. Data-quality findings
are counted the same way, per indicator and check, in one streamed pass over the statuses
that have any (their findings are stored as JSON, which no portable query can group), so
memory stays one counter per indicator and check.

Severity: ``rag_red`` is HIGH when at least one red status is also worsening (since the
last period or a year ago) or a concerning special cause, evidence for a red flag, and
MEDIUM otherwise; likely to miss, a concerning special cause and consistently missed are
MEDIUM; worsening alone, each data-quality check, a dimension rated red, no agenda time
and no recent value are LOW (data-quality findings question the evidence, not the
performance); no indicator, no target and no owner are MEDIUM; green, an improving special
cause and consistently met are POSITIVE (evidence for a green flag).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Min, Q
from django.urls import reverse

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.crowding import crowding_report
from partnerscope.apps.performance.models import (
    Area,
    Indicator,
    IndicatorStatusSnapshot,
    QualityRecord,
)
from partnerscope.core.findings import (
    Evidence,
    EvidenceValue,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
)
from partnerscope.core.indicators import (
    CROWDING_NO_AGENDA_TIME,
    CROWDING_NO_RECENT_VALUE,
    CROWDING_RULES,
    DIRECTION_WORSENING,
    FORECAST_LIKELY_MISSED,
    QUALITY_RATED_RED,
    QUALITY_RULES,
    RAG_GREEN,
    RAG_RED,
    SPC_CONSISTENTLY_MET,
    SPC_CONSISTENTLY_MISSED,
    SPC_SPECIAL_CAUSE_CONCERNING,
    SPC_SPECIAL_CAUSE_IMPROVING,
    Dimension,
    Rag,
    Rule,
    rated_red,
)
from partnerscope.core.indicators import QualityRecord as CoreQualityRecord

AREA = "performance"
EXAMPLES_PER_QUERY = 2000
"""Example statuses read per query (well inside every database's limit on parameters)."""


@dataclass(frozen=True)
class StatusRule:
    """A core rule as it reads a stored status: the condition, the stored fields it
    judges, and the severity of what it finds."""

    rule: Rule
    condition: Q
    fields: tuple[str, ...]
    severity: Severity


WORSE = Q(direction="worsening") | Q(year_ago="worsening")
CONCERNING = Q(variation="special_cause_concerning")

STATUS_RULES = (
    StatusRule(RAG_RED, Q(rag="red"), ("rag",), Severity.MEDIUM),
    StatusRule(FORECAST_LIKELY_MISSED, Q(forecast="likely_missed"), ("forecast",), Severity.MEDIUM),
    StatusRule(SPC_SPECIAL_CAUSE_CONCERNING, CONCERNING, ("variation",), Severity.MEDIUM),
    StatusRule(
        SPC_CONSISTENTLY_MISSED, Q(assurance="consistently_missed"), ("assurance",), Severity.MEDIUM
    ),
    StatusRule(DIRECTION_WORSENING, WORSE, ("direction", "year_ago"), Severity.LOW),
    StatusRule(RAG_GREEN, Q(rag="green"), ("rag",), Severity.POSITIVE),
    StatusRule(
        SPC_SPECIAL_CAUSE_IMPROVING,
        Q(variation="special_cause_improving"),
        ("variation",),
        Severity.POSITIVE,
    ),
    StatusRule(
        SPC_CONSISTENTLY_MET, Q(assurance="consistently_met"), ("assurance",), Severity.POSITIVE
    ),
)
STATUS_RULES_BY_NAME = {status_rule.rule.name: status_rule for status_rule in STATUS_RULES}
RED_AND_WORSE = Q(rag="red") & (WORSE | CONCERNING)
"""A red status that is also worsening or a concerning special cause: ``rag_red`` HIGH."""

CROWDING_SEVERITY = {
    CROWDING_NO_AGENDA_TIME.name: Severity.LOW,
    CROWDING_NO_RECENT_VALUE.name: Severity.LOW,
}
"""Crowding-out reasons that are LOW; the others (no indicator, target, owner) are MEDIUM."""

EXAMPLE_FIELDS = (
    "pk",
    "area__ref",
    "area__name",
    "latest_period",
    "latest_value",
    "target",
    "rag",
    "direction",
    "year_ago",
    "forecast",
    "variation",
    "assurance",
)


def rule_ref(rule: Rule) -> RuleRef:
    return RuleRef(rule.name, rule.label, rule.text)


def rules() -> list[RuleRef]:
    """Every rule the area may cite: the status rules, the data-quality checks and the
    crowding-out rules."""
    cited = [status_rule.rule for status_rule in STATUS_RULES]
    every = (*cited, *QUALITY_RULES, QUALITY_RATED_RED, *CROWDING_RULES)
    return [rule_ref(rule) for rule in every]


def findings(partnership: Partnership) -> list[Finding]:
    """What the rules find now in the partnership's stored statuses and outcomes."""
    indicators = {
        row["pk"]: row
        for row in Indicator.objects.in_partnership(partnership).values("pk", "code", "title")
    }
    return [
        *status_findings(partnership, indicators),
        *quality_findings(partnership, indicators),
        *rating_findings(partnership, indicators),
        *crowding_findings(partnership),
    ]


def indicator_url(partnership: Partnership, indicator_pk: int, area_ref: str) -> str:
    """The indicator page showing the given area."""
    path = reverse("performance:indicator_detail", args=[partnership.slug, indicator_pk])
    return f"{path}?{urlencode({'area': area_ref})}"


def indicator_subject(indicator: dict[str, Any]) -> Subject:
    return Subject(SubjectKind.INDICATOR, indicator["code"], indicator["title"])


def status_findings(
    partnership: Partnership, indicators: dict[int, dict[str, Any]]
) -> list[Finding]:
    """One finding per indicator and status rule, from two queries (see the docstring)."""
    counts: dict[str, Any] = {
        "statuses": Count("pk"),
        "red_and_worse": Count("pk", filter=RED_AND_WORSE),
    }
    for number, status_rule in enumerate(STATUS_RULES):
        counts[f"found_{number}"] = Count("pk", filter=status_rule.condition)
        counts[f"example_{number}"] = Min("pk", filter=status_rule.condition)
    anything = Q()
    for number in range(len(STATUS_RULES)):
        anything |= Q(**{f"found_{number}__gt": 0})
    rows = list(
        IndicatorStatusSnapshot.objects.in_partnership(partnership)
        .values("indicator_id")
        .annotate(**counts)
        .filter(anything)
        .order_by()
    )
    wanted = [
        row[f"example_{number}"]
        for row in rows
        for number in range(len(STATUS_RULES))
        if row[f"found_{number}"]
    ]
    examples = dict(read_examples(wanted))
    found = []
    for row in sorted(rows, key=lambda row: indicators[row["indicator_id"]]["code"]):
        indicator = indicators[row["indicator_id"]]
        for number, status_rule in enumerate(STATUS_RULES):
            if not row[f"found_{number}"]:
                continue
            example = examples[row[f"example_{number}"]]
            figures: list[tuple[str, EvidenceValue]] = [
                ("areas", row[f"found_{number}"]),
                ("statuses", row["statuses"]),
                ("example_area", example["area__ref"]),
                ("period", example["latest_period"]),
                ("value", example["latest_value"]),
                ("target", example["target"]),
                *((field, example[field]) for field in status_rule.fields),
            ]
            severity = status_rule.severity
            if status_rule.rule is RAG_RED:
                figures.append(("red_and_worse", row["red_and_worse"]))
                if row["red_and_worse"]:
                    severity = Severity.HIGH
            found.append(
                Finding(
                    area=AREA,
                    rule=rule_ref(status_rule.rule),
                    subject=indicator_subject(indicator),
                    severity=severity,
                    evidence=Evidence(
                        tuple(figures),
                        indicator_url(partnership, row["indicator_id"], example["area__ref"]),
                    ),
                    period=example["latest_period"],
                    message=(
                        f"{status_rule.rule.label} in {row[f'found_{number}']} of "
                        f"{row['statuses']} areas; in {example['area__name']}, "
                        f"{example['latest_period'] or 'no period'}: value "
                        f"{example['latest_value']}, target {example['target']}."
                    ),
                )
            )
    return found


def read_examples(pks: list[int]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The example statuses' figures, by primary key, in a few queries."""
    for start in range(0, len(pks), EXAMPLES_PER_QUERY):
        chunk = pks[start : start + EXAMPLES_PER_QUERY]
        for row in IndicatorStatusSnapshot.objects.filter(pk__in=chunk).values(*EXAMPLE_FIELDS):
            yield row["pk"], row


@dataclass
class QualityTally:
    """How many areas one check found something in, for one indicator, and the first."""

    areas: int
    area_id: int
    period: str | None
    detail: str


def quality_findings(
    partnership: Partnership, indicators: dict[int, dict[str, Any]]
) -> list[Finding]:
    """One finding per indicator and data-quality check, from one streamed pass."""
    checks = {rule.name: rule for rule in QUALITY_RULES}
    tallies: dict[tuple[int, str], QualityTally] = {}
    rows = (
        IndicatorStatusSnapshot.objects.in_partnership(partnership)
        .with_quality_findings()
        .order_by("pk")
        .values_list("indicator_id", "area_id", "quality")
    )
    for indicator_id, area_id, quality in rows.iterator(chunk_size=5000):
        for name in {item.get("rule") for item in quality} & checks.keys():
            tally = tallies.get((indicator_id, name))
            if tally is None:
                first = next(item for item in quality if item.get("rule") == name)
                tallies[(indicator_id, name)] = QualityTally(
                    1, area_id, first.get("period"), first.get("detail", "")
                )
            else:
                tally.areas += 1
    areas = dict(
        Area.objects.filter(pk__in={tally.area_id for tally in tallies.values()}).values_list(
            "pk", "ref"
        )
    )
    order = {rule.name: position for position, rule in enumerate(QUALITY_RULES)}
    found = []
    for (indicator_id, name), tally in sorted(
        tallies.items(), key=lambda item: (indicators[item[0][0]]["code"], order[item[0][1]])
    ):
        rule = checks[name]
        area_ref = areas[tally.area_id]
        found.append(
            Finding(
                area=AREA,
                rule=rule_ref(rule),
                subject=indicator_subject(indicators[indicator_id]),
                severity=Severity.LOW,
                evidence=Evidence(
                    (
                        ("areas", tally.areas),
                        ("example_area", area_ref),
                        ("period", tally.period),
                        ("dimension", str(rule.dimension)),
                    ),
                    indicator_url(partnership, indicator_id, area_ref),
                ),
                period=tally.period or "",
                message=(
                    f"{rule.label} in {areas_phrase(tally.areas)}; in {area_ref}: {tally.detail}."
                ),
            )
        )
    return found


def rating_findings(
    partnership: Partnership, indicators: dict[int, dict[str, Any]]
) -> list[Finding]:
    """One finding per indicator with a dimension whose latest rating by a person is red
    (the register's ratings; one query, in the records' own order, latest first)."""
    rows = (
        QualityRecord.objects.filter(indicator__partnership=partnership)
        .order_by("indicator_id", "-recorded_at", "-pk")
        .values_list("indicator_id", "dimension", "rating", "evidence", "recorded_at")
    )
    found = []
    for indicator_id, records in groupby(rows, key=itemgetter(0)):
        dated = [
            (CoreQualityRecord(Dimension(dimension), Rag(rating), evidence), recorded_at)
            for _, dimension, rating, evidence, recorded_at in records
        ]
        red = rated_red([record for record, _ in dated])
        if not red:
            continue
        when = max(recorded_at for record, recorded_at in dated if record in red).date()
        indicator = indicators[indicator_id]
        found.append(
            Finding(
                area=AREA,
                rule=rule_ref(QUALITY_RATED_RED),
                subject=indicator_subject(indicator),
                severity=Severity.LOW,
                evidence=Evidence(
                    (
                        ("dimensions", ", ".join(str(record.dimension) for record in red)),
                        ("rated_on", when.isoformat()),
                    ),
                    reverse("performance:quality_register", args=[partnership.slug]),
                ),
                period=when.isoformat(),
                message="; ".join(
                    f"{record.dimension.value.capitalize()} rated red: {record.evidence}"
                    for record in red
                ),
            )
        )
    return sorted(found, key=lambda finding: finding.subject.ref)


def areas_phrase(count: int) -> str:
    return "1 area" if count == 1 else f"{count} areas"


def crowding_findings(partnership: Partnership) -> list[Finding]:
    """One finding per outcome and crowding-out reason, as the crowding report gives them."""
    report = crowding_report(partnership)
    by_name = {rule.name: rule for rule in CROWDING_RULES}
    url = reverse("performance:crowding", args=[partnership.slug])
    period = report.as_of.isoformat()
    return [
        Finding(
            area=AREA,
            rule=rule_ref(by_name[reason["rule"]]),
            subject=Subject(SubjectKind.OUTCOME, row["outcome"].ref, row["outcome"].title),
            severity=CROWDING_SEVERITY.get(reason["rule"], Severity.MEDIUM),
            evidence=Evidence((("detail", reason["detail"]), ("as_of", period)), url),
            period=period,
            message=f"{row['outcome'].title}: {reason['detail']}.",
        )
        for row in report.rows
        for reason in row["reasons"]
    ]
