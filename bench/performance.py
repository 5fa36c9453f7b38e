"""Benchmark: the status of every indicator in every area, computed from the database.

Builds a partnership with ``--areas`` areas, ``--indicators`` quarterly indicators and
``--periods`` quarters of values for each (400 × 1,000 × 40 = 16 million values by
default), with targets and a few corrections, in a throwaway data folder; then

1. computes and stores every status (``refresh_partnership``, ``--workers`` processes),
2. serves one area's dashboard page (read from the stored statuses) several times,

recording wall time and peak memory (``ru_maxrss`` of the process and of its children).
Each phase runs in its own process so its memory is its own. The goal at full size:
statuses in under 60 s and 4 GiB, the dashboard in under 200 ms.

Usage::

    .venv/bin/python bench/performance.py [--areas 400 --indicators 1000 --periods 40]
    bash scripts/with-postgres.sh .venv/bin/python bench/performance.py   # on PostgreSQL

The SQLite database is built in a temporary folder that is deleted afterwards (``--keep``
keeps it and prints where it is).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

THEMES = 10
GOALS_PER_THEME = 5
FIRST_QUARTER = "2016-Q1"
CORRECTED_SHARE = 0.005
TARGET_PERIODS = 4
DASHBOARD_REQUESTS = 7


def peak_mib() -> dict[str, float]:
    """Peak resident memory of this process and of its largest child, in MiB, and the CPU
    time of each (the machine may be shared, so wall time alone can mislead)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "self_mib": round(own.ru_maxrss / 1024, 1),
        "children_mib": round(children.ru_maxrss / 1024, 1),
        "self_cpu_s": round(own.ru_utime + own.ru_stime, 1),
        "children_cpu_s": round(children.ru_utime + children.ru_stime, 1),
    }


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    import django

    django.setup()


def build(areas: int, indicators: int, periods: int) -> dict[str, Any]:
    """Create the schema and the partnership, with values loaded in bulk."""
    setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction

    from partnerscope.apps.partnerships.models import Partnership
    from partnerscope.apps.performance.bulk_loading import load_rows, load_values
    from partnerscope.apps.performance.models import (
        Area,
        ImprovementTarget,
        Indicator,
        Outcome,
        PerformanceSettings,
        TargetValue,
    )
    from partnerscope.core.indicators import parse_period

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-200000")
    get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-password-1")
    first = parse_period(FIRST_QUARTER)
    quarters = [first.shift(step) for step in range(periods)]
    last = quarters[-1]
    with transaction.atomic():
        partnership = Partnership.objects.create(slug="bench", name="Bench", area="Benchshire")
        PerformanceSettings.objects.create(partnership=partnership, as_of=last.due(45), due_days=45)
        Area.objects.bulk_create(
            Area(partnership=partnership, ref=f"a{n:04d}", name=f"Area {n:04d}", position=n)
            for n in range(areas)
        )
        themes = Outcome.objects.bulk_create(
            Outcome(partnership=partnership, ref=f"t{n}", title=f"Theme {n}", position=n)
            for n in range(THEMES)
        )
        goals = Outcome.objects.bulk_create(
            Outcome(
                partnership=partnership,
                ref=f"g{n}",
                title=f"Goal {n}",
                parent=themes[n % THEMES],
                position=n,
            )
            for n in range(THEMES * GOALS_PER_THEME)
        )
        made = Indicator.objects.bulk_create(
            Indicator(
                partnership=partnership,
                code=f"B {n}",
                title=f"Bench indicator {n}",
                polarity="higher_is_better" if n % 2 else "lower_is_better",
                frequency="quarter",
            )
            for n in range(indicators)
        )
        Indicator.outcomes.through.objects.bulk_create(
            Indicator.outcomes.through(indicator=indicator, outcome=goals[n % len(goals)])
            for n, indicator in enumerate(made)
        )
    area_ids = list(Area.objects.filter(partnership=partnership).values_list("pk", flat=True))
    indicator_ids = [indicator.pk for indicator in made]
    rng = random.Random(2009)
    load_rows(
        ImprovementTarget,
        ("indicator_id", "area_id", "baseline_period", "laa", "description"),
        ((i, a, "", True, "") for i in indicator_ids for a in area_ids),
    )
    target_ids = list(
        ImprovementTarget.objects.filter(indicator__partnership=partnership)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    target_periods = [last.shift(step) for step in range(-TARGET_PERIODS // 2, TARGET_PERIODS // 2)]
    load_rows(
        TargetValue,
        ("target_id", "period", "ordinal", "value"),
        (
            (target_id, str(period), period.ordinal, round(100 + rng.uniform(-5, 5), 2))
            for target_id in target_ids
            for period in target_periods
        ),
    )
    built = time.perf_counter()
    recorded_at = "2026-01-01 09:00:00+00:00"
    labels = [(str(period), period.ordinal) for period in quarters]

    def rows():
        for indicator_id in indicator_ids:
            drift = rng.uniform(-0.2, 0.2)
            for area_id in area_ids:
                level = rng.uniform(80, 120)
                gauss = rng.gauss
                for step, (label, ordinal) in enumerate(labels):
                    value = round(level + drift * step + gauss(0, 2.0), 2)
                    if rng.random() < CORRECTED_SHARE:
                        yield (
                            indicator_id,
                            area_id,
                            label,
                            ordinal,
                            1,
                            False,
                            value,
                            None,
                            None,
                            None,
                            None,
                            "final",
                            None,
                            recorded_at,
                            "bench",
                            None,
                            "",
                        )
                        yield (
                            indicator_id,
                            area_id,
                            label,
                            ordinal,
                            2,
                            True,
                            round(value * 1.02, 2),
                            None,
                            None,
                            None,
                            None,
                            "final",
                            None,
                            recorded_at,
                            "bench",
                            None,
                            "Revised",
                        )
                    else:
                        yield (
                            indicator_id,
                            area_id,
                            label,
                            ordinal,
                            1,
                            True,
                            value,
                            None,
                            None,
                            None,
                            None,
                            "final",
                            None,
                            recorded_at,
                            "bench",
                            None,
                            "",
                        )

    count = load_values(rows())
    loaded = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "phase": "build",
        "vendor": connection.vendor,
        "value_rows": count,
        "setup_s": round(built - started, 1),
        "load_s": round(loaded - built, 1),
        "total_s": round(time.perf_counter() - started, 1),
        **peak_mib(),
    }


def status(workers: int) -> dict[str, Any]:
    """Compute and store the status of every indicator in every area."""
    setup()
    from partnerscope.apps.partnerships.models import Partnership
    from partnerscope.apps.performance.status_snapshots import refresh_partnership

    partnership = Partnership.objects.get(slug="bench")
    started = time.perf_counter()
    result = refresh_partnership(partnership, workers=workers)
    return {
        "phase": "status",
        "series": result.series,
        "workers": workers,
        "seconds": round(time.perf_counter() - started, 1),
        **peak_mib(),
    }


def median_ms(client: Any, path: str, times: int = 3) -> float:
    """The median time of serving ``path`` a few times, in milliseconds."""
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        response = client.get(path)
        assert response.status_code == 200, path
        if response.streaming:
            b"".join(response.streaming_content)
        timings.append(time.perf_counter() - started)
    return round(statistics.median(timings) * 1000, 1)


def dashboard() -> dict[str, Any]:
    """Serve one area's dashboard page several times through the whole Django stack,
    started as the server starts it (through the WSGI entry point)."""
    setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    import partnerscope.wsgi  # noqa: F401

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="bench"))
    timings = []
    for number in range(DASHBOARD_REQUESTS):
        started = time.perf_counter()
        response = client.get(f"/p/bench/performance/?area=a{number % 3:04d}")
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return {
        "phase": "dashboard",
        "first_ms": round(timings[0] * 1000, 1),
        "median_ms": round(statistics.median(timings[1:]) * 1000, 1),
        "max_ms": round(max(timings[1:]) * 1000, 1),
        "exceptions_ms": median_ms(client, "/p/bench/performance/exceptions/?area=a0001"),
        "all_exceptions_ms": median_ms(client, "/p/bench/performance/exceptions/"),
        "filtered_exceptions_ms": median_ms(
            client, "/p/bench/performance/exceptions/?reason=special_cause&page=3"
        ),
        "exceptions_csv_ms": median_ms(client, "/p/bench/performance/exceptions.csv?area=a0001"),
        "all_exceptions_csv_ms": median_ms(client, "/p/bench/performance/exceptions.csv", 1),
        "quality_ms": median_ms(client, "/p/bench/performance/quality/"),
        "page_bytes": len(response.content),
        **peak_mib(),
    }


def size_text(options: argparse.Namespace) -> str:
    return f"--areas {options.areas} --indicators {options.indicators} --periods {options.periods}"


def run_phase(arguments: list[str], environment: dict[str, str]) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, __file__, *arguments],
        env=environment,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", type=int, default=400)
    parser.add_argument("--indicators", type=int, default=1000)
    parser.add_argument("--periods", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="Keep the SQLite data folder.")
    parser.add_argument(
        "--data",
        help="Use this data folder (kept): build the data only if it was not built there "
        "at this size before, so the status and the page can be measured again (with "
        "PostgreSQL, in the same database: run twice within one with-postgres.sh).",
    )
    parser.add_argument("--phase", choices=["build", "status", "dashboard"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.phase == "build":
        print(json.dumps(build(options.areas, options.indicators, options.periods)))
        return 0
    if options.phase == "status":
        print(json.dumps(status(options.workers)))
        return 0
    if options.phase == "dashboard":
        print(json.dumps(dashboard()))
        return 0
    folder = options.data or tempfile.mkdtemp(prefix="partnerscope-bench-")
    marker = Path(folder) / "bench-built.txt"
    reuse = bool(options.data) and marker.exists() and marker.read_text() == size_text(options)
    if options.data:
        Path(folder).mkdir(parents=True, exist_ok=True)
        options.keep = True
    environment = {**os.environ, "PARTNERSCOPE_DATA_DIR": folder}
    database = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    size = size_text(options)
    values = options.areas * options.indicators * options.periods
    print(f"performance on {database}: {size} ({values:,} values), {options.workers} workers")
    try:
        if reuse:
            built = {"setup_s": "–", "load_s": "–", "value_rows": values, "self_mib": 0.0}
        else:
            built = run_phase(["--phase", "build", *size.split()], environment)
            marker.write_text(size)
        computed = run_phase(["--phase", "status", "--workers", str(options.workers)], environment)
        served = run_phase(["--phase", "dashboard"], environment)
    finally:
        if options.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    status_peak = computed["self_mib"] + computed["children_mib"]
    rows = [
        ("build: schema, areas, indicators, targets", f"{built['setup_s']} s", ""),
        (
            f"build: load {built['value_rows']:,} value versions",
            f"{built['load_s']} s",
            f"{built['self_mib']:.0f} MiB",
        ),
        (
            f"status of {computed['series']:,} series ({computed['workers']} workers)",
            f"{computed['seconds']} s",
            f"{computed['self_mib']:.0f} + {computed['children_mib']:.0f} MiB",
        ),
        (
            "status: CPU time of this process + its workers",
            f"{computed['self_cpu_s']} + {computed['children_cpu_s']} s",
            "",
        ),
        ("dashboard page, first request", f"{served['first_ms']} ms", ""),
        (
            "dashboard page, median of the rest",
            f"{served['median_ms']} ms",
            f"{served['self_mib']:.0f} MiB",
        ),
        ("exception report page, one area, median of 3", f"{served['exceptions_ms']} ms", ""),
        ("exception report page, all areas", f"{served['all_exceptions_ms']} ms", ""),
        (
            "exception report page, one reason, page 3",
            f"{served['filtered_exceptions_ms']} ms",
            "",
        ),
        ("exception CSV, one area", f"{served['exceptions_csv_ms']} ms", ""),
        ("exception CSV, all areas, once", f"{served['all_exceptions_csv_ms']} ms", ""),
        ("data-quality register page", f"{served['quality_ms']} ms", ""),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'time':>10}  peak memory")
    for name, elapsed, memory in rows:
        print(f"{name:<{width}}  {elapsed:>10}  {memory}")
    goals = [
        ("status under 60 s", computed["seconds"] < 60),
        ("status under 4 GiB", status_peak < 4096),
        ("dashboard under 200 ms", served["median_ms"] < 200),
    ]
    print("goals: " + ", ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in goals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
