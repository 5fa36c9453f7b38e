"""Pages of the scrutiny area: the overview, the tracker (and its CSV), a review, a
recommendation with its response and progress, the scrutineer's lines of enquiry and the
members' development. Each view parses the request, calls the services and renders."""

from __future__ import annotations

import csv
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.scrutiny import development, enquiry, services
from partnerscope.apps.scrutiny.forms import ProgressForm, RecommendationForm, ResponseForm
from partnerscope.apps.scrutiny.models import Committee, Recommendation, Referral, Review


def url(name: str, access: Access, *args: Any) -> str:
    return reverse(f"scrutiny:{name}", args=[access.partnership.slug, *args])


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    committees = Committee.objects.filter(partnership=access.partnership).prefetch_related(
        "members", "reviews"
    )
    referrals = Referral.objects.filter(committee__partnership=access.partnership)
    return render(
        request,
        "scrutiny/index.html",
        {
            "committees": [
                {
                    "committee": committee,
                    "reviews": [
                        (review, services.review_key(review)) for review in committee.reviews.all()
                    ],
                }
                for committee in committees
            ],
            "referrals": referrals.select_related("committee"),
            "page_title": "Overview and scrutiny",
        },
    )


@partnership_view(Action.READ)
def tracker(request: HttpRequest, access: Access) -> HttpResponse:
    rows = services.tracker(access.partnership, date.today())
    if request.GET.get("format") == "csv":
        return tracker_csv(access, rows)
    partners: dict[str, list[services.TrackerRow]] = {}
    for row in rows:
        partners.setdefault(row.addressed_to, []).append(row)
    return render(
        request,
        "scrutiny/tracker.html",
        {
            "partners": partners.items(),
            "overdue": sum(1 for row in rows if row.status == "overdue"),
            "due": sum(1 for row in rows if row.status == "due"),
            "page_title": "Recommendations tracker",
        },
    )


def tracker_csv(access: Access, rows: list[services.TrackerRow]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{access.partnership.slug}-scrutiny-tracker.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(["partner", "recommendation", "review", "received", "due", "status"])
    for row in rows:
        writer.writerow(
            [row.addressed_to, row.key, row.review, row.received or "", row.due or "", row.status]
        )
    return response


def review_or_404(access: Access, key: str) -> Review:
    review = services.find_review(access.partnership, key)
    if review is None:
        raise Http404("No such review")
    return review


def recommendation_or_404(access: Access, key: str) -> Recommendation:
    recommendation = services.find_recommendation(access.partnership, key)
    if recommendation is None:
        raise Http404("No such recommendation")
    return recommendation


@partnership_view(Action.READ)
def review(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    found = review_or_404(access, key)
    today = date.today()
    return render(
        request,
        "scrutiny/review.html",
        {
            "review": found,
            "key": key,
            "recommendations": [
                (item, services.recommendation_key(item), services.status(item, today))
                for item in services.recommendations(access.partnership).filter(review=found)
            ],
            "can_recommend": access.can(Action.SCRUTINISE),
            "page_title": found.topic,
            "back_url": url("index", access),
        },
    )


@partnership_view(Action.SCRUTINISE)
def recommend(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    found = review_or_404(access, key)
    posted = request.POST if request.method == "POST" else None
    form = RecommendationForm(posted, partnership=access.partnership)
    if posted is not None and form.is_valid():
        item = services.make_recommendation(found, form.cleaned_data, request.user)
        messages.success(request, "The recommendation was recorded.")
        return HttpResponseRedirect(
            url("recommendation", access, services.recommendation_key(item))
        )
    return render(
        request,
        "scrutiny/form.html",
        {
            "form": form,
            "caption": found.topic,
            "page_title": "Make a recommendation",
            "submit_label": "Record the recommendation",
            "back_url": url("review", access, key),
            "cancel_url": url("review", access, key),
        },
        status=400 if form.errors else 200,
    )


def may_respond(access: Access, request: HttpRequest, item: Recommendation) -> bool:
    """A representative of the partner addressed, or a manager recording it for them."""
    return access.can(Action.EDIT) or services.represents(request.user, item)


@partnership_view(Action.READ)
def recommendation(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    item = recommendation_or_404(access, key)
    return render(
        request,
        "scrutiny/recommendation.html",
        {
            "item": item,
            "key": key,
            "status": services.status(item, date.today()),
            "response": item.response if services.published_on(item) else None,
            "updates": item.updates.all(),
            "may_respond": may_respond(access, request, item),
            "page_title": "Recommendation",
            "back_url": url("review", access, services.review_key(item.review)),
        },
    )


def partner_form_view(request: HttpRequest, access: Access, key: str, kind: str) -> HttpResponse:
    item = recommendation_or_404(access, key)
    if not may_respond(access, request, item):
        raise PermissionDenied("Only a representative of the partner addressed may answer it.")
    posted = request.POST if request.method == "POST" else None
    if kind == "response":
        existing = item.response if services.published_on(item) else None
        initial = (
            {
                "decision": existing.decision,
                "reasons": existing.reasons,
                "proposed_action": existing.proposed_action,
                "published": existing.published,
            }
            if existing
            else {}
        )
        form: Any = ResponseForm(posted, initial=initial)
    else:
        form = ProgressForm(posted)
    if posted is not None and form.is_valid():
        if kind == "response":
            services.save_response(item, form.cleaned_data, request.user)
            messages.success(request, "The response was recorded.")
        else:
            services.add_progress(item, form.cleaned_data, request.user)
            messages.success(request, "The progress update was recorded.")
        return HttpResponseRedirect(url("recommendation", access, key))
    return render(
        request,
        "scrutiny/form.html",
        {
            "form": form,
            "caption": f"Recommendation to {item.addressed_to}",
            "quote": item.text,
            "page_title": "Respond to the recommendation"
            if kind == "response"
            else "Add a progress update",
            "submit_label": "Record the response" if kind == "response" else "Record the update",
            "back_url": url("recommendation", access, key),
            "cancel_url": url("recommendation", access, key),
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.READ)
def respond(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    return partner_form_view(request, access, key, "response")


@partnership_view(Action.READ)
def progress(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    return partner_form_view(request, access, key, "progress")


@partnership_view(Action.SCRUTINISE)
def questions(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "scrutiny/questions.html",
        {"themes": enquiry.themes(access.partnership), "page_title": "Questions for scrutiny"},
    )


@partnership_view(Action.READ)
def members_development(request: HttpRequest, access: Access) -> HttpResponse:
    today = date.today()
    return render(
        request,
        "scrutiny/development.html",
        {
            "records": development.records(access.partnership),
            "groups": list(development.groups(access.partnership, today)),
            "page_title": "Members' development",
        },
    )
