from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "partnerscope.apps.learning"
    label = "learning"
    verbose_name = "Learning from others"
    partnership_area = True
