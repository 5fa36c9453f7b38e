"""A closed wave's score and charts are cached under a hash of every input: the cached
results equal a fresh scoring, and any change to an input is seen at once."""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse

from partnerscope.apps.sevens import services
from partnerscope.apps.sevens.models import Response
from tests.apps.sevens.factories import make_closed_wave, make_responses


def fresh(wave) -> dict:
    return services.named_results(wave, services.score(wave).to_dict())


def scored_wave(kite):
    previous = make_closed_wave(kite)
    make_responses(previous, 3, "council", 3)
    make_responses(previous, 3, "health", 2)
    wave = make_closed_wave(kite, previous=previous)
    make_responses(wave, 3, "council", 4)
    make_responses(wave, 3, "health", 5)
    return wave


def test_cached_results_equal_a_fresh_scoring(kite):
    cache.clear()
    wave = scored_wave(kite)
    assert services.results_dict(wave) == fresh(wave)
    assert services.results_dict(wave) == fresh(wave)


def test_a_changed_answer_a_new_response_or_a_new_threshold_is_seen_at_once(kite):
    cache.clear()
    wave = scored_wave(kite)
    before = services.results_dict(wave)
    response = Response.objects.filter(wave=wave).first()
    response.answers = dict.fromkeys(response.answers, 1)
    response.save()
    changed = services.results_dict(wave)
    assert changed != before and changed == fresh(wave)
    make_responses(wave, 1, "police", 2)
    assert services.results_dict(wave)["respondents"] == before["respondents"] + 1
    kite["partnership"].anonymity_threshold = 10
    kite["partnership"].save()
    wave.refresh_from_db()
    assert services.results_dict(wave) == fresh(wave)


def test_a_change_in_the_previous_wave_changes_the_change(kite):
    cache.clear()
    wave = scored_wave(kite)
    before = services.results_dict(wave)
    make_responses(wave.previous, 2, "police", 5)
    after = services.results_dict(wave)
    assert after["change"] != before["change"] and after == fresh(wave)


def test_the_results_page_is_the_same_drawn_or_from_cache(kite, manager_client):
    cache.clear()
    wave = scored_wave(kite)
    url = reverse("sevens:results", args=[kite["partnership"].slug, wave.pk])
    drawn = manager_client.get(url)
    cached = manager_client.get(url)
    assert drawn.status_code == cached.status_code == 200
    assert drawn.context["overview"].wheel == cached.context["overview"].wheel
    assert drawn.context["overview"].change == cached.context["overview"].change
    assert drawn.context["overview"].gap == cached.context["overview"].gap
