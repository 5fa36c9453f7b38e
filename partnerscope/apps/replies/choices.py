"""The replies' vocabularies: what a reply is about and what position it takes."""

from __future__ import annotations

from django.db import models


class TargetKind(models.TextChoices):
    """What a reply answers: a finding of the register, or a red or green flag."""

    FINDING = "finding", "Finding"
    FLAG = "flag", "Flag"


class Position(models.TextChoices):
    """The organisation's position on the finding or flag."""

    AGREE = "agree", "Agree"
    DISAGREE = "disagree", "Disagree"
    CONTEXT = "context", "Add context"
    CORRECTION = "correction", "Correction request"


TEXT_REQUIRED = frozenset({Position.DISAGREE, Position.CONTEXT, Position.CORRECTION})
"""Positions that need words: a disagreement needs its reasons, context and a correction
request need their content; an agreement may stand alone."""
