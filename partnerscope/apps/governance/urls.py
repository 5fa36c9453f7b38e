"""Pages of the governance area, under /p/<slug>/governance/."""

from django.urls import URLPattern

app_name = "governance"

urlpatterns: list[URLPattern] = []
