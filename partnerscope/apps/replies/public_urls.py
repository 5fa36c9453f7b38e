"""Pages reached without signing in (one-time reply links), under /a/replies/."""

from django.urls import path

from partnerscope.apps.replies import link_views

app_name = "replies_public"

urlpatterns = [
    path("<str:token>/", link_views.reply_by_link, name="reply"),
]
