from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "partnerscope.apps.reports"
    label = "reports"
    verbose_name = "Health-check report"
    partnership_area = True
