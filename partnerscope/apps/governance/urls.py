"""Pages of the governance area, under /p/<slug>/governance/."""

from django.urls import path

from partnerscope.apps.governance import views

app_name = "governance"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("bodies/<slug:ref>/", views.body, name="body"),
    path("attendance/", views.attendance, name="attendance"),
    path("leadership/", views.leadership, name="leadership"),
    path("cycles/", views.cycles_timeline, name="cycles"),
    path("cycles/<slug:organisation>/", views.cycle_form, name="cycle_edit"),
    path("rules/", views.rules, name="rules"),
]
