from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "partnerscope.apps.network"
    label = "network"
    verbose_name = "Relationships"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Relationships", "network:index")]
    datapackage_services = "partnerscope.apps.network.datapackage_services"
    demo_tables = "partnerscope.apps.network.demo.demo_tables"
    survey_definition = "partnerscope.apps.network.survey.DEFINITION"
    finding_source = "partnerscope.apps.network.findings"
    report_sections = "partnerscope.apps.network.report.report_sections"
