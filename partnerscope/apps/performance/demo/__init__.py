"""Demo performance data for Northshire (index 0) and its five districts (1–5).

Forty indicators over five years (quarterly from 2021-Q2 to 2026-Q1, or five financial
years), some on track and some not, one with a special cause (a surge in serious violent
crime), and a few data-quality problems for the register to find: a value received late,
a missing quarter, revisions, and an indicator two quarters overdue. The county reports
for itself and each district; each district partnership for itself, with the same figures.
Everything is deterministic (``random.Random`` seeded from the names).
"""
