"""A signed-in person's own data, under /accounts/personal-data/."""

from django.urls import path

from partnerscope.apps.audit import views

app_name = "personal_data"

urlpatterns = [
    path("", views.my_data, name="mine"),
    path("export.json", views.my_data_export, name="export"),
]
