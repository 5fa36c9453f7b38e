"""What a browser or a shared proxy may keep: nothing private.

Signed-in pages show a partnership's records, exports and downloads carry its data, and a
survey page reached by its link shows one respondent's answers: a browser's back button or
disk cache on a shared council computer, or a proxy, must not keep any of them. Static files
are answered earlier by WhiteNoise with long cache lifetimes and never reach this middleware;
public pages with nothing secret in them (a survey's thank-you page) are left as their views
make them. Django's own sign-in and password pages already forbid storing themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers

LINK_TOKEN = "token"
"""The URL keyword of a single-use survey link's secret, in every area's public pages."""


def is_private(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether ``response`` holds what only this person may see: it answers a signed-in user,
    is a download, or is a page reached through a survey link's token."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if response.get("Content-Disposition", "").startswith("attachment"):
        return True
    match = request.resolver_match
    return match is not None and LINK_TOKEN in match.kwargs


class NoStoreMiddleware:
    """Send ``Cache-Control: no-store`` (with Django's other never-cache headers) on every
    private response, so that neither the browser nor a proxy keeps a copy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if is_private(request, response):
            add_never_cache_headers(response)
        return response
