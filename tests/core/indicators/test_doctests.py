"""The Examples sections of the indicators core and catalogue run as doctests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import partnerscope.core.indicators as package

MODULES = [
    module.name for module in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
] + ["partnerscope.reference.indicators"]


@pytest.mark.parametrize("name", MODULES)
def test_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
