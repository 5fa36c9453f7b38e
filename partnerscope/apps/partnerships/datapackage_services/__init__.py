"""Export a partnership to a data package, and import one, all or nothing.

One module per use case: ``exporting`` writes a partnership's tables (its own and every
area's), ``validation`` checks an imported package's tables across rows, ``access`` decides
who may import and which organisations an import may share, and ``importing`` reads a folder
or a zip file and creates the partnership in one transaction. The names below are the
package's public face, used by the views, the command line and the demo.
"""

from __future__ import annotations

from partnerscope.apps.partnerships.datapackage_services.access import (
    MAY_NOT_CREATE,
    may_create_by_import,
)
from partnerscope.apps.partnerships.datapackage_services.exporting import (
    export_folder,
    export_tables,
    export_zip,
)
from partnerscope.apps.partnerships.datapackage_services.importing import (
    ImportRefs,
    ImportResult,
    import_folder,
    import_limits,
    import_tables,
    import_zip,
)
from partnerscope.apps.partnerships.datapackage_services.validation import Tables, check_tables

__all__ = [
    "MAY_NOT_CREATE",
    "ImportRefs",
    "ImportResult",
    "Tables",
    "check_tables",
    "export_folder",
    "export_tables",
    "export_zip",
    "import_folder",
    "import_limits",
    "import_tables",
    "import_zip",
    "may_create_by_import",
]
