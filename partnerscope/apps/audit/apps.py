from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit log: who signed in, changed, deleted, exported or erased what, and when.

    A foundation app like ``common``: any app may record an event through
    ``partnerscope.apps.audit.log.record``. Its signal receivers are connected here.
    """

    name = "partnerscope.apps.audit"
    label = "audit"
    verbose_name = "Audit log"
    partnership_manager_menu: list[tuple[str, str]] = [("Audit log", "audit:log")]

    def ready(self) -> None:
        from partnerscope.apps.audit import signals

        signals.connect()
