"""Red and green flags: candidates proposed by named rules from the register's evidence,
each confirmed, changed or rejected by a manager with a reason; and the health check's
three questions with their narratives and the partnership's own ratings.

Other apps read it only through :mod:`partnerscope.apps.flags.selectors`. Modules:
``evidence`` (the rules' evidence snapshot), ``proposing`` (refreshing the candidates),
``deciding`` (a manager's decision), ``questions`` (the three questions and their
evidence), ``overview_page`` (what the pages show), ``reporting`` (the report's sections),
``datapackage_services`` and ``demo``.
"""

from django.apps import AppConfig


class FlagsConfig(AppConfig):
    name = "partnerscope.apps.flags"
    label = "flags"
    verbose_name = "Flags"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Flags", "flags:overview")]
    after_demo = "partnerscope.apps.flags.proposing.propose_demo"
    report_sections = "partnerscope.apps.flags.reporting.report_sections"
    datapackage_services = "partnerscope.apps.flags.datapackage_services"
    finding_panels = "partnerscope.apps.flags.overview_page.finding_panel"
