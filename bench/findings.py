"""Benchmark: refreshing the register of findings of the demo's county partnership.

Builds the demo (``partnerscope demo``'s six Northshire partnerships) in a throwaway data
folder, then times ``refresh`` of Northshire's register twice: the first refresh stores
every finding as new, the second finds them all persisting. Every registered area's source
is asked, as on the site. ``--synthetic N`` adds a source of N more findings (an organisation
each), to time the register's own storing at a larger size. The goal: under 5 s.

Usage::

    .venv/bin/python bench/findings.py [--synthetic 2000]
    bash scripts/with-postgres.sh .venv/bin/python bench/findings.py   # on PostgreSQL
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

GOAL_SECONDS = 5.0
SLUG = "northshire"


class SyntheticSource:
    """``count`` findings of one rule, each about its own organisation."""

    def __init__(self, count: int) -> None:
        from partnerscope.core.findings import RuleRef

        self.count = count
        self.rule = RuleRef("bench_rule", "Benchmark rule", "A rule that finds many things.")

    def rules(self) -> list[Any]:
        return [self.rule]

    def findings(self, partnership: Any) -> list[Any]:
        from partnerscope.core.findings import Evidence, Finding, Severity, Subject, SubjectKind

        return [
            Finding(
                area="bench",
                rule=self.rule,
                subject=Subject(SubjectKind.ORGANISATION, f"org-{n:05}", f"Organisation {n}"),
                severity=Severity.LOW,
                evidence=Evidence((("score", n / 10), ("count", n)), f"/p/{SLUG}/"),
                period="2026",
            )
            for n in range(self.count)
        ]


def run(synthetic: int) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    os.environ["PARTNERSCOPE_TASKS_BACKEND"] = "immediate"
    import django

    django.setup()
    from django.core.management import call_command

    from partnerscope.apps.common.extensions import finding_sources
    from partnerscope.apps.findings import services
    from partnerscope.apps.partnerships.demo.build import build_demo
    from partnerscope.apps.partnerships.models import Partnership

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    build_demo()
    built = time.perf_counter() - started

    registered = finding_sources()
    if synthetic:
        sources = {**registered, "bench": SyntheticSource(synthetic)}
        services.finding_sources = lambda: sources  # type: ignore[assignment]
    partnership = Partnership.objects.get(slug=SLUG)
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        log = services.refresh(partnership, ran_by="the benchmark")
        timings.append(
            {
                "seconds": round(time.perf_counter() - started, 3),
                "new": log.new,
                "persisting": log.persisting,
                "resolved": log.resolved,
            }
        )
    return {
        "partnership": SLUG,
        "areas": sorted(registered),
        "synthetic_findings": synthetic,
        "demo_build_seconds": round(built, 1),
        "first_refresh": timings[0],
        "second_refresh": timings[1],
        "goal_seconds": GOAL_SECONDS,
        "met": all(t["seconds"] < GOAL_SECONDS for t in timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--synthetic", type=int, default=0, help="Findings of an extra synthetic source."
    )
    parser.add_argument("--keep", action="store_true", help="Keep the data folder.")
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="partnerscope-bench-findings-")
    os.environ.setdefault("PARTNERSCOPE_DATA_DIR", folder)
    try:
        print(json.dumps(run(options.synthetic), indent=2))
    finally:
        if options.keep:
            print(f"Data kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
