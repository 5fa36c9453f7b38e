"""Database queries in domain words: what a partnership holds, and who may see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from partnerscope.apps.partnerships.models import Partnership


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> PartnershipQuerySet:
        """Partnerships where the user holds a role (all of them for a superuser)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(roles__user=user).distinct()


class OrganisationQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> OrganisationQuerySet:
        return self.filter(participations__partnership=partnership)

    def councils(self) -> OrganisationQuerySet:
        return self.filter(sector="council")


class PersonQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> PersonQuerySet:
        return self.filter(partnership=partnership).select_related("organisation")


class BodyQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> BodyQuerySet:
        return self.filter(partnership=partnership)

    def in_layer(self, layer: str) -> BodyQuerySet:
        return self.filter(governance_layer=layer)


class MembershipQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> MembershipQuerySet:
        return self.filter(body__partnership=partnership).select_related(
            "person", "person__organisation", "body"
        )


class MeetingQuerySet(models.QuerySet):
    def in_partnership(self, partnership: Partnership) -> MeetingQuerySet:
        return self.filter(body__partnership=partnership)
