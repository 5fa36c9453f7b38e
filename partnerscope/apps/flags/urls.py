"""Pages of the flags area, under /p/<slug>/flags/."""

from django.urls import URLPattern

app_name = "flags"

urlpatterns: list[URLPattern] = []
