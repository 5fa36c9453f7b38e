from django.apps import AppConfig


class RepliesConfig(AppConfig):
    name = "partnerscope.apps.replies"
    label = "replies"
    verbose_name = "Replies"
    partnership_area = True
