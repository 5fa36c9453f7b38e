from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "partnerscope.apps.reports"
    label = "reports"
    verbose_name = "Health-check report"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Health-check report", "reports:report")]
    after_demo = "partnerscope.apps.reports.demo.publish_demo"
