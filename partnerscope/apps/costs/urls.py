"""Pages of the costs and benefits area, under /p/<slug>/costs/."""

from django.urls import path

from partnerscope.apps.costs import library_views, partnership_views, views

app_name = "costs"

urlpatterns = [
    path("", views.index, name="index"),
    path("initiatives/new/", views.initiative_form, name="initiative_create"),
    path("initiatives/<int:pk>/", views.initiative_results, name="initiative_results"),
    path("initiatives/<int:pk>/settings/", views.initiative_form, name="initiative_edit"),
    path("initiatives/<int:pk>/flows.csv", views.initiative_flows_csv, name="initiative_flows"),
    path("initiatives/<int:pk>/<slug:step>/", views.initiative_step, name="initiative_step"),
    path("initiatives/<int:pk>/<slug:step>/<int:row_pk>/", views.part_edit, name="part_edit"),
    path(
        "initiatives/<int:pk>/<slug:step>/<int:row_pk>/delete/",
        views.part_delete,
        name="part_delete",
    ),
    path("unit-costs/", library_views.unit_costs, name="unit_costs"),
    path("unit-costs/new/", library_views.unit_cost_form, name="unit_cost_create"),
    path("unit-costs/import/", library_views.unit_cost_import, name="unit_cost_import"),
    path("unit-costs/<int:pk>/", library_views.unit_cost_form, name="unit_cost_edit"),
    path("unit-costs/<int:pk>/delete/", library_views.unit_cost_delete, name="unit_cost_delete"),
    path("partnership/", partnership_views.partnership_cost, name="partnership_cost"),
    path("partnership/settings/", partnership_views.meeting_settings, name="meeting_settings"),
    path("partnership/<slug:kind>/new/", partnership_views.record_form, name="record_create"),
    path("partnership/<slug:kind>/<int:pk>/", partnership_views.record_form, name="record_edit"),
    path(
        "partnership/<slug:kind>/<int:pk>/delete/",
        partnership_views.record_delete,
        name="record_delete",
    ),
]
