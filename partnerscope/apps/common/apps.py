from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "partnerscope.apps.common"
    label = "common"
    verbose_name = "Site shell"

    def ready(self) -> None:
        from partnerscope.apps.common import checks  # noqa: F401
