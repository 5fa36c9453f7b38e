"""The resources behind each outcome, from whichever area records them.

No area records resources yet. When one does, it declares ``outcome_resources`` in its
``AppConfig``: the dotted path of ``function(partnership) -> dict[outcome ref,
OutcomeResources]``. The outcome pages then show its panel, and the strategy review judges
the rule on outcomes with no resources (SCS-06). Until then every outcome's resources are
unknown (None), the page says "No resources recorded" and the rule is not judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string

from partnerscope.apps.common.extensions import Panel

HOOK = "outcome_resources"


@dataclass(frozen=True)
class OutcomeResources:
    """What an area records behind one outcome: how many budgets or resources (0 when
    none), and the panel it shows on the outcome's page."""

    count: int
    panel: Panel | None = None


def resources_installed() -> bool:
    """Whether any installed area records resources behind outcomes."""
    return any(getattr(config, HOOK, None) for config in apps.get_app_configs())


def outcome_resources(partnership: Any) -> dict[str, OutcomeResources] | None:
    """Every outcome's resources by its ref, from every area that records them, or None
    when no such area is installed (resources unknown, not zero)."""
    paths = [
        getattr(config, HOOK) for config in apps.get_app_configs() if getattr(config, HOOK, None)
    ]
    if not paths:
        return None
    found: dict[str, OutcomeResources] = {}
    for path in paths:
        for ref, resources in import_string(path)(partnership).items():
            earlier = found.get(ref)
            count = resources.count + (earlier.count if earlier else 0)
            found[ref] = OutcomeResources(count, resources.panel or (earlier and earlier.panel))
    return found
