"""Each delivery-chain rule on a small hand-made chain; each test is named after its rule."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from datetime import date

from partnerscope.core.chains import (
    DEFAULT_RULES,
    ChainContext,
    DeliveryChain,
    Link,
    Node,
    Rating,
    Risk,
    build_facts,
)
from partnerscope.core.chains.rules import (
    FundingEndsBeforeTarget,
    HighRisk,
    LinkWithoutOwner,
    NoIndicator,
    NoReturnPath,
    OffTrackCause,
    PaperLink,
    PeopleNotReached,
    RatedRedByMost,
    ReportingTooRare,
    SinglePointOfFailure,
    UnfundedBranch,
)

OWNED = {"owner": "someone", "indicator": "governance"}


def line(*links: Link, extra: tuple[Node, ...] = ()) -> DeliveryChain:
    """outcome <- board -> service -> people, plus what a test adds."""
    nodes = (
        Node("o", "outcome"),
        Node("board", "body", layer="executive", organisation="council"),
        Node("service", "service", organisation="pct"),
        Node("p", "people"),
        *extra,
    )
    return DeliveryChain("c", nodes, links)


def test_link_without_owner() -> None:
    chain = line(
        Link("board", "o", "accountable_to", owner="chair"),
        Link("board", "service", "funds"),
    )
    findings = LinkWithoutOwner().findings(build_facts(chain))
    assert [finding.links for finding in findings] == [(("board", "service", "funds"),)]
    assert findings[0].rule == "DC-S01"
    assert findings[0].name == "LinkWithoutOwner"


def test_no_return_path() -> None:
    links = (
        Link("board", "o", "accountable_to"),
        Link("board", "service", "commissions"),
        Link("service", "p", "delivers_to"),
    )
    (finding,) = NoReturnPath().findings(build_facts(line(*links)))
    assert dict(finding.evidence) == {
        "path": ("o", "board", "service", "p"),
        "not_answering": ("service",),
    }
    reported = line(*links, Link("service", "board", "reports_data_to"))
    assert NoReturnPath().findings(build_facts(reported)) == ()


def test_people_not_reached() -> None:
    chain = line(
        Link("board", "o", "accountable_to"),
        Link("board", "service", "funds"),
        Link("service", "p", "delivers_to"),
        Link("q", "service", "refers_to"),
        extra=(Node("q", "people"),),
    )
    findings = PeopleNotReached().findings(build_facts(chain))
    assert [finding.nodes for finding in findings] == [("q",)]


def test_single_point_of_failure() -> None:
    links = (
        Link("board", "o", "accountable_to"),
        Link("board", "service", "funds"),
        Link("service", "p", "delivers_to"),
    )
    findings = SinglePointOfFailure().findings(build_facts(line(*links)))
    assert [dict(finding.evidence)["node"] for finding in findings] == ["board", "service"]
    backup = line(
        *links,
        Link("board", "front", "commissions"),
        Link("front", "p", "delivers_to"),
        extra=(Node("front", "front_line"),),
    )
    findings = SinglePointOfFailure().findings(build_facts(backup))
    assert [dict(finding.evidence)["node"] for finding in findings] == ["board"]


def test_unfunded_branch() -> None:
    chain = line(
        Link("board", "o", "accountable_to"),
        Link("safety", "o", "accountable_to"),
        Link("board", "service", "funds", amount=10.0),
        Link("safety", "p", "commissions"),
        extra=(Node("safety", "body"),),
    )
    findings = UnfundedBranch().findings(build_facts(chain))
    assert [dict(finding.evidence)["head"] for finding in findings] == ["safety"]


def test_funding_ends_before_target() -> None:
    chain = line(
        Link("board", "service", "funds", amount=5.0, secure_until=date(2010, 3, 31)),
        Link("board", "p", "funds", amount=5.0, secure_until=date(2012, 3, 31)),
    )
    rule = FundingEndsBeforeTarget()
    assert rule.findings(build_facts(chain)) == ()
    context = ChainContext(target_date=date(2011, 3, 31))
    findings = rule.findings(build_facts(chain, context=context))
    assert [finding.links for finding in findings] == [(("board", "service", "funds"),)]


def test_rated_red_by_most() -> None:
    chain = line(Link("board", "service", "funds"), Link("board", "service", "commissions"))
    pair = ("board", "service")
    ratings = [
        Rating("a", "strategic", "q01", "red", pair),
        Rating("b", "operational", "q01", "red", pair),
        Rating("c", "operational", "q01", "green", pair),
        Rating("d", "operational", "q01", "dont_know", pair),
    ]
    (finding,) = RatedRedByMost().findings(build_facts(chain, ratings))
    assert finding.links == (("board", "service", "funds"), ("board", "service", "commissions"))
    assert dict(finding.evidence) == {"red": 2, "scored": 3}
    even = [*ratings[:3], Rating("e", "strategic", "q01", "amber", pair)]
    assert RatedRedByMost().findings(build_facts(chain, even)) == ()


def test_high_risk() -> None:
    chain = line(
        Link("board", "service", "funds", risk=Risk(3, 5)),
        Link("service", "p", "delivers_to", risk=Risk(2, 5)),
        Link("board", "o", "accountable_to"),
    )
    findings = HighRisk().findings(build_facts(chain))
    assert [finding.links[0][:2] for finding in findings] == [("board", "service")]
    assert len(HighRisk(threshold=10).findings(build_facts(chain))) == 2


def test_no_indicator() -> None:
    chain = line(
        Link("board", "service", "funds", indicator="NI 112"),
        Link("service", "p", "delivers_to"),
    )
    findings = NoIndicator().findings(build_facts(chain))
    assert [finding.links for finding in findings] == [(("service", "p", "delivers_to"),)]


def test_reporting_too_rare() -> None:
    chain = line(
        Link("service", "board", "reports_data_to", frequency=4),
        Link("lsp", "board", "reports_data_to", frequency=6),
        Link("board", "lsp", "reports_data_to", frequency=3),
        Link("service", "lsp", "reports_data_to"),
        Link("service", "front", "reports_data_to", frequency=1),
        extra=(Node("lsp", "body", layer="strategic"), Node("front", "front_line")),
    )
    findings = ReportingTooRare().findings(build_facts(chain))
    assert [finding.links[0][:2] for finding in findings] == [
        ("service", "board"),
        ("service", "lsp"),
    ]
    assert dict(findings[0].evidence) == {"frequency": 4, "layer": "executive", "minimum": 6}
    assert dict(findings[1].evidence)["frequency"] is None


def test_paper_link() -> None:
    chain = line(
        Link("board", "service", "funds"),
        Link("board", "fire", "commissions"),
        Link("board", "police", "commissions"),
        Link("board", "charity", "commissions"),
        Link("service", "p", "delivers_to"),
        extra=(
            Node("fire", "organisation"),
            Node("police", "organisation"),
            Node("charity", "organisation"),
        ),
    )
    survey = {
        ("council", "pct"): (3, 3.0),
        ("pct", "council"): (2, 1.5),
        ("council", "fire"): (1, 4.0),
        ("police", "council"): (4, 3.5),
    }
    findings = PaperLink().findings(build_facts(chain, context=ChainContext(relationships=survey)))
    assert {finding.links[0][1]: dict(finding.evidence)["trust"] for finding in findings} == {
        "service": 2.25,
        "fire": 4.0,
    }
    assert (
        PaperLink(min_trust=2.0)
        .findings(build_facts(chain, context=ChainContext(relationships=survey)))[0]
        .links[0][1]
        == "fire"
    )
    assert PaperLink().findings(build_facts(chain)) == ()


def test_off_track_cause() -> None:
    chain = line(
        Link("board", "o", "accountable_to", **OWNED),
        Link("board", "service", "funds", indicator="funding"),
        Link("service", "p", "delivers_to", indicator="NI 112"),
        Link("service", "side", "refers_to"),
        extra=(Node("side", "service"),),
    )
    status = {"NI 112": "red", "funding": "red"}
    facts = build_facts(chain, context=ChainContext(indicator_status=status))  # type: ignore[arg-type]
    findings = OffTrackCause().findings(facts)
    assert [(f.links[0][:2], dict(f.evidence)["indicator"]) for f in findings] == [
        (("board", "service"), "NI 112")
    ]
    assert dict(findings[0].evidence)["upstream_indicator"] == "funding"
    weak = replace(facts, weak_links={("service", "p", "delivers_to"): ("DC-W02",)})
    found = {
        (f.links[0][:2], dict(f.evidence)["indicator"]) for f in OffTrackCause().findings(weak)
    }
    assert found == {(("board", "service"), "NI 112"), (("service", "p"), "NI 112")}
    facts_amber = replace(facts, context=ChainContext(indicator_status={"NI 112": "amber"}))
    assert OffTrackCause().findings(replace(facts_amber, weak_links=weak.weak_links)) == ()
    assert OffTrackCause(off_track=("red", "amber")).findings(
        replace(facts_amber, weak_links=weak.weak_links)
    )


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_every_rule_has_a_test_an_id_and_text() -> None:
    module = sys.modules[__name__]
    ids = [rule.id for rule in DEFAULT_RULES]
    assert len(set(ids)) == len(ids)
    for rule in DEFAULT_RULES:
        assert callable(getattr(module, f"test_{snake(rule.name())}", None)), rule.name()
        assert rule.text() and "\n" not in rule.text()
        assert re.fullmatch(r"DC-[SFWX]\d\d", rule.id)
