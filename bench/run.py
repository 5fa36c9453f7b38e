"""Run every benchmark in this folder, one after another, printing their result tables.

Usage: `make bench` (or `.venv/bin/python bench/run.py [NAME ...]` for some of them).
Record the figures, the machine and the date in bench/README.md.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(
        p for p in HERE.glob("*.py") if p.name != "run.py" and not p.name.startswith("_")
    )
    if names:
        scripts = [p for p in scripts if p.stem in names]
    print(
        f"# {date.today()} on {platform.node()}: {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}"
    )
    failures = 0
    for script in scripts:
        print(f"\n## {script.stem}\n", flush=True)
        failures += subprocess.run([sys.executable, str(script)], check=False).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
