"""Build the demo partnerships through the ordinary import, and their sign-in accounts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from partnerscope.apps.accounts.models import Role
from partnerscope.apps.common.extensions import after_demo, demo_builders
from partnerscope.apps.partnerships.datapackage_services import import_tables
from partnerscope.apps.partnerships.demo.packages import demo_packages
from partnerscope.apps.partnerships.demo.users import DEMO_PASSWORD, DEMO_USERS
from partnerscope.apps.partnerships.models import Partnership


@dataclass
class DemoResult:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    users: list[tuple[str, str, str]] = field(default_factory=list)
    password: str = DEMO_PASSWORD


def build_demo(scale: int = 1, progress: Callable[[str], None] | None = None) -> DemoResult:
    """Import every demo partnership not yet present, make sure the demo users exist, then
    let the areas finish the demo (the findings register is refreshed)."""
    if scale < 1:
        raise ValueError("--scale must be 1 or more")
    result = DemoResult()
    for index, tables in enumerate(demo_packages(scale)):
        for builder in demo_builders():
            tables.update(builder(tables, index))
        slug = tables["partnership"][0]["slug"]
        if Partnership.objects.filter(slug=slug).exists():
            result.skipped.append(slug)
        else:
            outcome = import_tables(tables)
            if not outcome.ok:
                raise RuntimeError("The demo data failed to import:\n" + "\n".join(outcome.errors))
            result.created.append(slug)
        if progress:
            progress(slug)
    with transaction.atomic():
        user_model = get_user_model()
        for demo_user in DEMO_USERS:
            user, created = user_model.objects.get_or_create(
                username=demo_user.username,
                defaults={"email": f"{demo_user.username}@example.org"},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            partnership = Partnership.objects.get(slug=demo_user.partnership)
            Role.objects.update_or_create(
                user=user, partnership=partnership, defaults={"kind": demo_user.role}
            )
            result.users.append((demo_user.username, demo_user.role, partnership.name))
    after_demo(list(Partnership.objects.filter(slug__in=result.created + result.skipped)))
    return result


def demo_partnership_count(scale: int) -> int:
    """How many partnerships ``scale`` demo areas hold (a county and five districts each)."""
    return sum(1 for _ in demo_packages(scale))
