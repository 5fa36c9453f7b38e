"""Pages of the 7S self-assessment area, under /p/<slug>/sevens/."""

app_name = "sevens"

urlpatterns: list = []
