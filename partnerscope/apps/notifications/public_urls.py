"""The opt-out page, reached without signing in from the link in an e-mail, under /a/reminders/."""

from django.urls import path

from partnerscope.apps.notifications import views

app_name = "notifications_public"

urlpatterns = [
    path("<str:token>/stop/", views.opt_out, name="opt_out"),
]
