"""Scrutiny records of the kite partnership for the tests."""

from __future__ import annotations

from datetime import date

from partnerscope.apps.scrutiny.models import Committee, Recommendation, Review


def review(kite, ref: str = "refuge") -> Review:
    committee, _ = Committee.objects.get_or_create(
        partnership=kite["partnership"], ref="osc", defaults={"name": "Kite Scrutiny Committee"}
    )
    found, _ = Review.objects.get_or_create(
        committee=committee,
        ref=ref,
        defaults={"topic": "Refuge places", "started": date(2025, 1, 6)},
    )
    return found


def recommendation(kite, ref: str = "r1", *, to: str = "police", received=None) -> Recommendation:
    return Recommendation.objects.create(
        review=review(kite),
        ref=ref,
        text=f"Recommendation {ref}",
        organisation=kite[to],
        received=received,
    )


def key(item: Recommendation) -> str:
    return f"{item.review.committee.ref}--{item.review.ref}--{item.ref}"
