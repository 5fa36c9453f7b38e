"""Pages of pooled funds: the list with each fund's Table 10 checks, and a fund's add and
change pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view
from partnerscope.apps.common.form_pages import RecordWords, record_form_page
from partnerscope.apps.resources import forms
from partnerscope.apps.resources.models import PooledFund
from partnerscope.apps.resources.pools import checked_funds, save_fund
from partnerscope.apps.resources.views import page_url, posted

FUND_WORDS = RecordWords("pooled fund", "Add a pooled fund", "Change pooled fund {}")


@partnership_view(Action.READ)
def pools(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "resources/pools.html",
        {"funds": checked_funds(access.partnership), "page_title": "Pooled funds"},
    )


@partnership_view(Action.EDIT)
def pool_add(request: HttpRequest, access: Access) -> HttpResponse:
    return pool_page(request, access, PooledFund(partnership=access.partnership))


@partnership_view(Action.EDIT)
def pool_edit(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    return pool_page(
        request, access, get_object_or_404(PooledFund, pk=pk, partnership=access.partnership)
    )


def pool_page(request: HttpRequest, access: Access, fund: PooledFund) -> HttpResponse:
    form = forms.PooledFundForm(posted(request), instance=fund, partnership=access.partnership)

    def save() -> PooledFund:
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        fields["outcome_refs"] = list(form.cleaned_data["outcome_refs"])
        return save_fund(access.partnership, fund, fields, form.cleaned_data["values"])

    return record_form_page(
        request,
        form,
        FUND_WORDS,
        save,
        "resources/form.html",
        page_url("pools", access),
        caption="Pooled funds",
    )
