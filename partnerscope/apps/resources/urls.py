"""Pages of the resources area, under /p/<slug>/resources/."""

from django.urls import URLPattern

app_name = "resources"

urlpatterns: list[URLPattern] = []
