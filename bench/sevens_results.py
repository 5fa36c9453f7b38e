"""Benchmark: the 7S results page of the demo's latest wave, served by Django.

Builds the demo in a throwaway data folder (or uses ``--data-dir``), signs in as the demo
manager and requests ``/p/northshire/sevens/waves/<latest>/results/`` ``--requests`` times
through Django's test client, printing the time of the first request (which draws the
charts into a fresh cache) and the median, fastest and slowest times of the rest in
milliseconds and the machine's load average (the machine may be shared). ``--profile``
prints a cProfile of one request instead.

Usage::

    .venv/bin/python bench/sevens_results.py [--requests 15] [--data-dir DIR] [--profile]
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

from _demo import main_on_demo

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def measure(requests: int, profile: bool) -> dict[str, object]:
    """Time the results page of Northshire's latest 7S wave, signed in as its manager."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from partnerscope.apps.sevens.models import Wave

    wave = Wave.objects.filter(partnership__slug="northshire").order_by("-pk").first()
    assert wave is not None, "the demo has no 7S wave"
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="manager"))
    url = f"/p/northshire/sevens/waves/{wave.pk}/results/"
    start = time.perf_counter()
    assert client.get(url).status_code == 200
    first_ms = (time.perf_counter() - start) * 1000
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return {}
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return {
        "url": url,
        "first_request_ms": round(first_ms, 1),
        "requests": requests,
        "median_ms": round(statistics.median(times), 1),
        "fastest_ms": round(min(times), 1),
        "slowest_ms": round(max(times), 1),
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def main() -> None:
    main_on_demo(__doc__.splitlines()[0], measure, 15, "profile one request", "sevens-bench-")


if __name__ == "__main__":
    main()
