"""System checks that catch configuration mistakes with stable ids."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from partnerscope.settings.env import PROJECT_DIR


@register()
def frontend_built(app_configs: Any, **kwargs: Any) -> list[Error]:
    """partnerscope.E001: the compiled stylesheet and GOV.UK Frontend must be installed."""
    needed = [
        PROJECT_DIR / "frontend" / "build" / "partnerscope.css",
        PROJECT_DIR / "frontend" / "node_modules" / "govuk-frontend" / "dist" / "govuk",
    ]
    return [
        Error(
            f"{path} is missing.",
            hint="Run `make frontend` (or `make demo`) to install and build the browser assets.",
            id="partnerscope.E001",
        )
        for path in needed
        if not path.exists()
    ]


@register()
def anonymity_threshold(app_configs: Any, **kwargs: Any) -> list[Error]:
    """partnerscope.E002: the default anonymity threshold may never be below 3."""
    if settings.ANONYMITY_THRESHOLD_DEFAULT < 3:
        return [
            Error(
                "ANONYMITY_THRESHOLD_DEFAULT is below 3.",
                hint="Small groups could be identified; set it to 3 or more.",
                id="partnerscope.E002",
            )
        ]
    return []
