"""Benchmark the memory a data-package import takes: a zip bomb, and a large valid package.

Run from the repository root:

    .venv/bin/python bench/archives.py                 # both cases, the site's default limits
    .venv/bin/python bench/archives.py --cases bomb

Each case runs in a fresh process on a new SQLite database: the archive is written to disk
first, Django, Frictionless and the import code are loaded, the process's peak resident
memory is reset (``/proc/self/clear_refs``), then the archive is imported through the same
service the web and ``partnerscope import`` use. The figure is the peak resident memory
(VmHWM) above the resident memory just before the import (VmRSS).

- ``bomb``: a 50 MB people.csv that zips to under 1 MB (a zip bomb in miniature), beside a
  valid package; it must be refused at the table limit without growing memory.
- ``liar``: the same bomb with its headers claiming 1 KB, so only counting while unzipping
  (and the entry's checksum) can stop it.
- ``valid``: the demo county partnership with its people, memberships and attendance
  grown until each table is just under the table limit and the package just under the
  package limit: the largest archive the site accepts, imported whole.
- ``dense``: the same with the shortest ids and names, so as many rows as the limits allow
  (the worst case: memory follows the number of rows more than their bytes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 200
CASES = ["bomb", "liar", "valid", "dense"]


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} is not in /proc/self/status")


def zip_folder(folder: Path, target: Path, replace: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.writestr(path.name, (replace or {}).get(path.name, path.read_bytes()))
    return target


def lie_about_size(archive: Path, name: str, size: int) -> None:
    """Make the zip's local and central headers claim ``name`` unzips to ``size`` bytes."""
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as opened:
        info = opened.getinfo(name)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    for offset in (info.header_offset + 22, central + 24):
        data[offset : offset + 4] = size.to_bytes(4, "little")
    archive.write_bytes(bytes(data))


def grow(
    tables: dict[str, list[dict[str, Any]]], room: int, table_bytes: int, dense: bool = False
) -> None:
    """Add people, memberships and attendance until the package fills ``room`` bytes more.

    ``dense`` gives the new people the shortest ids and names, so the tables hold as many
    rows as their size allows (memory grows with rows more than with bytes).
    """
    bodies = [row["id"] for row in tables["bodies"]]
    meetings = [row["id"] for row in tables["meetings"]]
    organisations = [row["id"] for row in tables["organisations"]]
    budget = min(table_bytes, room // 3) * 0.97
    person_bytes = len("bench-person-0000000,Bench Person 0000000,,Officer,\n") + len(
        organisations[0]
    )
    if dense:
        person_bytes = len("p0000,P,,,\n") + len(organisations[0])
    people = int(budget // person_bytes)

    def ref(n: int) -> str:
        return f"q{n:x}" if dense else f"bench-person-{n:07d}"

    tables["people"] += [
        {
            "id": ref(n),
            "name": "P" if dense else f"Bench Person {n:07d}",
            "organisation": organisations[n % len(organisations)],
            "job_title": "" if dense else "Officer",
            "email": "",
        }
        for n in range(people)
    ]
    membership_bytes = len(f"{ref(people)},,member,,\n") + max(map(len, bodies))
    tables["memberships"] += [
        {"person": ref(n % people), "body": bodies[n % len(bodies)]} | {"role": "member"}
        for n in range(int(budget // membership_bytes))
    ]
    attendance_bytes = len(f",{ref(people)},present\n") + max(map(len, meetings))
    count = min(int(budget // attendance_bytes), people * len(meetings))
    tables["attendance"] += [
        {
            "meeting": meetings[n // people],
            "person": ref(n % people),
            "status": "present",
        }
        for n in range(count)
    ]


def child(case: str, data_dir: Path) -> dict[str, Any]:
    """Run one case in this (fresh) process and return its figures."""
    os.environ["PARTNERSCOPE_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from partnerscope.apps.partnerships.datapackage_services import import_zip
    from partnerscope.apps.partnerships.demo import demo_packages
    from partnerscope.datapackage.package import read_package, write_package

    tables = next(demo_packages(1))
    folder = write_package(data_dir / "package", "bench", tables)
    read_package(folder)
    archive = data_dir / "package.zip"
    if case in ("bomb", "liar"):
        header = b"id,name,organisation,job_title,email\n"
        bomb = header + b"p,Person,x,,\n" * (50 * 1024 * 1024 // 13)
        zip_folder(folder, archive, {"people.csv": bomb})
        if case == "liar":
            lie_about_size(archive, "people.csv", 1024)
    else:
        demo = {name: list(rows) for name, rows in tables.items()}
        used = sum(path.stat().st_size for path in folder.glob("*.csv"))
        room = settings.IMPORT_MAX_PACKAGE_BYTES - used
        for _attempt in range(3):
            tables = {name: list(rows) for name, rows in demo.items()}
            grow(tables, room, settings.IMPORT_MAX_TABLE_BYTES, dense=case == "dense")
            folder = write_package(data_dir / "package", "bench", tables)
            total = sum(path.stat().st_size for path in folder.glob("*.csv"))
            if total > settings.IMPORT_MAX_PACKAGE_BYTES * 0.95:
                break
            room = int(room * settings.IMPORT_MAX_PACKAGE_BYTES * 0.97 / total)
        zip_folder(folder, archive)
    unzipped = (
        sum(path.stat().st_size for path in folder.iterdir())
        if case in ("valid", "dense")
        else len(bomb) + sum(p.stat().st_size for p in folder.iterdir() if p.name != "people.csv")
    )
    rows = {name: len(tables[name]) for name in ("people", "memberships", "attendance")}
    del tables
    import gc

    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")
    baseline = status_mb("VmRSS")
    started = time.perf_counter()
    with archive.open("rb") as upload:
        result = import_zip(upload)
    seconds = time.perf_counter() - started
    peak = status_mb("VmHWM")
    return {
        "case": case,
        "zip_mb": archive.stat().st_size / 2**20,
        "unzipped_mb": unzipped / 2**20,
        "rows": rows if case in ("valid", "dense") else {},
        "baseline_mb": baseline,
        "peak_mb": peak,
        "above_mb": peak - baseline,
        "seconds": seconds,
        "outcome": "imported" if result.ok else "refused: " + result.errors[0][:70],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", nargs="+", default=CASES, choices=CASES)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        with tempfile.TemporaryDirectory() as folder:
            print(json.dumps(child(args.child, Path(folder))))
        return 0
    print(
        "| case | zip MB | unzipped MB | rows (people / memberships / attendance) | "
        "baseline MB | peak above baseline MB | seconds | outcome |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---|")
    worst = 0.0
    for case in args.cases:
        done = subprocess.run(
            [sys.executable, __file__, "--child", case],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        rows = figures["rows"]
        counts = " / ".join(f"{rows[n]:,}" for n in rows) if rows else "–"
        print(
            f"| {case} | {figures['zip_mb']:.2f} | {figures['unzipped_mb']:.1f} | {counts} | "
            f"{figures['baseline_mb']:.0f} | {figures['above_mb']:.0f} | "
            f"{figures['seconds']:.1f} | {figures['outcome']} |",
            flush=True,
        )
        worst = max(worst, figures["above_mb"])
    print(f"\nGoal: under {GOAL_MB} MB above baseline: {'met' if worst < GOAL_MB else 'NOT met'}.")
    return 0 if worst < GOAL_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
