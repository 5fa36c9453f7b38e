from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "partnerscope.apps.resources"
    label = "resources"
    verbose_name = "Resources"
    partnership_area = True
    partnership_menu = [("Resources", "resources:ledger")]
    finding_source = "partnerscope.apps.resources.findings"
    report_sections = "partnerscope.apps.resources.reporting.report_sections"
    demo_tables = "partnerscope.apps.resources.demo.demo_tables"
    datapackage_services = "partnerscope.apps.resources.datapackage_services"
    outcome_resources = "partnerscope.apps.resources.selectors.outcome_resources"
