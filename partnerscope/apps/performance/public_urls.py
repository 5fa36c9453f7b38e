"""Pages reached without signing in (single-use links), under /a/performance/."""

app_name = "performance_public"

urlpatterns: list = []
