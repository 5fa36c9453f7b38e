"""The chain model: validation and the delivery direction of each link type."""

from __future__ import annotations

from datetime import date

import pytest

from partnerscope.core.chains import (
    DOWNWARD_TYPES,
    LINK_TYPES,
    UPWARD_TYPES,
    DeliveryChain,
    Link,
    Node,
    Risk,
    downward_step,
    organisation_of,
)


def test_every_link_type_has_one_direction() -> None:
    assert set(LINK_TYPES) == DOWNWARD_TYPES | UPWARD_TYPES
    assert not DOWNWARD_TYPES & UPWARD_TYPES


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("funds", ("a", "b")),
        ("commissions", ("a", "b")),
        ("delivers_to", ("a", "b")),
        ("refers_to", ("a", "b")),
        ("accountable_to", ("b", "a")),
        ("reports_data_to", ("b", "a")),
    ],
)
def test_downward_step(kind: str, expected: tuple[str, str]) -> None:
    assert downward_step(Link("a", "b", kind)) == expected  # type: ignore[arg-type]


def test_chain_needs_exactly_one_outcome() -> None:
    with pytest.raises(ValueError, match="exactly one outcome"):
        DeliveryChain("c", (Node("a", "body"),), ())
    with pytest.raises(ValueError, match="exactly one outcome"):
        DeliveryChain("c", (Node("a", "outcome"), Node("b", "outcome")), ())


def test_chain_rejects_unknown_nodes_repeats_and_duplicate_links() -> None:
    nodes = (Node("o", "outcome"), Node("a", "body"))
    with pytest.raises(ValueError, match="unknown node 'x'"):
        DeliveryChain("c", nodes, (Link("a", "x", "funds"),))
    with pytest.raises(ValueError, match="appears twice"):
        DeliveryChain("c", (*nodes, Node("a", "service")), ())
    with pytest.raises(ValueError, match="appears twice"):
        DeliveryChain("c", nodes, (Link("a", "o", "funds"), Link("a", "o", "funds")))


def test_link_fields_belong_to_their_types() -> None:
    with pytest.raises(ValueError, match="only to funds"):
        Link("a", "b", "commissions", amount=10.0)
    with pytest.raises(ValueError, match="only to funds"):
        Link("a", "b", "delivers_to", secure_until=date(2011, 1, 1))
    with pytest.raises(ValueError, match="only to reports_data_to"):
        Link("a", "b", "funds", frequency=4)
    with pytest.raises(ValueError, match="itself"):
        Link("a", "a", "funds")
    with pytest.raises(ValueError, match="not a link type"):
        Link("a", "b", "emails")  # type: ignore[arg-type]


def test_node_layer_only_for_bodies() -> None:
    assert Node("b", "body", layer="executive").layer == "executive"
    with pytest.raises(ValueError, match="only a body"):
        Node("s", "service", layer="operational")


def test_risk_scale_and_score() -> None:
    assert Risk(3, 5).score == 15
    with pytest.raises(ValueError, match="between 1 and 5"):
        Risk(0, 3)


def test_organisation_of() -> None:
    assert organisation_of(Node("pct", "organisation")) == "pct"
    assert organisation_of(Node("clinic", "service", organisation="pct")) == "pct"
    assert organisation_of(Node("clinic", "service")) is None
