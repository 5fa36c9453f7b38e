"""The exception report: the statuses that need the partnership's attention, and why.

A status is an exception when it is red, worse than the period before or a year before,
likely to miss its target, or a concerning special cause. The report counts each reason,
filters by area and reason, and names each row's reasons briefly; the full wording of each
rule is shown once, in the key.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, Count, ExpressionWrapper, QuerySet

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.lookups import PAGE_SIZE, areas_of
from partnerscope.apps.performance.models import Area, IndicatorStatusSnapshot
from partnerscope.apps.performance.querysets import EXCEPTION_CONDITIONS
from partnerscope.core.indicators import (
    DIRECTION_WORSENING,
    FORECAST_LIKELY_MISSED,
    RAG_RED,
    SPC_SPECIAL_CAUSE_CONCERNING,
    Rule,
)
from partnerscope.datapackage.csvfiles import CsvWriter


@dataclass(frozen=True)
class ExceptionReason:
    """One way a status earns a place in the report: its filter key, a short label for
    the rows, and the rule whose wording explains it."""

    key: str
    label: str
    rule: Rule

    @property
    def flag(self) -> str:
        """The name of the query annotation that says whether a status has this reason."""
        return f"is_{self.key}"


REASONS = (
    ExceptionReason("red", "Red", RAG_RED),
    ExceptionReason("worse_than_last_period", "Worse than last period", DIRECTION_WORSENING),
    ExceptionReason("worse_than_a_year_ago", "Worse than a year ago", DIRECTION_WORSENING),
    ExceptionReason("likely_missed", "Likely to miss target", FORECAST_LIKELY_MISSED),
    ExceptionReason("special_cause", "Concerning special cause", SPC_SPECIAL_CAUSE_CONCERNING),
)
REASON_BY_KEY = {reason.key: reason for reason in REASONS}


@dataclass(frozen=True)
class ExceptionRow:
    snapshot: IndicatorStatusSnapshot
    reasons: list[ExceptionReason]


@dataclass(frozen=True)
class ReasonCount:
    """A reason with its count, whether it is the chosen one, and the query choosing it."""

    reason: ExceptionReason
    count: int
    chosen: bool
    query: str


@dataclass
class ExceptionReport:
    area: Area | None
    areas: list[Area]
    reason: ExceptionReason | None
    counts: list[ReasonCount]
    total: int
    page: Page
    rows: list[ExceptionRow]

    @property
    def count(self) -> int:
        """How many exceptions the chosen area and reason leave."""
        return int(self.page.paginator.count)

    @property
    def query(self) -> str:
        """The query string of the chosen area and reason, for links that keep them."""
        return filter_query(self.area, self.reason)

    @property
    def every_reason(self) -> bool:
        """Whether every reason is shown (none was chosen)."""
        return self.reason is None

    @property
    def area_query(self) -> str:
        """The chosen area alone: the base of the links that choose a reason."""
        return filter_query(self.area, None)


def filter_query(area: Area | None, reason: ExceptionReason | None) -> str:
    """``area=…&reason=…`` for whichever of the two is chosen."""
    pairs = [("area", area.ref)] if area is not None else []
    if reason is not None:
        pairs.append(("reason", reason.key))
    return urlencode(pairs)


@dataclass(frozen=True)
class Choice:
    """The area and reason a reader chose; an unknown area or reason chooses all."""

    areas: list[Area]
    area: Area | None
    reason: ExceptionReason | None


def choose(partnership: Partnership, area_ref: str | None, reason_key: str | None) -> Choice:
    areas = areas_of(partnership)
    area = next((item for item in areas if item.ref == area_ref), None)
    return Choice(areas, area, REASON_BY_KEY.get(reason_key or ""))


def _in_area(partnership: Partnership, choice: Choice) -> QuerySet[IndicatorStatusSnapshot]:
    query = IndicatorStatusSnapshot.objects.in_partnership(partnership).exceptions()
    return query.filter(area=choice.area) if choice.area is not None else query


def _for_reason(
    query: QuerySet[IndicatorStatusSnapshot], choice: Choice
) -> QuerySet[IndicatorStatusSnapshot]:
    if choice.reason is None:
        return query
    return query.filter(EXCEPTION_CONDITIONS[choice.reason.key])


def _with_flags(query: QuerySet[IndicatorStatusSnapshot]) -> QuerySet[IndicatorStatusSnapshot]:
    """The query with a boolean per reason, so each row names its reasons from the same
    conditions that chose it."""
    return query.annotate(
        **{
            reason.flag: ExpressionWrapper(
                EXCEPTION_CONDITIONS[reason.key], output_field=BooleanField()
            )
            for reason in REASONS
        }
    )


def _rows(snapshots: Iterable[IndicatorStatusSnapshot]) -> list[ExceptionRow]:
    return [
        ExceptionRow(snapshot, [reason for reason in REASONS if getattr(snapshot, reason.flag)])
        for snapshot in snapshots
    ]


class CountedPaginator(Paginator):
    """A paginator told its count, because the report has already counted its rows."""

    def __init__(self, object_list: Any, per_page: int, known_count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = known_count

    @property
    def count(self) -> int:
        return self.known_count


def _page_rows(query: QuerySet[IndicatorStatusSnapshot], ids: list[int]) -> list[ExceptionRow]:
    """The rows of one page, fetched by key in the page's order.

    The page's keys come first from a narrow ordered query, which databases answer by
    walking indicators in code order and stopping at the page; sorting whole rows of a
    large partnership's statuses would take far longer."""
    snapshots = _with_flags(query.filter(pk__in=ids).select_related("indicator", "area"))
    by_key = {snapshot.pk: snapshot for snapshot in snapshots}
    return _rows(by_key[pk] for pk in ids)


def exception_report(partnership: Partnership, choice: Choice, page_number: Any) -> ExceptionReport:
    """One page of the chosen exceptions, with the count of every reason in the area."""
    in_area = _in_area(partnership, choice)
    tallies = in_area.aggregate(
        total=Count("pk"),
        **{r.key: Count("pk", filter=EXCEPTION_CONDITIONS[r.key]) for r in REASONS},
    )
    counts = [
        ReasonCount(r, tallies[r.key], r is choice.reason, filter_query(choice.area, r))
        for r in REASONS
    ]
    chosen = _for_reason(in_area, choice)
    keys = chosen.in_report_order().values_list("pk", flat=True)
    count = tallies[choice.reason.key] if choice.reason is not None else tallies["total"]
    page = CountedPaginator(keys, PAGE_SIZE, count).get_page(page_number)
    return ExceptionReport(
        choice.area,
        choice.areas,
        choice.reason,
        counts,
        tallies["total"],
        page,
        _page_rows(chosen, list(page.object_list)),
    )


CSV_COLUMNS = [
    "indicator",
    "title",
    "area",
    "latest_period",
    "latest_value",
    "target",
    "rating",
    "reasons",
]


CSV_FIELDS = (
    "indicator__code",
    "indicator__title",
    "area__name",
    "latest_period",
    "latest_value",
    "target",
    "rag",
)
CSV_ROWS_AT_ONCE = 1000


def _figure(value: float | None) -> float | str:
    """A figure stays a number, so a negative value is not mistaken for a formula's text."""
    return "" if value is None else value


def _csv_record(row: tuple[Any, ...]) -> list[Any]:
    code, title, area, period, value, target, rag, *flags = row
    reasons = "; ".join(reason.label for reason, flag in zip(REASONS, flags, strict=True) if flag)
    return [code, title, area, period, _figure(value), _figure(target), rag, reasons]


def exception_csv(partnership: Partnership, choice: Choice) -> Iterator[str]:
    """Every chosen exception as CSV, for meeting papers, a thousand rows at a time so that
    the whole report of a large partnership streams rather than waits in memory; the
    reasons column lists the short labels, separated by semicolons. Text that a spreadsheet
    would run as a formula (a crafted indicator title) is neutralised."""
    rows = (
        _with_flags(_for_reason(_in_area(partnership, choice), choice))
        .in_report_order()
        .values_list(*CSV_FIELDS, *(reason.flag for reason in REASONS))
    )
    buffer = io.StringIO()
    writer = CsvWriter(buffer, for_spreadsheets=True)
    writer.writerow(CSV_COLUMNS)
    records = rows.iterator(chunk_size=CSV_ROWS_AT_ONCE)
    while chunk := list(islice(records, CSV_ROWS_AT_ONCE)):
        writer.writerows(_csv_record(row) for row in chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
