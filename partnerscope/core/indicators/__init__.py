"""Shared outcomes and performance management: indicators, targets and their status.

One module per family of measures: :mod:`.periods` (reporting periods), :mod:`.model`
(indicators and series), :mod:`.rag`, :mod:`.direction`, :mod:`.forecast`, :mod:`.spc`
(Making Data Count), :mod:`.quality` (data quality), :mod:`.crowding` (crowding out),
:mod:`.benchmarking`, and :mod:`.status`, which combines the per-series measures.

Each family names its public measures once, in its own ``__all__``; the package offers
them all (``from partnerscope.core.indicators import xmr_chart``).
"""

from __future__ import annotations

from partnerscope.core.indicators import benchmarking as _benchmarking
from partnerscope.core.indicators import crowding as _crowding
from partnerscope.core.indicators import direction as _direction
from partnerscope.core.indicators import forecast as _forecast
from partnerscope.core.indicators import model as _model
from partnerscope.core.indicators import periods as _periods
from partnerscope.core.indicators import quality as _quality
from partnerscope.core.indicators import rag as _rag
from partnerscope.core.indicators import rules as _rules
from partnerscope.core.indicators import spc as _spc
from partnerscope.core.indicators import status as _status
from partnerscope.core.indicators.benchmarking import *  # noqa: F403
from partnerscope.core.indicators.crowding import *  # noqa: F403
from partnerscope.core.indicators.direction import *  # noqa: F403
from partnerscope.core.indicators.forecast import *  # noqa: F403
from partnerscope.core.indicators.model import *  # noqa: F403
from partnerscope.core.indicators.periods import *  # noqa: F403
from partnerscope.core.indicators.quality import *  # noqa: F403
from partnerscope.core.indicators.rag import *  # noqa: F403
from partnerscope.core.indicators.rules import *  # noqa: F403
from partnerscope.core.indicators.spc import *  # noqa: F403
from partnerscope.core.indicators.status import *  # noqa: F403

__all__: list[str] = []
__all__ += _rules.__all__
__all__ += _periods.__all__
__all__ += _model.__all__
__all__ += _rag.__all__
__all__ += _direction.__all__
__all__ += _forecast.__all__
__all__ += _spc.__all__
__all__ += _quality.__all__
__all__ += _crowding.__all__
__all__ += _benchmarking.__all__
__all__ += _status.__all__
