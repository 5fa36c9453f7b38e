"""The health-check report: one report of the partnership in HTML and PDF, built from the
sections every area offers (the ``report_sections`` extension), a board pack of chosen
sections, and a read-only public version.

Modules: ``assembly`` (gathering and rendering the sections), ``pdf`` (WeasyPrint with a
fetcher that reads only the project's static files), ``publishing`` (the public version's
snapshots, replacement and withdrawal), ``demo`` (the demo's published report), ``forms``,
``views`` and ``public_views`` (read without signing in, under ``/a/reports/``), ``models``
and ``selectors`` (what other apps may read: the digest and cache the areas' sections use).

Other apps read it only through :mod:`partnerscope.apps.reports.selectors`.
"""
