from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "partnerscope.apps.performance"
    label = "performance"
    verbose_name = "Performance"
    partnership_area = True
    partnership_menu = [("Performance", "performance:dashboard")]
    datapackage_services = "partnerscope.apps.performance.datapackage_services"
    demo_tables = "partnerscope.apps.performance.demo.demo_tables"
