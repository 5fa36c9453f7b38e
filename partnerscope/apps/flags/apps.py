from django.apps import AppConfig


class FlagsConfig(AppConfig):
    name = "partnerscope.apps.flags"
    label = "flags"
    verbose_name = "Flags"
    partnership_area = True
