"""Work done once per shared object, remembered by the object's identity.

A status run builds hundreds of thousands of series, but they share a handful of tuples of
periods. Work that depends only on such a tuple (checking its order, writing its labels)
is done once per tuple and looked up by ``id`` afterwards. Each entry holds its object, so
the id cannot be reused by another object while the entry is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["IdentityMemo"]

Key = TypeVar("Key")
Result = TypeVar("Result")


class IdentityMemo(Generic[Key, Result]):
    """Results of ``work`` by the identity of its argument, forgetting all at ``kept``.

    Examples
    --------
    >>> calls = []
    >>> memo = IdentityMemo(lambda periods: calls.append(periods) or len(periods))
    >>> shared = (1, 2, 3)
    >>> memo(shared), memo(shared), len(calls)
    (3, 3, 1)
    >>> memo((1, 2, 3)) == 3 and len(calls)
    2
    """

    def __init__(self, work: Callable[[Key], Result], kept: int = 256) -> None:
        self._work = work
        self._kept = kept
        self._known: dict[int, tuple[Key, Result]] = {}

    def __call__(self, key: Key) -> Result:
        known = self._known.get(id(key))
        if known is not None and known[0] is key:
            return known[1]
        result = self._work(key)
        if len(self._known) >= self._kept:
            self._known.clear()
        self._known[id(key)] = (key, result)
        return result
