"""Top-level URLs: accounts, the admin, and every partnership page under /p/<slug>/."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from partnerscope.apps.accounts import sign_in_views
from partnerscope.apps.common import views as common_views

urlpatterns = [
    path("", common_views.home, name="home"),
    path("favicon.ico", RedirectView.as_view(url=static("common/favicon.svg"), permanent=True)),
    path("accounts/passkeys/", include("partnerscope.apps.accounts.passkey_urls")),
    path("accounts/personal-data/", include("partnerscope.apps.audit.account_urls")),
    path("accounts/", include("partnerscope.apps.accounts.urls")),
    path("admin/login/", sign_in_views.admin_sign_in),
    path("admin/", admin.site.urls),
    path("p/", include("partnerscope.apps.partnerships.urls")),
    path("p/<slug:slug>/access/", include("partnerscope.apps.accounts.partnership_urls")),
    path("p/<slug:slug>/reminders/", include("partnerscope.apps.notifications.urls")),
    path("a/reminders/", include("partnerscope.apps.notifications.public_urls")),
    path("p/<slug:slug>/audit/", include("partnerscope.apps.audit.urls")),
    path("p/<slug:slug>/findings/", include("partnerscope.apps.findings.urls")),
]
for area in (
    "resources",
    "costs",
    "governance",
    "scrutiny",
    "actions",
    "flags",
    "replies",
    "strategy",
    "learning",
    "reports",
):
    urlpatterns.append(path(f"p/<slug:slug>/{area}/", include(f"partnerscope.apps.{area}.urls")))
for area in ("replies", "reports"):
    urlpatterns.append(path(f"a/{area}/", include(f"partnerscope.apps.{area}.public_urls")))
for area in ("sevens", "network", "performance", "chains"):
    urlpatterns += [
        path(f"p/<slug:slug>/{area}/", include(f"partnerscope.apps.{area}.urls")),
        path(f"a/{area}/", include(f"partnerscope.apps.{area}.public_urls")),
    ]
