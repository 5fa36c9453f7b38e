"""How each part of the framework plugs into the shared site without editing it.

An area app (sevens, network, performance, chains, …) marks its ``AppConfig`` with
``partnership_area = True`` and may declare:

- ``partnership_menu``: ``[(label, url name)]`` links for the partnership menu; each URL
  takes the partnership's ``slug``;
- ``datapackage_services``: dotted path of a module with ``export_tables(partnership)``,
  ``check_tables(tables) -> list[TableError]`` and ``import_tables(partnership, tables, refs)``,
  so the area's tables travel in the data package;
- ``demo_tables``: dotted path of ``function(tables, index) -> dict[str, rows]`` returning
  the area's demo rows for one demo partnership (given its foundation tables), which the
  demo then imports through the ordinary data-package import.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string


def area_configs() -> list[AppConfig]:
    return [
        config for config in apps.get_app_configs() if getattr(config, "partnership_area", False)
    ]


def menu_entries() -> list[tuple[str, str]]:
    return [entry for config in area_configs() for entry in getattr(config, "partnership_menu", [])]


def manager_menu_entries() -> list[tuple[str, str]]:
    return [
        entry
        for config in apps.get_app_configs()
        for entry in getattr(config, "partnership_manager_menu", [])
    ]


def datapackage_modules() -> list[ModuleType]:
    modules = []
    for config in area_configs():
        path = getattr(config, "datapackage_services", None)
        if path:
            modules.append(__import__(path, fromlist=["export_tables"]))
    return modules


def demo_builders() -> list[Callable[[dict[str, Any], int], dict[str, list[dict[str, Any]]]]]:
    return [
        import_string(config.demo_tables)
        for config in area_configs()
        if getattr(config, "demo_tables", None)
    ]
