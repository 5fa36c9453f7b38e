"""Pages reached without signing in (single-use links), under /a/sevens/."""

app_name = "sevens_public"

urlpatterns: list = []
