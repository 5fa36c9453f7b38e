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
  demo then imports through the ordinary data-package import;
- ``survey_definition``: dotted path of the area's ``SurveyDefinition`` (the survey
  engine's ``common/surveys/registry.py``), so reminders can reach its waves and invitees;
- ``finding_source``: dotted path of a module with ``rules() -> list[RuleRef]`` (every rule
  the area may cite) and ``findings(partnership) -> Iterable[Finding]`` (what those rules
  find now), the findings protocol of ``partnerscope.core.findings``, so the area's
  findings reach the one register;
- ``after_demo``: dotted path of ``function(partnerships)``, called by :func:`after_demo`
  once the demo is built with every demo partnership, so an area can work on what the
  demo built (the findings register refreshes each partnership's register);
- ``report_sections``: dotted path of ``function() -> list[ReportSection]``
  (``partnerscope.apps.common.reporting``): the area's sections of the health-check report;
- ``finding_panels``: dotted path of ``function(request, partnership, key) -> Panel | None``
  (``key`` a finding's key: area, rule id, subject kind, subject ref): what the area shows
  on a finding's page about it (the actions that answer it, the replies of the partner it
  names, notable practice that could help), rendered below the evidence;
- ``outcome_resources``: dotted path of ``function(partnership) -> dict[outcome ref,
  OutcomeResources] | None`` (None when the partnership has recorded no resources there):
  the resources an area records behind each shared outcome, which the
  outcome pages show and the strategy review judges (an outcome with no resources);
- ``invitation_mailer``: (the reminders app) dotted path of
  ``function(survey key, respondent ids) -> bool`` that queues the invitation e-mails of new
  survey links, True if they are queued and not sent yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from partnerscope.apps.common.reporting import ReportSection
    from partnerscope.apps.common.surveys.registry import SurveyDefinition
    from partnerscope.core.findings import Finding, RuleRef


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


def survey_definitions() -> dict[str, SurveyDefinition]:
    """Every registered survey by its key, in the order of the installed apps."""
    found = (
        import_string(config.survey_definition)
        for config in area_configs()
        if getattr(config, "survey_definition", None)
    )
    return {definition.key: definition for definition in found}


def queue_invitation_emails(survey: str, ids: Sequence[int]) -> bool:
    """Queue the invitation e-mails of new links through the registered mailer.

    True if they are queued and not sent yet; False when sent at once, when there is
    nothing to send, or when no app sends e-mails.
    """
    for config in apps.get_app_configs():
        path = getattr(config, "invitation_mailer", None)
        if path:
            return bool(import_string(path)(survey, ids))
    return False


@dataclass(frozen=True)
class Panel:
    """A part of another app's page that an area fills: a template, which reads ``context``
    as ``panel``.
    Headings inside the template start at ``h2``."""

    template: str
    context: dict[str, Any]


def finding_panels(request: Any, partnership: Any, key: tuple[str, str, str, str]) -> list[Panel]:
    """What every area shows on the page of the finding with this key, in the apps' order."""
    panels = (
        import_string(config.finding_panels)(request, partnership, key)
        for config in area_configs()
        if getattr(config, "finding_panels", None)
    )
    return [panel for panel in panels if panel is not None]


class FindingSource(Protocol):
    """An area's findings: the rules it may cite and what they find in a partnership."""

    def rules(self) -> list[RuleRef]: ...

    def findings(self, partnership: Any) -> Iterable[Finding]: ...


def finding_sources() -> dict[str, FindingSource]:
    """Every area's findings source by the area's app label, in the order of the apps."""
    return {
        config.label: cast(FindingSource, import_module(config.finding_source))
        for config in area_configs()
        if getattr(config, "finding_source", None)
    }


def after_demo(partnerships: Sequence[Any]) -> None:
    """Call every area's ``after_demo`` hook with the demo partnerships just built."""
    for config in area_configs():
        path = getattr(config, "after_demo", None)
        if path:
            import_string(path)(partnerships)


def report_sections() -> list[ReportSection]:
    """Every area's sections of the health-check report, in the report's order."""
    sections = [
        section
        for config in area_configs()
        if getattr(config, "report_sections", None)
        for section in import_string(config.report_sections)()
    ]
    return sorted(sections, key=lambda section: (section.order, section.key))


@dataclass(frozen=True)
class OutcomeResources:
    """What an area records behind one outcome: how many budgets or resources (0 when
    none), and the panel it shows on the outcome's page."""

    count: int
    panel: Panel | None = None


def outcome_resources(partnership: Any) -> dict[str, OutcomeResources] | None:
    """Every outcome's resources by its ref, from every area that records them, or None
    when no such area is installed or none has recorded anything for this partnership
    (resources unknown, not zero)."""
    paths = [
        config.outcome_resources
        for config in area_configs()
        if getattr(config, "outcome_resources", None)
    ]
    answers = [import_string(path)(partnership) for path in paths]
    recorded = [answer for answer in answers if answer is not None]
    if not recorded:
        return None
    found: dict[str, OutcomeResources] = {}
    for answer in recorded:
        for ref, resources in answer.items():
            earlier = found.get(ref)
            count = resources.count + (earlier.count if earlier else 0)
            found[ref] = OutcomeResources(count, resources.panel or (earlier and earlier.panel))
    return found
