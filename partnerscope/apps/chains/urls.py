"""Pages of the Delivery chains area, under /p/<slug>/chains/."""

app_name = "chains"

urlpatterns: list = []
