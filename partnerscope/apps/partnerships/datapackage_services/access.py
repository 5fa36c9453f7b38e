"""Who may create a partnership by import, and which existing organisations it may share.

An import never reveals or locks another partnership's organisation: one the importer may
not share is imported as a new organisation under a fresh ref.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings

from partnerscope.apps.accounts.models import Role, RoleKind
from partnerscope.apps.partnerships.models import Organisation, Participation, Person

MAY_NOT_CREATE = (
    "Your account may not create a partnership by import: ask a superuser to import the "
    "package for you."
)


def may_create_by_import(importer: Any) -> bool:
    """Whether ``importer`` may create a partnership by importing a data package.

    Superusers may; any other signed-in account only when the site allows it
    (``PARTNERSCOPE_IMPORT_BY_ANY_ACCOUNT``). ``None`` is the site's operator on the command
    line, who holds the database already.
    """
    if importer is None:
        return True
    if not getattr(importer, "is_authenticated", False):
        return False
    return bool(importer.is_superuser or settings.IMPORT_BY_ANY_ACCOUNT)


def shareable_organisations(importer: Any, refs: Sequence[str]) -> set[str]:
    """The refs among ``refs`` of organisations the importer may attach to a new partnership.

    An organisation already in the database may be shared only when the importer manages
    every partnership that uses it (through a participation or a person), so an import never
    reveals or locks another partnership's organisation. The operator (``None``) and
    superusers manage every partnership.
    """
    existing = set(Organisation.objects.filter(ref__in=refs).values_list("ref", flat=True))
    if importer is None or importer.is_superuser or not existing:
        return existing
    managed = Role.objects.filter(user=importer, kind=RoleKind.MANAGER).values("partnership")
    used_elsewhere = set(
        Participation.objects.filter(organisation__ref__in=existing)
        .exclude(partnership__in=managed)
        .values_list("organisation__ref", flat=True)
    ) | set(
        Person.objects.filter(organisation__ref__in=existing)
        .exclude(partnership__in=managed)
        .values_list("organisation__ref", flat=True)
    )
    return existing - used_elsewhere


def fresh_organisation_refs(refs: set[str], package_ids: set[str]) -> dict[str, str]:
    """A new ref for each of ``refs``, unused in the database and in the package."""
    new_refs: dict[str, str] = {}
    taken = set(package_ids)
    for ref in sorted(refs):
        base = ref[:56]
        taken |= set(
            Organisation.objects.filter(ref__startswith=f"{base}-").values_list("ref", flat=True)
        )
        suffix = 2
        while f"{base}-{suffix}" in taken:
            suffix += 1
        new_refs[ref] = f"{base}-{suffix}"
        taken.add(new_refs[ref])
    return new_refs
