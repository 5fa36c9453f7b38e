from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "partnerscope.apps.actions"
    label = "actions"
    verbose_name = "Action plan"
    partnership_area = True
