"""The costs and benefits of joint working: the cost of the partnership itself (support
team and meetings), the unit-cost library, and cost-benefit analyses of joint initiatives
with who pays and who benefits (the analysis is ``partnerscope.core.costs``).

Modules: ``models`` and ``choices`` (the records); ``cba_model`` (an initiative as the
core's model and its appraisal); ``editing``, ``forms`` and ``views`` (the initiative
editor in steps and its pages); ``results`` (the results page's figures and charts);
``library`` and ``library_views`` (the unit-cost library); ``partnership_costs`` and
``partnership_views`` (support team, meetings, rate card); ``report`` (the health-check
report's section); ``datapackage_services`` (the data package tables); ``demo`` (the
demo's rows). Other apps read it only through :mod:`partnerscope.apps.costs.selectors`.
"""
