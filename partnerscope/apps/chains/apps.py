from django.apps import AppConfig


class ChainsConfig(AppConfig):
    name = "partnerscope.apps.chains"
    label = "chains"
    verbose_name = "Delivery chains"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Delivery chains", "chains:index")]
    datapackage_services = "partnerscope.apps.chains.datapackage_services"
    demo_tables = "partnerscope.apps.chains.demo.tables.demo_tables"
    finding_source = "partnerscope.apps.chains.findings"
    report_sections = "partnerscope.apps.chains.report.report_sections"
