"""The scrutiny tables of the data package: export, check and import (declared in
``partnerscope.datapackage.scrutiny``). Rows come in a fixed order, so export, import and
export again give the same files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.scrutiny.models import (
    Committee,
    CommitteeMember,
    EvidenceSession,
    ProgressUpdate,
    Recommendation,
    Referral,
    Response,
    Review,
    Training,
)
from partnerscope.datapackage.scrutiny import check_scrutiny_tables, split_refs
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def _review_cols(review: Review) -> dict[str, str]:
    return {"committee": review.committee.ref, "review": review.ref}


def _recommendation_cols(item: Recommendation) -> dict[str, str]:
    return {**_review_cols(item.review), "recommendation": item.ref}


def export_tables(partnership: Any) -> dict[str, list[dict[str, Any]]]:
    committees = Committee.objects.filter(partnership=partnership).order_by("ref")
    in_partnership = {"committee__partnership": partnership}
    reviews = Review.objects.filter(**in_partnership).select_related("committee")
    reviews = reviews.order_by("committee__ref", "ref").prefetch_related(
        "organisations_called", "bodies_called"
    )
    under_review = {"review__committee__partnership": partnership}
    recommendations = (
        Recommendation.objects.filter(**under_review)
        .select_related("review__committee", "organisation", "body")
        .order_by("review__committee__ref", "review__ref", "ref")
    )
    under_recommendation = {"recommendation__review__committee__partnership": partnership}
    order = ("recommendation__review__committee__ref", "recommendation__review__ref")
    return {
        "scrutiny_committees": [
            {"id": c.ref, "name": c.name, "kind": c.kind, "councils": c.councils}
            for c in committees
        ],
        "scrutiny_committee_members": [
            {
                "committee": m.committee.ref,
                "id": m.ref,
                "name": m.name,
                "council": m.council,
                "role": m.role,
            }
            for m in CommitteeMember.objects.filter(**in_partnership)
            .select_related("committee")
            .order_by("committee__ref", "ref")
        ],
        "scrutiny_reviews": [
            {
                "committee": r.committee.ref,
                "id": r.ref,
                "topic": r.topic,
                "scope": r.scope,
                "started": r.started,
                "ended": r.ended,
                "organisations_called": ";".join(
                    sorted(o.ref for o in r.organisations_called.all())
                ),
                "bodies_called": ";".join(sorted(b.ref for b in r.bodies_called.all())),
            }
            for r in reviews
        ],
        "scrutiny_evidence_sessions": [
            {**_review_cols(s.review), "id": s.ref, "date": s.date, "heard_from": s.heard_from}
            for s in EvidenceSession.objects.filter(**under_review)
            .select_related("review__committee")
            .order_by("review__committee__ref", "review__ref", "ref")
        ],
        "scrutiny_recommendations": [
            {
                **_review_cols(r.review),
                "id": r.ref,
                "text": r.text,
                "organisation": r.organisation.ref if r.organisation else None,
                "body": r.body.ref if r.body else None,
                "received": r.received,
                "made_by": r.made_by,
            }
            for r in recommendations
        ],
        "scrutiny_responses": [
            {
                **_recommendation_cols(r.recommendation),
                "decision": r.decision,
                "reasons": r.reasons,
                "proposed_action": r.proposed_action,
                "published": r.published,
                "written_by": r.written_by,
            }
            for r in Response.objects.filter(**under_recommendation)
            .select_related("recommendation__review__committee")
            .order_by(*order, "recommendation__ref")
        ],
        "scrutiny_progress_updates": [
            {
                **_recommendation_cols(u.recommendation),
                "id": u.ref,
                "date": u.date,
                "text": u.text,
                "closes": u.closes,
                "written_by": u.written_by,
            }
            for u in ProgressUpdate.objects.filter(**under_recommendation)
            .select_related("recommendation__review__committee")
            .order_by(*order, "recommendation__ref", "ref")
        ],
        "scrutiny_referrals": [
            {
                "committee": r.committee.ref,
                "id": r.ref,
                "councillor": r.councillor,
                "matter": r.matter,
                "received": r.received,
                "decision": r.decision,
                "decided": r.decided,
                "reasons": r.reasons,
            }
            for r in Referral.objects.filter(**in_partnership)
            .select_related("committee")
            .order_by("committee__ref", "ref")
        ],
        "scrutiny_training": [
            {
                "id": t.ref,
                "person": t.person.ref if t.person else None,
                "committee": t.member.committee.ref if t.member else None,
                "member": t.member.ref if t.member else None,
                "topic": t.topic,
                "date": t.date,
                "provider": t.provider,
                "partnership_working": t.partnership_working,
            }
            for t in Training.objects.filter(partnership=partnership)
            .select_related("person", "member__committee")
            .order_by("ref")
        ],
    }


def check_tables(tables: Tables) -> list[TableError]:
    return check_scrutiny_tables(tables)


def import_tables(partnership: Any, tables: Tables, refs: Any) -> None:
    """Create the scrutiny records of a checked package, inside the import's transaction."""
    committees = {
        row["id"]: Committee.objects.create(
            partnership=partnership,
            ref=row["id"],
            name=row["name"],
            kind=row["kind"],
            councils=row.get("councils") or "",
        )
        for row in tables.get("scrutiny_committees", [])
    }
    members = {
        (row["committee"], row["id"]): CommitteeMember.objects.create(
            committee=committees[row["committee"]],
            ref=row["id"],
            name=row["name"],
            council=row.get("council") or "",
            role=row["role"],
        )
        for row in tables.get("scrutiny_committee_members", [])
    }
    reviews = {}
    for row in tables.get("scrutiny_reviews", []):
        review = Review.objects.create(
            committee=committees[row["committee"]],
            ref=row["id"],
            topic=row["topic"],
            scope=row.get("scope") or "",
            started=row["started"],
            ended=row.get("ended") or None,
        )
        review.organisations_called.set(
            [refs.organisations[ref] for ref in split_refs(row.get("organisations_called"))]
        )
        review.bodies_called.set([refs.bodies[ref] for ref in split_refs(row.get("bodies_called"))])
        reviews[(row["committee"], row["id"])] = review
    for row in tables.get("scrutiny_evidence_sessions", []):
        EvidenceSession.objects.create(
            review=reviews[(row["committee"], row["review"])],
            ref=row["id"],
            date=row["date"],
            heard_from=row.get("heard_from") or "",
        )
    recommendations = {}
    for row in tables.get("scrutiny_recommendations", []):
        recommendations[(row["committee"], row["review"], row["id"])] = (
            Recommendation.objects.create(
                review=reviews[(row["committee"], row["review"])],
                ref=row["id"],
                text=row["text"],
                organisation=refs.organisations[row["organisation"]]
                if row.get("organisation")
                else None,
                body=refs.bodies[row["body"]] if row.get("body") else None,
                received=row.get("received") or None,
                made_by=row.get("made_by") or "",
            )
        )
    for row in tables.get("scrutiny_responses", []):
        Response.objects.create(
            recommendation=recommendations[
                (row["committee"], row["review"], row["recommendation"])
            ],
            ref="response",
            decision=row["decision"],
            reasons=row.get("reasons") or "",
            proposed_action=row.get("proposed_action") or "",
            published=row["published"],
            written_by=row.get("written_by") or "",
        )
    for row in tables.get("scrutiny_progress_updates", []):
        ProgressUpdate.objects.create(
            recommendation=recommendations[
                (row["committee"], row["review"], row["recommendation"])
            ],
            ref=row["id"],
            date=row["date"],
            text=row["text"],
            closes=bool(row["closes"]),
            written_by=row.get("written_by") or "",
        )
    for row in tables.get("scrutiny_referrals", []):
        Referral.objects.create(
            committee=committees[row["committee"]],
            ref=row["id"],
            councillor=row["councillor"],
            matter=row["matter"],
            received=row["received"],
            decision=row["decision"],
            decided=row.get("decided") or None,
            reasons=row.get("reasons") or "",
        )
    for row in tables.get("scrutiny_training", []):
        Training.objects.create(
            partnership=partnership,
            ref=row["id"],
            person=refs.people[row["person"]] if row.get("person") else None,
            member=members[(row["committee"], row["member"])] if row.get("member") else None,
            topic=row["topic"],
            date=row["date"],
            provider=row.get("provider") or "",
            partnership_working=bool(row["partnership_working"]),
        )
