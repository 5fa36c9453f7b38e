from django.apps import AppConfig


class SevensConfig(AppConfig):
    name = "partnerscope.apps.sevens"
    label = "sevens"
    verbose_name = "7S self-assessment"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("7S self-assessment", "sevens:index")]
    datapackage_services = "partnerscope.apps.sevens.datapackage_services"
    demo_tables = "partnerscope.apps.sevens.demo.demo_tables"
    survey_definition = "partnerscope.apps.sevens.survey.DEFINITION"
    finding_source = "partnerscope.apps.sevens.findings"
    report_sections = "partnerscope.apps.sevens.report.report_sections"
