from django.urls import path

from partnerscope.apps.partnerships import views
from partnerscope.apps.partnerships.sections import SECTIONS

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("import/", views.import_zip, name="import"),
    path("<slug:slug>/", views.partnership_overview, name="overview"),
    path("<slug:slug>/data/", views.data, name="data"),
    path("<slug:slug>/data/export.zip", views.export_zip, name="export"),
]
for section in SECTIONS:
    urlpatterns += [
        path(f"<slug:slug>/{pattern.pattern}", pattern.callback, name=pattern.name)
        for pattern in section.urls()
    ]
