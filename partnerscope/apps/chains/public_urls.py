"""Pages reached without signing in (single-use links), under /a/chains/."""

from django.urls import path

from partnerscope.apps.chains import rating_views

app_name = "chains_public"

urlpatterns = [
    path("rate/<str:token>/", rating_views.public_rate, name="rate"),
]
