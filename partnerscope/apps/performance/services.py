"""The use-case index of performance management: where each thing the area does lives.

There is no code here; each use case has its own module (the rule is in the package's
docstring, :mod:`partnerscope.apps.performance`):

- keeping outcomes, areas, agenda time and reporting settings: :mod:`.outcomes_and_areas`
- listing, defining and adopting indicators from the catalogue: :mod:`.indicators`
- recording values, corrections, targets and data-quality ratings: :mod:`.recording`
- importing a file of values (check, preview, confirm): :mod:`.value_import`
- the dashboard: :mod:`.dashboard`; the indicator page: :mod:`.indicator_page`
- the exception report: :mod:`.exception_report`; the data-quality register:
  :mod:`.data_quality`; crowding out: :mod:`.crowding`; benchmarking: :mod:`.benchmarking`
- the area's tables in a data package: :mod:`.data_package`
- the demo partnerships' performance data: :mod:`.demo`

Other areas read performance only through :mod:`.selectors`.
"""
