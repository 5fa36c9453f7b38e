"""Chain pages: lists, forms with the GOV.UK error pattern, workshops, links, access."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from partnerscope.apps.actions.models import Action
from partnerscope.apps.chains.models import Chain, ChainLink, ChainNode, Invitation
from tests.apps.chains.builders import QUESTIONS, agreed_action, falls_chain, workshop_with
from tests.apps.partnerships.factories import OrganisationFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def falls(kite):
    return falls_chain(kite)


def url(name, chain=None, *args):
    parts = ["kite"] + ([chain.pk] if chain is not None else []) + list(args)
    return reverse(f"chains:{name}", args=parts)


def test_the_menu_and_the_list_show_the_chains(manager_client, falls):
    page = manager_client.get(url("index")).content.decode()
    assert 'href="/p/kite/chains/"' in page
    assert "Fewer falls among older people" in page
    assert "Delivery chains" in manager_client.get("/p/kite/").content.decode()


def test_adding_a_chain_makes_its_outcome_and_shows_its_map(manager_client):
    response = manager_client.post(
        url("chain_create"),
        {"outcome_title": "Cleaner streets", "outcome_description": "", "target_date": ""},
    )
    chain = Chain.objects.get(ref="cleaner-streets")
    assert response["Location"] == url("chain_detail", chain)
    page = manager_client.get(response["Location"]).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page
    assert chain.nodes.get().kind == "outcome"


def test_a_chain_without_an_outcome_gets_the_error_summary(manager_client):
    response = manager_client.post(url("chain_create"), {"outcome_title": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_outcome_title">' in page


def test_nodes_are_added_named_after_their_organisation_and_checked(manager_client, falls, kite):
    chain = falls["chain"]
    fire = OrganisationFactory(name="Kite Fire", sector="fire")
    ParticipationFactory(partnership=kite["partnership"], organisation=fire)
    response = manager_client.post(
        url("node_create", chain), {"kind": "organisation", "organisation": fire.pk}
    )
    assert response.status_code == 302
    assert chain.nodes.get(name="Kite Fire").ref == "kite-fire"
    response = manager_client.post(
        url("node_create", chain), {"kind": "service", "layer": "strategic", "name": "Clinic"}
    )
    assert response.status_code == 400
    assert "Only a partnership body sits in a governance layer." in response.content.decode()
    manager_client.post(
        url("node_create", chain), {"kind": "body", "body": kite["board"].pk, "name": "Board two"}
    )
    assert chain.nodes.get(name="Board two").layer == "strategic"
    other = OrganisationFactory(name="Not a partner")
    response = manager_client.post(
        url("node_create", chain), {"kind": "organisation", "organisation": other.pk}
    )
    assert response.status_code == 400


def test_a_node_name_is_needed_and_unique_in_its_chain(manager_client, falls):
    chain = falls["chain"]
    response = manager_client.post(url("node_create", chain), {"kind": "service"})
    assert "Enter a name, or choose a body or organisation." in response.content.decode()
    response = manager_client.post(
        url("node_create", chain), {"kind": "service", "name": "falls service"}
    )
    assert "This chain already has a node of that name." in response.content.decode()


def test_the_outcome_cannot_be_deleted_and_its_edit_goes_to_the_chain(manager_client, falls):
    chain, outcome = falls["chain"], falls["outcome"]
    response = manager_client.post(url("node_delete", chain, outcome.pk))
    assert response.status_code == 400
    assert "The outcome cannot be deleted" in response.content.decode()
    assert manager_client.get(url("node_edit", chain, outcome.pk))["Location"] == url(
        "chain_edit", chain
    )


def test_deleting_a_node_deletes_its_links(manager_client, falls):
    chain = falls["chain"]
    response = manager_client.post(url("node_delete", chain, falls["police"].pk))
    assert response.status_code == 302
    assert not ChainLink.objects.filter(source__ref="police", chain=chain).exists()
    assert ChainNode.history.filter(id=falls["police"].pk).count() == 2


def link_data(source, target, kind, **extra):
    data = {"source": source.pk, "target": target.pk, "type": kind, "owner": "Someone"}
    data.update(extra)
    return data


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"amount": "100"}, "amount", "Only a funding link carries money"),
        ({"frequency": "4"}, "frequency", "Only a data link has a reporting frequency"),
        ({"likelihood": "3"}, "impact", "Score both likelihood and impact, or neither"),
    ],
)
def test_a_link_field_on_the_wrong_link_is_refused(manager_client, falls, extra, field, message):
    data = link_data(falls["police"], falls["falls-service"], "refers_to", **extra)
    response = manager_client.post(url("link_create", falls["chain"]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'<a href="#id_{field}">' in page


def test_a_link_to_itself_or_twice_is_refused(manager_client, falls):
    chain = falls["chain"]
    data = link_data(falls["police"], falls["police"], "refers_to")
    assert (
        "Choose a different node"
        in manager_client.post(url("link_create", chain), data).content.decode()
    )
    data = link_data(falls["board"], falls["outcome"], "accountable_to")
    response = manager_client.post(url("link_create", chain), data)
    assert "The chain already has this link." in response.content.decode()


def test_a_funding_link_is_added_and_flagged_on_the_pages(manager_client, falls):
    chain = falls["chain"]
    data = link_data(
        falls["police"],
        falls["falls-service"],
        "funds",
        amount="12000",
        secure_until="2025-06-30",
        likelihood="5",
        impact="5",
    )
    response = manager_client.post(url("link_create", chain), data)
    assert response.status_code == 302
    link = chain.links.get(source=falls["police"], type="funds")
    assert (link.likelihood, link.impact, link.owner) == (5, 5, "Someone")
    page = manager_client.get(url("chain_structure", chain)).content.decode()
    assert "£12,000, secure until 30 Jun 2025" in page
    assert "Risk 5 × 5 = 25" in page
    page = manager_client.get(url("chain_detail", chain)).content.decode()
    assert "Kite Police to Falls service" in page
    assert "DC-W02" in page and "DC-F02" in page


def test_the_analysis_page_lists_paths_funding_and_every_finding(manager_client, falls):
    page = manager_client.get(url("chain_analysis", falls["chain"])).content.decode()
    assert "Delivery paths" in page
    assert "5 links: Fewer falls among older people → Kite Board → Kite Council" in page
    assert "£50,000" in page
    assert "SinglePointOfFailure" in page
    assert "Paper links (rule DC-X01) are not checked" in page


def test_single_use_links_are_shown_once_and_work_without_signing_in(manager_client, client, falls):
    workshop = workshop_with(falls["chain"], 0, 0)
    response = manager_client.post(
        url("workshop_invitations", falls["chain"], workshop.pk), {"count": "2"}
    )
    links = re.findall(r"<code>(http[^<]+)</code>", response.content.decode())
    assert len(links) == 2
    assert Invitation.objects.filter(workshop=workshop).count() == 2
    path = links[0].removeprefix("http://testserver")
    client.logout()
    form = client.get(path)
    assert form.status_code == 200
    assert "Rate the delivery chain" in form.content.decode()
    assert "Partnership sections" not in form.content.decode()
    answers = {"level": "operational", **dict.fromkeys(QUESTIONS, "green"), "comment": "Fine."}
    first_link = f"link0_{QUESTIONS[0]}"
    answers[first_link] = "red"
    done = client.post(path, answers)
    assert "Thank you" in done.content.decode()
    again = client.post(path, answers)
    assert again.status_code == 409
    assert "already been given" in again.content.decode()
    assert workshop.participants.count() == 1
    assert client.get("/a/chains/rate/nonsense/").status_code == 404


def test_the_rating_form_needs_a_level_and_every_question(client, falls, manager):
    workshop = workshop_with(falls["chain"], 0, 0)
    client.force_login(manager)
    rate = url("workshop_rate", falls["chain"], workshop.pk)
    response = client.post(rate, {"level": "strategic", QUESTIONS[0]: "red"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Rate question 2, or select don&#x27;t know" in page
    assert '<a href="#id_q02_0">' in page or '<a href="#id_q02">' in page
    answers = {"level": "strategic", **dict.fromkeys(QUESTIONS, "dont_know")}
    assert client.post(rate, answers).status_code == 200
    assert "already been given" in client.get(rate).content.decode()


def test_members_may_rate_but_not_edit_and_viewers_only_read(client, role_user, falls):
    workshop = workshop_with(falls["chain"], 0, 0)
    client.force_login(role_user("member"))
    assert client.get(url("workshop_rate", falls["chain"], workshop.pk)).status_code == 200
    assert client.get(url("link_create", falls["chain"])).status_code == 403
    client.force_login(role_user("viewer"))
    assert client.get(url("workshop_rate", falls["chain"], workshop.pk)).status_code == 403
    page = client.get(url("chain_structure", falls["chain"])).content.decode()
    assert "Add a node" not in page
    assert client.get(url("workshop_results", falls["chain"], workshop.pk)).status_code == 200


def test_results_wait_for_the_threshold_then_show_the_spread(manager_client, falls):
    small = workshop_with(falls["chain"], 2, 2, ref="small")
    page = manager_client.get(url("workshop_results", falls["chain"], small.pk)).content.decode()
    assert "Results appear once at least 5 people have answered" in page
    big = workshop_with(falls["chain"], 3, 5, ref="big")
    page = manager_client.get(url("workshop_results", falls["chain"], big.pk)).content.decode()
    assert "12 of 12 questions are green" in page
    assert "Ratings of each question" in page
    assert "fewer than 5 strategic participants answered" in page


def test_an_action_is_agreed_against_a_question_and_shown_overdue(manager_client, falls, kite):
    chain = falls["chain"]
    workshop = workshop_with(chain, 0, 0)
    link = falls["links"][-1]
    plan_page = manager_client.get(url("action_plan", chain)).content.decode()
    new = re.search(r'href="(/p/kite/actions/new/\?chain_ref=falls[^"]*)"', plan_page)
    assert new is not None
    start = html.unescape(new.group(1)) + f"&question=q03&workshop_ref={workshop.ref}"
    structure = manager_client.get(url("chain_structure", chain)).content.decode()
    assert f"chain_ref=falls&amp;link={link.source.ref}%3E{link.target.ref}" in structure
    form = manager_client.get(start).content.decode()
    assert 'value="q03" selected' in form
    assert f'value="{chain.ref}" selected' in form
    assert f'value="{workshop.ref}" selected' in form
    response = manager_client.post(
        start,
        {
            "title": "Recruit two more nurses.",
            "chain_ref": chain.ref,
            "question": "q03",
            "link": f"{link.source.ref}>{link.target.ref}",
            "workshop_ref": workshop.ref,
            "owner_person": kite["alice"].pk,
            "due": "2020-01-31",
            "status": "in_progress",
            "created_on": "2019-12-01",
        },
    )
    assert response.status_code == 302
    assert response.url == url("action_plan", chain)
    action = Action.objects.get()
    assert action.ref == "a01" and action.owner_names == "Alice Adams (Kite Council)"
    assert (action.link_source_ref, action.link_target_ref) == (link.source.ref, link.target.ref)
    page = manager_client.get(url("action_plan", chain)).content.decode()
    assert "Recruit two more nurses." in page
    assert "Overdue" in page
    assert "Question 3. Enough capacity" in page
    assert f"Link: {link.source.name} → {link.target.name}" in page


def test_an_action_on_a_link_needs_its_chain(manager_client, falls):
    link = falls["links"][0]
    response = manager_client.post(
        "/p/kite/actions/new/",
        {
            "title": "Do it.",
            "chain_ref": "",
            "link": f"{link.source.ref}>{link.target.ref}",
            "status": "not_started",
            "created_on": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert "Choose the delivery chain the link or workshop belongs to." in response.content.decode()
    assert not Action.objects.exists()


def test_done_actions_are_not_overdue(manager_client, falls):
    agreed_action(falls["chain"], due=dt.date(2020, 1, 1), status="done")
    page = manager_client.get(url("action_plan", falls["chain"])).content.decode()
    assert "Overdue" not in page
    assert "Done (1)" in page
