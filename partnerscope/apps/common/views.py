"""The site's front door."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse


def home(request: HttpRequest) -> HttpResponse:
    """Signed-in users go to their partnerships; others to the sign-in page."""
    target = "partnerships:list" if request.user.is_authenticated else "accounts:login"
    return HttpResponseRedirect(reverse(target))
