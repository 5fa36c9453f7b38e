"""The public versions of the reports, read without signing in, under /a/reports/.

The address names the partnership by its slug in a parameter other than ``slug``: these
pages are meant for anyone once a manager publishes, and answer 404 until then.
"""

from django.urls import path

from partnerscope.apps.reports import public_views

app_name = "reports_public"

urlpatterns = [
    path("<slug:partnership>/", public_views.report, name="report"),
    path("<slug:partnership>/report.pdf", public_views.report_pdf, name="report_pdf"),
]
