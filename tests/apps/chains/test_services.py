"""Chain services: conversion to the core, the analysis on the pages, workshops and answers."""

from __future__ import annotations

import hashlib

import pytest

from partnerscope.apps.chains import core_inputs, rating, structure, workshop_report
from partnerscope.apps.chains.analysis import analyse
from partnerscope.apps.chains.models import Invitation, Participant, Rating
from partnerscope.apps.chains.rating import AnswerRefused, Answers
from tests.apps.chains.builders import QUESTIONS, falls_chain, workshop_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def falls(kite):
    return falls_chain(kite)


def test_the_chain_converts_to_the_core_with_refs_names_and_risks(falls, kite):
    nodes, links = core_inputs.chain_records(falls["chain"])
    chain = core_inputs.core_chain(falls["chain"], nodes, links)
    assert chain.outcome.id == "outcome"
    assert chain.node("board").layer == "strategic"
    assert chain.node("council").organisation == "kite-council"
    nurses_link = next(link for link in chain.links if link.target == "older-people")
    assert nurses_link.owner == "Team leader"
    assert nurses_link.indicator is None
    assert nurses_link.risk is not None and nurses_link.risk.score == 16
    funding = next(link for link in chain.links if link.type == "funds")
    assert funding.amount == 50000.0
    assert funding.owner == kite["alice"].name


def test_analysis_finds_the_weak_links_failure_points_and_funding_gap(falls):
    analysis = analyse(falls["chain"])
    weak = {
        (w.source.ref, w.target.ref): [rule.id for rule in w.rules] for w in analysis.weak_links
    }
    assert weak[("nurses", "older-people")] == ["DC-W02", "DC-W03"]
    assert weak[("council", "falls-service")] == ["DC-F02"]
    assert [node.ref for node, _ in analysis.single_points] == ["board", "nurses"]
    assert analysis.result["strength"] is None
    assert analysis.weakest["basis"] == "rules"
    assert (analysis.weakest["from"], analysis.weakest["to"]) == ("nurses", "older-people")
    assert analysis.branches and analysis.branches[0].amount_in == 50000.0
    assert [node.ref for node in analysis.longest_path][-1] == "older-people"


def test_the_map_is_an_accessible_svg_marking_weak_links_and_failure_points(falls):
    svg = analyse(falls["chain"]).map_svg
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title id=" in svg and "Fewer falls among older people" in svg
    assert "<desc id=" in svg and "Single points of failure: Kite Board" in svg
    assert 'stroke-dasharray="8 4"' in svg
    assert "Weak link: red dashes" in svg


def test_cross_checks_are_skipped_until_the_evidence_is_wired(falls, kite):
    assert core_inputs.relationship_evidence(kite["partnership"]) == {}
    assert core_inputs.indicator_evidence(kite["partnership"]) == {}
    analysis = analyse(falls["chain"])
    assert not analysis.relationships_checked
    assert not {"DC-X01", "DC-X02"} & {f["rule"] for f in analysis.result["findings"]}


def test_a_workshop_counts_only_from_the_anonymity_threshold(falls):
    link = (falls["nurses"], falls["older-people"])
    small = workshop_with(falls["chain"], 2, 2, link=link, ref="small")
    analysis = analyse(falls["chain"])
    assert analysis.workshop is None
    assert analysis.waiting == [(small, 4)]
    assert analysis.result["strength"] is None
    workshop_with(falls["chain"], 2, 3, link=link, ref="big")
    analysis = analyse(falls["chain"])
    assert analysis.workshop.ref == "big"
    assert analysis.result["strength"] == 1.0
    row = next(w for w in analysis.weak_links if w.source.ref == "nurses")
    assert "DC-W01" in [rule.id for rule in row.rules]
    assert analysis.weakest["basis"] == "ratings"


def test_ratings_of_a_deleted_link_no_longer_count(falls):
    link = (falls["nurses"], falls["older-people"])
    workshop = workshop_with(falls["chain"], 5, 0, link=link)
    falls["chain"].links.filter(source=falls["nurses"], target=falls["older-people"]).delete()
    assert Rating.objects.filter(link_source=falls["nurses"]).count() == 5
    ratings = core_inputs.core_ratings(workshop, {("board", "outcome")})
    assert all(rating.link is None for rating in ratings)
    assert analyse(falls["chain"]).result["link_ratings"] == []


def test_single_use_links_store_only_the_hash_and_answer_once(falls):
    workshop = workshop_with(falls["chain"], 0, 0)
    tokens = rating.create_invitations(workshop, 3)
    assert len(set(tokens)) == 3
    stored = set(Invitation.objects.values_list("token_hash", flat=True))
    assert stored == {hashlib.sha256(token.encode()).hexdigest() for token in tokens}
    assert not any(token in stored for token in tokens)
    invitation = rating.invitation_for_token(tokens[0])
    answers = Answers(
        level="operational",
        chain=dict.fromkeys(QUESTIONS, "amber"),
        links={(falls["nurses"].pk, falls["older-people"].pk): {"q01": "red", "q02": ""}},
        comment="  Works well.  ",
    )
    participant = rating.record_answers(invitation, answers)
    assert participant.ref == "spring-p01"
    assert participant.comment == "Works well."
    assert participant.ratings.count() == 13
    with pytest.raises(AnswerRefused):
        rating.record_answers(invitation, answers)
    assert rating.invitation_for_token("not-a-token") is None


def test_answers_keep_no_link_to_the_invitation_or_the_person():
    fields = {field.name for field in Participant._meta.get_fields()}
    assert fields == {"id", "workshop", "ref", "level", "comment", "ratings"}
    assert not hasattr(Participant, "history")
    assert not hasattr(Rating, "history")


def test_a_closed_workshop_refuses_answers(falls, manager):
    workshop = workshop_with(falls["chain"], 0, 0)
    workshop.is_open = False
    workshop.save()
    invitation = rating.user_invitation(workshop, manager)
    assert rating.user_invitation(workshop, manager) == invitation
    with pytest.raises(AnswerRefused, match="closed"):
        rating.record_answers(invitation, Answers("strategic", dict.fromkeys(QUESTIONS, "red")))
    assert not Participant.objects.exists()


def test_results_are_hidden_below_the_threshold(falls):
    results = workshop_report.workshop_results(workshop_with(falls["chain"], 2, 2))
    assert not results.shown
    assert results.questions == [] and results.spread_chart is None
    assert results.total == 4


def test_results_withhold_both_levels_when_one_is_small(falls):
    results = workshop_report.workshop_results(workshop_with(falls["chain"], 3, 6))
    assert results.shown
    assert results.small_levels == ["strategic"]
    assert results.levels_shown == {"strategic": False, "operational": False}
    assert results.level_chart is None
    assert results.questions[0].counts["green"] == 9


def test_results_show_the_spread_by_level_when_both_are_large_enough(falls):
    workshop = workshop_with(falls["chain"], 5, 5, link=(falls["nurses"], falls["older-people"]))
    results = workshop_report.workshop_results(workshop)
    assert results.levels_shown == {"strategic": True, "operational": True}
    assert results.strength == 1.0 and results.green_questions == 12
    assert results.questions[0].by_level["strategic"]["green"] == 5
    assert results.link_ratings[0].rated_red_by_most
    assert 'role="img"' in results.spread_chart.svg
    assert results.spread_chart.rows[0][3] == 10
    assert results.level_chart is not None


def test_a_new_chain_gets_its_outcome_node_which_follows_the_title(kite, manager):
    from partnerscope.apps.accounts.permissions import Access
    from partnerscope.apps.chains.forms import ChainForm

    access = Access(kite["partnership"], "manager", manager)
    form = ChainForm({"outcome_title": "Cleaner streets"})
    assert form.is_valid()
    chain = structure.save_chain(access, form)
    assert chain.ref == "cleaner-streets"
    assert list(chain.nodes.values_list("kind", "name")) == [("outcome", "Cleaner streets")]
    form = ChainForm({"outcome_title": "Cleaner parks"}, instance=chain)
    assert form.is_valid()
    structure.save_chain(access, form)
    assert chain.nodes.get().name == "Cleaner parks"
