from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "partnerscope.apps.notifications"
    label = "notifications"
    verbose_name = "Reminders and opt-outs"
