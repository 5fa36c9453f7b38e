"""Reminder logs of survey waves, under /p/<slug>/reminders/: one per registered survey."""

from django.urls import path

from partnerscope.apps.common.extensions import survey_definitions
from partnerscope.apps.notifications import views

app_name = "notifications"

urlpatterns = [
    path(f"{key}/<int:pk>/", views.reminder_log, {"survey": key}, name=f"{key}_log")
    for key in survey_definitions()
]
