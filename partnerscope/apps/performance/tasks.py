"""Background tasks of the performance area: refreshing stored statuses after an import.

An import is enqueued its refresh inside the import's own transaction. With the database
backend the task row is then committed with the imported values or not at all, and a
worker can only see it once the import is committed: the refresh never reads half an
import, and no committed import is left without its refresh. With the immediate backend
(tests, the demo) the refresh runs at once, as before.
"""

from __future__ import annotations

from collections.abc import Mapping

from django_tasks import task

from partnerscope.apps.partnerships.models import Partnership


@task()
def refresh_statuses(partnership_id: int, series: list[list[int]] | None = None) -> int:
    """Recompute stored statuses: of every indicator of the partnership, or only of the
    given ``[indicator id, area id, area id, ...]`` series. Returns the indicators done."""
    from partnerscope.apps.performance.models import Area, Indicator
    from partnerscope.apps.performance.status_snapshots import refresh_partnership, refresh_series

    partnership = Partnership.objects.filter(pk=partnership_id).first()
    if partnership is None:
        return 0
    if series is None:
        return refresh_partnership(partnership).indicators
    done = 0
    for indicator_id, *area_ids in series:
        indicator = Indicator.objects.filter(pk=indicator_id, partnership=partnership).first()
        if indicator is None:
            continue
        areas = list(Area.objects.in_partnership(partnership).filter(pk__in=area_ids))
        refresh_series(indicator, areas)
        done += 1
    return done


def refresh_after_import(
    partnership: Partnership, touched: Mapping[int, set[int]] | None = None
) -> None:
    """Queue the status refresh of an import: the whole partnership, or the series it
    touched (indicator id to area ids)."""
    series = (
        None
        if touched is None
        else [[indicator_id, *sorted(areas)] for indicator_id, areas in sorted(touched.items())]
    )
    refresh_statuses.enqueue(partnership.pk, series)
