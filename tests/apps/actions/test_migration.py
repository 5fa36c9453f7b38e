"""The migration that moved the delivery chains' actions into the action plan: every row
survives, with its ref (made unique in the partnership), owner, due date, status, chain
context and history dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("actions", "0001_initial"), ("chains", "0001_initial")]
AFTER = [
    ("actions", "0002_copy_chain_actions"),
    ("chains", "0002_remove_chain_actions_moved_to_the_action_plan"),
]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def chain_actions_before_the_move(apps):
    """Two chains of one partnership, each with an action ``a01``; one on a link, agreed in
    a workshop, with an owner and two versions in its history."""
    partnership = apps.get_model("partnerships", "Partnership").objects.create(
        slug="kite", name="Kite Partnership", area="Kite"
    )
    council = apps.get_model("partnerships", "Organisation").objects.create(
        ref="kite-council", name="Kite Council", sector="council"
    )
    alice = apps.get_model("partnerships", "Person").objects.create(
        partnership=partnership, ref="alice", name="Alice Adams", organisation=council
    )
    Chain = apps.get_model("chains", "Chain")
    Node = apps.get_model("chains", "ChainNode")
    falls = Chain.objects.create(partnership=partnership, ref="falls", outcome_title="Fewer falls")
    neet = Chain.objects.create(partnership=partnership, ref="neet", outcome_title="Fewer NEET")
    nurses = Node.objects.create(chain=falls, ref="nurses", kind="front_line", name="Nurses")
    people = Node.objects.create(chain=falls, ref="older-people", kind="people", name="Older")
    link = apps.get_model("chains", "ChainLink").objects.create(
        chain=falls, source=nurses, target=people, type="delivers_to"
    )
    workshop = apps.get_model("chains", "Workshop").objects.create(
        chain=falls, ref="spring", title="Spring workshop"
    )
    ChainAction = apps.get_model("chains", "ChainAction")
    on_link = ChainAction.objects.create(
        chain=falls,
        ref="a01",
        workshop=workshop,
        question="q03",
        link=link,
        description="Recruit two more nurses.",
        owner_person=alice,
        due=dt.date(2026, 3, 31),
        status="in_progress",
    )
    ChainAction.objects.create(
        chain=neet, ref="a01", description="Share data monthly.", owner="Youth team"
    )
    ChainAction.objects.create(
        chain=neet, ref="a02", description="Extend funding " + "long words " * 30, status="done"
    )
    History = apps.get_model("chains", "HistoricalChainAction")
    agreed = timezone.make_aware(dt.datetime(2025, 11, 4, 10, 0))
    for when, kind, status in (
        (agreed, "+", "not_started"),
        (agreed + dt.timedelta(days=30), "~", "in_progress"),
    ):
        History.objects.create(
            id=on_link.pk,
            chain_id=falls.pk,
            ref="a01",
            workshop_id=workshop.pk,
            question="q03",
            link_id=link.pk,
            description="Recruit two more nurses.",
            owner="",
            owner_person_id=alice.pk,
            due=dt.date(2026, 3, 31),
            status=status,
            history_date=when,
            history_type=kind,
        )


def test_every_chain_action_survives_the_move():
    chain_actions_before_the_move(migrate(BEFORE))
    apps = migrate(AFTER)
    Action = apps.get_model("actions", "Action")
    actions = {action.ref: action for action in Action.objects.all()}
    assert set(actions) == {"falls-a01", "neet-a01", "a02"}
    moved = actions["falls-a01"]
    assert moved.title == "Recruit two more nurses."
    assert moved.owner_person.name == "Alice Adams"
    assert moved.owner_organisation.ref == "kite-council"
    assert (moved.due, moved.status) == (dt.date(2026, 3, 31), "in_progress")
    assert (moved.chain_ref, moved.link_source_ref, moved.link_target_ref) == (
        "falls",
        "nurses",
        "older-people",
    )
    assert (moved.question, moved.workshop_ref) == ("q03", "spring")
    assert moved.created_on == dt.date(2025, 11, 4)
    history = apps.get_model("actions", "HistoricalAction").objects.filter(id=moved.pk)
    assert [(h.history_type, h.status) for h in history.order_by("history_date")] == [
        ("+", "not_started"),
        ("~", "in_progress"),
    ]
    assert actions["neet-a01"].owner_other == "Youth team"
    assert len(actions["a02"].title) <= 200 and actions["a02"].title.endswith("…")
    assert actions["a02"].description.startswith("Extend funding long words")
    assert actions["a02"].status == "done"
    assert "chains_chainaction" not in connection.introspection.table_names()


def test_going_back_restores_the_chain_actions():
    chain_actions_before_the_move(migrate(BEFORE))
    migrate(AFTER)
    apps = migrate(BEFORE)
    restored = apps.get_model("chains", "ChainAction").objects.order_by("ref")
    assert [(a.chain.ref, a.ref) for a in restored] == [
        ("neet", "a02"),
        ("falls", "falls-a01"),
        ("neet", "neet-a01"),
    ]
    assert not apps.get_model("actions", "Action").objects.exists()
    migrate(AFTER)
