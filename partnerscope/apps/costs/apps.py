from django.apps import AppConfig


class CostsConfig(AppConfig):
    name = "partnerscope.apps.costs"
    label = "costs"
    verbose_name = "Costs and benefits"
    partnership_area = True
    datapackage_services = "partnerscope.apps.costs.datapackage_services"
    demo_tables = "partnerscope.apps.costs.demo.demo_tables"
    report_sections = "partnerscope.apps.costs.report.report_sections"
    partnership_menu: list[tuple[str, str]] = [
        ("Costs and benefits", "costs:index"),
        ("Cost of the partnership", "costs:partnership_cost"),
    ]
