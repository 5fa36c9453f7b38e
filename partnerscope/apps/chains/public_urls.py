"""Pages reached without signing in (single-use links), under /a/chains/."""

app_name = "chains_public"

urlpatterns: list = []
