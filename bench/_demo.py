"""What the benchmarks that time pages of the demo share: building the demo with the public
command into a data folder of their own (or using one already built), and their command
line. Not a benchmark itself (``run.py`` leaves out modules whose names start with ``_``)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def build_demo(data_dir: Path) -> None:
    """The demo partnerships, built by the public command into ``data_dir``."""
    env = {**os.environ, "PARTNERSCOPE_DATA_DIR": str(data_dir)}
    command = [str(Path(sys.executable).parent / "partnerscope"), "demo"]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)


def main_on_demo(
    description: str,
    measure: Callable[[int, bool], dict[str, Any]],
    requests: int,
    profile_help: str,
    prefix: str,
) -> None:
    """Parse ``--requests``, ``--data-dir`` and ``--profile``, build the demo unless a built
    one is given, run ``measure(requests, profile)`` on it and print its figures as JSON."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--requests", type=int, default=requests)
    parser.add_argument("--data-dir", type=Path, help="an already built demo data folder")
    parser.add_argument("--profile", action="store_true", help=profile_help)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix=prefix))
    try:
        if args.data_dir is None:
            build_demo(data_dir)
        os.environ["PARTNERSCOPE_DATA_DIR"] = str(data_dir)
        figures = measure(args.requests, args.profile)
        if figures:
            print(json.dumps(figures, indent=2))
    finally:
        if args.data_dir is None:
            shutil.rmtree(data_dir, ignore_errors=True)
