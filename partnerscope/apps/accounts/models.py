"""A user's role in a partnership: what they may see and do there."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RoleKind(models.TextChoices):
    MANAGER = "manager", "Manager"
    MEMBER = "member", "Member"
    SCRUTINEER = "scrutineer", "Scrutineer"
    VIEWER = "viewer", "Viewer"


ROLE_HELP = {
    RoleKind.MANAGER: "Edits everything in the partnership.",
    RoleKind.MEMBER: "Reads and answers surveys.",
    RoleKind.SCRUTINEER: "Reads and makes recommendations.",
    RoleKind.VIEWER: "Reads.",
}


class Role(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(max_length=20, choices=RoleKind.choices, default=RoleKind.VIEWER)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership"], name="one_role_per_partnership")
        ]

    def __str__(self) -> str:
        return f"{self.user} is {self.get_kind_display()} of {self.partnership}"
