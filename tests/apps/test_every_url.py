"""Every page under /p/<slug>/ is walked: a user of another partnership gets 404 on all of them.

New URL patterns with parameters other than ``slug`` need a sample (a record of the kite
partnership to point at) in ``BASE_SAMPLES`` or in the area's ``tests/apps/<area>/url_samples.py``
(a ``SAMPLES`` dict of URL name to ``function(kite) -> kwargs``), or this test fails, so no
page slips through. A sample function may create the area records it needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

BASE_SAMPLES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "partnerships:organisation_edit": lambda kite: {"pk": kite["council"].pk},
    "partnerships:organisation_delete": lambda kite: {"pk": kite["police"].pk},
    "partnerships:person_edit": lambda kite: {"pk": kite["alice"].pk},
    "partnerships:person_delete": lambda kite: {"pk": kite["bola"].pk},
    "partnerships:body_edit": lambda kite: {"pk": kite["board"].pk},
    "partnerships:body_delete": lambda kite: {"pk": kite["board"].pk},
    "partnerships:membership_edit": lambda kite: {"pk": kite["membership"].pk},
    "partnerships:membership_delete": lambda kite: {"pk": kite["membership"].pk},
    "access:change": lambda kite: {"pk": kite_role(kite).pk},
    "access:remove": lambda kite: {"pk": kite_role(kite).pk},
}


def kite_role(kite: dict[str, Any]) -> Any:
    from tests.apps.partnerships.factories import RoleFactory

    return RoleFactory(partnership=kite["partnership"], kind="viewer")


def collect_samples() -> dict[str, Callable[[dict[str, Any]], dict[str, Any]]]:
    """The foundation's samples plus each area's ``tests/apps/<area>/url_samples.py``."""
    samples = dict(BASE_SAMPLES)
    for path in sorted(Path(__file__).parent.glob("*/url_samples.py")):
        module = importlib.import_module(f"tests.apps.{path.parent.name}.url_samples")
        samples.update(module.SAMPLES)
    return samples


SAMPLES = collect_samples()


def walk(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry


def partnership_patterns() -> list[tuple[str, str, URLPattern]]:
    return [item for item in walk(get_resolver().url_patterns) if "<slug:slug>" in item[1]]


def url_for(name: str, pattern: URLPattern, kite: dict[str, Any]) -> str:
    kwargs: dict[str, Any] = {"slug": kite["partnership"].slug}
    params = set(pattern.pattern.converters) - {"slug"}
    if params:
        assert name in SAMPLES, f"{name} takes {sorted(params)}: add a sample to SAMPLES"
        kwargs.update(SAMPLES[name](kite))
    return reverse(name, kwargs=kwargs)


def test_there_are_partnership_pages_to_walk():
    assert len(partnership_patterns()) >= 15


@pytest.mark.parametrize("name", [name for name, _, _ in partnership_patterns()])
def test_a_user_of_another_partnership_gets_404(name, kite, outsider, client):
    _, _, pattern = next(item for item in partnership_patterns() if item[0] == name)
    url = url_for(name, pattern, kite)
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


@pytest.mark.parametrize("name", [name for name, _, _ in partnership_patterns()])
def test_the_partnership_manager_can_open_it(name, kite, manager, client):
    _, _, pattern = next(item for item in partnership_patterns() if item[0] == name)
    client.force_login(manager)
    assert client.get(url_for(name, pattern, kite)).status_code == 200


@pytest.mark.parametrize("name", [name for name, _, _ in partnership_patterns()])
def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(name, kite, client):
    _, _, pattern = next(item for item in partnership_patterns() if item[0] == name)
    response = client.get(url_for(name, pattern, kite))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
