"""Pages of the action plan area, under /p/<slug>/actions/."""

from django.urls import path

from partnerscope.apps.actions import views

app_name = "actions"

urlpatterns = [
    path("", views.plan, name="plan"),
    path("actions.csv", views.plan_csv, name="plan_csv"),
    path("new/", views.action_form, name="action_create"),
    path("<slug:ref>/", views.action, name="action"),
    path("<slug:ref>/edit/", views.action_form, name="action_edit"),
    path("<slug:ref>/delete/", views.action_delete, name="action_delete"),
    path("<slug:ref>/notes/new/", views.note_create, name="note_create"),
]
