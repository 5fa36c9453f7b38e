"""Pages reached without signing in (single-use links), under /a/sevens/."""

from django.urls import path

from partnerscope.apps.sevens import views

app_name = "sevens_public"

urlpatterns = [
    path("thanks/", views.thanks, name="thanks"),
    path("<str:token>/", views.about, name="about"),
    path("<str:token>/<int:number>/", views.step, name="step"),
    path("<str:token>/check/", views.check, name="check"),
    path("<str:token>/saved/", views.saved, name="saved"),
]
