"""Pages of the resources area, under /p/<slug>/resources/."""

from django.urls import path

from partnerscope.apps.resources import alignment_views, pool_views, upload_views, views

app_name = "resources"

urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("ledger.csv", views.ledger_download, name="ledger_csv"),
    path("lines/add/", views.line_add, name="line_add"),
    path("lines/<int:pk>/", views.line_edit, name="line_edit"),
    path("settings/", views.settings, name="settings"),
    path("upload/", upload_views.upload, name="upload"),
    path("upload/check/", upload_views.upload_preview, name="upload_preview"),
    path("alignment/", alignment_views.alignment, name="alignment"),
    path("pools/", pool_views.pools, name="pools"),
    path("pools/add/", pool_views.pool_add, name="pool_add"),
    path("pools/<int:pk>/", pool_views.pool_edit, name="pool_edit"),
]
