"""Pages of the health-check report area, under /p/<slug>/reports/."""

from django.urls import URLPattern

app_name = "reports"

urlpatterns: list[URLPattern] = []
