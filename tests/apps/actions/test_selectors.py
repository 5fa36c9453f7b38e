"""The action plan's public read functions: what flags, findings and chains rely on."""

from __future__ import annotations

import datetime as dt

from partnerscope.apps.actions import selectors
from tests.apps.actions.builders import ISOLATED_POLICE, TODAY, WEAK_STEERING, action


def test_an_open_action_on_time_makes_its_finding_known_and_being_tackled(kite):
    partnership = kite["partnership"]
    action(partnership, [WEAK_STEERING], due=TODAY + dt.timedelta(days=10))
    action(partnership, [ISOLATED_POLICE], due=TODAY - dt.timedelta(days=1), ref="late")
    assert selectors.finding_keys_being_tackled(partnership, TODAY) == {WEAK_STEERING}


def test_an_action_due_today_or_undated_is_on_time(kite):
    partnership = kite["partnership"]
    action(partnership, [WEAK_STEERING], due=TODAY)
    action(partnership, [ISOLATED_POLICE], ref="undated")
    assert selectors.finding_keys_being_tackled(partnership, TODAY) == {
        WEAK_STEERING,
        ISOLATED_POLICE,
    }


def test_done_or_dropped_actions_tackle_nothing(kite):
    partnership = kite["partnership"]
    action(partnership, [WEAK_STEERING], status="done", ref="d1")
    action(partnership, [ISOLATED_POLICE], status="dropped", ref="d2")
    assert selectors.finding_keys_being_tackled(partnership, TODAY) == set()


def test_another_partnerships_actions_are_not_counted(kite, outsider):
    from partnerscope.apps.accounts.models import Role

    other = Role.objects.get(user=outsider).partnership
    action(other, [WEAK_STEERING])
    assert selectors.finding_keys_being_tackled(kite["partnership"], TODAY) == set()
    assert selectors.actions_answering(kite["partnership"], [WEAK_STEERING]) == {}


def test_actions_answering_gives_views_per_key(kite):
    partnership = kite["partnership"]
    late = action(
        partnership,
        [WEAK_STEERING, ISOLATED_POLICE],
        due=TODAY - dt.timedelta(days=3),
        owner_person=kite["alice"],
        owner_organisation=kite["council"],
    )
    found = selectors.actions_answering(partnership, [WEAK_STEERING], TODAY)
    assert list(found) == [WEAK_STEERING]
    view = found[WEAK_STEERING][0]
    assert view.ref == late.ref
    assert view.overdue is True
    assert view.owner_names == "Alice Adams (Kite Council)"
    assert view.status_label == "Not started"
    assert view.url == f"/p/kite/actions/{late.ref}/"


def test_actions_for_chain_in_due_order(kite):
    partnership = kite["partnership"]
    action(partnership, chain_ref="neet", ref="b", due=TODAY + dt.timedelta(days=5))
    action(partnership, chain_ref="neet", ref="a")
    action(partnership, chain_ref="neet", ref="c", due=TODAY)
    action(partnership, chain_ref="other", ref="d")
    assert [v.ref for v in selectors.actions_for_chain(partnership, "neet", TODAY)] == [
        "c",
        "b",
        "a",
    ]


def test_action_counts(kite):
    partnership = kite["partnership"]
    action(partnership, ref="late", due=TODAY - dt.timedelta(days=1), owner_other="Team")
    action(partnership, ref="nobody")
    action(partnership, ref="done", status="done", due=TODAY - dt.timedelta(days=9))
    action(partnership, ref="owned", owner_organisation=kite["police"])
    assert selectors.action_counts(partnership, TODAY) == {
        "open": 3,
        "overdue": 1,
        "unowned": 1,
        "done": 1,
    }


def test_actions_owned_by_a_person(kite):
    from partnerscope.apps.partnerships.models import Person

    action(kite["partnership"], ref="mine", owner_person=kite["bola"])
    action(kite["partnership"], ref="theirs", owner_person=kite["alice"])
    owned = selectors.actions_owned_by(Person.objects.filter(pk=kite["bola"].pk))
    assert [row["ref"] for row in owned] == ["mine"]
