"""Benchmark: the alignment and ledger pages of a large partnership.

Builds, in a throwaway data folder, a partnership of ``--organisations`` organisations
(60 by default), 60 outcomes (10 themes of 5 goals), 200 indicators with stored statuses,
a board on which every organisation has a seat, a relationship survey wave with ties, and
``--years`` financial years (5) of ledger lines: ``--lines`` lines per organisation a year
(8), each split over one to three outcomes (60 × 5 × 8 = 2,400 lines). Then it serves the
alignment page and the ledger page ``--requests`` times each as a signed-in manager and
records the median. The goal: the alignment page in under 200 ms.

Usage::

    .venv/bin/python bench/resources.py [--organisations 60 --years 5 --lines 8]
    bash scripts/with-postgres.sh .venv/bin/python bench/resources.py   # on PostgreSQL
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

ARRANGEMENTS = ("pooling", "aligning", "grants", "procurement", "partnership")
KINDS = ("revenue", "capital", "staff_time", "services")
SECTORS = ("council", "health", "police", "fire", "housing", "voluntary_community", "business")


def build(organisations: int, years: int, lines: int) -> None:
    """Create the schema and the partnership with its ledger, in bulk."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from partnerscope.apps.network.models import Tie, Wave
    from partnerscope.apps.partnerships.models import (
        Body,
        Membership,
        Organisation,
        Participation,
        Partnership,
        Person,
    )
    from partnerscope.apps.performance.models import (
        Area,
        Indicator,
        IndicatorStatusSnapshot,
        Outcome,
    )
    from partnerscope.apps.resources.models import Contribution, ContributionShare

    rng = random.Random(2009)
    partnership = Partnership.objects.create(slug="bench", name="Bench", area="Benchshire")
    orgs = Organisation.objects.bulk_create(
        Organisation(ref=f"org-{n}", name=f"Organisation {n}", sector=SECTORS[n % len(SECTORS)])
        for n in range(organisations)
    )
    Participation.objects.bulk_create(
        Participation(partnership=partnership, organisation=org) for org in orgs
    )
    board = Body.objects.create(partnership=partnership, ref="board", name="Board")
    people = Person.objects.bulk_create(
        Person(partnership=partnership, ref=f"p{n}", name=f"Person {n}", organisation=org)
        for n, org in enumerate(orgs)
    )
    Membership.objects.bulk_create(Membership(person=p, body=board) for p in people)
    wave = Wave.objects.create(
        partnership=partnership,
        ref="w1",
        title="Wave",
        opens=date(2025, 1, 1),
        closes=date(2025, 2, 1),
    )
    Tie.objects.bulk_create(
        Tie(wave=wave, source=a, target=b, level=rng.randint(0, 4))
        for a in orgs
        for b in rng.sample(orgs, 6)
        if a != b
    )
    themes = Outcome.objects.bulk_create(
        Outcome(partnership=partnership, ref=f"t{n}", title=f"Theme {n}", position=n)
        for n in range(10)
    )
    goals = Outcome.objects.bulk_create(
        Outcome(
            partnership=partnership,
            ref=f"g{n}",
            title=f"Goal {n}",
            parent=themes[n % 10],
            position=10 + n,
        )
        for n in range(50)
    )
    area = Area.objects.create(partnership=partnership, ref="whole", name="Benchshire")
    indicators = Indicator.objects.bulk_create(
        Indicator(partnership=partnership, code=f"B {n}", title=f"Indicator {n}")
        for n in range(200)
    )
    Indicator.outcomes.through.objects.bulk_create(
        Indicator.outcomes.through(indicator=indicator, outcome=goals[n % 50])
        for n, indicator in enumerate(indicators)
    )
    IndicatorStatusSnapshot.objects.bulk_create(
        IndicatorStatusSnapshot(
            indicator=indicator,
            area=area,
            as_of=date(2026, 4, 1),
            rag=rng.choice(("red", "amber", "green")),
            direction=rng.choice(("improving", "worsening", "no_change")),
        )
        for indicator in indicators
    )
    refs = [goal.ref for goal in goals[:45]]
    made = Contribution.objects.bulk_create(
        Contribution(
            partnership=partnership,
            ref=f"l-{org.ref}-{year}-{n}",
            organisation=org,
            year=2021 + year,
            arrangement=rng.choice(ARRANGEMENTS),
            kind=rng.choice(KINDS),
            amount=Decimal(rng.randint(1_000, 2_000_000)),
            status="spent",
        )
        for org in orgs
        for year in range(years)
        for n in range(lines)
    )
    shares = []
    for line in made:
        chosen = rng.sample(refs, rng.randint(1, 3))
        parts = [Decimal(1) / len(chosen)] * len(chosen)
        parts[0] += 1 - sum(parts)
        shares += [
            ContributionShare(
                contribution=line, outcome_ref=ref, share=part.quantize(Decimal("0.0001"))
            )
            for ref, part in zip(chosen, parts, strict=True)
        ]
    ContributionShare.objects.bulk_create(shares)


def median_ms(client: Any, path: str, times: int) -> float:
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return round(statistics.median(timings), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=60)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--lines", type=int, default=8)
    parser.add_argument("--requests", type=int, default=7)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="partnerscope-bench-resources-")
    os.environ.setdefault("PARTNERSCOPE_DATA_DIR", folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    try:
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client

        started = time.perf_counter()
        build(options.organisations, options.years, options.lines)
        built_s = round(time.perf_counter() - started, 1)
        user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        client.get("/p/bench/resources/alignment/")
        result = {
            "vendor": connection.vendor,
            "organisations": options.organisations,
            "ledger_lines": options.organisations * options.years * options.lines,
            "build_s": built_s,
            "alignment_ms": median_ms(client, "/p/bench/resources/alignment/", options.requests),
            "ledger_ms": median_ms(client, "/p/bench/resources/", options.requests),
            "ledger_one_year_ms": median_ms(
                client, "/p/bench/resources/?year=2025", options.requests
            ),
        }
        print(json.dumps(result, indent=2))
        return 0 if result["alignment_ms"] < 200 else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
