from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "partnerscope.apps.scrutiny"
    label = "scrutiny"
    verbose_name = "Scrutiny"
    partnership_area = True
