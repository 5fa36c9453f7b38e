from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "partnerscope.apps.network"
    label = "network"
    verbose_name = "Relationships"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = []
