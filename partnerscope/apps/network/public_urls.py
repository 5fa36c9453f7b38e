"""Pages reached without signing in (single-use links), under /a/network/."""

from partnerscope.apps.network import answering_views
from partnerscope.apps.network.survey import PAGES

app_name = "network_public"

urlpatterns = PAGES.public_urlpatterns(
    answering_views.survey_start,
    answering_views.survey_page,
    answering_views.survey_check,
    search=answering_views.survey_search,
)
