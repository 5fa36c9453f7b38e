"""Learning from other partnerships: the comparison among partnerships that agree to share,
the two-tier view of a county and its districts, and the library of notable practice.

Other apps read it only through :mod:`partnerscope.apps.learning.selectors`.
"""
