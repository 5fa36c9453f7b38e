"""The demo partnership: a realistic, deterministic two-tier area called Northshire.

The demo is written as data-package rows and loaded through the ordinary import, so it
exercises the same path as a real partnership's data. ``--scale N`` builds N such areas.
``packages`` writes each partnership's rows from ``people`` and ``governance``; ``users``
names the sign-in accounts; ``build`` imports it all (with every area's demo rows) and
needs the database, so it is imported from its module, not from here.
"""

from __future__ import annotations

from partnerscope.apps.partnerships.demo.packages import (
    AREA_NAMES,
    DISTRICT_NAMES,
    area_packages,
    demo_packages,
)
from partnerscope.apps.partnerships.demo.users import DEMO_PASSWORD, DEMO_USERS, DemoUser

__all__ = [
    "AREA_NAMES",
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "DISTRICT_NAMES",
    "DemoUser",
    "area_packages",
    "demo_packages",
]
