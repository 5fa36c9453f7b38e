"""What the audit log hears without anyone calling it.

- Sign-in, sign-out and failed sign-in, from Django's authentication signals, so every
  way of signing in (password, single sign-on, two-factor) is covered.
- Roles granted, changed and removed, from the ``Role`` model's own signals, so the web
  pages, ``partnerscope grant`` and the admin are all covered.
- Every record added, changed or deleted, from django-simple-history's
  ``post_create_historical_record``: each historical row (the version) gets an event
  naming the person, the partnership and the fields that changed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from simple_history.signals import post_create_historical_record

from partnerscope.apps.accounts.models import Role, RoleKind
from partnerscope.apps.audit.log import record
from partnerscope.apps.audit.models import AuditAction, AuditEvent
from partnerscope.apps.partnerships.models import Partnership

ACCOUNT = "account"
HISTORY_ACTIONS = {
    "+": AuditAction.RECORD_CREATED,
    "~": AuditAction.RECORD_CHANGED,
    "-": AuditAction.RECORD_DELETED,
}


def connect() -> None:
    """Connect every receiver (called once, from the app's ``ready``)."""
    user_logged_in.connect(signed_in, dispatch_uid="audit_signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="audit_signed_out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit_sign_in_failed")
    pre_save.connect(remember_role_kind, sender=Role, dispatch_uid="audit_role_before")
    post_save.connect(role_saved, sender=Role, dispatch_uid="audit_role_saved")
    post_delete.connect(role_removed, sender=Role, dispatch_uid="audit_role_removed")
    post_create_historical_record.connect(version_recorded, dispatch_uid="audit_version")


# ---- Signing in -----------------------------------------------------------------------


def signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record(
        AuditAction.SIGNED_IN,
        request=request,
        user=user,
        subject_type=ACCOUNT,
        subject_ref=user.get_username(),
    )


def signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is None or not user.is_authenticated:
        return
    record(
        AuditAction.SIGNED_OUT,
        request=request,
        user=user,
        subject_type=ACCOUNT,
        subject_ref=user.get_username(),
    )


def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    """Nobody is signed in yet: the actor is unknown; the subject is the name tried."""
    attempted = str(credentials.get("username") or "")
    record(
        AuditAction.SIGN_IN_FAILED,
        request=request,
        username="",
        subject_type=ACCOUNT,
        subject_ref=attempted,
    )


# ---- Roles ----------------------------------------------------------------------------


def role_subject(role: Role) -> dict[str, str]:
    username = role.user.get_username()
    return {
        "subject_type": "role",
        "subject_ref": username,
        "subject_label": f"{username}, {RoleKind(role.kind).label.lower()}",
    }


def remember_role_kind(sender: Any, instance: Role, raw: bool = False, **kwargs: Any) -> None:
    instance._audit_kind_before = (  # type: ignore[attr-defined]
        None
        if raw or instance.pk is None
        else Role.objects.filter(pk=instance.pk).values_list("kind", flat=True).first()
    )


def role_saved(sender: Any, instance: Role, created: bool, raw: bool = False, **kw: Any) -> None:
    if raw:
        return
    before = getattr(instance, "_audit_kind_before", None)
    if created or before is None:
        record(
            AuditAction.ROLE_GRANTED,
            partnership=instance.partnership_id,
            detail={"kind": instance.kind},
            **role_subject(instance),
        )
    elif before != instance.kind:
        record(
            AuditAction.ROLE_CHANGED,
            partnership=instance.partnership_id,
            detail={"from": before, "to": instance.kind},
            **role_subject(instance),
        )


def role_removed(sender: Any, instance: Role, **kwargs: Any) -> None:
    record(
        AuditAction.ROLE_REMOVED,
        partnership=instance.partnership_id,
        detail={"kind": instance.kind},
        **role_subject(instance),
    )


# ---- Versions of records --------------------------------------------------------------


@cache
def path_to_partnership(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]] | None:
    """The shortest chain of foreign keys from ``model`` to its partnership, required keys
    first; None when there is none (an organisation belongs to several)."""
    queue: list[tuple[type[models.Model], list[models.ForeignKey[Any, Any]]]] = [(model, [])]
    seen = {model}
    while queue:
        current, path = queue.pop(0)
        keys = [f for f in current._meta.concrete_fields if isinstance(f, models.ForeignKey)]
        keys.sort(key=lambda key: key.null)
        for key in keys:
            target = key.related_model
            if target is Partnership:
                return [*path, key]
            if target not in seen and len(path) < 4:
                seen.add(target)
                queue.append((target, [*path, key]))
    return None


def partnership_ids(instance: models.Model) -> list[int]:
    """The partnerships a record belongs to: its own, or for a shared organisation every
    partnership it takes part in."""
    if isinstance(instance, Partnership):
        return [instance.pk]
    path = path_to_partnership(type(instance))
    if path is None:
        through = [
            field for field in instance._meta.many_to_many if field.related_model is Partnership
        ]
        if not through:
            return []
        return list(getattr(instance, through[0].name).values_list("pk", flat=True))
    first = getattr(instance, path[0].attname)
    if first is None or len(path) == 1:
        return [] if first is None else [first]
    lookup = "__".join(key.name for key in path[1:])
    found = path[0].related_model._base_manager.filter(pk=first).values_list(lookup, flat=True)
    return [pk for pk in found if pk is not None]


def changed_fields(history_instance: Any) -> list[str]:
    previous = history_instance.prev_record
    if previous is None:
        return []
    return sorted(change.field for change in history_instance.diff_against(previous).changes)


def version_recorded(
    sender: Any, instance: models.Model, history_instance: Any, history_user: Any, **kwargs: Any
) -> None:
    """One event per version: who added, changed or deleted which record of which
    partnership, with a pointer to the version itself."""
    action = HISTORY_ACTIONS[history_instance.history_type]
    detail: dict[str, Any] = {
        "history": sender._meta.label,
        "history_id": history_instance.history_id,
        "id": instance.pk,
    }
    if action == AuditAction.RECORD_CHANGED:
        detail["fields"] = changed_fields(history_instance)
    subject = {
        "subject_type": str(instance._meta.verbose_name),
        "subject_ref": getattr(instance, "ref", ""),
        "subject_label": str(instance),
    }
    if isinstance(instance, Partnership) and action == AuditAction.RECORD_DELETED:
        # The partnership's row is about to go: its events are kept, site-wide.
        AuditEvent.objects.filter(partnership_id=instance.pk).update(partnership=None)
        record(action, user=history_user, detail=detail, **subject)
        return
    for partnership_id in partnership_ids(instance) or [None]:
        record(action, user=history_user, partnership=partnership_id, detail=detail, **subject)
