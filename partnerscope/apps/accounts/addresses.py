"""The address a sign-in comes from, as lock-out counts it.

Behind a reverse proxy every request arrives from the proxy, so the client's address has to
be read from ``X-Forwarded-For``. Only the entries the site's own proxies wrote can be
trusted: each proxy appends the address it received the request from, so with N trusted
proxies the client is the N-th entry from the right. Anything to its left was sent by the
client and may be made up.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the entry the outermost trusted proxy added."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, "PARTNERSCOPE_TRUSTED_PROXY_COUNT", 0))
    if proxies <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
