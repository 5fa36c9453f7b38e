"""Performance management of the partnership's shared outcomes: indicators, values,
targets, statuses and the reports that challenge them.

What goes where, one rule: **a module is named for the one thing it does, and holds all of
that thing and nothing else.** A use case someone starts (a page, a report, an import) has
its own module: ``outcomes_and_areas``, ``indicators``, ``recording``, ``value_import``,
``dashboard``, ``indicator_page``, ``exception_report``, ``data_quality``, ``crowding``,
``benchmarking``, ``findings`` (for the one register), the ``data_package`` tables and
the ``demo`` data. What several of them
use is a thing of its own, named for it, and never lives in one use case's module:
``lookups`` (finding records, reading periods), ``status_snapshots`` (judging and storing
statuses), ``series_reading``, ``bulk_loading``, ``charts``. Django's own kinds of module
keep their usual names (``models``, ``querysets``, ``choices``, ``forms``, ``tasks``,
``admin``, ``urls``) and are split the same way when they grow: ``views`` (the reading
pages), ``record_views`` and ``import_views``; ``forms`` and ``recording_forms``.
``selectors`` is the only module other areas may import.
"""
