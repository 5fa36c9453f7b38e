"""The study's three questions: the partnership's narrative and own rating for each, and
the evidence that bears on it, listed from the register and the flags.

Which evidence bears on which question (docs/flags.md states it for people):

- **priorities** (how well the priorities express community needs): the shared strategy's
  findings (area ``strategy``), the crowding-out findings about outcomes (``crowding_*``
  rules of performance: no indicator, target, owner, agenda time or recent value) and the
  7S findings about the SCS element (element ``scs``);
- **delivery** (how well outcomes are delivered): the other performance findings (the
  indicators' statuses and data quality), every delivery chain finding, and the flags
  about outcomes;
- **prospects** (prospects for improvement): the other 7S findings, the relationships
  (``network``) and every other area's findings (governance, resources, costs, the action
  plan), and the flags about the partnership as a whole.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.findings import selectors as register
from partnerscope.apps.flags.choices import SELF_RATINGS, Question, Scope
from partnerscope.apps.flags.models import Flag, QuestionAnswer

SHOWN_SEVERITIES = ("high", "positive")
"""The findings a question's page lists one by one; the others are counted."""


def question_of_finding(finding: dict[str, Any]) -> Question:
    """The question a finding of the register bears on (the module's mapping)."""
    area, rule = finding["area"], finding["rule"]["id"]
    subject = finding["subject"]
    if area == "strategy" or (area == "performance" and rule.startswith("crowding_")):
        return Question.PRIORITIES
    if area == "sevens" and subject["kind"] == "element" and subject["ref"] == "scs":
        return Question.PRIORITIES
    if area in ("performance", "chains"):
        return Question.DELIVERY
    return Question.PROSPECTS


def question_of_flag(flag: Flag) -> Question:
    return Question.DELIVERY if flag.scope == Scope.OUTCOME else Question.PROSPECTS


RATING_LABELS = dict(SELF_RATINGS)


def answers(partnership: Any) -> list[dict[str, Any]]:
    """Each question in the study's order with its answer and the evidence bearing on it.

    A question is ``{"question", "text", "narrative", "self_rating", "self_rating_label",
    "updated_by", "flags", "counts", "findings"}``: ``flags`` the flags bearing on it (no
    rejected one), ``counts`` its open findings by severity, ``findings`` the high and
    positive ones (each the register's dictionary).
    """
    stored = {a.question: a for a in QuestionAnswer.objects.filter(partnership=partnership)}
    open_findings = register.open_findings(partnership)
    flags = list(Flag.objects.filter(partnership=partnership).exclude(status="rejected"))
    result = []
    for question in Question:
        answer = stored.get(question.value)
        bearing = [f for f in open_findings if question_of_finding(f) is question]
        counts = Counter(f["severity"] for f in bearing)
        result.append(
            {
                "question": question.value,
                "text": question.label,
                "narrative": answer.narrative if answer else "",
                "self_rating": answer.self_rating if answer else None,
                "self_rating_label": RATING_LABELS.get(answer.self_rating) if answer else None,
                "updated_by": answer.updated_by if answer else "",
                "flags": [flag for flag in flags if question_of_flag(flag) is question],
                "counts": [(s, counts.get(s, 0)) for s in ("high", "medium", "low", "positive")],
                "findings": [f for f in bearing if f["severity"] in SHOWN_SEVERITIES],
            }
        )
    return result


def save_answer(
    partnership: Any, question: str, narrative: str, self_rating: int | None, by: str = ""
) -> QuestionAnswer:
    """Store the partnership's answer to ``question`` (a new version if it had one)."""
    question = Question(question).value
    answer = QuestionAnswer.objects.filter(partnership=partnership, question=question).first()
    if answer is None:
        answer = QuestionAnswer(
            partnership=partnership,
            question=question,
            ref=unique_ref(QuestionAnswer.objects.filter(partnership=partnership), question),
        )
    answer.narrative = narrative.strip()
    answer.self_rating = self_rating
    answer.updated_by = by
    answer.full_clean()
    answer.save()
    return answer
