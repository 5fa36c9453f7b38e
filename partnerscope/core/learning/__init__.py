"""Learning from other partnerships: where one partnership stands among those that share.

A partnership's headline figure is set beside the same figure of every partnership that has
agreed to share, and its position is given as a rank (1 for the highest value, ties sharing
a rank) and a quartile (1 for the highest quarter). No measure is called better or worse:
a high centralisation or a high cost is neither good nor bad on its own, so positions are
stated from the highest value down and the reader judges.

Start with :func:`position` (one measure) and :func:`compare` (a table of measures with the
minimum number of sharing partnerships applied).
"""

from partnerscope.core.learning.comparison import (
    MINIMUM_SHARING,
    Comparison,
    MeasureComparison,
    compare,
    peer_labels,
)
from partnerscope.core.learning.positions import Position, position, quartile, rank

__all__ = [
    "MINIMUM_SHARING",
    "Comparison",
    "MeasureComparison",
    "Position",
    "compare",
    "peer_labels",
    "position",
    "quartile",
    "rank",
]
