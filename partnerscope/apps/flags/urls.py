"""Pages of the flags area, under /p/<slug>/flags/."""

from django.urls import path

from partnerscope.apps.flags import views

app_name = "flags"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("refresh/", views.refresh, name="refresh"),
    path("questions/", views.questions, name="questions"),
    path("questions/<str:question>/edit/", views.question_edit, name="question_edit"),
    path("<str:key>/", views.flag, name="flag"),
    path("<str:key>/decide/", views.decide, name="decide"),
]
