"""Our own import-linter contract: each area app is read from outside only through its
public module.

The built-in contracts cannot say "nobody outside this package may import it, except
this one module of it" for many packages at once without one contract per pair of
areas. This one takes the list of areas and the public modules, and reports every
direct import from outside an area into any other module of it, with its line.
"""

from __future__ import annotations

from dataclasses import dataclass

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.domain import helpers


@dataclass(frozen=True, order=True)
class Breach:
    importer: str
    imported: str
    line_numbers: tuple[int, ...]


class PublicInterfaceContract(Contract):
    """Modules of ``importers`` outside an area may import only its ``public`` modules.

    Options:
        - areas: the area packages, e.g. ``partnerscope.apps.sevens``.
        - public: module expressions that may be imported from outside their area,
          e.g. ``partnerscope.apps.*.selectors``. An area's package itself (its
          ``__init__``) is public too.
        - importers: the packages whose imports are checked, e.g. ``partnerscope.apps``.
    """

    type_name = "public_interface"

    areas = fields.ListField(subfield=fields.ModuleField())
    public = fields.ListField(subfield=fields.ModuleExpressionField())
    importers = fields.ListField(subfield=fields.ModuleField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        public = {
            module.name
            for module in helpers.module_expressions_to_modules(graph, self.public)  # type: ignore[arg-type]
        }
        importers = [module.name for module in self.importers]  # type: ignore[attr-defined]
        breaches: list[Breach] = []
        for area in self.areas:  # type: ignore[attr-defined]
            inside = {area.name} | graph.find_descendants(area.name)
            for imported in sorted(inside - public - {area.name}):
                for importer in graph.find_modules_that_directly_import(imported):
                    if importer in inside or not _within(importer, importers):
                        continue
                    details = graph.get_import_details(importer=importer, imported=imported)
                    lines = tuple(sorted(detail["line_number"] for detail in details))
                    breaches.append(Breach(importer, imported, lines))
        return ContractCheck(kept=not breaches, metadata={"breaches": sorted(breaches)})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for breach in check.metadata["breaches"]:
            lines = ", ".join(f"l.{number}" for number in breach.line_numbers)
            output.print_error(
                f"{breach.importer} is not allowed to import {breach.imported} ({lines}): "
                "read the area through its public module instead.",
                bold=False,
            )
            output.new_line()


def _within(module: str, packages: list[str]) -> bool:
    return any(module == package or module.startswith(f"{package}.") for package in packages)
