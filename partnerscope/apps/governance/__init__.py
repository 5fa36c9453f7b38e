"""Governance layers and accountability: the health of the strategic, executive and
operational layers (the rules are ``partnerscope.core.layers``), leadership or domination,
and the partners' planning and reporting cycles.

Other apps read it only through :mod:`partnerscope.apps.governance.selectors`.
"""
