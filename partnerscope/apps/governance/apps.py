from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "partnerscope.apps.governance"
    label = "governance"
    verbose_name = "Governance"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Governance", "governance:overview")]
    finding_source = "partnerscope.apps.governance.findings"
    datapackage_services = "partnerscope.apps.governance.datapackage_services"
    demo_tables = "partnerscope.apps.governance.demo.demo_tables"
    report_sections = "partnerscope.apps.governance.report.report_sections"
