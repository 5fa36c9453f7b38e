"""Pages of the costs and benefits area, under /p/<slug>/costs/."""

from django.urls import URLPattern

app_name = "costs"

urlpatterns: list[URLPattern] = []
