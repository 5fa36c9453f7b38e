"""Locust users for ``bench/survey_load.py``: survey respondents answering through their links.

Each simulated user is one respondent with one single-use link (read from the file named by
``SURVEY_LOAD_RESPONDENTS``). Like a person, it opens the link, reads each page (a pause
drawn from ``SURVEY_LOAD_THINK``, "low,high" seconds), answers what the page asks, moves on
by the redirect the form gives, checks the last page and sends; then it stops. The answers
are drawn from a generator seeded with the respondent's number, read off each page's own
form fields, and written with every request's timing to ``SURVEY_LOAD_RECORD`` when Locust
quits, so the runner can check that each set of answers was stored exactly once.

Run through ``bench/survey_load.py``, which starts the server and Locust on loopback only.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task
from locust.exception import StopUser

RESPONDENTS: list[dict[str, Any]] = json.loads(
    Path(os.environ["SURVEY_LOAD_RESPONDENTS"]).read_text(encoding="utf-8")
)
LOW, HIGH = (float(part) for part in os.environ.get("SURVEY_LOAD_THINK", "4,10").split(","))
RECORD = os.environ["SURVEY_LOAD_RECORD"]
ARRIVALS = float(os.environ.get("SURVEY_LOAD_ARRIVALS", "1"))
"""People arriving a second: respondent number n opens their link (n - 1) / ARRIVALS
seconds after the first. Locust starts every user at once and each waits for its turn, so
the pace holds however many have already left (Locust would replace them early)."""

SECTORS = ["council", "health", "police", "fire", "housing", "voluntary_community", "business"]
LAYERS = ["strategic", "executive", "operational"]
ANSWERS = ["1", "2", "3", "4", "5", "dk"]
LEVELS = ["0", "1", "2", "3", "4"]
FREQUENCIES = ["weekly", "monthly", "quarterly", "yearly", "rarely"]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SEVENS_FIELD = re.compile(r'name="(answer_[^"]+)"')
NETWORK_LEVEL = re.compile(r'name="o(\d+)-level"')

waiting: Iterator[dict[str, Any]] = iter(RESPONDENTS)
started: list[float] = []
requests_seen: list[dict[str, Any]] = []
sent: list[dict[str, Any]] = []
finished = 0


@events.request.add_listener
def remember(
    request_type: str,
    name: str,
    response_time: float,
    response_length: int,
    exception: BaseException | None = None,
    **_: Any,
) -> None:
    requests_seen.append(
        {
            "name": name,
            "ms": response_time,
            "error": repr(exception) if exception else "",
        }
    )


@events.quitting.add_listener
def write_record(**_: Any) -> None:
    with open(RECORD, "w", encoding="utf-8") as handle:
        json.dump({"requests": requests_seen, "sent": sent, "finished": finished}, handle)


class JourneyError(Exception):
    """A page was not what a respondent at this step should see."""


class Respondent(HttpUser):
    """One person answering the survey their link opens, then leaving."""

    wait_time = between(LOW, HIGH)

    def on_start(self) -> None:
        self.respondent = next(waiting, None)
        if not started:
            started.append(time.monotonic())
        if self.respondent is not None:
            turn = started[0] + (self.respondent["number"] - 1) / ARRIVALS
            time.sleep(max(0.0, turn - time.monotonic()))

    @task
    def answer(self) -> None:
        global finished
        if self.respondent is None:
            raise StopUser()
        try:
            if self.respondent["survey"] == "sevens":
                self.answer_sevens(self.respondent)
            else:
                self.answer_network(self.respondent)
        except JourneyError:
            pass
        finally:
            finished += 1
            if finished == len(RESPONDENTS):
                self.environment.runner.quit()
        raise StopUser()

    # ---- Requests, checked as a person would see them --------------------------------

    def page(self, path: str, name: str, expect: str) -> str:
        """GET a page; it must be a 200 showing ``expect``. Returns its HTML."""
        with self.client.get(path, name=name, catch_response=True) as response:
            text = response.text or ""
            if response.status_code != 200 or expect not in text:
                response.failure(f"{response.status_code}: {expect!r} not on {path}")
                raise JourneyError(path)
            response.success()
        return text

    def send(self, path: str, name: str, data: dict[str, Any], html: str) -> str:
        """POST the page's form; it must redirect. Returns the redirect's path."""
        token = CSRF.search(html)
        if token is None:
            raise JourneyError(f"no form on {path}")
        data = {**data, "csrfmiddlewaretoken": token.group(1)}
        with self.client.post(
            path, data=data, name=name, allow_redirects=False, catch_response=True
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location:
                response.failure(f"{response.status_code} instead of a redirect from {path}")
                raise JourneyError(path)
            response.success()
        return urlsplit(location).path

    def read(self) -> None:
        time.sleep(random.uniform(LOW, HIGH))

    # ---- The 7S self-assessment ------------------------------------------------------

    def answer_sevens(self, respondent: dict[str, Any]) -> None:
        rng = random.Random(respondent["number"])
        sector = rng.choice(SECTORS)
        layers = sorted(rng.sample(LAYERS, rng.randint(1, 3)), key=LAYERS.index)
        answers: dict[str, Any] = {}
        evidence: dict[str, str] = {}
        path = respondent["path"]
        html = self.page(path, "7S about you", "About you")
        self.read()
        path = self.send(
            path,
            "7S about you (send)",
            {"sector": sector, "layers": layers, "action": "next"},
            html,
        )
        number = 0
        while not path.endswith("/check/"):
            number += 1
            html = self.page(path, "7S element", f"Element {number} of 7")
            fields = list(dict.fromkeys(SEVENS_FIELD.findall(html)))
            if not fields:
                raise JourneyError(f"no statements on {path}")
            given = {field: rng.choice(ANSWERS) for field in fields if rng.random() < 0.9}
            text = (
                f"Respondent {respondent['number']} saw this on page {number}."
                if rng.random() < 0.3
                else ""
            )
            self.read()
            path = self.send(
                path, "7S element (send)", {**given, "evidence": text, "action": "next"}, html
            )
            answers.update(given)
            if text:
                evidence[str(number)] = text
        html = self.page(path, "7S check", "Check your answers")
        self.read()
        thanks = self.send(path, "7S check (send answers)", {}, html)
        sent.append(
            {
                "survey": "sevens",
                "number": respondent["number"],
                "sector": sector,
                "layers": layers,
                "answers": answers,
                "evidence": evidence,
            }
        )
        self.page(thanks, "7S thanks", "Thank you")

    # ---- The relationship survey -----------------------------------------------------

    def answer_network(self, respondent: dict[str, Any]) -> None:
        rng = random.Random(respondent["number"])
        start = respondent["path"]
        ties: dict[str, dict[str, Any]] = {}
        self.page(start, "Relationships start", "This survey is not anonymous")
        self.read()
        path = f"{start}1/"
        number = 0
        while not path.endswith("/check/"):
            number += 1
            html = self.page(path, "Relationships page", f"({number} of ")
            given: dict[str, Any] = {"action": "next"}
            for organisation in dict.fromkeys(NETWORK_LEVEL.findall(html)):
                if rng.random() < 0.15:
                    continue
                level = rng.choice(LEVELS)
                answer: dict[str, Any] = {"level": int(level)}
                given[f"o{organisation}-level"] = level
                if level != "0" and rng.random() < 0.5:
                    answer["frequency"] = rng.choice(FREQUENCIES)
                    answer["trust_reliable"] = rng.randint(1, 4)
                    given[f"o{organisation}-frequency"] = answer["frequency"]
                    given[f"o{organisation}-trust_reliable"] = str(answer["trust_reliable"])
                ties[organisation] = answer
            self.read()
            path = self.send(path, "Relationships page (send)", given, html)
        html = self.page(path, "Relationships check", "Check and send")
        self.read()
        thanks = self.send(path, "Relationships check (send answers)", {}, html)
        sent.append(
            {
                "survey": "network",
                "number": respondent["number"],
                "organisation": respondent["organisation"],
                "ties": ties,
            }
        )
        self.page(thanks, "Relationships thanks", "Thank you")
