from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerscope.apps.partnerships"
    label = "partnerships"
