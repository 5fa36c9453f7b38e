"""Governance layers: are the partnership's strategic, executive and operational layers
working as the Audit Commission's 2009 study describes?

The study found that partnerships recognising the three layers were more likely to deliver,
yet partners often misunderstand them. The rules here judge, per body and year, how often
each body meets against Table 8, whether its agenda drifts into another layer's business,
whether key functions and reporting lines exist, whether executive bodies are small enough
to decide, who attends, and whether the council leads or dominates (Figure 7, Table 3).
Each rule is a named object whose docstring is its wording; its findings follow the
findings protocol (area ``governance``). Start with :func:`analyse_governance`.

Modules: ``model`` (inputs), ``settings`` (thresholds and their sources), ``years``
(financial years judged), ``chairs`` (Table 3), ``facts`` (the measures), ``rules`` (one
module per family), ``analysis`` (running them), ``tables`` (inputs from package rows),
``deadlines`` (the two-month response to a scrutiny report).
"""

from __future__ import annotations

from partnerscope.core.layers.analysis import (
    GovernanceResult,
    analyse_governance,
    body_figures,
    rules_catalogue,
)
from partnerscope.core.layers.chairs import CHAIR_KINDS, ChairType, chair_type
from partnerscope.core.layers.deadlines import RESPONSE_MONTHS, response_due
from partnerscope.core.layers.facts import BodyYear, LayerFacts, build_facts
from partnerscope.core.layers.model import (
    LAYERS,
    AgendaItem,
    Attendance,
    Body,
    Governance,
    Layer,
    Meeting,
    Membership,
    Organisation,
    Person,
)
from partnerscope.core.layers.rules import AREA, DEFAULT_RULES, Rule
from partnerscope.core.layers.settings import TABLE_8, LayerSettings, setting_sources
from partnerscope.core.layers.tables import governance_from_tables

__all__ = [
    "AREA",
    "CHAIR_KINDS",
    "DEFAULT_RULES",
    "LAYERS",
    "RESPONSE_MONTHS",
    "TABLE_8",
    "AgendaItem",
    "Attendance",
    "Body",
    "BodyYear",
    "ChairType",
    "Governance",
    "GovernanceResult",
    "Layer",
    "LayerFacts",
    "LayerSettings",
    "Meeting",
    "Membership",
    "Organisation",
    "Person",
    "Rule",
    "analyse_governance",
    "body_figures",
    "build_facts",
    "chair_type",
    "governance_from_tables",
    "response_due",
    "rules_catalogue",
    "setting_sources",
]
