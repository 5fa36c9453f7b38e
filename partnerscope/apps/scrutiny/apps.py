"""Overview and scrutiny of the partnership: committees, reviews, recommendations to named
partners with their responses due two months after the report, Councillor Call for Action
referrals, lines of enquiry, and elected members' development.

Other apps read it only through :mod:`partnerscope.apps.scrutiny.selectors`. Modules:
``services`` (the tracker, who represents a partner, saving), ``findings`` (the register's
rules), ``enquiry`` (lines of enquiry), ``development`` (members' training),
``reporting``, ``datapackage_services`` and ``demo``.
"""

from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "partnerscope.apps.scrutiny"
    label = "scrutiny"
    verbose_name = "Scrutiny"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Scrutiny", "scrutiny:index")]
    finding_source = "partnerscope.apps.scrutiny.findings"
    datapackage_services = "partnerscope.apps.scrutiny.datapackage_services"
    demo_tables = "partnerscope.apps.scrutiny.demo.demo_tables"
    after_demo = "partnerscope.apps.scrutiny.demo.link_representative"
    report_sections = "partnerscope.apps.scrutiny.reporting.report_sections"
