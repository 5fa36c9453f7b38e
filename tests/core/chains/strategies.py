"""Hypothesis strategies and small hand-made chains for the delivery-chain tests."""

from __future__ import annotations

from hypothesis import strategies as st

from partnerscope.core.chains import (
    DOWNWARD_TYPES,
    LINK_TYPES,
    DeliveryChain,
    Link,
    Node,
)

KINDS = ("body", "organisation", "service", "front_line", "people")


@st.composite
def chains(draw: st.DrawFn, *, acyclic: bool = False, max_nodes: int = 9) -> DeliveryChain:
    """A random chain; with ``acyclic`` every downward step goes from a lower to a higher
    node number, so the downward graph is a DAG."""
    size = draw(st.integers(2, max_nodes))
    kinds = [
        "outcome",
        *draw(st.lists(st.sampled_from(KINDS), min_size=size - 1, max_size=size - 1)),
    ]
    nodes = tuple(Node(f"n{index}", kind) for index, kind in enumerate(kinds))
    pairs = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)).filter(
        lambda pair: pair[0] != pair[1]
    )
    drawn = draw(st.lists(st.tuples(pairs, st.sampled_from(LINK_TYPES)), max_size=3 * size))
    links: dict[tuple[str, str, str], Link] = {}
    for (first, second), kind in drawn:
        if acyclic:
            upper, lower = min(first, second), max(first, second)
            first, second = (upper, lower) if kind in DOWNWARD_TYPES else (lower, upper)
        link = Link(f"n{first}", f"n{second}", kind)
        links.setdefault(link.key, link)
    return DeliveryChain("random", nodes, tuple(links.values()))
