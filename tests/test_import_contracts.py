"""The import contracts in the gate fail when code crosses an edge.

Each case copies the package and the contracts to a temporary folder, adds one module
that breaks a contract on purpose, and runs ``lint-imports`` there: the gate must fail and
name the offending import. A run on the untouched copy must pass, so a failure is the
probe's doing and not the copy's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def copy_of_the_code(folder: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "static", "templates")
    shutil.copytree(ROOT / "partnerscope", folder / "partnerscope", ignore=ignore)
    shutil.copytree(ROOT / "scripts", folder / "scripts", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": str(LINT_IMPORTS.parent), "PYTHONPATH": str(folder)},
    )


@pytest.fixture(scope="module")
def code(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_of_the_code(tmp_path_factory.mktemp("contracts"))
    result = lint_imports(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


PROBES = [
    pytest.param(
        "partnerscope/apps/chains/contract_probe.py",
        "from partnerscope.apps.performance.models import IndicatorStatusSnapshot\n",
        "partnerscope.apps.chains.contract_probe is not allowed to import "
        "partnerscope.apps.performance.models",
        id="an area reads another area's models",
    ),
    pytest.param(
        "partnerscope/apps/sevens/contract_probe.py",
        "from partnerscope.apps.network import services\n",
        "partnerscope.apps.sevens.contract_probe is not allowed to import "
        "partnerscope.apps.network.services",
        id="an area calls another area's services",
    ),
    pytest.param(
        "partnerscope/apps/common/contract_probe.py",
        "from partnerscope.apps.chains.views import index\n",
        "partnerscope.apps.common.contract_probe is not allowed to import "
        "partnerscope.apps.chains.views",
        id="a foundation app imports an area's views",
    ),
    pytest.param(
        "partnerscope/core/contract_probe.py",
        "import django\n",
        "partnerscope.core.contract_probe -> django",
        id="the core imports Django",
    ),
]


@pytest.mark.parametrize(("path", "source", "message"), PROBES)
def test_a_module_that_crosses_an_edge_fails_the_gate(
    code: Path, path: str, source: str, message: str
) -> None:
    probe = code / path
    probe.write_text(source)
    try:
        result = lint_imports(code)
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert message in " ".join((result.stdout + result.stderr).split())


def test_reading_another_area_through_its_public_module_passes(code: Path) -> None:
    probe = code / "partnerscope/apps/chains/contract_probe.py"
    probe.write_text("from partnerscope.apps.performance import selectors\n")
    try:
        result = lint_imports(code)
    finally:
        probe.unlink()
    assert result.returncode == 0, result.stdout
