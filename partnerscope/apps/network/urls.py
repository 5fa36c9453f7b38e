"""Pages of the Relationships area, under /p/<slug>/network/."""

from django.urls import path

from partnerscope.apps.network import answering_views, views
from partnerscope.apps.network.survey import PAGES

app_name = "network"

urlpatterns = [
    path("", views.index, name="index"),
    path("waves/new/", views.wave_create, name="wave_create"),
    path("waves/<int:pk>/", views.wave_detail, name="wave"),
    path("waves/<int:pk>/edit/", views.wave_edit, name="wave_edit"),
    path("waves/<int:pk>/representatives/", views.representatives, name="representatives"),
    path("waves/<int:pk>/links/", views.invitations, name="invitations"),
    path(
        "waves/<int:pk>/links/<int:rep_pk>/new/",
        views.invitation_renew,
        name="invitation_renew",
    ),
    path("waves/<int:pk>/import/", views.ties_import, name="import"),
    path("waves/<int:pk>/measures/", views.metrics, name="metrics"),
    path("waves/<int:pk>/map/", views.network_map_page, name="map"),
    path("waves/<int:pk>/map.json", views.map_json, name="map_json"),
    path("waves/<int:pk>/matrix/", views.matrix, name="matrix"),
    path("waves/<int:pk>/organisations/<int:org_pk>/", views.organisation, name="organisation"),
    path("waves/<int:pk>/compare/", views.compare, name="compare"),
    path("waves/<int:pk>/download/<str:kind>", views.download, name="download"),
    *PAGES.member_urlpatterns(
        answering_views.survey_start,
        answering_views.survey_page,
        answering_views.survey_check,
        search=answering_views.survey_search,
    ),
]
