"""Pages of the Performance area, under /p/<slug>/performance/."""

app_name = "performance"

urlpatterns: list = []
