"""Recompute and store the status of every indicator of one or every partnership."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.status_snapshots import refresh_partnership


class Command(BaseCommand):
    help = (
        "Recompute the stored status of every indicator in every area (run it daily when a "
        "partnership judges performance as at today)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slugs", nargs="*", help="Partnerships to refresh (default: all).")
        parser.add_argument(
            "--workers", type=int, default=1, help="Worker processes for the computing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        slugs = options["slugs"]
        partnerships = Partnership.objects.all()
        if slugs:
            partnerships = partnerships.filter(slug__in=slugs)
            missing = set(slugs) - set(partnerships.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No such partnership: {', '.join(sorted(missing))}")
        for partnership in partnerships.order_by("slug"):
            result = refresh_partnership(partnership, workers=options["workers"])
            self.stdout.write(
                f"{result.partnership}: {result.series} statuses of {result.indicators} "
                f"indicators as at {result.as_of.isoformat()}"
            )
