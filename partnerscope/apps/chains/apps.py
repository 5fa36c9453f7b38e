from django.apps import AppConfig


class ChainsConfig(AppConfig):
    name = "partnerscope.apps.chains"
    label = "chains"
    verbose_name = "Delivery chains"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = []
