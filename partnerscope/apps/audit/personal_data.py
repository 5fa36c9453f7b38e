"""A person's data: gathered into one JSON document on request, or erased on request.

A *data subject* is an account, the people records of the partnerships that name it, or
one people record with no account. A partnership's manager acts within their partnership
only; a superuser, the command line and the person themselves reach every partnership.

Erasing keeps everyone else's history and every figure intact:

- each people record keeps its row (memberships, attendance, invitations and actions
  still count) but its name, e-mail, job title and ref become a placeholder, in the
  current record and in every historical version of it, and it is unlinked from the account;
- the account is kept (so the versions others can read still point at one actor) but
  renamed to the same kind of placeholder, emptied, deactivated and stripped of its roles;
- the audit log's mentions of the name and username are replaced with the placeholders.

Submitted survey answers are not linked to anyone (a 7S ``Response`` and ``Evidence``
carry no person, invitation, user or time; a workshop ``Participant`` neither), so there
is nothing of them to export or erase, and no aggregate changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from partnerscope.apps.accounts.models import Role
from partnerscope.apps.actions import selectors as actions
from partnerscope.apps.audit.log import record
from partnerscope.apps.audit.models import AuditAction, AuditEvent
from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.network import selectors as network
from partnerscope.apps.notifications import selectors as notifications
from partnerscope.apps.partnerships.models import Attendance, Membership, Partnership, Person
from partnerscope.apps.performance import selectors as performance
from partnerscope.apps.replies import selectors as replies
from partnerscope.apps.sevens import selectors as sevens

ENCODER = DjangoJSONEncoder
PERSON_PLACEHOLDER = "Erased person {pk}"
REF_PLACEHOLDER = "erased-{pk}"
ACCOUNT_PLACEHOLDER = "erased-{pk}"


@dataclass(frozen=True)
class DataSubject:
    """Whose data, and within which partnership (None: every partnership)."""

    user: Any
    people: list[Person]
    partnership: Partnership | None = None

    @property
    def label(self) -> str:
        """How messages name the subject: the username, else the person's name."""
        if self.user is not None:
            return self.user.get_username()
        return self.people[0].name if self.people else ""

    @property
    def ref(self) -> str:
        """How the audit log names the subject: the username, else the person's ref."""
        if self.user is not None:
            return self.user.get_username()
        return self.people[0].ref if self.people else ""


def subject_for_user(user: Any, partnership: Partnership | None = None) -> DataSubject:
    """An account and the people records that name it (in ``partnership``, if given)."""
    people = Person.objects.filter(user=user).select_related("partnership", "organisation")
    if partnership is not None:
        people = people.filter(partnership=partnership)
    return DataSubject(user, list(people), partnership)


def subject_for_person(person: Person, partnership: Partnership | None = None) -> DataSubject:
    """One people record, with its account and (outside a partnership) the account's other
    people records."""
    if person.user_id is None:
        return DataSubject(None, [person], partnership)
    return subject_for_user(person.user, partnership)


def find_subject(username: str = "", slug: str = "", ref: str = "") -> DataSubject:
    """The subject named on the command line: an account by username, or a partnership's
    people record by its ref; ValidationError saying what was not found."""
    if username:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise ValidationError(f"No account with the username {username!r}.")
        return subject_for_user(user)
    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        raise ValidationError(f"No partnership {slug!r}.")
    person = Person.objects.filter(partnership=partnership, ref=ref).first()
    if person is None:
        raise ValidationError(f"No person with the ref {ref!r} in {partnership.name}.")
    return subject_for_person(person)


# ---- Export ---------------------------------------------------------------------------


def events_about(subject: DataSubject) -> QuerySet[AuditEvent]:
    """Audit events the subject did, or that were done to their account or records."""
    query = Q()
    if subject.user is not None:
        username = subject.user.get_username()
        query |= Q(user=subject.user) | Q(
            subject_type__in=["account", "role"], subject_ref=username
        )
    for person in subject.people:
        query |= Q(
            subject_type=str(Person._meta.verbose_name),
            subject_ref=person.ref,
            partnership_id=person.partnership_id,
        )
    if not query:
        return AuditEvent.objects.none()
    events = AuditEvent.objects.filter(query)
    if subject.partnership is not None:
        events = events.filter(partnership=subject.partnership)
    return events.select_related("partnership")


def account_data(user: Any) -> dict[str, Any]:
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "active": user.is_active,
    }


def person_data(person: Person) -> dict[str, Any]:
    versions = person.history.order_by("history_date").select_related("history_user")
    return {
        "partnership": person.partnership.slug,
        "ref": person.ref,
        "name": person.name,
        "organisation": person.organisation.name,
        "job_title": person.job_title,
        "email": person.email,
        "versions": [
            {
                "date": version.history_date,
                "change": version.get_history_type_display(),
                "name": version.name,
                "email": version.email,
                "job_title": version.job_title,
                "by": version.history_user.get_username() if version.history_user else "",
            }
            for version in versions
        ],
    }


def export_data(subject: DataSubject) -> dict[str, Any]:
    """Everything held about the subject, as plain JSON-ready data."""
    people = subject.people
    roles = Role.objects.none()
    if subject.user is not None:
        roles = Role.objects.filter(user=subject.user).select_related("partnership")
        if subject.partnership is not None:
            roles = roles.filter(partnership=subject.partnership)
    memberships = Membership.objects.filter(person__in=people).select_related("body", "person")
    attendance = Attendance.objects.filter(person__in=people).select_related(
        "meeting__body", "person"
    )
    data: dict[str, Any] = {
        "exported_at": timezone.now(),
        "scope": subject.partnership.slug if subject.partnership else "every partnership",
        "account": account_data(subject.user) if subject.user is not None else None,
        "roles": [{"partnership": r.partnership.slug, "role": r.kind} for r in roles],
        "people": [person_data(person) for person in people],
        "memberships": [
            {
                "person": m.person.ref,
                "body": m.body.name,
                "role": m.role,
                "start": m.start,
                "end": m.end,
            }
            for m in memberships
        ],
        "attendance": [
            {
                "person": a.person.ref,
                "body": a.meeting.body.name,
                "meeting": a.meeting.date,
                "status": a.status,
            }
            for a in attendance
        ],
        "survey_invitations": sevens.invitations_of(people),
        "relationship_survey": network.representations_of(people),
        "reminder_opt_outs": notifications.opt_outs_of(people),
        "actions_owned": actions.actions_owned_by(people),
        "chain_links_owned": chains.links_owned_by(people),
        "replies_written": replies.replies_written_by(people),
        "audit_events": [
            {
                "when": event.when,
                "partnership": event.partnership.slug if event.partnership else "",
                "action": event.get_action_display(),
                "by": event.username,
                "subject": event.subject,
                "address": event.address,
            }
            for event in events_about(subject)
        ],
        "survey_answers": (
            "Submitted survey answers are not linked to anyone, so they cannot be found, "
            "exported or erased for one person."
        ),
    }
    if subject.user is not None and subject.partnership is None:
        data["workshop_invitations"] = chains.workshop_invitations_of(subject.user)
        data["values_recorded"] = performance.values_recorded_by(subject.user)
        data["quality_ratings"] = performance.quality_ratings_by(subject.user)
    return data


def partnerships_of(subject: DataSubject) -> list[int | None]:
    """The partnerships whose managers should see an event about the subject."""
    if subject.partnership is not None:
        return [subject.partnership.pk]
    found = {person.partnership_id for person in subject.people}
    if subject.user is not None:
        found |= set(Role.objects.filter(user=subject.user).values_list("partnership", flat=True))
    return sorted(found) or [None]


def export_for(subject: DataSubject, request: Any = None, user: Any = None) -> dict[str, Any]:
    """The subject's data, with an audit event in each partnership concerned."""
    data = export_data(subject)
    for partnership_id in partnerships_of(subject):
        record(
            AuditAction.PERSONAL_DATA_EXPORTED,
            request=request,
            user=user,
            partnership=partnership_id,
            subject_type="person" if subject.user is None else "account",
            subject_ref=subject.ref,
            detail={"scope": data["scope"]},
        )
    return data


def filename_for(subject: DataSubject) -> str:
    return f"personal-data-{timezone.localdate():%Y-%m-%d}.json"


# ---- Erasure --------------------------------------------------------------------------


@dataclass
class Erasure:
    """What an erasure did."""

    people: int = 0
    account_erased: bool = False
    roles_removed: int = 0
    account_kept_because: str = ""
    without_manager: list[str] = field(default_factory=list)


def replace_in_events(events: QuerySet[AuditEvent], old: str, new: str) -> int:
    """Replace ``old`` as a whole name (not inside a longer word: erasing "Ann" leaves
    "Joanna") in the audit log's actor names, subject refs and labels; returns how many
    events changed."""
    if not old:
        return 0
    pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
    changed = []
    candidates = events.filter(
        Q(username=old) | Q(subject_ref=old) | Q(subject_label__contains=old)
    ).only("username", "subject_ref", "subject_label")
    for event in candidates.iterator():
        label = pattern.sub(new, event.subject_label)
        if event.username == old or event.subject_ref == old or label != event.subject_label:
            event.username = new if event.username == old else event.username
            event.subject_ref = new if event.subject_ref == old else event.subject_ref
            event.subject_label = label
            changed.append(event)
    AuditEvent.objects.bulk_update(changed, ["username", "subject_ref", "subject_label"])
    return len(changed)


def erase_person(person: Person, actor: Any) -> None:
    """Replace a people record's identifying fields, now and in every version."""
    old_name, old_ref = person.name, person.ref
    placeholder = PERSON_PLACEHOLDER.format(pk=person.pk)
    new_ref = REF_PLACEHOLDER.format(pk=person.pk)
    person.name, person.ref, person.email, person.job_title = placeholder, new_ref, "", ""
    person.user = None
    if actor is not None and getattr(actor, "pk", None):
        person._history_user = actor  # type: ignore[attr-defined]
    person.save()
    person.history.update(name=placeholder, ref=new_ref, email="", job_title="", user=None)
    replies.rename_writer(person, placeholder)
    events = AuditEvent.objects.filter(partnership_id=person.partnership_id)
    replace_in_events(events, old_name, placeholder)
    events.filter(subject_type=str(Person._meta.verbose_name), subject_ref=old_ref).update(
        subject_ref=new_ref
    )


def erase_account(user: Any) -> list[str]:
    """Rename, empty and deactivate an account and remove its roles; returns the
    partnerships left without a manager."""
    old_username = user.get_username()
    old_names = [user.get_full_name(), old_username]
    placeholder = ACCOUNT_PLACEHOLDER.format(pk=user.pk)
    user.username, user.first_name, user.last_name, user.email = placeholder, "", "", ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    orphaned = []
    for role in Role.objects.filter(user=user).select_related("partnership"):
        partnership = role.partnership
        role.delete()
        if not Role.objects.filter(partnership=partnership, kind="manager").exists():
            orphaned.append(partnership.name)
    Person.objects.filter(user=user).update(user=None)
    replace_in_events(AuditEvent.objects.all(), old_username, placeholder)
    for old in filter(None, old_names):
        performance.rename_recorder(user, old, placeholder)
    return orphaned


@transaction.atomic
def erase(subject: DataSubject, request: Any = None, user: Any = None) -> Erasure:
    """Erase the subject's personal data, leaving one audit event per partnership concerned.

    Within one partnership, the account is erased too when it is used nowhere else;
    otherwise it is unlinked and loses its role there, and only a superuser can erase it.
    """
    actor = user or (getattr(request, "user", None) if request else None)
    concerned = partnerships_of(subject)
    result = Erasure()
    for person in subject.people:
        erase_person(person, actor)
        result.people += 1
    account = subject.user
    if account is not None and subject.partnership is not None:
        elsewhere = (
            Role.objects.filter(user=account).exclude(partnership=subject.partnership).exists()
            or Person.objects.filter(user=account).exclude(partnership=subject.partnership).exists()
        )
        if elsewhere:
            result.roles_removed = Role.objects.filter(
                user=account, partnership=subject.partnership
            ).count()
            Role.objects.filter(user=account, partnership=subject.partnership).delete()
            result.account_kept_because = (
                "The account is used in other partnerships, so it was unlinked and lost its "
                "role here; a site administrator can erase it."
            )
            account = None
    if account is not None:
        result.roles_removed = Role.objects.filter(user=account).count()
        result.without_manager = erase_account(account)
        result.account_erased = True
    label = (
        ACCOUNT_PLACEHOLDER.format(pk=subject.user.pk)
        if result.account_erased
        else ", ".join(PERSON_PLACEHOLDER.format(pk=p.pk) for p in subject.people)
    )
    for partnership_id in concerned:
        record(
            AuditAction.PERSON_ERASED,
            request=request,
            user=actor if actor is not None and getattr(actor, "pk", None) else None,
            partnership=partnership_id,
            subject_type="account" if result.account_erased else "person",
            subject_ref=label,
            detail={
                "people": result.people,
                "account_erased": result.account_erased,
                "roles_removed": result.roles_removed,
            },
        )
    return result
