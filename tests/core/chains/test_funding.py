"""Money flowing into each branch, worked by hand."""

from __future__ import annotations

from datetime import date

from partnerscope.core.chains import (
    Branch,
    DeliveryChain,
    Link,
    Node,
    funding_branches,
    funding_ending_before,
)


def two_branches() -> DeliveryChain:
    return DeliveryChain(
        "c",
        (
            Node("o", "outcome"),
            Node("health", "body"),
            Node("safety", "body"),
            Node("council", "organisation"),
            Node("clinic", "service"),
            Node("youth", "service"),
            Node("patrol", "front_line"),
            Node("p", "people"),
        ),
        (
            Link("health", "o", "accountable_to"),
            Link("safety", "o", "accountable_to"),
            Link("health", "clinic", "funds", amount=100.0, secure_until=date(2011, 3, 31)),
            Link("council", "clinic", "funds", amount=40.0),
            Link("clinic", "youth", "funds"),
            Link("clinic", "p", "delivers_to"),
            Link("youth", "p", "delivers_to"),
            Link("safety", "patrol", "commissions"),
            Link("patrol", "p", "delivers_to"),
        ),
    )


def test_money_into_each_branch() -> None:
    health, safety = funding_branches(two_branches())
    assert health == Branch(
        head="health",
        nodes=("health", "clinic", "youth", "p"),
        amount_in=140.0,
        amount_from_outside=40.0,
        funding_links=3,
        unpriced_links=1,
    )
    assert safety == Branch("safety", ("safety", "patrol", "p"), 0.0, 0.0, 0, 0)


def test_funding_ending_before_the_target() -> None:
    chain = two_branches()
    assert [link.pair for link in funding_ending_before(chain, date(2011, 4, 1))] == [
        ("health", "clinic")
    ]
    assert funding_ending_before(chain, date(2011, 3, 31)) == ()
