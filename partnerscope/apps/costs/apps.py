from django.apps import AppConfig


class CostsConfig(AppConfig):
    name = "partnerscope.apps.costs"
    label = "costs"
    verbose_name = "Costs and benefits"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [
        ("Costs and benefits", "costs:index"),
        ("Cost of the partnership", "costs:partnership_cost"),
    ]
