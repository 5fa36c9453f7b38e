"""Resources for the shared outcomes: each partner's contributions by year (the resource
ledger), pooled funds and their checks, and how the money and staff time line up with the
outcomes and with how they are doing.

Other apps read it only through :mod:`partnerscope.apps.resources.selectors`.
"""
