"""How a delivery chain's action becomes an action of the one plan: its title, and its ref
within the partnership. Used by the migration that moved the chains' actions and by the
import of an old data package that still has the chains' action table, so both agree.

Plain functions on plain values; no model is imported here (the migration runs them on its
historical models).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

TITLE_LENGTH = 200
REF_LENGTH = 64


def title_of(description: str) -> str:
    """A chain action's title: its description on one line, shortened at a word to fit.

    >>> title_of("Agree a  shared\\nplan")
    'Agree a shared plan'
    >>> len(title_of("word " * 100)) <= 200
    True
    """
    text = " ".join(description.split())
    if len(text) <= TITLE_LENGTH:
        return text
    return text[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def description_of(description: str) -> str:
    """The description kept beside the title: the full text when the title shortened it."""
    text = description.strip()
    return "" if title_of(text) == " ".join(text.split()) else text


def merged_refs(
    pairs: Iterable[tuple[str, str]], taken: Iterable[str] = ()
) -> dict[tuple[str, str], str]:
    """Refs unique within a partnership for ``(chain ref, action ref)`` pairs: an action's
    own ref where no other chain's action (nor a ref already ``taken``) has it, otherwise
    prefixed with its chain's ref; a number is added if even that is taken.

    >>> merged_refs([("neet", "a01"), ("crime", "a01"), ("neet", "a02")])
    {('neet', 'a01'): 'neet-a01', ('crime', 'a01'): 'crime-a01', ('neet', 'a02'): 'a02'}
    """
    pairs = list(pairs)
    used = set(taken)
    counts = Counter(ref for _chain, ref in pairs)
    result: dict[tuple[str, str], str] = {}
    for chain_ref, ref in pairs:
        base = ref if counts[ref] == 1 and ref not in used else f"{chain_ref}-{ref}"
        base = base[:REF_LENGTH]
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base[: REF_LENGTH - 4]}-{number}"
        used.add(candidate)
        result[(chain_ref, ref)] = candidate
    return result
