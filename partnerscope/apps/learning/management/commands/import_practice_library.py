"""Import the site-wide library of notable practice from a CSV file."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from partnerscope.apps.learning.library import import_library
from partnerscope.datapackage.tables import TableErrors


class Command(BaseCommand):
    help = (
        "Add or change the site-wide practice entries of a CSV file (columns: id, practice, "
        "description, where, evidence, framework_part, contact, rule_ids, example), all or "
        "nothing; entries not in the file stay."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="The CSV file of the library.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = import_library(options["file"])
        except TableErrors as problems:
            raise CommandError(f"Nothing was imported.\n{problems}") from None
        self.stdout.write(f"Site-wide library: {done.added} added, {done.changed} changed.")
