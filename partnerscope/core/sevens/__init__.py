"""The 7S whole-systems self-assessment: instrument, scoring, breakdowns and change.

The model (Audit Commission, 2009, Table 2, adapted from Pascale and Athos) has the shared
long-term goals (SCS) at its centre, three soft elements (staff and skills, style,
synergies) and three hard ones (steering, systems, standards). Partners rate statements
about each element; this package turns their answers into element scores, consensus,
breakdowns that respect the anonymity threshold, and change between waves.
"""

from __future__ import annotations

from partnerscope.core.sevens.anonymity import Withholding, withhold
from partnerscope.core.sevens.change import (
    CONFIDENCE,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    ElementChange,
    compare_waves,
    weighted_element_scores,
)
from partnerscope.core.sevens.consensus import consensus, consensus_from_counts
from partnerscope.core.sevens.elements import (
    COUNCIL,
    ELEMENT_IDS,
    ELEMENTS,
    HARD_ELEMENTS,
    KINDS,
    LAYERS,
    SECTORS,
    SOFT_ELEMENTS,
    Element,
    Kind,
    element,
    kind_of,
)
from partnerscope.core.sevens.groups import (
    COUNCIL_VS_PARTNERS,
    DIMENSIONS,
    LAYER,
    PARTNERS,
    SECTOR,
    Breakdowns,
    GroupResult,
    breakdowns,
)
from partnerscope.core.sevens.instrument import (
    LOCAL_PREFIX,
    Instrument,
    Statement,
    instrument_from_mapping,
    local_statement,
)
from partnerscope.core.sevens.items import ItemResult, extremes, score_item
from partnerscope.core.sevens.notes import PracticeNote, practice_notes_from_mapping
from partnerscope.core.sevens.responses import (
    DONT_KNOW,
    SCALE,
    SCALE_LABELS,
    Answer,
    Respondent,
    is_scored,
)
from partnerscope.core.sevens.rules import (
    DEFAULT_THRESHOLD,
    DIFFERENCE,
    MIN_THRESHOLD,
    SIGNIFICANT_CHANGE,
    SMALL_GROUP,
    DifferenceRule,
    Rule,
    SignificantChangeRule,
    SmallGroupRule,
    check_threshold,
)
from partnerscope.core.sevens.scores import (
    ElementResult,
    element_score,
    elements_from_items,
    hard_score,
    score_elements,
    soft_score,
)
from partnerscope.core.sevens.wave import (
    EXTREMES,
    PREVIOUS_WAVE,
    WAVE,
    WaveResult,
    check_respondents,
    score_wave,
)

__all__ = [
    "CONFIDENCE",
    "COUNCIL",
    "COUNCIL_VS_PARTNERS",
    "DEFAULT_RESAMPLES",
    "DEFAULT_SEED",
    "DEFAULT_THRESHOLD",
    "DIFFERENCE",
    "DIMENSIONS",
    "DONT_KNOW",
    "ELEMENTS",
    "ELEMENT_IDS",
    "EXTREMES",
    "HARD_ELEMENTS",
    "KINDS",
    "LAYER",
    "LAYERS",
    "LOCAL_PREFIX",
    "MIN_THRESHOLD",
    "PARTNERS",
    "PREVIOUS_WAVE",
    "SCALE",
    "SCALE_LABELS",
    "SECTOR",
    "SECTORS",
    "SIGNIFICANT_CHANGE",
    "SMALL_GROUP",
    "SOFT_ELEMENTS",
    "WAVE",
    "Answer",
    "Breakdowns",
    "DifferenceRule",
    "Element",
    "ElementChange",
    "ElementResult",
    "GroupResult",
    "Instrument",
    "ItemResult",
    "Kind",
    "PracticeNote",
    "Respondent",
    "Rule",
    "SignificantChangeRule",
    "SmallGroupRule",
    "Statement",
    "WaveResult",
    "Withholding",
    "breakdowns",
    "check_respondents",
    "check_threshold",
    "compare_waves",
    "consensus",
    "consensus_from_counts",
    "element",
    "element_score",
    "elements_from_items",
    "extremes",
    "hard_score",
    "instrument_from_mapping",
    "is_scored",
    "kind_of",
    "local_statement",
    "practice_notes_from_mapping",
    "score_elements",
    "score_item",
    "score_wave",
    "soft_score",
    "weighted_element_scores",
    "withhold",
]
