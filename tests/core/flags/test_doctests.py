"""The examples in the flag rules' docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import partnerscope.core.flags as flags

MODULES = sorted(
    module.name for module in pkgutil.walk_packages(flags.__path__, "partnerscope.core.flags.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
