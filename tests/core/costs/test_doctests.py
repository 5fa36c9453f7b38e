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
