"""What the performance demo holds: its reporting date, themes, goals, indicators and the
scenario each indicator follows (on or off track, flat, a special cause)."""

from __future__ import annotations

import datetime as dt

from partnerscope.core.indicators import parse_period

AS_OF = dt.date(2026, 5, 20)
"""The demo's reporting date: just after the values of 2026-Q1 were due."""
FIRST_QUARTER = parse_period("2021-Q2")
FIRST_YEAR = parse_period("2021/22")
QUARTERS = 20
YEARS = 5
ANNUAL_DUE_DAYS = 120
RECORDED_BY = "Northshire performance team"

# (ref, title, county body, district body, owner suffixes in order of preference)
THEMES = [
    ("safer", "Safer communities", "community-safety", "safety", ["police"]),
    ("health", "Healthier people", "health-wellbeing", "neighbourhoods", ["icb", "public-health"]),
    (
        "children",
        "Children and young people",
        "childrens-trust",
        "neighbourhoods",
        ["county-council"],
    ),
    ("economy", "A thriving economy", "economy", "executive", ["jobcentre", "county-council"]),
    ("environment", "A cleaner, greener place", "environment", "neighbourhoods", ["council"]),
    ("homes", "Decent homes for all", "housing", "neighbourhoods", ["housing-association"]),
    ("communities", "Stronger communities", "stronger-communities", "neighbourhoods", ["cvs"]),
]
# (ref, theme, title, owner suffixes; None: no owner)
GOALS = [
    ("less-crime", "safer", "Less crime and fear of crime", ["police"]),
    ("domestic-abuse", "safer", "Fewer repeat victims of domestic abuse", ["police"]),
    ("longer-lives", "health", "Longer, healthier lives", ["public-health", "icb"]),
    ("healthy-start", "health", "A healthy start for every child", ["icb"]),
    ("learning", "children", "Young people in learning or work", ["college", "county-council"]),
    ("achieving", "children", "Children achieving at school", ["county-council"]),
    ("work", "economy", "More people in good work", ["jobcentre"]),
    ("skills", "economy", "Skills for work", ["college", "council"]),
    ("waste", "environment", "Less waste, more recycling", ["council"]),
    ("carbon", "environment", "Lower carbon emissions", ["environment", "council"]),
    ("affordable-homes", "homes", "More affordable homes", ["council"]),
    ("homelessness", "homes", "Less homelessness", ["council"]),
    ("belonging", "communities", "People who feel they belong", ["cvs"]),
    ("independence", "communities", "Older people living independently", ["county-council"]),
    ("transport", "communities", "Better access to services by public transport", None),
]
NEGLECTED = {"carbon", "transport"}
"""Goals that have had no agenda time at their owning body's last four meetings."""

# (code, goal, quarterly, base value, scenario, decimals)
NATIONAL = [
    ("NI 15", "less-crime", True, 0.85, "special", 2),
    ("NI 16", "less-crime", True, 11.0, "on", 1),
    ("NI 20", "less-crime", True, 5.2, "off", 2),
    ("NI 17", "less-crime", False, 18.0, "on", 1),
    ("NI 21", "less-crime", False, 26.0, "amber", 1),
    ("NI 111", "less-crime", True, 1400.0, "on", 0),
    ("NI 32", "domestic-abuse", True, 27.0, "off", 1),
    ("NI 39", "longer-lives", True, 1650.0, "off", 0),
    ("NI 40", "longer-lives", True, 1200.0, "on", 0),
    ("NI 120", "longer-lives", False, 620.0, "on", 1),
    ("NI 122", "longer-lives", False, 115.0, "amber", 1),
    ("NI 8", "longer-lives", False, 21.0, "flat", 1),
    ("NI 53", "healthy-start", True, 44.0, "amber", 1),
    ("NI 55", "healthy-start", False, 9.5, "off", 1),
    ("NI 56", "healthy-start", False, 18.5, "off", 1),
    ("NI 112", "healthy-start", True, 34.0, "on", 1),
    ("NI 117", "learning", True, 6.2, "on", 1),
    ("NI 75", "achieving", False, 52.0, "on", 1),
    ("NI 116", "achieving", False, 19.0, "amber", 1),
    ("NI 151", "work", True, 74.5, "on", 1),
    ("NI 152", "work", True, 10.5, "amber", 1),
    ("NI 153", "work", True, 28.0, "off", 1),
    ("NI 166", "work", False, 520.0, "on", 0),
    ("NI 163", "skills", False, 72.0, "flat", 1),
    ("NI 191", "waste", True, 150.0, "on", 0),
    ("NI 192", "waste", True, 42.0, "on", 1),
    ("NI 193", "waste", True, 38.0, "on", 1),
    ("NI 186", "carbon", False, 7.2, "on", 2),
    ("NI 185", "carbon", False, 3.0, "amber", 1),
    ("NI 155", "affordable-homes", True, 60.0, "off", 0),
    ("NI 154", "affordable-homes", False, 1800.0, "amber", 0),
    ("NI 156", "homelessness", True, 210.0, "off", 0),
    ("NI 1", "belonging", False, 78.0, "on", 1),
    ("NI 4", "belonging", False, 29.0, "amber", 1),
    ("NI 6", "belonging", False, 23.0, "on", 1),
    ("NI 125", "independence", True, 81.0, "on", 1),
]
# (code, goal, title, unit, polarity, quarterly, base, scenario, decimals)
LOCAL = [
    (
        "L 1",
        "domestic-abuse",
        "High-risk domestic abuse cases heard at MARAC within 28 days",
        "percentage",
        "higher_is_better",
        True,
        82.0,
        "on",
        1,
    ),
    (
        "L 2",
        "homelessness",
        "Households prevented from becoming homeless",
        "number",
        "higher_is_better",
        True,
        240.0,
        "on",
        0,
    ),
    (
        "L 3",
        "carbon",
        "Community buildings with a carbon reduction plan",
        "percentage",
        "higher_is_better",
        False,
        35.0,
        "on",
        1,
    ),
    (
        "L 4",
        "belonging",
        "Residents who took part in a neighbourhood forum",
        "number",
        "",
        True,
        900.0,
        "flat",
        0,
    ),
]
DRIFT = {"on": 0.03, "off": -0.03, "amber": 0.012, "flat": 0.0, "special": 0.02}
TARGET_GAIN = {"on": 0.02, "off": 0.02, "amber": 0.02, "flat": 0.0, "special": 0.02}
SURVEYS = {"NI 1", "NI 4", "NI 6"}
"""Survey-based indicators, whose values carry a confidence interval."""
NO_TARGET = {"NI 163"}
SURGE_DISTRICT = "Easton"
"""The district whose serious violent crime surges in the latest quarter, as the county's."""
