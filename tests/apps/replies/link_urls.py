"""The site's URLs with the reply links' pages under /a/replies/, as the tests of one-time
links need them."""

from django.urls import include, path

from partnerscope.urls import urlpatterns as site_patterns

urlpatterns = [
    *site_patterns,
    path("a/replies/", include("partnerscope.apps.replies.public_urls")),
]
