from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "partnerscope.apps.strategy"
    label = "strategy"
    verbose_name = "Outcomes and strategy"
    partnership_area = True
    partnership_menu = [
        ("Outcomes", "strategy:outcomes"),
        ("Strategy review", "strategy:strategy"),
    ]
    datapackage_services = "partnerscope.apps.strategy.datapackage_services"
    demo_tables = "partnerscope.apps.strategy.demo.demo_tables"
    finding_source = "partnerscope.apps.strategy.findings"
    report_sections = "partnerscope.apps.strategy.reporting.report_sections"
