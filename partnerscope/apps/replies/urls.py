"""Pages of the replies area, under /p/<slug>/replies/."""

from django.urls import URLPattern

app_name = "replies"

urlpatterns: list[URLPattern] = []
