"""Pages of the outcomes and strategy area: each outcome with the joint working beside it,
the table across outcomes, the strategy review, and the managers' edit pages. Each view
parses the request, calls one service and renders."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.performance import selectors as performance
from partnerscope.apps.strategy import review
from partnerscope.apps.strategy.across import across_outcomes
from partnerscope.apps.strategy.forms import ReviewDatesForm, StrategyForm
from partnerscope.apps.strategy.joint_working import load
from partnerscope.apps.strategy.models import Strategy

STRATEGY_WORDS = RecordWords(
    "strategy", "Record the sustainable community strategy", "Change the strategy {}"
)


def strategy_url(access: Access) -> str:
    return reverse("strategy:strategy", args=[access.partnership.slug])


@partnership_view(Action.READ)
def outcome_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "strategy/outcomes.html",
        {"across": across_outcomes(access.partnership), "page_title": "Outcomes and joint working"},
    )


@partnership_view(Action.READ)
def outcome(request: HttpRequest, access: Access, ref: str) -> HttpResponse:
    working = load(access.partnership, outcome=ref)
    if ref not in working.by_ref:
        raise Http404("No such outcome in this partnership.")
    shown = working.outcome(ref)
    return render(
        request,
        "strategy/outcome.html",
        {
            "working": shown,
            "review_date": review.review_dates(review.strategy_of(access.partnership)).get(ref),
            "page_title": shown.title,
            "back_url": reverse("strategy:outcomes", args=[access.partnership.slug]),
        },
    )


@partnership_view(Action.READ)
def strategy(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "strategy/strategy.html",
        {"review": review.strategy_review(access.partnership), "page_title": "Strategy review"},
    )


@partnership_view(Action.EDIT)
def strategy_edit(request: HttpRequest, access: Access) -> HttpResponse:
    instance = review.strategy_of(access.partnership) or Strategy(partnership=access.partnership)
    form = StrategyForm(request.POST if request.method == "POST" else None, instance=instance)
    return record_form_page(
        request,
        form,
        STRATEGY_WORDS,
        lambda: review.save_strategy(access.partnership, form),
        "strategy/strategy_form.html",
        strategy_url(access),
    )


@partnership_view(Action.EDIT)
def review_dates(request: HttpRequest, access: Access) -> HttpResponse:
    current = review.strategy_of(access.partnership)
    if current is None:
        return render(
            request,
            "strategy/review_dates.html",
            {
                "form": None,
                "page_title": "Outcomes' review dates",
                "back_url": strategy_url(access),
            },
        )
    form = ReviewDatesForm(
        request.POST if request.method == "POST" else None,
        outcomes=performance.outcomes(access.partnership),
        dates=review.review_dates(current),
    )
    if request.method == "POST" and form.is_valid():
        changed = review.save_review_dates(current, form.dates())
        messages.success(request, f"Review dates saved: {changed} changed.")
        return HttpResponseRedirect(strategy_url(access))
    return render(
        request,
        "strategy/review_dates.html",
        {
            "form": form,
            "page_title": "Outcomes' review dates",
            "back_url": strategy_url(access),
            "cancel_url": strategy_url(access),
            "submit_label": "Save review dates",
        },
        status=400 if form.errors else 200,
    )
