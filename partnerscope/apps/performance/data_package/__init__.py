"""The performance area's tables in a partnership's data package: export, check, import.

Rows are the plain dictionaries of ``partnerscope.datapackage`` (the schema is in
``partnerscope.datapackage.indicators.RESOURCES``). Every version of every value travels,
so a package keeps the history of corrections, and export → import → export gives the
same tables. The partnerships app calls the three functions below (the module named by
``PerformanceConfig.datapackage_services``).
"""

from partnerscope.apps.performance.data_package.export import export_tables
from partnerscope.apps.performance.data_package.importing import check_tables, import_tables

__all__ = ["check_tables", "export_tables", "import_tables"]
