"""Named rules: each judgement the analysis makes cites the rule that made it.

A rule is a stable ``name`` (used in JSON, tests and reports) and its ``text`` (the rule's
wording, shown to people), which opens with a short label and a colon. Every rule in this
package has a test of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Rule"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule and its wording.

    Examples
    --------
    >>> Rule("example_rule", "An example.").to_dict()
    {'name': 'example_rule', 'text': 'An example.'}
    """

    name: str
    text: str

    @property
    def label(self) -> str:
        """The short name the wording opens with, before its colon: what a table's row
        shows when the full wording is given once elsewhere.

        >>> Rule("quality_overdue", "Overdue: no value by its due date.").label
        'Overdue'
        """
        return self.text.partition(":")[0]

    def to_dict(self) -> dict[str, str]:
        """``{"name": ..., "text": ...}``, as the CLI and the web pages print it."""
        return {"name": self.name, "text": self.text}

    def __str__(self) -> str:
        return self.name
