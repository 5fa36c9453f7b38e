"""Print a stored wave's 7S results as JSON: the same figures as the web pages show."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from partnerscope.apps.sevens.models import Wave
from partnerscope.apps.sevens.services import results_dict


class Command(BaseCommand):
    help = (
        "Print a wave's 7S results as JSON (keys as in docs/sevens.md), with withheld groups "
        "absent. Waves are named by partnership slug and wave id."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("partnership", help="The partnership's slug, e.g. northshire.")
        parser.add_argument("wave", nargs="?", help="The wave's id; leave out to list waves.")

    def handle(self, *args: Any, **options: Any) -> None:
        waves = Wave.objects.filter(partnership__slug=options["partnership"]).order_by("opens")
        if not options["wave"]:
            for wave in waves:
                self.stdout.write(f"{wave.ref}\t{wave.opens}\t{wave.closes}\t{wave.title}")
            return
        wave = waves.filter(ref=options["wave"]).first()
        if wave is None:
            raise CommandError(
                f"No wave {options['wave']!r} in partnership {options['partnership']!r}."
            )
        self.stdout.write(json.dumps(results_dict(wave), indent=2, ensure_ascii=False))
