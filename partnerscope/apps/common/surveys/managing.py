"""The manager's pages every waved survey shares: open or change a wave, send links, renew one.

``WaveManagement`` makes the views from a survey's services; each survey keeps its own
templates (``<area>/wave_form.html``, ``invitations.html``, ``invitation_renew.html``),
whose words differ, and its URL names (``<area>:index``, ``wave``, ``invitations``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from partnerscope.apps.accounts.permissions import Access, Action, partnership_view

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class WaveManagement:
    """One survey's wave and link pages for managers, from its services.

    ``invitation_page(wave, problem=...)`` lists who has a link; ``send_invitations(wave,
    link_for)`` and ``renew_invitation(invitee, link_for)`` return the same page with the
    new links shown once, or raise ValidationError saying why not.
    """

    area: str
    form_class: Any
    get_wave: Callable[[Access, int], Any]
    save_wave: Callable[[Access, Any], Any]
    default_previous: Callable[[Access], Any]
    invitation_page: Callable[..., Any]
    send_invitations: Callable[[Any, Callable[[str], str]], Any]
    get_invitee: Callable[[Any, int], Any]
    renew_invitation: Callable[[Any, Callable[[str], str]], Any]
    survey_url: Callable[[str], str]
    links_title: str = "Invitations"
    """The links page's title before the wave's name."""
    invitee_name: str = "invitation"
    """The invitee's name in the renewal page's template."""
    invitee_kwarg: str = "invitation_pk"
    """The invitee's id in the renewal page's URL."""

    def url(self, name: str, access: Access, *args: Any) -> str:
        return reverse(f"{self.area}:{name}", args=[access.partnership.slug, *args])

    def wave_form(self, request: HttpRequest, access: Access, wave: Any | None) -> HttpResponse:
        """Open a new wave (the latest wave offered to compare with), or change one."""
        initial = {} if wave else {"previous": self.default_previous(access)}
        form = self.form_class(
            request.POST or None, instance=wave, initial=initial, partnership=access.partnership
        )
        back = self.url("wave", access, wave.pk) if wave else self.url("index", access)
        if request.method == "POST" and form.is_valid():
            try:
                saved = self.save_wave(access, form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Wave {'changed' if wave else 'opened'}: {saved}.")
                return HttpResponseRedirect(self.url("wave", access, saved.pk))
        return render(
            request,
            f"{self.area}/wave_form.html",
            {
                "form": form,
                "page_title": f"Change {wave}" if wave else "Open a new wave",
                "back_url": back,
                "cancel_url": back,
                "submit_label": "Save changes" if wave else "Open the wave",
            },
            status=400 if form.errors else 200,
        )

    def links_page(
        self, request: HttpRequest, access: Access, page: Any, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            f"{self.area}/invitations.html",
            {
                "page": page,
                "wave": page.wave,
                "page_title": f"{self.links_title}: {page.wave}",
                "back_url": self.url("wave", access, page.wave.pk),
            },
            status=status,
        )

    def invitations(self, request: HttpRequest, access: Access, pk: int) -> HttpResponse:
        """Who has a link; a POST gives everyone without one a link, shown once."""
        wave = self.get_wave(access, pk)
        if request.method == "POST":
            try:
                page = self.send_invitations(wave, self.survey_url)
            except ValidationError as error:
                page = self.invitation_page(wave, problem=" ".join(error.messages))
                return self.links_page(request, access, page, 400)
            return self.links_page(request, access, page)
        return self.links_page(request, access, self.invitation_page(wave))

    def renew(self, request: HttpRequest, access: Access, pk: int, invitee_pk: int) -> HttpResponse:
        """Confirm, then give one invitee a new link in place of their old one."""
        wave = self.get_wave(access, pk)
        invitee = self.get_invitee(wave, invitee_pk)
        back = self.url("invitations", access, wave.pk)
        problem = ""
        if request.method == "POST":
            try:
                page = self.renew_invitation(invitee, self.survey_url)
            except ValidationError as error:
                problem = " ".join(error.messages)
            else:
                return self.links_page(request, access, page)
        return render(
            request,
            f"{self.area}/invitation_renew.html",
            {
                "wave": wave,
                self.invitee_name: invitee,
                "problem": problem,
                "page_title": f"New link for {invitee.person}",
                "back_url": back,
                "cancel_url": back,
            },
            status=400 if problem else 200,
        )

    def views(self) -> tuple[View, View, View, View]:
        """The views of opening a wave, changing one, its links, and renewing one link."""

        @partnership_view(Action.EDIT)
        def wave_create(request: HttpRequest, access: Access) -> HttpResponse:
            return self.wave_form(request, access, None)

        @partnership_view(Action.EDIT)
        def wave_edit(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
            return self.wave_form(request, access, self.get_wave(access, pk))

        @partnership_view(Action.EDIT)
        def invitations(request: HttpRequest, access: Access, pk: int) -> HttpResponse:
            return self.invitations(request, access, pk)

        @partnership_view(Action.EDIT)
        def invitation_renew(
            request: HttpRequest, access: Access, pk: int, **ids: int
        ) -> HttpResponse:
            return self.renew(request, access, pk, ids[self.invitee_kwarg])

        return wave_create, wave_edit, invitations, invitation_renew
