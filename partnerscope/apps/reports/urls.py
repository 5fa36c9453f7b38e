"""Pages of the health-check report area, under /p/<slug>/reports/."""

from django.urls import path

from partnerscope.apps.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
    path("board-pack/", views.board_pack, name="board_pack"),
    path("public/", views.publications, name="publications"),
    path("public/<int:pk>/", views.publication, name="publication"),
    path("public/<int:pk>/report.pdf", views.publication_pdf, name="publication_pdf"),
    path("public/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
