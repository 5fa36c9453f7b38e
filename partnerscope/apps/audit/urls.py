"""The audit log and personal-data requests of one partnership, under /p/<slug>/audit/."""

from django.urls import path

from partnerscope.apps.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.audit_log, name="log"),
    path("people/", views.people, name="people"),
    path("people/<int:pk>/export.json", views.person_export, name="person_export"),
    path("people/<int:pk>/erase/", views.person_erase, name="person_erase"),
]
