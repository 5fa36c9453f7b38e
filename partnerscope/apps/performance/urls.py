"""Pages of the Performance area, under /p/<slug>/performance/."""

from django.urls import path

from partnerscope.apps.performance import views

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
    path("indicators/new/", views.indicator_form, name="indicator_create"),
    path("indicators/catalogue/", views.catalogue, name="catalogue"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/edit/", views.indicator_form, name="indicator_edit"),
    path("indicators/<int:pk>/values/new/", views.value_entry, name="value_entry"),
    path("indicators/<int:pk>/target/", views.target_form, name="target_edit"),
    path("indicators/<int:pk>/quality/new/", views.quality_record_create, name="quality_create"),
    path("outcomes/", views.outcome_list, name="outcome_list"),
    path("outcomes/new/", views.outcome_form, name="outcome_create"),
    path("outcomes/<int:pk>/edit/", views.outcome_form, name="outcome_edit"),
    path("outcomes/<int:pk>/agenda/", views.outcome_agenda, name="outcome_agenda"),
    path("areas/", views.area_list, name="area_list"),
    path("areas/new/", views.area_form, name="area_create"),
    path("areas/<int:pk>/edit/", views.area_form, name="area_edit"),
    path("settings/", views.settings_form, name="settings"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
]
