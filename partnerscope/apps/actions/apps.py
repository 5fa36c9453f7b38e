"""The partnership's one action plan: every action agreed in answer to findings, flags or a
delivery chain's workshop, with its owner, due date, status and dated progress notes.

Other apps read it only through :mod:`partnerscope.apps.actions.selectors`.
"""

from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "partnerscope.apps.actions"
    label = "actions"
    verbose_name = "Action plan"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Action plan", "actions:plan")]
    datapackage_services = "partnerscope.apps.actions.datapackage_services"
    demo_tables = "partnerscope.apps.actions.demo.demo_tables"
    report_sections = "partnerscope.apps.actions.report.report_sections"
    finding_panels = "partnerscope.apps.actions.pages.finding_panel"
