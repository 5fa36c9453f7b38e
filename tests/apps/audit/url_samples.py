"""Samples for the audit area's URLs: a person of the kite partnership."""

from __future__ import annotations

SAMPLES = {
    "audit:person_export": lambda kite: {"pk": kite["alice"].pk},
    "audit:person_erase": lambda kite: {"pk": kite["bola"].pk},
}
