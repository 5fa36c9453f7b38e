"""Benchmark: the demo's full health-check report, as its HTML page and as its PDF.

Builds the demo in a throwaway data folder (or uses ``--data-dir``), signs in as the demo
manager and, through Django's test client:

- requests ``/p/northshire/reports/`` ``--requests`` times, printing the first request
  (which fills the sections' caches) and the median, fastest and slowest of the rest in
  milliseconds (goal: under 500 ms);
- requests ``/p/northshire/reports/report.pdf`` with the PDF cache emptied (every section
  kept, the whole layout done: the cold figure), then again (the PDF kept under its HTML),
  in seconds (goal: under 10 s);

and prints the machine's load average and the process's CPU time beside the wall-clock
figures, as the machine may be shared. ``--profile`` prints a
cProfile of one cold PDF instead.

Usage::

    .venv/bin/python bench/report.py [--requests 10] [--data-dir DIR] [--profile]
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from _demo import main_on_demo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

HTML_GOAL_MS = 500
PDF_GOAL_SECONDS = 10
SLUG = "northshire"


def forget_pdfs() -> None:
    """Empty the kept PDFs (and nothing else) so the next PDF is laid out afresh."""
    from django.core.cache import cache

    for key in list(getattr(cache, "_cache", {})):
        if ":report-pdf:" in key:
            cache.delete(key.split(":", 2)[2])


def measure(requests: int, profile: bool) -> dict[str, Any]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="manager"))
    page = f"/p/{SLUG}/reports/"
    pdf = f"/p/{SLUG}/reports/report.pdf"
    if profile:
        client.get(page)
        forget_pdfs()
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(pdf)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return {}
    start = time.perf_counter()
    assert client.get(page).status_code == 200
    first_ms = (time.perf_counter() - start) * 1000
    times, cpu_times = [], []
    for _ in range(requests):
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(page)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200
    forget_pdfs()
    start, cpu = time.perf_counter(), time.process_time()
    response = client.get(pdf)
    cold = time.perf_counter() - start
    cold_cpu = time.process_time() - cpu
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    size = len(response.content)
    start = time.perf_counter()
    assert client.get(pdf).status_code == 200
    warm = time.perf_counter() - start
    median = statistics.median(times)
    return {
        "html": {
            "url": page,
            "first_request_ms": round(first_ms, 1),
            "requests": requests,
            "median_ms": round(median, 1),
            "fastest_ms": round(min(times), 1),
            "slowest_ms": round(max(times), 1),
            "median_cpu_ms": round(statistics.median(cpu_times), 1),
            "goal_ms": HTML_GOAL_MS,
            "met": median < HTML_GOAL_MS,
        },
        "pdf": {
            "url": pdf,
            "cold_seconds": round(cold, 2),
            "cold_cpu_seconds": round(cold_cpu, 2),
            "kept_seconds": round(warm, 2),
            "bytes": size,
            "goal_seconds": PDF_GOAL_SECONDS,
            "met": cold < PDF_GOAL_SECONDS,
        },
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def main() -> None:
    main_on_demo(__doc__.splitlines()[0], measure, 10, "profile one cold PDF", "report-bench-")


if __name__ == "__main__":
    main()
