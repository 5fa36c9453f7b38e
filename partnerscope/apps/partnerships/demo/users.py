"""The demo's sign-in accounts: one of each role in Northshire, and Easton's manager."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoUser:
    username: str
    partnership: str
    role: str


DEMO_PASSWORD = "demo-partnership-2026"
DEMO_USERS = [
    DemoUser("manager", "northshire", "manager"),
    DemoUser("member", "northshire", "member"),
    DemoUser("scrutineer", "northshire", "scrutineer"),
    DemoUser("viewer", "northshire", "viewer"),
    DemoUser("easton", "northshire-easton", "manager"),
]
