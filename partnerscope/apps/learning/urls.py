"""Pages of the learning from others area, under /p/<slug>/learning/."""

from django.urls import path

from partnerscope.apps.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.index, name="index"),
    path("comparison/", views.comparison_view, name="comparison"),
    path("sharing/", views.sharing_view, name="sharing"),
    path("two-tier/", views.two_tier_view, name="two_tier"),
    path("practice/", views.library_view, name="library"),
    path("practice/add/", views.entry_form, name="entry_add"),
    path("practice/<int:pk>/", views.entry_view, name="entry"),
    path("practice/<int:pk>/change/", views.entry_form, name="entry_change"),
]
