"""Pages of the action plan area, under /p/<slug>/actions/."""

from django.urls import URLPattern

app_name = "actions"

urlpatterns: list[URLPattern] = []
