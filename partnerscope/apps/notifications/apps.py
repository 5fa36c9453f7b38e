from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "partnerscope.apps.notifications"
    label = "notifications"
    verbose_name = "Reminders and opt-outs"
    invitation_mailer = "partnerscope.apps.notifications.tasks.email_invitations"
