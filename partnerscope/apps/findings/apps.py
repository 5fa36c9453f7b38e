from django.apps import AppConfig


class FindingsConfig(AppConfig):
    name = "partnerscope.apps.findings"
    label = "findings"
    verbose_name = "Findings"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Findings", "findings:register")]
    after_demo = "partnerscope.apps.findings.services.refresh_demo"
    report_sections = "partnerscope.apps.findings.report.report_sections"
