"""Pages reached without signing in (single-use links), under /a/network/."""

app_name = "network_public"

urlpatterns: list = []
