"""Publishing the public version of the report: render it with ``ReportRequest(public=True)``,
store the HTML and the PDF as a snapshot with who published it and when, replace the version
published before, and withdraw it.

Only sections that offer themselves to the public (``in_public_version``) can be published:
:func:`assembly.choose` refuses any other name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from partnerscope.apps.audit import log
from partnerscope.apps.audit.log import AuditAction
from partnerscope.apps.reports import assembly
from partnerscope.apps.reports.models import Publication
from partnerscope.apps.reports.pdf import render_pdf

REPLACED = "Replaced by a newer version"
WITHDRAWN = "Withdrawn"


def live_publication(partnership: Any) -> Publication | None:
    """The public version local people can read now, or None."""
    return Publication.objects.in_partnership(partnership).live().first()


def publications(partnership: Any) -> list[Publication]:
    """Every publication of the partnership, newest first (without loading the snapshots)."""
    return list(Publication.objects.in_partnership(partnership).defer("html", "pdf"))


def publish(
    partnership: Any,
    *,
    by: str,
    keys: Sequence[str] | None = None,
    title: str = "",
    today: dt.date | None = None,
    user: Any = None,
) -> Publication:
    """Render and store the public version of the chosen sections, replacing the live one."""
    report = assembly.build(partnership, keys=keys, public=True, today=today, title=title)
    html = assembly.body_html(report)
    pdf = render_pdf(assembly.document_html(report))
    now = timezone.now()
    with transaction.atomic():
        Publication.objects.in_partnership(partnership).live().update(
            withdrawn_at=now, withdrawn_by=by, withdrawal_reason=REPLACED
        )
        publication = Publication.objects.create(
            partnership=partnership,
            title=report.title,
            sections=[section.key for section in report.sections],
            html=html,
            pdf=pdf,
            published_at=now,
            published_by=by,
        )
    record(AuditAction.RECORD_CREATED, user, publication)
    return publication


def withdraw(publication: Publication, *, by: str, user: Any = None) -> Publication:
    """Take a publication down; its public address then answers 404. Its history stays."""
    if publication.withdrawn_at is None:
        publication.withdrawn_at = timezone.now()
        publication.withdrawn_by = by
        publication.withdrawal_reason = WITHDRAWN
        publication.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        record(AuditAction.RECORD_CHANGED, user, publication)
    return publication


def record(action: AuditAction, user: Any, publication: Publication) -> None:
    """The audit log's entry for a publication or a withdrawal."""
    log.record(
        action,
        user=user,
        partnership=publication.partnership,
        subject_type="public report",
        subject_ref=str(publication.pk),
        subject_label=publication.title,
        detail={"live": publication.is_live},
    )
