"""Pages of the Performance area, under /p/<slug>/performance/."""

from django.urls import path

from partnerscope.apps.performance import import_views, record_views, views

app_name = "performance"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("exceptions/", views.exceptions, name="exceptions"),
    path("exceptions.csv", views.exceptions_csv, name="exceptions_csv"),
    path("crowding/", views.crowding, name="crowding"),
    path("quality/", views.quality_register, name="quality_register"),
    path("benchmark/", views.benchmark, name="benchmark"),
    path("refresh/", views.refresh, name="refresh"),
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/new/", record_views.indicator_form, name="indicator_create"),
    path("indicators/catalogue/", record_views.catalogue, name="catalogue"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/edit/", record_views.indicator_form, name="indicator_edit"),
    path("indicators/<int:pk>/values/new/", record_views.value_entry, name="value_entry"),
    path("indicators/<int:pk>/target/", record_views.target_form, name="target_edit"),
    path(
        "indicators/<int:pk>/quality/new/",
        record_views.quality_record_create,
        name="quality_create",
    ),
    path("outcomes/", views.outcome_list, name="outcome_list"),
    path("outcomes/new/", record_views.outcome_form, name="outcome_create"),
    path("outcomes/<int:pk>/edit/", record_views.outcome_form, name="outcome_edit"),
    path("outcomes/<int:pk>/agenda/", record_views.outcome_agenda, name="outcome_agenda"),
    path("areas/", views.area_list, name="area_list"),
    path("areas/new/", record_views.area_form, name="area_create"),
    path("areas/<int:pk>/edit/", record_views.area_form, name="area_edit"),
    path("settings/", record_views.settings_form, name="settings"),
    path("import/", import_views.import_upload, name="import_upload"),
    path("import/<int:pk>/", import_views.import_preview, name="import_preview"),
]
