from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "partnerscope.apps.performance"
    label = "performance"
    verbose_name = "Performance"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = []
