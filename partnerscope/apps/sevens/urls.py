"""Pages of the 7S self-assessment area, under /p/<slug>/sevens/."""

from django.urls import path

from partnerscope.apps.sevens import views
from partnerscope.apps.sevens.survey import PAGES

app_name = "sevens"

urlpatterns = [
    path("", views.index, name="index"),
    path("waves/new/", views.wave_create, name="wave_create"),
    path("waves/<int:pk>/", views.wave_detail, name="wave"),
    path("waves/<int:pk>/edit/", views.wave_edit, name="wave_edit"),
    path("waves/<int:pk>/statements/new/", views.local_create, name="local_create"),
    path(
        "waves/<int:pk>/statements/<int:statement_pk>/delete/",
        views.local_delete,
        name="local_delete",
    ),
    path("waves/<int:pk>/invitations/", views.invitations, name="invitations"),
    path(
        "waves/<int:pk>/invitations/<int:invitation_pk>/new-link/",
        views.invitation_renew,
        name="invitation_renew",
    ),
    path("waves/<int:pk>/results/", views.wave_results, name="results"),
    path("waves/<int:pk>/results.json", views.results_json, name="results_json"),
    path("waves/<int:pk>/results/<slug:element>/", views.element_results, name="element_results"),
    *PAGES.member_urlpatterns(views.survey_about, views.survey_step, views.survey_check),
]
