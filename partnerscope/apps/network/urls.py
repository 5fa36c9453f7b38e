"""Pages of the Relationships area, under /p/<slug>/network/."""

app_name = "network"

urlpatterns: list = []
