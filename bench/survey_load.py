"""Benchmark: a survey's launch day, 300 7S respondents and 60 relationship-survey ones at once.

Builds a partnership of 60 organisations and 300 people on four bodies, opens a 7S wave
inviting all 300 and a relationship-survey wave with one representative per organisation,
and issues every single-use link through the areas' own services. Then it starts the real
server (``partnerscope serve``: Waitress with its default threads, on 127.0.0.1 only) on a
fresh SQLite file or a throwaway PostgreSQL cluster, and runs Locust headless against it:
one simulated person per link opens it, reads and answers each page (GET, then POST and
follow the redirect), checks and sends. Arrivals are spread at ``--arrivals`` people a
second (one a second: all 360 within six minutes), each reading every page for ``--think``
seconds (4 to 10), so some 70 people are answering at any moment and the last sends
within ten minutes; Locust stops by itself when the last person has sent, and
``--run-time`` (600 s) bounds the whole run.

Afterwards it checks that there was no error and that every set of answers sent is stored
exactly once (each 7S response and evidence text, each organisation's ties), and prints the
50th and 95th percentiles and the maximum of each kind of request. The goal: p95 under
300 ms for every kind, no errors.

Usage::

    .venv/bin/python bench/survey_load.py --database sqlite
    .venv/bin/python bench/survey_load.py --database postgres   # through scripts/with-postgres.sh

Only loopback addresses are used: the server listens on 127.0.0.1 and Locust's target is it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
LOCUSTFILE = HERE / "locustfiles" / "survey_respondents.py"

ORGANISATIONS = 60
PEOPLE_PER_ORGANISATION = 5
SECTORS = [
    "council",
    "health",
    "police",
    "fire",
    "education",
    "housing",
    "business",
    "voluntary_community",
    "other_public",
]
BODIES = [
    ("board", "Partnership board", "strategic"),
    ("executive", "Executive group", "executive"),
    ("safety", "Community safety partnership", "operational"),
    ("health", "Health and wellbeing board", "operational"),
]
GOAL_MS = 300


# ---- Building the partnership and the links (in this process, through the services) ----


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    from partnerscope.cli.site import setup_django as setup

    setup(migrate=True)


def build(sevens_count: int, network_count: int) -> list[dict[str, Any]]:
    """The partnership, both waves and every link; returns the respondents in arrival order."""
    from django.db import transaction
    from django.urls import reverse
    from django.utils import timezone

    from partnerscope.apps.network import invitations as network
    from partnerscope.apps.network.models import Wave as NetworkWave
    from partnerscope.apps.network.representatives import suggest_representatives
    from partnerscope.apps.partnerships.models import (
        Body,
        Membership,
        Organisation,
        Participation,
        Partnership,
        Person,
    )
    from partnerscope.apps.sevens import invitations as sevens
    from partnerscope.apps.sevens.models import Wave as SevensWave
    from partnerscope.apps.sevens.services import shared_instrument

    today = timezone.localdate()
    people_per_organisation = max(PEOPLE_PER_ORGANISATION, -(-sevens_count // network_count))
    with transaction.atomic():
        partnership = Partnership.objects.create(
            slug="launch-day", name="Launch Day Partnership", area="Loadshire"
        )
        organisations = Organisation.objects.bulk_create(
            Organisation(
                ref=f"launch-org-{n:03d}",
                name=f"Organisation {n:03d}",
                sector=SECTORS[n % len(SECTORS)],
            )
            for n in range(1, network_count + 1)
        )
        Participation.objects.bulk_create(
            Participation(partnership=partnership, organisation=o) for o in organisations
        )
        people = Person.objects.bulk_create(
            Person(
                partnership=partnership,
                ref=f"person-{o.ref}-{k}",
                name=f"Person {k} of {o.name}",
                organisation=o,
            )
            for o in organisations
            for k in range(1, people_per_organisation + 1)
        )
        bodies = Body.objects.bulk_create(
            Body(partnership=partnership, ref=ref, name=name, governance_layer=layer)
            for ref, name, layer in BODIES
        )
        invited = people[:sevens_count]
        Membership.objects.bulk_create(
            Membership(person=person, body=bodies[n % len(bodies)])
            for n, person in enumerate(invited)
        )
        sevens_wave = SevensWave.objects.create(
            partnership=partnership,
            ref="launch-7s",
            title="7S self-assessment, launch day",
            opens=today,
            closes=today + dt.timedelta(days=21),
            instrument_version=shared_instrument().version,
        )
        sevens_wave.bodies.set(bodies)
        network_wave = NetworkWave.objects.create(
            partnership=partnership,
            ref="launch-relationships",
            title="Relationship survey, launch day",
            opens=today,
            closes=today + dt.timedelta(days=21),
        )
        suggest_representatives(network_wave)

    def path_of(view: str) -> Any:
        return lambda token: reverse(view, args=[token])

    sevens_links = sevens.send_invitations(sevens_wave, path_of("sevens_public:about")).issued
    network_links = network.send_invitations(network_wave, path_of("network_public:start")).issued
    representatives = {
        r.person.name: r.organisation.ref
        for r in network_wave.representatives.select_related("person", "organisation")
    }
    sevens_people = [{"survey": "sevens", "path": link.url} for link in sevens_links]
    network_people = [
        {"survey": "network", "path": link.url, "organisation": representatives[link.person]}
        for link in network_links
    ]
    assert len(sevens_people) == sevens_count, len(sevens_people)
    assert len(network_people) == network_count, len(network_people)
    # One relationship-survey respondent arrives among each group of 7S ones.
    every = max(1, round(sevens_count / network_count)) if network_count else 0
    arrivals: list[dict[str, Any]] = []
    queue = list(network_people)
    for n, person in enumerate(sevens_people, start=1):
        arrivals.append(person)
        if every and n % every == 0 and queue:
            arrivals.append(queue.pop(0))
    arrivals += queue
    for number, person in enumerate(arrivals, start=1):
        person["number"] = number
    return arrivals


# ---- Checking what was stored ---------------------------------------------------------


def stored_exactly_once(sent: list[dict[str, Any]]) -> list[str]:
    """Every problem with what is stored against what was sent (none is the goal)."""
    from django.db import connections

    from partnerscope.apps.network.models import Draft as NetworkDraft
    from partnerscope.apps.network.models import Representative, Tie
    from partnerscope.apps.partnerships.models import Organisation
    from partnerscope.apps.sevens.forms import field_name
    from partnerscope.apps.sevens.models import Draft as SevensDraft
    from partnerscope.apps.sevens.models import Evidence, Invitation, Response
    from partnerscope.apps.sevens.services import shared_instrument
    from partnerscope.core.sevens import ELEMENTS

    connections.close_all()
    problems = []
    statement = {field_name(s.id): s.id for s in shared_instrument().statements}

    def sevens_key(sector: str, layers: list[str], answers: dict[str, Any]) -> str:
        return json.dumps([sector, layers, sorted(answers.items())])

    def as_stored(value: str) -> Any:
        return value if value == "dk" else int(value)

    sevens_sent = [s for s in sent if s["survey"] == "sevens"]
    expected = Counter(
        sevens_key(
            s["sector"],
            s["layers"],
            {statement[f]: as_stored(v) for f, v in s["answers"].items()},
        )
        for s in sevens_sent
    )
    found = Counter(sevens_key(r.sector, list(r.layers), r.answers) for r in Response.objects.all())
    if expected != found:
        problems.append(
            f"7S responses: {sum((expected - found).values())} sent but not stored, "
            f"{sum((found - expected).values())} stored but not sent (or stored twice)"
        )
    expected_evidence = Counter(
        (ELEMENTS[int(page) - 1].id, text)
        for s in sevens_sent
        for page, text in s["evidence"].items()
    )
    found_evidence = Counter(Evidence.objects.values_list("element", "text"))
    if expected_evidence != found_evidence:
        problems.append("7S evidence differs from what was sent")
    answered = Invitation.objects.filter(answered=True).count()
    if answered != len(sevens_sent):
        problems.append(f"{answered} 7S invitations answered, {len(sevens_sent)} sent")
    if SevensDraft.objects.exists():
        problems.append(f"{SevensDraft.objects.count()} 7S drafts left after sending")

    network_sent = [s for s in sent if s["survey"] == "network"]
    pks = dict(Organisation.objects.values_list("pk", "ref"))
    expected_ties = Counter()
    for s in network_sent:
        source = s["organisation"]
        for target in pks.values():
            if target == source:
                continue
            expected_ties[(source, target, 0, "", None)] += 1
        for target_pk, answer in s["ties"].items():
            target = pks[int(target_pk)]
            expected_ties[(source, target, 0, "", None)] -= 1
            expected_ties[
                (
                    source,
                    target,
                    answer["level"],
                    answer.get("frequency", ""),
                    answer.get("trust_reliable"),
                )
            ] += 1
    expected_ties = +expected_ties
    found_ties = Counter(
        (pks[source], pks[target], level, frequency, trust)
        for source, target, level, frequency, trust in Tie.objects.values_list(
            "source_id", "target_id", "level", "frequency", "trust_reliable"
        )
    )
    if expected_ties != found_ties:
        problems.append(
            f"relationship ties: {sum((expected_ties - found_ties).values())} sent but not "
            f"stored, {sum((found_ties - expected_ties).values())} stored but not sent"
        )
    representatives = Representative.objects.filter(answered__isnull=False).count()
    if representatives != len(network_sent):
        problems.append(f"{representatives} organisations answered, {len(network_sent)} sent")
    if NetworkDraft.objects.exists():
        problems.append(f"{NetworkDraft.objects.count()} relationship drafts left after sending")
    return problems


# ---- Running the server and Locust --------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def cpu_seconds(pid: int) -> float:
    """Processor time a running process has used so far (user and system), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(sorted_values: list[float], share: float) -> float:
    """The nearest-rank percentile of values already sorted."""
    rank = max(1, -(-int(share * 1000) * len(sorted_values) // 1000))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def report(record: dict[str, Any]) -> tuple[list[str], bool]:
    """The table of timings by kind of request, and whether every p95 meets the goal."""
    times: dict[str, list[float]] = defaultdict(list)
    for request in record["requests"]:
        times[request["name"]].append(request["ms"])
    every = sorted(ms for values in times.values() for ms in values)
    rows = [
        "| request | count | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    met = True
    for name, values in [*sorted(times.items()), ("all requests", every)]:
        values = sorted(values)
        p95 = percentile(values, 0.95)
        met = met and p95 < GOAL_MS
        rows.append(
            f"| {name} | {len(values)} | {percentile(values, 0.5):.0f} | {p95:.0f} | "
            f"{values[-1]:.0f} |"
        )
    return rows, met


def run(options: argparse.Namespace) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="survey-load-"))
    env = dict(os.environ)
    env["PARTNERSCOPE_DATA_DIR"] = str(workdir)
    env["PARTNERSCOPE_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    env.pop("DJANGO_SETTINGS_MODULE", None)
    os.environ.update(env)
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"

    started = time.perf_counter()
    setup_django()
    respondents = build(options.sevens, options.network)
    respondents_file = workdir / "respondents.json"
    respondents_file.write_text(json.dumps(respondents), encoding="utf-8")
    from django.db import connections

    connections.close_all()
    print(
        f"Built {options.sevens} 7S and {options.network} relationship-survey links on "
        f"{database} in {time.perf_counter() - started:.1f} s.",
        flush=True,
    )

    port = options.port or free_port()
    host = f"http://127.0.0.1:{port}"
    record_file = workdir / "record.json"
    with (
        open(workdir / "server.log", "w", encoding="utf-8") as server_log_file,
        subprocess.Popen(
            [str(BIN / "partnerscope"), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=server_log_file,
        ) as server,
    ):
        try:
            wait_for(f"{host}/")
            locust_env = {
                **env,
                "SURVEY_LOAD_RESPONDENTS": str(respondents_file),
                "SURVEY_LOAD_RECORD": str(record_file),
                "SURVEY_LOAD_THINK": options.think,
                "SURVEY_LOAD_ARRIVALS": str(options.arrivals),
            }
            users = len(respondents)
            began = time.perf_counter()
            locust = subprocess.run(
                [
                    str(BIN / "locust"),
                    "-f",
                    str(LOCUSTFILE),
                    "--headless",
                    "--host",
                    host,
                    "--users",
                    str(users),
                    "--spawn-rate",
                    "50",
                    "--run-time",
                    f"{options.run_time}s",
                    "--stop-timeout",
                    "10",
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                env=locust_env,
                check=False,
                timeout=options.run_time + 120,
            )
            elapsed = time.perf_counter() - began
            server_cpu = cpu_seconds(server.pid)
        finally:
            server.terminate()

    record = json.loads(record_file.read_text(encoding="utf-8"))
    errors = Counter(r["error"] for r in record["requests"] if r["error"])
    problems = stored_exactly_once(record["sent"])
    rows, met = report(record)
    sevens_sent = sum(1 for s in record["sent"] if s["survey"] == "sevens")
    network_sent = len(record["sent"]) - sevens_sent
    server_log = (workdir / "server.log").read_text(encoding="utf-8")
    tracebacks = server_log.count("Traceback")

    print(
        f"\n# Survey launch day on {database}, {dt.date.today()}, {platform.node()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n"
    )
    print(
        f"{sevens_sent} of {options.sevens} 7S and {network_sent} of {options.network} "
        f"relationship-survey respondents sent their answers in {elapsed:.0f} s "
        f"(arrivals {options.arrivals}/s, {options.think} s on each page); "
        f"{len(record['requests'])} requests, {sum(errors.values())} errors, "
        f"{tracebacks} server tracebacks. The server used {server_cpu:.0f} s of processor "
        f"time, {1000 * server_cpu / max(1, len(record['requests'])):.1f} ms a request.\n"
    )
    print("\n".join(rows))
    for error, count in errors.most_common(10):
        print(f"error ×{count}: {error}")
    for problem in problems:
        print(f"stored: {problem}")
    if not problems:
        print("\nEvery set of answers sent is stored exactly once.")
    complete = sevens_sent == options.sevens and network_sent == options.network
    ok = complete and not errors and not problems and not tracebacks and met
    print(
        f"Goal (p95 under {GOAL_MS} ms, no errors, all stored once): {'met' if ok else 'NOT met'}"
    )
    if options.keep:
        print(f"Kept {workdir}")
    else:
        for path in sorted(workdir.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        workdir.rmdir()
    return 0 if ok and locust.returncode == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sevens", type=int, default=300, help="7S respondents.")
    parser.add_argument("--network", type=int, default=60, help="Relationship respondents.")
    parser.add_argument("--arrivals", type=float, default=1.0, help="People arriving a second.")
    parser.add_argument(
        "--think", default="4,10", help="Seconds a person spends on each page: low,high."
    )
    parser.add_argument("--run-time", type=int, default=600, help="Longest run, seconds.")
    parser.add_argument("--port", type=int, default=0, help="The server's port (0: any free).")
    parser.add_argument(
        "--pg-port",
        type=int,
        default=int(os.environ.get("PARTNERSCOPE_PG_PORT", "55454")),
        help="Port of the throwaway PostgreSQL cluster.",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the data folder and logs.")
    options = parser.parse_args()
    if options.database == "postgres" and not os.environ.get("DATABASE_URL", "").startswith(
        "postgres"
    ):
        return subprocess.call(
            ["bash", str(ROOT / "scripts" / "with-postgres.sh"), sys.executable, *sys.argv],
            env={**os.environ, "PARTNERSCOPE_PG_PORT": str(options.pg_port)},
        )
    if options.database == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    return run(options)


if __name__ == "__main__":
    raise SystemExit(main())
