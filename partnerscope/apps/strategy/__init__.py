"""The shared strategy's outcomes seen whole: joint working beside each outcome, and the
review of the strategy itself (review dates; outcomes with no indicator, owner, chain or
resources).

Other apps read it only through :mod:`partnerscope.apps.strategy.selectors`.
"""
