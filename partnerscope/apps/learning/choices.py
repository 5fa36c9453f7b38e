"""The fixed lists of the learning area: the part of the framework a practice serves."""

from django.db import models


class FrameworkPart(models.TextChoices):
    """The part of the framework a notable practice serves."""

    SEVENS = "sevens", "7S element"
    LAYER = "layer", "Governance layer"
    NETWORK = "network", "Relationships network"
    CHAIN = "chain", "Delivery chain"
    PERFORMANCE = "performance", "Performance management"
    RESOURCES = "resources", "Resources"
    SCRUTINY = "scrutiny", "Accountability and scrutiny"
