"""Pages of the flags area: the overview, one flag with its evidence and decisions, the
managers' decision and refresh, and the three questions with their edit form. Each view
parses the request, calls one service and renders."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.flags import deciding, overview_page, proposing
from partnerscope.apps.flags import questions as answering
from partnerscope.apps.flags.choices import Question
from partnerscope.apps.flags.forms import AnswerForm, DecisionForm, RefreshForm
from partnerscope.apps.flags.models import Flag
from partnerscope.apps.flags.selectors import find_row
from partnerscope.apps.replies.selectors import replies_for, reply_link


def overview_url(access: Access) -> str:
    return reverse("flags:overview", args=[access.partnership.slug])


def flag_or_404(access: Access, key: str) -> Flag:
    row = find_row(access.partnership, key)
    if row is None:
        raise Http404("No such flag")
    return row


@partnership_view(Action.READ)
def overview(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "flags/overview.html",
        {"page": overview_page.build(access.partnership), "page_title": "Flags"},
    )


@partnership_view(Action.READ)
def flag(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    row = flag_or_404(access, key)
    return render(
        request,
        "flags/flag.html",
        {
            **overview_page.flag_page(access.partnership, row),
            "replies": replies_for(access.partnership, "flag", [row.key]).get(row.key, []),
            "reply_url": reply_link(request, access.partnership, "flag", row.key),
            "page_title": row.shown_as,
            "back_url": overview_url(access),
        },
    )


@partnership_view(Action.EDIT)
def decide(request: HttpRequest, access: Access, key: str) -> HttpResponse:
    row = flag_or_404(access, key)
    posted = request.POST if request.method == "POST" else None
    form = DecisionForm(posted, proposed=row.proposed_colour)
    if posted is not None and form.is_valid():
        try:
            deciding.decide(
                row,
                form.cleaned_data["decision"],
                form.cleaned_data["reason"],
                user=request.user,
                colour=form.cleaned_data.get("colour") or "",
            )
        except deciding.DecisionRefused as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"Decision recorded: {row.shown_as}.")
            return HttpResponseRedirect(reverse("flags:flag", args=[access.partnership.slug, key]))
    flag_url = reverse("flags:flag", args=[access.partnership.slug, key])
    return render(
        request,
        "flags/decide.html",
        {
            "form": form,
            "flag": overview_page.flag_page(access.partnership, row)["flag"],
            "page_title": "Decide about the flag",
            "back_url": flag_url,
            "cancel_url": flag_url,
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.EDIT)
def refresh(request: HttpRequest, access: Access) -> HttpResponse:
    form = RefreshForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = proposing.propose(access.partnership)
        messages.success(
            request,
            f"The candidates were refreshed: {done.new} new, {done.proposed_again} proposed "
            f"again, {done.unsupported} no longer supported by the evidence.",
        )
        return HttpResponseRedirect(overview_url(access))
    return render(
        request,
        "flags/refresh.html",
        {
            "form": form,
            "page_title": "Refresh the candidate flags",
            "back_url": overview_url(access),
            "cancel_url": overview_url(access),
        },
    )


def questions_url(access: Access) -> str:
    return reverse("flags:questions", args=[access.partnership.slug])


@partnership_view(Action.READ)
def questions(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "flags/questions.html",
        {
            "questions": overview_page.questions_page(access.partnership),
            "page_title": "The three questions",
        },
    )


@partnership_view(Action.EDIT)
def question_edit(request: HttpRequest, access: Access, question: str) -> HttpResponse:
    if question not in Question.values:
        raise Http404("No such question")
    current = next(q for q in answering.answers(access.partnership) if q["question"] == question)
    posted = request.POST if request.method == "POST" else None
    initial = {"narrative": current["narrative"], "self_rating": current["self_rating"]}
    form = AnswerForm(posted, initial=initial)
    if posted is not None and form.is_valid():
        user = request.user
        answering.save_answer(
            access.partnership,
            question,
            form.cleaned_data["narrative"],
            form.cleaned_data["self_rating"],
            by=user.get_full_name() or user.get_username(),
        )
        messages.success(request, "The answer was saved.")
        return HttpResponseRedirect(f"{questions_url(access)}#{question}")
    return render(
        request,
        "flags/question_edit.html",
        {
            "form": form,
            "question": current,
            "page_title": "Answer the question",
            "back_url": questions_url(access),
            "cancel_url": questions_url(access),
        },
        status=400 if form.errors else 200,
    )
