"""Pages of the scrutiny area, under /p/<slug>/scrutiny/."""

from django.urls import path

from partnerscope.apps.scrutiny import managing, views

app_name = "scrutiny"

urlpatterns = [
    path("", views.index, name="index"),
    path("tracker/", views.tracker, name="tracker"),
    path("questions/", views.questions, name="questions"),
    path("development/", views.members_development, name="development"),
    path("committees/new/", managing.committee_new, name="committee_new"),
    path("committees/<str:ref>/members/new/", managing.member_new, name="member_new"),
    path("committees/<str:ref>/reviews/new/", managing.review_new, name="review_new"),
    path("committees/<str:ref>/referrals/new/", managing.referral_new, name="referral_new"),
    path("development/new/", managing.training_new, name="training_new"),
    path("reviews/<str:key>/", views.review, name="review"),
    path("reviews/<str:key>/recommend/", views.recommend, name="recommend"),
    path("recommendations/<str:key>/", views.recommendation, name="recommendation"),
    path("recommendations/<str:key>/respond/", views.respond, name="respond"),
    path("recommendations/<str:key>/progress/", views.progress, name="progress"),
]
