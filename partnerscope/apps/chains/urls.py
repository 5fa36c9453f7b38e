"""Pages of the Delivery chains area, under /p/<slug>/chains/."""

from django.urls import path

from partnerscope.apps.chains import action_views, rating_views, views, workshop_views

app_name = "chains"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.chain_form, name="chain_create"),
    path("<int:pk>/", views.chain_detail, name="chain_detail"),
    path("<int:pk>/edit/", views.chain_form, name="chain_edit"),
    path("<int:pk>/delete/", views.chain_delete, name="chain_delete"),
    path("<int:pk>/structure/", views.chain_structure, name="chain_structure"),
    path("<int:pk>/analysis/", views.chain_analysis, name="chain_analysis"),
    path("<int:pk>/nodes/new/", views.node_form, name="node_create"),
    path("<int:pk>/nodes/<int:node_pk>/edit/", views.node_form, name="node_edit"),
    path("<int:pk>/nodes/<int:node_pk>/delete/", views.node_delete, name="node_delete"),
    path("<int:pk>/links/new/", views.link_form, name="link_create"),
    path("<int:pk>/links/<int:link_pk>/edit/", views.link_form, name="link_edit"),
    path("<int:pk>/links/<int:link_pk>/delete/", views.link_delete, name="link_delete"),
    path("<int:pk>/workshops/", workshop_views.workshop_list, name="workshop_list"),
    path("<int:pk>/workshops/new/", workshop_views.workshop_form, name="workshop_create"),
    path(
        "<int:pk>/workshops/<int:workshop_pk>/",
        workshop_views.workshop_detail,
        name="workshop_detail",
    ),
    path(
        "<int:pk>/workshops/<int:workshop_pk>/edit/",
        workshop_views.workshop_form,
        name="workshop_edit",
    ),
    path(
        "<int:pk>/workshops/<int:workshop_pk>/delete/",
        workshop_views.workshop_delete,
        name="workshop_delete",
    ),
    path(
        "<int:pk>/workshops/<int:workshop_pk>/links/",
        workshop_views.workshop_invitations,
        name="workshop_invitations",
    ),
    path(
        "<int:pk>/workshops/<int:workshop_pk>/rate/",
        rating_views.workshop_rate,
        name="workshop_rate",
    ),
    path(
        "<int:pk>/workshops/<int:workshop_pk>/results/",
        workshop_views.workshop_results,
        name="workshop_results",
    ),
    path("<int:pk>/actions/", action_views.action_plan, name="action_plan"),
]
