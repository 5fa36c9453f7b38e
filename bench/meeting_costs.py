"""Benchmark: the cost-of-the-partnership page for a large partnership.

Builds, in a throwaway data folder, a partnership with ``--organisations`` organisations
(60), four people each, ``--bodies`` bodies (12) across the three governance layers,
``--meetings`` meetings (1,000) with each body's members present and four agenda items
each, two years of support costs and a rate card; then serves the page
``/p/bench/costs/partnership/`` several times through the whole Django stack and prints the
first, median and slowest times. The goal: under 200 ms.

Usage::

    .venv/bin/python bench/meeting_costs.py [--organisations 60 --meetings 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

REQUESTS = 9
LAYERS = ("strategic", "executive", "operational")
SECTORS = ("council", "health", "police", "fire", "housing", "voluntary_community")


def build(organisations: int, bodies: int, meetings: int) -> None:
    """The partnership, its people, bodies, meetings, attendance, agenda and costs."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction

    from partnerscope.apps.accounts.models import Role
    from partnerscope.apps.costs.models import HourlyRate, MeetingCostSetting, SupportCost
    from partnerscope.apps.partnerships import models

    call_command("migrate", verbosity=0, interactive=False)
    with transaction.atomic():
        partnership = models.Partnership.objects.create(slug="bench", name="Bench", area="Bench")
        user = get_user_model().objects.create_user("bench", password="bench-password-1")
        Role.objects.create(user=user, partnership=partnership, kind="manager")
        orgs = models.Organisation.objects.bulk_create(
            models.Organisation(ref=f"org-{n}", name=f"Organisation {n}", sector=SECTORS[n % 6])
            for n in range(organisations)
        )
        models.Participation.objects.bulk_create(
            models.Participation(partnership=partnership, organisation=org) for org in orgs
        )
        people = models.Person.objects.bulk_create(
            models.Person(
                partnership=partnership,
                ref=f"p-{n}",
                name=f"Person {n}",
                organisation=orgs[n % organisations],
            )
            for n in range(organisations * 4)
        )
        made = models.Body.objects.bulk_create(
            models.Body(
                partnership=partnership,
                ref=f"b-{n}",
                name=f"Body {n}",
                governance_layer=LAYERS[n % 3],
            )
            for n in range(bodies)
        )
        members = {body.pk: people[n::bodies] for n, body in enumerate(made)}
        models.Membership.objects.bulk_create(
            models.Membership(person=person, body=body, role="chair" if i == 0 else "member")
            for body in made
            for i, person in enumerate(members[body.pk])
        )
        held = models.Meeting.objects.bulk_create(
            models.Meeting(
                body=made[n % bodies],
                ref=f"m-{n}",
                date=dt.date(2021, 4, 1) + dt.timedelta(days=n * 2),
                duration_minutes=90 + 30 * (n % 3),
            )
            for n in range(meetings)
        )
        models.Attendance.objects.bulk_create(
            models.Attendance(
                meeting=meeting, person=person, status="present" if i % 7 else "apologies"
            )
            for meeting in held
            for i, person in enumerate(members[meeting.body_id])
        )
        models.AgendaItem.objects.bulk_create(
            models.AgendaItem(
                meeting=meeting,
                position=p,
                title=f"Item {p}",
                function="strategy",
                governance_layer=LAYERS[(meeting.pk + p) % 3],
            )
            for meeting in held
            for p in range(1, 5)
        )
        HourlyRate.objects.bulk_create(
            [
                HourlyRate(
                    partnership=partnership,
                    ref="any",
                    hourly_cost=30,
                    price_year=2024,
                    source="Bench",
                )
            ]
            + [
                HourlyRate(
                    partnership=partnership, ref=f"s-{s}", sector=s, hourly_cost=40, price_year=2022
                )
                for s in SECTORS
            ]
        )
        SupportCost.objects.bulk_create(
            SupportCost(
                partnership=partnership,
                ref=f"s-{year}-{n}",
                category="website",
                year=year,
                organisation=orgs[n],
                amount=1000,
            )
            for year in (2023, 2024)
            for n in range(10)
        )
        MeetingCostSetting.objects.create(partnership=partnership, ref="settings", price_year=2025)


def serve() -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="bench"))
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get("/p/bench/costs/partnership/")
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return {
        "first_ms": round(timings[0] * 1000, 1),
        "median_ms": round(statistics.median(timings[1:]) * 1000, 1),
        "max_ms": round(max(timings[1:]) * 1000, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=60)
    parser.add_argument("--bodies", type=int, default=12)
    parser.add_argument("--meetings", type=int, default=1000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="partnerscope-bench-")
    os.environ["PARTNERSCOPE_DATA_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    try:
        import django

        django.setup()
        build(options.organisations, options.bodies, options.meetings)
        result = {"organisations": options.organisations, "meetings": options.meetings, **serve()}
        print(json.dumps(result))
        return 0 if result["median_ms"] < 200 else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
