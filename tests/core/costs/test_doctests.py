"""The examples in the docstrings of partnerscope.core.costs run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import partnerscope.core.costs as costs

MODULES = [m.name for m in pkgutil.iter_modules(costs.__path__, "partnerscope.core.costs.")]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    assert doctest.testmod(importlib.import_module(name)).failed == 0


def test_the_costs_core_needs_no_scipy():
    """Root finding is done by hand: the costs core imports numpy and nothing heavier."""
    import subprocess
    import sys

    script = (
        "import sys, partnerscope.core.costs, partnerscope.reference.costs\n"
        "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in "
        "('scipy', 'django', 'igraph', 'polars'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
