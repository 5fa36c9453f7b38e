from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "partnerscope.apps.governance"
    label = "governance"
    verbose_name = "Governance"
    partnership_area = True
