"""What other apps may read of, or ask of, the health-check report area.

The areas' report sections use :func:`rows_digest` and :func:`cached` to keep their costly
work (a network's layout, every chain's analysis) between requests without ever serving it
stale: the cache key is a digest of every row the work reads, so any change to those rows,
an update in place included, gives a new key. The rows are read as plain values, which costs
a small part of the work it saves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import models

from partnerscope.apps.reports.models import Publication

T = TypeVar("T")
CACHE_SECONDS = 24 * 60 * 60


def rows_digest(*parts: models.QuerySet[Any] | Iterable[Any] | str) -> str:
    """A digest of every concrete field of every row of these querysets (and of any plain
    values given beside them), in primary-key order."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, models.QuerySet):
            model = part.model
            fields = [field.attname for field in model._meta.concrete_fields]
            digest.update(model._meta.label.encode())
            for row in part.order_by("pk").values_list(*fields):
                digest.update(repr(row).encode())
        else:
            digest.update(repr(part if isinstance(part, str) else list(part)).encode())
        digest.update(b"|")
    return digest.hexdigest()


def cached(name: str, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept under ``name`` and the data digest ``key``."""
    full = f"report-section:{name}:{key}"
    found = cache.get(full)
    if found is None:
        found = compute()
        cache.set(full, found, CACHE_SECONDS)
    return found


def public_report_published(partnership: Any) -> bool:
    """Whether local people can read a public version of the partnership's report now."""
    return Publication.objects.in_partnership(partnership).live().exists()
