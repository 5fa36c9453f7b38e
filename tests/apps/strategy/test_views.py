"""The strategy pages: what each shows, who may use them, and bad input losing nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerscope.apps.strategy.models import OutcomeReview, Strategy
from tests.apps.performance.factories import outcome
from tests.apps.strategy.builders import kite_outcomes, kite_strategy, review_date

pytestmark = pytest.mark.django_db


def url(name: str, *args: str) -> str:
    return reverse(f"strategy:{name}", args=["kite", *args])


@pytest.fixture
def viewer_client(client, role_user):
    client.force_login(role_user("viewer"))
    return client


def test_the_outcome_page_shows_joint_working_beside_the_outcome(kite, viewer_client):
    kite_outcomes(kite)
    page = viewer_client.get(url("outcome", "falls")).content.decode()
    assert "Fewer falls" in page
    assert "NI 15" in page and "On track" in page and "Special cause, concerning" in page
    assert "Performance score: <strong>50%</strong>" in page
    assert "Fewer falls among older people" in page  # the chain tied to the outcome
    assert "Weak links" in page
    assert "Kite Council" in page and "Kite Police" in page  # partners: owner and members
    assert "No closed 7S wave was answered by its owning body." in page
    assert "No resources recorded" in page


def test_a_theme_rolls_up_its_goals(kite, viewer_client):
    kite_outcomes(kite)
    page = viewer_client.get(url("outcome", "safer")).content.decode()
    assert "Goals:" in page and "Better buses" in page
    assert "NI 16" in page and "Fewer falls among older people" in page


def test_an_unknown_outcome_is_404(kite, viewer_client):
    kite_outcomes(kite)
    assert viewer_client.get(url("outcome", "nowhere")).status_code == 404


def test_the_across_page_states_n_and_too_few_outcomes(kite, viewer_client):
    kite_outcomes(kite)
    page = viewer_client.get(url("outcomes")).content.decode()
    assert "descriptive, not causal" in page
    assert "Not shown: too few outcomes (n = 1, at least 5 needed)" in page
    assert "Better buses" in page


def test_the_across_page_reads_a_fixed_number_of_queries(kite, viewer_client):
    kite_outcomes(kite)
    with CaptureQueriesContext(connection) as few:
        viewer_client.get(url("outcomes"))
    for number in range(12):
        goal = outcome(kite["partnership"], f"goal-{number}", f"Goal {number}")
        goal.owner = kite["police"]
        goal.body = kite["board"]
        goal.save()
    with CaptureQueriesContext(connection) as many:
        viewer_client.get(url("outcomes"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_strategy_page_lists_rules_and_findings(kite, viewer_client):
    kite_outcomes(kite)
    strategy = kite_strategy(kite)
    review_date(strategy, "buses", dt.date(2020, 1, 1))
    page = viewer_client.get(url("strategy")).content.decode()
    assert "Kite 2030" in page and "Overdue" in page
    for rule in ("SCS-01", "SCS-02", "SCS-03", "SCS-04", "SCS-05", "SCS-06"):
        assert rule in page
    assert "Better buses has no indicator." in page
    assert "Not judged yet: no area records resources" in page
    assert "Change the strategy" not in page  # a viewer cannot edit


def test_a_viewer_cannot_edit(kite, viewer_client):
    assert viewer_client.get(url("strategy_edit")).status_code == 403
    assert viewer_client.post(url("strategy_edit"), {"title": "Mine"}).status_code == 403
    assert viewer_client.post(url("review_dates"), {}).status_code == 403
    assert not Strategy.objects.exists()


def strategy_post(**changes: str) -> dict[str, str]:
    return {
        "title": "Kite 2030",
        "adopted": "2021-04-01",
        "last_reviewed": "2024-02-01",
        "review_interval_years": "3",
        "correlation_minimum": "5",
        **changes,
    }


def test_a_manager_records_and_changes_the_strategy_as_versions(kite, manager_client):
    response = manager_client.post(url("strategy_edit"), strategy_post())
    assert response.status_code == 302
    strategy = Strategy.objects.get(partnership=kite["partnership"])
    assert strategy.last_reviewed == dt.date(2024, 2, 1)
    manager_client.post(url("strategy_edit"), strategy_post(review_interval_years="4"))
    strategy.refresh_from_db()
    assert strategy.review_interval_years == 4
    assert strategy.history.count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"last_reviewed": "2020-01-01"}, "cannot be reviewed before it was adopted"),
        ({"adopted": "2999-01-01", "last_reviewed": ""}, "cannot be in the future"),
        ({"review_interval_years": "0"}, "greater than or equal to 1"),
        ({"correlation_minimum": "2"}, "greater than or equal to 3"),
        ({"adopted": "not a date"}, "Enter a valid date"),
        ({"title": ""}, "This field is required"),
    ],
)
def test_bad_strategy_input_is_refused_and_loses_nothing(kite, manager_client, changes, message):
    kept = kite_strategy(kite)
    response = manager_client.post(url("strategy_edit"), strategy_post(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    kept.refresh_from_db()
    assert kept.title == "Kite 2030" and kept.last_reviewed == dt.date(2022, 5, 1)
    assert kept.history.count() == 1


def test_review_dates_are_saved_changed_and_cleared(kite, manager_client):
    kite_outcomes(kite)
    strategy = kite_strategy(kite)
    review_date(strategy, "buses", dt.date(2026, 1, 1))
    response = manager_client.post(
        url("review_dates"), {"review_falls": "2027-03-31", "review_buses": "", "review_safer": ""}
    )
    assert response.status_code == 302
    assert dict(strategy.reviews.values_list("ref", "review_date")) == {
        "falls": dt.date(2027, 3, 31)
    }


def test_a_bad_review_date_saves_none_of_them(kite, manager_client):
    kite_outcomes(kite)
    strategy = kite_strategy(kite)
    review_date(strategy, "buses", dt.date(2026, 1, 1))
    response = manager_client.post(
        url("review_dates"), {"review_falls": "2027-03-31", "review_buses": "31/02/2026"}
    )
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()
    assert list(OutcomeReview.objects.values_list("ref", "review_date")) == [
        ("buses", dt.date(2026, 1, 1))
    ]


def test_review_dates_wait_for_a_strategy(kite, manager_client):
    page = manager_client.get(url("review_dates")).content.decode()
    assert "No strategy is recorded yet" in page
