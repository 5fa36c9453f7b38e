"""Pages of the outcomes and strategy area, under /p/<slug>/strategy/."""

from django.urls import URLPattern

app_name = "strategy"

urlpatterns: list[URLPattern] = []
