"""Pages where a partnership's managers decide who holds which role."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts import services
from partnerscope.apps.accounts.forms import ChangeRoleForm, GrantRoleForm
from partnerscope.apps.accounts.models import ROLE_HELP, Role, RoleKind
from partnerscope.apps.accounts.permissions import Access, Action, partnership_view


def role_or_404(access: Access, pk: int) -> Role:
    role = Role.objects.filter(partnership=access.partnership, pk=pk).select_related("user").first()
    if role is None:
        raise Http404("No such role.")
    return role


def list_url(access: Access) -> str:
    return reverse("access:list", args=[access.partnership.slug])


@partnership_view(Action.EDIT)
def role_list(request: HttpRequest, access: Access) -> HttpResponse:
    return render(
        request,
        "accounts/role_list.html",
        {
            "roles": services.roles_in(access.partnership),
            "role_help": [(kind.label, ROLE_HELP[kind]) for kind in RoleKind],
            "page_title": "Who has access",
        },
    )


@partnership_view(Action.EDIT)
def role_add(request: HttpRequest, access: Access) -> HttpResponse:
    form = GrantRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = services.grant_role(access.partnership, request=request, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            note = (
                " They have been sent a link to choose a password." if grant.created_account else ""
            )
            messages.success(
                request,
                f"{grant.role.user.username} is now {grant.role.get_kind_display().lower()}.{note}",
            )
            return HttpResponseRedirect(list_url(access))
    return render(
        request,
        "common/section_form.html",
        {
            "form": form,
            "page_title": "Give someone access",
            "back_url": list_url(access),
            "cancel_url": list_url(access),
            "submit_label": "Give access",
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.EDIT)
def role_change(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    role = role_or_404(access, pk)
    form = ChangeRoleForm(request.POST or None, initial={"kind": role.kind})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_role(access.partnership, role, form.cleaned_data["kind"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"{role.user.username} is now {role.get_kind_display().lower()}."
            )
            return HttpResponseRedirect(list_url(access))
    return render(
        request,
        "common/section_form.html",
        {
            "form": form,
            "page_title": f"Change the role of {role.user.username}",
            "back_url": list_url(access),
            "cancel_url": list_url(access),
            "submit_label": "Save role",
        },
        status=400 if form.errors else 200,
    )


@partnership_view(Action.EDIT)
def role_remove(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
    role = role_or_404(access, pk)
    problem = ""
    if request.method == "POST":
        try:
            services.remove_role(access.partnership, role)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(request, f"{role.user.username} no longer has access.")
            return HttpResponseRedirect(list_url(access))
    return render(
        request,
        "accounts/role_remove.html",
        {
            "role": role,
            "problem": problem,
            "page_title": f"Remove access for {role.user.username}",
            "back_url": list_url(access),
            "cancel_url": list_url(access),
        },
        status=400 if problem else 200,
    )
