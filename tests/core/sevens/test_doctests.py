"""Run the examples in every 7S core module's docstrings."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import partnerscope.core.sevens as sevens

MODULES = [info.name for info in pkgutil.iter_modules(sevens.__path__, f"{sevens.__name__}.")]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
