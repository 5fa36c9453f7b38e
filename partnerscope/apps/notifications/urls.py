"""Reminder logs of survey waves, under /p/<slug>/reminders/."""

from django.urls import path

from partnerscope.apps.notifications import views

app_name = "notifications"

urlpatterns = [
    path("sevens/<int:pk>/", views.sevens_log, name="sevens_log"),
    path("network/<int:pk>/", views.network_log, name="network_log"),
]
