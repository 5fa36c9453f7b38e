"""Pages of the learning from others area, under /p/<slug>/learning/."""

from django.urls import URLPattern

app_name = "learning"

urlpatterns: list[URLPattern] = []
