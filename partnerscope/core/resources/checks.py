"""What a resources rule found: the rule's id, the subject's ref, a sentence and figures.

Every rule of this package is a plain function whose name is its id and whose docstring's
first paragraph is its wording; :func:`rule_text` reads that wording, so the findings
register cites the rule exactly as the code states it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Check", "Figure", "rule_label", "rule_text"]

Figure = str | int | float | bool | None


@dataclass(frozen=True)
class Check:
    """One rule's finding about one subject (a pooled fund, an outcome, an organisation)."""

    rule: str
    subject: str
    message: str
    figures: tuple[tuple[str, Figure], ...] = ()


def rule_text(rule: Callable[..., Any]) -> str:
    """The first paragraph of the rule's docstring, on one line.

    >>> def tidy(x: int) -> None:
    ...     '''Keep it
    ...     tidy.
    ...
    ...     Details.'''
    >>> rule_text(tidy)
    'Keep it tidy.'
    """
    doc = (rule.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(line.strip() for line in doc.splitlines())


def rule_label(rule: Callable[..., Any]) -> str:
    """The rule's name in words: ``pool_membership_restricted`` → "Pool membership restricted".

    >>> rule_label(rule_label)
    'Rule label'
    """
    words = rule.__name__.split("_")
    return " ".join([words[0].capitalize(), *words[1:]])
