"""Pages reached without signing in (single-use links), under /a/network/."""

from django.urls import path

from partnerscope.apps.network import views

app_name = "network_public"

urlpatterns = [
    path("thanks/", views.thanks, name="thanks"),
    path("<str:token>/", views.start, name="start"),
    path("<str:token>/<int:number>/", views.page, name="page"),
    path("<str:token>/search/", views.search, name="search"),
    path("<str:token>/check/", views.check, name="check"),
    path("<str:token>/saved/", views.saved, name="saved"),
]
