"""Pages of the learning area: the comparison, the sharing agreement, the two-tier view and
the library of notable practice. Each view parses the request, calls one service, renders."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.learning import comparison, library, sharing, two_tier
from partnerscope.apps.learning.forms import PracticeEntryForm, SharingAgreementForm

ENTRY_WORDS = RecordWords("practice entry", "Add a practice entry", "Change practice entry: {}")
AGREEMENT_WORDS = RecordWords(
    "sharing agreement", "Agree to share figures", "Change the sharing agreement"
)


def url(name: str, access: Access, *args: object) -> str:
    return reverse(f"learning:{name}", args=[access.partnership.slug, *args])


@partnership_view(Action.READ)
def index(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "learning/index.html",
        {
            "page_title": "Learning from others",
            "agreement": sharing.agreement_of(access.partnership),
            "two_tier": two_tier.county_of(access.partnership) is not None,
        },
    )


@partnership_view(Action.READ)
def comparison_view(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "learning/comparison.html",
        {
            "page_title": "Comparison with other partnerships",
            "page": comparison.comparison_page(access.partnership),
            "back_url": url("index", access),
        },
    )


@partnership_view(Action.EDIT)
def sharing_view(request: HttpRequest, access: Access) -> HttpResponse:
    agreement = sharing.agreement_of(access.partnership)
    form = SharingAgreementForm(request.POST or None, instance=agreement)
    back = url("index", access)
    return record_form_page(
        request,
        form,
        AGREEMENT_WORDS,
        lambda: sharing.save_agreement(access.partnership, form),
        "learning/sharing.html",
        back,
        history=agreement.history.all() if agreement else [],
        minimum=sharing.minimum_sharing(),
    )


@partnership_view(Action.EDIT)
def two_tier_view(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "learning/two_tier.html",
        {
            "page_title": "The county and its districts",
            "page": two_tier.two_tier_page(access.partnership, two_tier.roles_of(request.user)),
            "back_url": url("index", access),
        },
    )


@partnership_view(Action.READ)
def library_view(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "learning/library.html",
        {
            "page_title": "Library of notable practice",
            "library": library.library_page(access.partnership, request.GET.get("part", "")),
            "back_url": url("index", access),
        },
    )


@partnership_view(Action.READ)
def entry_view(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    entry = library.get_entry(access.partnership, pk)
    rules = library.known_rules()
    return render(
        request,
        "learning/entry.html",
        {
            "page_title": entry.practice,
            "entry": entry,
            "rules": [(rule, rules.get(rule, "")) for rule in entry.rule_ids],
            "history": entry.history.all()[:20],
            "back_url": url("library", access),
        },
    )


@partnership_view(Action.EDIT)
def entry_form(request: HttpRequest, access: Access, pk: int | None = None) -> HttpResponse:
    entry = library.get_own_entry(access.partnership, pk) if pk is not None else None
    form = PracticeEntryForm(
        request.POST or None, instance=entry, known_rules=library.known_rules()
    )
    return record_form_page(
        request,
        form,
        ENTRY_WORDS,
        lambda: library.save_entry(access.partnership, form),
        "learning/form.html",
        url("library", access),
        next_url=lambda saved: url("entry", access, saved.pk),
    )
