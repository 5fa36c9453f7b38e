"""Pages of the register of findings, under /p/<slug>/findings/."""

from django.urls import path

from partnerscope.apps.findings import views

app_name = "findings"

urlpatterns = [
    path("", views.register, name="register"),
    path("refresh/", views.refresh, name="refresh"),
    path("<int:pk>/", views.finding, name="finding"),
]
