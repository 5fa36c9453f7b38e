"""Red and green flags: candidates proposed by named rules from the register's evidence,
each confirmed, changed or rejected by a manager with a reason; and the health check's
three questions with their narratives and the partnership's own ratings.

Other apps read it only through :mod:`partnerscope.apps.flags.selectors`.
"""
