"""Pages of the scrutiny area, under /p/<slug>/scrutiny/."""

from django.urls import URLPattern

app_name = "scrutiny"

urlpatterns: list[URLPattern] = []
