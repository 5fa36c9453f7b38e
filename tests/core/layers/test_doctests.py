"""The examples in the layer docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import partnerscope.core.layers as layers

MODULES = sorted(
    module.name for module in pkgutil.walk_packages(layers.__path__, "partnerscope.core.layers.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
