"""Pages of the replies area, under /p/<slug>/replies/."""

from django.urls import path

from partnerscope.apps.replies import link_views, views

app_name = "replies"

urlpatterns = [
    path("", views.index, name="index"),
    path("finding/<int:finding_pk>/", views.reply_to_finding, name="reply_to_finding"),
    path("finding/<int:finding_pk>/invite/", link_views.invite_for_finding, name="invite_finding"),
    path("flag/<str:key>/", views.reply_to_flag, name="reply_to_flag"),
    path("flag/<str:key>/invite/", link_views.invite_for_flag, name="invite_flag"),
    path("<int:pk>/", views.reply, name="reply"),
    path("<int:pk>/change/", views.change, name="change"),
    path("<int:pk>/respond/", views.respond, name="respond"),
]
