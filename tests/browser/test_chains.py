"""A manager builds a delivery chain through the forms, rates it, and sees the weak link."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partnerscope.apps.chains.models import Participant, Rating, Workshop
from tests.apps.chains.builders import agreed_action, falls_chain, workshop_with
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NODES = [
    ("Partnership body", {"Which body": "Kite Board"}, ""),
    ("Organisation", {"Which organisation": "Kite Council"}, ""),
    ("Service or programme", {}, "Falls service"),
    ("Front-line team", {}, "Community nurses"),
    ("People served", {}, "Older people at risk of falling"),
]
LINKS = [
    ("Kite Board (partnership body)", "Is accountable to", "Fewer falls (outcome)"),
    ("Kite Council (organisation)", "Is accountable to", "Kite Board (partnership body)"),
    ("Kite Council (organisation)", "Funds", "Falls service (service or programme)"),
    ("Falls service (service or programme)", "Delivers to", "Community nurses (front-line team)"),
    (
        "Community nurses (front-line team)",
        "Delivers to",
        "Older people at risk of falling (people served)",
    ),
]
QUESTIONS = [f"q{number:02d}" for number in range(1, 13)]


def earlier_answers(workshop: Workshop, source: str, target: str) -> None:
    """Four participants who rated the nurses' link red, so the fifth answer shows results."""
    nodes = {node.name: node for node in workshop.chain.nodes.all()}
    for number, level in enumerate(["strategic", "strategic", "operational", "operational"], 1):
        participant = Participant.objects.create(
            workshop=workshop, ref=f"{workshop.ref}-p{number:02d}", level=level
        )
        Rating.objects.bulk_create(
            [Rating(participant=participant, question=q, value="amber") for q in QUESTIONS]
            + [
                Rating(
                    participant=participant,
                    question="q06",
                    value="red",
                    link_source=nodes[source],
                    link_target=nodes[target],
                )
            ]
        )


def test_build_rate_and_find_the_weak_link(page, live_server, kite, manager):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Delivery chains").click()
    expect(page.get_by_role("heading", name="Delivery chains", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Add a delivery chain").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add chain").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Outcome").fill("Fewer falls")
    page.get_by_label("Target date").fill("2027-03-31")
    page.get_by_role("button", name="Add chain").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Chain added: Fewer falls")
    expect(page.locator("svg[role=img]")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("link", name="Nodes and links", exact=True).click()
    assert_accessible(page)
    for index, (kind, selects, name) in enumerate(NODES):
        page.get_by_role("button", name="Add a node").click()
        if index == 0:
            assert_accessible(page)
        page.get_by_label(kind, exact=True).check()
        for label, option in selects.items():
            page.get_by_label(label).select_option(label=option)
        if name:
            page.get_by_label("Name").fill(name)
        page.get_by_role("button", name="Add node").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Node added")
    expect(page.get_by_role("rowheader", name="Community nurses")).to_be_visible()

    for index, (source, kind, target) in enumerate(LINKS):
        page.get_by_role("button", name="Add a link").click()
        if index == 0:
            assert_accessible(page)
            page.get_by_role("button", name="Add link").click()
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            assert_accessible(page)
        page.get_by_label("From").select_option(label=source)
        page.get_by_label("Link type").select_option(label=kind)
        page.get_by_label("To", exact=True).select_option(label=target)
        page.get_by_label("Owner", exact=True).select_option(label="Alice Adams")
        page.get_by_label("Indicator").fill("NI 1")
        page.get_by_role("button", name="Add link").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Link added")
    expect(page.locator("#links tbody tr")).to_have_count(5)
    expect(page.get_by_text("No weakness found")).to_have_count(5)
    assert_accessible(page)

    page.get_by_role("link", name="Workshops", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Add a workshop").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Falls workshop")
    page.get_by_role("button", name="Add workshop").click()
    assert_accessible(page)
    workshop = Workshop.objects.get(title="Falls workshop")
    earlier_answers(workshop, "Community nurses", "Older people at risk of falling")

    page.get_by_role("button", name="Rate the chain").click()
    assert_accessible(page)
    page.get_by_role("button", name="Send answers").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Operational: I manage or deliver services").check()
    for question in QUESTIONS:
        page.locator(f"#id_{question}_1").check()
    page.get_by_text("Community nurses to Older people at risk of falling").click()
    page.locator("#id_link4_q06_0").check()
    page.locator("#id_link4_q03_0").check()
    page.get_by_label("Comments").fill("The nurses are stretched.")
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(page)

    page.goto(
        f"{live_server.url}/p/kite/chains/{workshop.chain.pk}/workshops/{workshop.pk}/results/"
    )
    expect(page.get_by_text("0 of 12 questions are green", exact=True)).to_be_visible()
    expect(page.get_by_text("Weak: rated red by most")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Map and weak links", exact=True).click()
    weak = page.locator("#weak-links + table")
    row = weak.get_by_role("row", name="Community nurses to Older people at risk of falling")
    expect(row).to_contain_text("DC-W01")
    expect(row).to_contain_text("RatedRedByMost")
    expect(page.locator("#weakest-link")).to_contain_text("Community nurses")
    assert page.locator("svg[role=img] desc").text_content().count("weak link") == 1
    assert_accessible(page)

    chain_sections = page.get_by_role("navigation", name="Sections of this chain")
    chain_sections.get_by_role("link", name="Action plan").click()
    assert_accessible(page)
    page.get_by_role("button", name="Agree an action").click()
    assert_accessible(page)
    page.get_by_label("Title", exact=True).fill("Recruit two more community nurses.")
    page.get_by_label("Owner", exact=True).select_option(label="Bola Bello")
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("rowheader", name="Recruit two more community nurses.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Analysis", exact=True).click()
    expect(page.get_by_role("heading", name="Findings", exact=True)).to_be_visible()
    assert_accessible(page)


def test_the_other_chain_pages_are_accessible(page, live_server, kite, manager):
    parts = falls_chain(kite)
    chain = parts["chain"]
    workshop = workshop_with(chain, 5, 5, link=(parts["nurses"], parts["older-people"]))
    agreed_action(chain, link=parts["links"][-1], question="q03")
    base = f"{live_server.url}/p/kite/chains/{chain.pk}"
    sign_in(page, live_server.url, manager.username)
    for path in [
        "/",
        "/edit/",
        "/delete/",
        f"/nodes/{parts['nurses'].pk}/edit/",
        f"/nodes/{parts['nurses'].pk}/delete/",
        f"/links/{parts['links'][0].pk}/edit/",
        f"/links/{parts['links'][0].pk}/delete/",
        f"/workshops/{workshop.pk}/results/",
        f"/workshops/{workshop.pk}/edit/",
        f"/workshops/{workshop.pk}/delete/",
        "/actions/",
    ]:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert_accessible(page)
    page.goto(f"{base}/workshops/{workshop.pk}/results/")
    expect(page.get_by_role("heading", name="Green ratings by level")).to_be_visible()

    page.goto(f"{base}/workshops/{workshop.pk}/")
    page.get_by_label("How many links?").fill("2")
    page.get_by_role("button", name="Make links").click()
    expect(page.locator("#single-use-links code")).to_have_count(2)
    links = page.locator("#single-use-links code").all_text_contents()
    assert_accessible(page)

    anonymous = page.context.browser.new_context(bypass_csp=True).new_page()
    anonymous.goto(links[0])
    expect(
        anonymous.get_by_role("heading", name="Rate the delivery chain: Fewer falls")
    ).to_be_visible()
    assert_accessible(anonymous)
    anonymous.get_by_label("Strategic: I set direction or allocate resources").check()
    for question in QUESTIONS:
        anonymous.locator(f"#id_{question}_2").check()
    anonymous.get_by_role("button", name="Send answers").click()
    expect(anonymous.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(anonymous)
    anonymous.goto(links[0])
    expect(anonymous.get_by_text("These answers have already been given.")).to_be_visible()
    anonymous.goto(f"{live_server.url}/a/chains/rate/not-a-real-link/")
    expect(anonymous.get_by_role("heading", name="This link does not work")).to_be_visible()
    assert_accessible(anonymous)
    anonymous.context.close()
