"""The health-check report: one report of the partnership in HTML and PDF, built from the
sections every area offers (the ``report_sections`` extension), a board pack of chosen
sections, and a read-only public version.

Other apps read it only through :mod:`partnerscope.apps.reports.selectors`.
"""
