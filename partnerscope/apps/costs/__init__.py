"""The costs and benefits of joint working: the cost of the partnership itself (support
team and meetings), the unit-cost library, and cost-benefit analyses of joint initiatives
with who pays and who benefits (the analysis is ``partnerscope.core.costs``).

Other apps read it only through :mod:`partnerscope.apps.costs.selectors`.
"""
