"""What the scrutiny pages, the command line and the findings do: the tracker's rows, who
represents the partner a recommendation is addressed to, and saving recommendations,
responses and progress updates (each a new version, never an overwrite)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.partnerships.models import Membership, Person
from partnerscope.apps.scrutiny.models import (
    ProgressUpdate,
    Recommendation,
    Response,
    Review,
)
from partnerscope.core.scrutiny import RecommendationFacts, Status, status_on


def recommendations(partnership: Any) -> Any:
    return (
        Recommendation.objects.filter(review__committee__partnership=partnership)
        .select_related("review__committee", "organisation", "body", "response")
        .prefetch_related("updates")
        .order_by("review__committee__name", "review__started", "ref")
    )


def published_on(recommendation: Recommendation) -> date | None:
    return recommendation.response.published if _has_response(recommendation) else None


def _has_response(recommendation: Recommendation) -> bool:
    try:
        recommendation.response  # noqa: B018
    except Response.DoesNotExist:
        return False
    return True


def is_closed(recommendation: Recommendation) -> bool:
    return any(update.closes for update in recommendation.updates.all())


def status(recommendation: Recommendation, today: date) -> Status:
    return status_on(
        recommendation.due, published_on(recommendation), is_closed(recommendation), today
    )


def facts(recommendation: Recommendation) -> RecommendationFacts:
    response = recommendation.response if _has_response(recommendation) else None
    return RecommendationFacts(
        ref=recommendation_key(recommendation),
        addressed_to=recommendation.addressed_to,
        received=recommendation.received,
        due=recommendation.due,
        published=response.published if response else None,
        decision=response.decision if response else "",
        reasons=response.reasons if response else "",
        closed=is_closed(recommendation),
    )


def recommendation_key(recommendation: Recommendation) -> str:
    """The recommendation's ref in the partnership: committee, review and its own ref."""
    review = recommendation.review
    return f"{review.committee.ref}--{review.ref}--{recommendation.ref}"


def find_recommendation(partnership: Any, key: str) -> Recommendation | None:
    parts = key.split("--")
    if len(parts) != 3:
        return None
    committee, review, ref = parts
    return (
        recommendations(partnership)
        .filter(review__committee__ref=committee, review__ref=review, ref=ref)
        .first()
    )


def find_review(partnership: Any, key: str) -> Review | None:
    committee, _, ref = key.partition("--")
    return (
        Review.objects.filter(committee__partnership=partnership, committee__ref=committee, ref=ref)
        .select_related("committee")
        .first()
    )


def review_key(review: Review) -> str:
    return f"{review.committee.ref}--{review.ref}"


@dataclass(frozen=True)
class TrackerRow:
    key: str
    review: str
    review_key: str
    text: str
    addressed_to: str
    received: date | None
    due: date | None
    status: Status
    decision: str
    published: date | None


def tracker(partnership: Any, today: date, *, open_only: bool = False) -> list[TrackerRow]:
    """Every recommendation with its due date and state, by partner then due date."""
    rows = []
    for item in recommendations(partnership):
        state = status(item, today)
        if open_only and state in (Status.CLOSED,):
            continue
        response = item.response if _has_response(item) else None
        rows.append(
            TrackerRow(
                key=recommendation_key(item),
                review=item.review.topic,
                review_key=review_key(item.review),
                text=item.text,
                addressed_to=item.addressed_to,
                received=item.received,
                due=item.due,
                status=state,
                decision=response.get_decision_display() if response else "",
                published=response.published if response else None,
            )
        )
    return sorted(rows, key=lambda row: (row.addressed_to, row.due or date.max, row.key))


def represents(user: Any, recommendation: Recommendation) -> bool:
    """Whether the user is a representative of the partner the recommendation is addressed
    to: their person in this partnership works for that organisation, or sits on that body."""
    if not getattr(user, "is_authenticated", False):
        return False
    partnership = recommendation.review.committee.partnership_id
    people = Person.objects.filter(user=user, partnership_id=partnership)
    if recommendation.organisation_id is not None:
        return people.filter(organisation_id=recommendation.organisation_id).exists()
    return Membership.objects.filter(person__in=people, body_id=recommendation.body_id).exists()


def who(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


@transaction.atomic
def make_recommendation(review: Review, data: dict[str, Any], user: Any) -> Recommendation:
    return Recommendation.objects.create(
        review=review,
        ref=unique_ref(Recommendation.objects.filter(review=review), data["text"][:40]),
        text=data["text"],
        organisation=data.get("organisation"),
        body=data.get("body"),
        received=data.get("received"),
        made_by=who(user),
        made_by_user=user,
    )


@transaction.atomic
def save_response(recommendation: Recommendation, data: dict[str, Any], user: Any) -> Response:
    """Record the partner's response, or a new version of it."""
    fields = {
        "decision": data["decision"],
        "reasons": data.get("reasons", ""),
        "proposed_action": data.get("proposed_action", ""),
        "published": data["published"],
        "written_by": who(user),
    }
    if _has_response(recommendation):
        response = recommendation.response
        for name, value in fields.items():
            setattr(response, name, value)
        response.save()
        return response
    return Response.objects.create(recommendation=recommendation, ref="response", **fields)


@transaction.atomic
def add_progress(recommendation: Recommendation, data: dict[str, Any], user: Any) -> ProgressUpdate:
    return ProgressUpdate.objects.create(
        recommendation=recommendation,
        ref=f"u{recommendation.updates.count() + 1}",
        date=data["date"],
        text=data["text"],
        closes=bool(data.get("closes")),
        written_by=who(user),
    )
