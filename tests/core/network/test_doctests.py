"""The examples in the network docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import partnerscope.core.network as network

MODULES = sorted(
    module.name for module in pkgutil.walk_packages(network.__path__, "partnerscope.core.network.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
