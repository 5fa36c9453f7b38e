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


def test_core_does_not_import_django() -> None:
    for name in MODULES:
        module = importlib.import_module(name)
        source = module.__loader__.get_source(name)  # type: ignore[union-attr]
        assert "django" not in (source or "")
