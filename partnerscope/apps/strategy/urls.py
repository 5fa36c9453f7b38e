"""Pages of the outcomes and strategy area, under /p/<slug>/strategy/: the outcomes under
``outcomes/``, the review of the strategy under ``review/`` (so that each menu entry marks
only its own pages)."""

from django.urls import path

from partnerscope.apps.strategy import views

app_name = "strategy"

urlpatterns = [
    path("review/", views.strategy, name="strategy"),
    path("review/edit/", views.strategy_edit, name="strategy_edit"),
    path("review/dates/", views.review_dates, name="review_dates"),
    path("outcomes/", views.outcome_list, name="outcomes"),
    path("outcomes/<slug:ref>/", views.outcome, name="outcome"),
]
