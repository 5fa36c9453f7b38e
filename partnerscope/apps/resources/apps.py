from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "partnerscope.apps.resources"
    label = "resources"
    verbose_name = "Resources"
    partnership_area = True
