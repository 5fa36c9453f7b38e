"""Records of the kite partnership for the every-URL walk of the performance pages."""

from __future__ import annotations

from tests.apps.performance import factories

SAMPLES = {
    "performance:indicator_detail": lambda kite: {"pk": factories.kite_indicator(kite).pk},
    "performance:indicator_edit": lambda kite: {"pk": factories.kite_indicator(kite).pk},
    "performance:value_entry": lambda kite: {"pk": factories.kite_indicator(kite).pk},
    "performance:target_edit": lambda kite: {"pk": factories.kite_indicator(kite).pk},
    "performance:quality_create": lambda kite: {"pk": factories.kite_indicator(kite).pk},
    "performance:outcome_edit": lambda kite: {"pk": factories.outcome(kite["partnership"]).pk},
    "performance:outcome_agenda": lambda kite: {
        "pk": factories.outcome(kite["partnership"], body=kite["board"]).pk
    },
    "performance:area_edit": lambda kite: {"pk": factories.area(kite["partnership"]).pk},
    "performance:import_preview": lambda kite: {"pk": factories.pending_import(kite).pk},
}
