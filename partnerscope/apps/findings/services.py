"""Refreshing a partnership's register: ask every area, check, compare and store.

Every registered ``finding_source`` is asked for its findings, each checked against the
source's own ``rules()`` (``check_findings``), then sorted against the open findings of the
last refresh (``compare``) into new, persisting and resolved, and stored in one transaction.
All sources are asked, inside the transaction, before anything is written, so a source that
fails leaves the register (and anything the source itself wrote) as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Case, When
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from partnerscope.apps.common.extensions import finding_sources
from partnerscope.apps.findings.choices import Change, FindingStatus, Severity
from partnerscope.apps.findings.models import (
    CONTENT_FIELDS,
    FindingEvent,
    Refresh,
    StoredFinding,
    content_of,
)
from partnerscope.apps.replies.selectors import reply_counts
from partnerscope.core.findings import Finding, check_findings, compare


class SourceFailed(Exception):
    """An area's findings could not be gathered; nothing was stored."""

    def __init__(self, area: str, problem: BaseException) -> None:
        self.area = area
        super().__init__(f"The {area} area's findings could not be gathered: {problem}")


def gather(partnership: Any) -> list[Finding]:
    """Every area's findings about ``partnership``, each checked against the area's rules."""
    found: list[Finding] = []
    for area, source in finding_sources().items():
        try:
            checked = check_findings(source.findings(partnership), source.rules())
            strays = sorted({finding.area for finding in checked} - {area})
            if strays:
                raise ValueError(f"it handed over findings of another area ({', '.join(strays)})")
        except Exception as problem:
            raise SourceFailed(area, problem) from problem
        found.extend(checked)
    return found


def refresh(partnership: Any, ran_by: str, user: Any = None) -> Refresh:
    """Refresh ``partnership``'s register and return the refresh's record.

    Running it twice in a row changes no finding: the second run only logs a refresh whose
    findings all persist. Raises :class:`SourceFailed` (nothing stored) when an area fails.
    """
    with transaction.atomic():
        found = gather(partnership)
        # One refresh of a partnership at a time: the second waits, then compares with the first.
        list(type(partnership).objects.select_for_update().filter(pk=partnership.pk).values("pk"))
        return store(partnership, found, ran_by, user, timezone.now())


def store(
    partnership: Any, found: Iterable[Finding], ran_by: str, user: Any, now: datetime
) -> Refresh:
    """Write one refresh: new rows, changed rows and their versions in bulk, the events
    and the refresh's counts. Unchanged persisting rows only take the new ``last_found``."""
    stored = {row.key: row for row in StoredFinding.objects.in_partnership(partnership)}
    open_keys = {key for key, row in stored.items() if row.is_open}
    changes = compare(open_keys, found)
    log = Refresh.objects.create(partnership=partnership, ran_at=now, ran_by=ran_by)
    created: list[StoredFinding] = []
    changed: list[StoredFinding] = []
    unchanged: list[int] = []
    events: list[tuple[StoredFinding, str]] = []
    for finding in changes.new:
        row = stored.get(finding.key)
        if row is None:
            row = StoredFinding(
                partnership=partnership,
                area=finding.area,
                rule_id=finding.rule.id,
                subject_kind=finding.subject.kind.value,
                subject_ref=finding.subject.ref,
                first_found=now,
                last_found=now,
                **content_of(finding),
            )
            created.append(row)
            events.append((row, Change.NEW))
        else:
            set_content(row, finding)
            row.status, row.resolved_at, row.last_found = FindingStatus.OPEN, None, now
            changed.append(row)
            events.append((row, Change.FOUND_AGAIN))
    for finding in changes.persisting:
        row = stored[finding.key]
        if row.content() == content_of(finding):
            unchanged.append(row.pk)
        else:
            set_content(row, finding)
            row.last_found = now
            changed.append(row)
        events.append((row, Change.PERSISTING))
    for key in changes.resolved:
        row = stored[key]
        row.status, row.resolved_at = FindingStatus.RESOLVED, now
        changed.append(row)
        events.append((row, Change.RESOLVED))
    versions = {"default_user": user, "default_date": now, "batch_size": BATCH_SIZE}
    bulk_create_with_history(created, StoredFinding, **versions)
    bulk_update_with_history(changed, StoredFinding, UPDATED_FIELDS, **versions)
    StoredFinding.objects.filter(pk__in=unchanged).update(last_found=now)
    FindingEvent.objects.bulk_create(
        [FindingEvent(refresh=log, finding=row, change=change) for row, change in events],
        batch_size=BATCH_SIZE,
    )
    counted = [change for _, change in events]
    log.new = counted.count(Change.NEW)
    log.persisting = counted.count(Change.PERSISTING)
    log.resolved = counted.count(Change.RESOLVED)
    log.found_again = counted.count(Change.FOUND_AGAIN)
    log.save(update_fields=["new", "persisting", "resolved", "found_again"])
    return log


BATCH_SIZE = 500
UPDATED_FIELDS = [*CONTENT_FIELDS, "status", "resolved_at", "last_found"]


def set_content(row: StoredFinding, finding: Finding) -> None:
    for name, value in content_of(finding).items():
        setattr(row, name, value)


def refresh_demo(partnerships: Iterable[Any]) -> None:
    """The ``after_demo`` hook: refresh the register of every demo partnership built."""
    for partnership in partnerships:
        refresh(partnership, ran_by="the demo")


REGISTER_PAGE_SIZE = 50


@dataclass(frozen=True)
class RegisterPage:
    """One page of the register as filtered, with the counts the page shows."""

    page: Page[StoredFinding]
    query: str
    open_by_severity: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    last_refresh: Refresh | None


def area_choices(partnership: Any) -> list[tuple[str, str]]:
    """Every area with a findings source, and any other area already in the register."""
    labels = list(finding_sources())
    stored = StoredFinding.objects.in_partnership(partnership).order_by("area")
    labels += [
        area for area in stored.values_list("area", flat=True).distinct() if area not in labels
    ]
    return [(label, area_name(label)) for label in labels]


def area_name(label: str) -> str:
    """An area's name for people: its app's verbose name, or the label of an area gone."""
    try:
        return str(apps.get_app_config(label).verbose_name)
    except LookupError:
        return label


def register_page(partnership: Any, filters: dict[str, str], number: str | None) -> RegisterPage:
    """The page ``number`` of the findings matching ``filters``, and the register's counts."""
    register = StoredFinding.objects.in_partnership(partnership)
    matching = register.matching(filters).order_by(
        "status", SEVERITY_ORDER, "area", "rule_id", "subject_kind", "subject_ref"
    )
    page = Paginator(matching, REGISTER_PAGE_SIZE).get_page(number)
    page.object_list = list(page.object_list)
    replied = reply_counts(partnership, [row.key for row in page.object_list])
    for row in page.object_list:
        row.area_name = area_name(row.area)  # type: ignore[attr-defined]
        row.reply_count = replied.get(row.key, 0)  # type: ignore[attr-defined]
    open_counts = register.open().counts_by("severity")
    status_counts = register.counts_by("status")
    return RegisterPage(
        page=page,
        query=urlencode({name: value for name, value in filters.items() if value}),
        open_by_severity=[(label, open_counts.get(value, 0)) for value, label in Severity.choices],
        by_status=[(label, status_counts.get(value, 0)) for value, label in FindingStatus.choices],
        last_refresh=Refresh.objects.in_partnership(partnership).first(),
    )


SEVERITY_ORDER = Case(
    *(When(severity=value, then=rank) for rank, value in enumerate(Severity.values)),
    default=len(Severity.values),
)
"""High first, then medium, low and positive."""
