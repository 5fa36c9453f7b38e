from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "partnerscope.apps.performance"
    label = "performance"
    verbose_name = "Performance"
    partnership_area = True
    partnership_menu = [("Performance", "performance:dashboard")]
    datapackage_services = "partnerscope.apps.performance.data_package"
    demo_tables = "partnerscope.apps.performance.demo.tables.demo_tables"
    finding_source = "partnerscope.apps.performance.findings"
    report_sections = "partnerscope.apps.performance.report.report_sections"
