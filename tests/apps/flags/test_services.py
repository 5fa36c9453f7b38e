"""Proposing candidates from the real register and action plan, keeping decisions, and
the known-and-being-tackled rule end to end."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from partnerscope.apps.flags import deciding, proposing, questions, selectors
from partnerscope.apps.flags.models import Flag, QuestionAnswer
from tests.apps.flags.builders import MISSING_KEY, RED_FINDING, action_answering, homes_off_track

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(kite):
    homes_off_track(kite["partnership"])
    return kite["partnership"]


def test_the_rules_propose_a_candidate_from_the_register_and_the_statuses(homes):
    done = proposing.propose(homes)
    assert done.new >= 1, "other areas' findings about the partnership may propose more"
    view = selectors.flag(homes, MISSING_KEY)
    assert view.status == "candidate" and view.colour == "red"
    assert view.shown_as == "Candidate red flag"
    assert RED_FINDING in view.evidence_findings
    assert ("performance", "spc_consistently_missed", "indicator", "NI 155") in (
        view.evidence_findings
    )
    assert dict(view.figures)["codes"] == "NI 154, NI 155"


def test_known_and_being_tackled_end_to_end(homes):
    action = action_answering(homes)
    proposing.propose(homes)
    view = selectors.flag(homes, MISSING_KEY)
    assert view.known_and_being_tackled
    assert view.shown_as == "Known and being tackled"
    assert view.colour == ""
    action.due = timezone.localdate() - dt.timedelta(days=1)
    action.save()
    proposing.propose(homes)
    overdue = selectors.flag(homes, MISSING_KEY)
    assert not overdue.known_and_being_tackled and overdue.colour == "red"
    action.due = None
    action.status = "done"
    action.save()
    proposing.propose(homes)
    assert not selectors.flag(homes, MISSING_KEY).known_and_being_tackled


def test_an_action_on_another_finding_does_not_make_it_known(homes):
    action_answering(homes, ("performance", "rag_red", "indicator", "NI 999"))
    proposing.propose(homes)
    assert selectors.flag(homes, MISSING_KEY).colour == "red"


def test_refreshing_keeps_decisions_and_marks_unsupported_flags(homes, manager):
    proposing.propose(homes)
    row = Flag.objects.get(partnership=homes, rule_id="red_outcome_consistently_missing")
    deciding.decide(row, "confirm", "Homes are the board's top concern.", user=manager)
    proposing.propose(homes)
    proposing.propose(homes)
    row.refresh_from_db()
    assert (row.status, row.reason, row.supported) == (
        "confirmed",
        "Homes are the board's top concern.",
        True,
    )
    assert Flag.objects.filter(partnership=homes, rule_id=row.rule_id).count() == 1, "no copy"
    from partnerscope.apps.performance.models import IndicatorStatusSnapshot

    IndicatorStatusSnapshot.objects.filter(indicator__code="NI 155").update(
        rag="green", assurance="consistently_met"
    )
    done = proposing.propose(homes)
    assert done.unsupported == 1
    row.refresh_from_db()
    assert row.status == "confirmed" and not row.supported
    assert selectors.flag(homes, MISSING_KEY).shown_as == "Red flag, confirmed"
    assert len(deciding.decisions(row)) == 1


def test_a_decision_needs_a_reason_and_a_change_the_other_colour(homes, manager):
    proposing.propose(homes)
    row = Flag.objects.get(partnership=homes, rule_id="red_outcome_consistently_missing")
    for decision, reason, colour in (
        ("confirm", "  ", ""),
        ("change", "Because", ""),
        ("change", "Because", "red"),
        ("maybe", "Because", ""),
    ):
        with pytest.raises(deciding.DecisionRefused):
            deciding.decide(row, decision, reason, user=manager, colour=colour)
        row.refresh_from_db()
        assert row.status == "candidate" and row.reason == ""
    deciding.decide(row, "change", "The plan is on track now.", user=manager, colour="green")
    deciding.decide(row, "reject", "Data were wrong.", user=manager)
    row.refresh_from_db()
    assert row.status == "rejected" and row.colour_shown == ""
    history = deciding.decisions(row)
    assert [d["status"] for d in history] == ["Rejected", "Changed"]
    assert history[1]["colour"] == "Green"


def test_organisations_named_reads_the_evidence_subjects(kite):
    from tests.apps.flags.builders import flag

    row = flag(
        kite["partnership"],
        evidence={
            "findings": [
                ["network", "low_trust", "organisation", "kite-police"],
                ["performance", "rag_red", "indicator", "NI 1"],
            ],
            "figures": [],
        },
    )
    assert selectors.organisations_named(kite["partnership"], row.key) == {"kite-police"}
    assert selectors.organisations_named(kite["partnership"], "no:such:flag") == set()


def test_the_three_questions_list_their_evidence_and_keep_versions(homes):
    proposing.propose(homes)
    questions.save_answer(homes, "delivery", "Homes are off track.", 2, by="Ann")
    questions.save_answer(homes, "delivery", "Homes are off track; a plan is agreed.", 3, by="Ann")
    answers = {q["question"]: q for q in selectors.questions(homes)}
    assert list(answers) == ["priorities", "delivery", "prospects"]
    delivery = answers["delivery"]
    assert delivery["self_rating"] == 3 and delivery["self_rating_label"].startswith("3")
    assert [flag.key for flag in delivery["flags"]] == [MISSING_KEY]
    assert dict(delivery["counts"])["medium"] >= 1
    assert answers["priorities"]["narrative"] == "" and answers["priorities"]["self_rating"] is None
    assert QuestionAnswer.objects.get(question="delivery").history.count() == 2
    with pytest.raises(ValueError):
        questions.save_answer(homes, "other", "", None)
