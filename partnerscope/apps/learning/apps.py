"""Learning from other partnerships: the comparison among partnerships that agree to share,
the two-tier view of a county and its districts, and the library of notable practice.

Other apps read it only through :mod:`partnerscope.apps.learning.selectors`.

Modules: ``figures`` (one partnership's headline figures, read through the other areas'
selectors), ``sharing`` (sharing agreements and peers' labels), ``comparison`` and
``two_tier`` (the two views), ``library`` (notable practice, its finding panel and the
site-wide library's import), ``report`` (the health-check report's section),
``datapackage_services`` and ``demo``.
"""

from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "partnerscope.apps.learning"
    label = "learning"
    verbose_name = "Learning from others"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Learning from others", "learning:index")]
    datapackage_services = "partnerscope.apps.learning.datapackage_services"
    demo_tables = "partnerscope.apps.learning.demo.demo_tables"
    after_demo = "partnerscope.apps.learning.demo.after_demo"
    finding_panels = "partnerscope.apps.learning.library.finding_panel"
    report_sections = "partnerscope.apps.learning.report.report_sections"
