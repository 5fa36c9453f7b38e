from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "partnerscope.apps.strategy"
    label = "strategy"
    verbose_name = "Outcomes and strategy"
    partnership_area = True
