"""Pages reached without signing in (single-use links), under /a/sevens/."""

from partnerscope.apps.sevens import views
from partnerscope.apps.sevens.survey import PAGES

app_name = "sevens_public"

urlpatterns = PAGES.public_urlpatterns(views.survey_about, views.survey_step, views.survey_check)
