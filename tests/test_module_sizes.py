"""No module of the Django apps grows past 500 lines: split it by use case first.

Generated migrations are left out. A long module is where unrelated code collects and where
two engineers' changes collide; docs/architecture.md says how an area's modules are named.
"""

from __future__ import annotations

from pathlib import Path

APPS = Path(__file__).resolve().parent.parent / "partnerscope" / "apps"
MOST_LINES = 500


def test_no_app_module_passes_the_limit() -> None:
    too_long = {
        str(path.relative_to(APPS)): lines
        for path in sorted(APPS.rglob("*.py"))
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert too_long == {}
