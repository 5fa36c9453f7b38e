"""Access management pages, under /p/<slug>/access/."""

from django.urls import path

from partnerscope.apps.accounts import views

app_name = "access"

urlpatterns = [
    path("", views.role_list, name="list"),
    path("add/", views.role_add, name="add"),
    path("<int:pk>/change/", views.role_change, name="change"),
    path("<int:pk>/remove/", views.role_remove, name="remove"),
]
