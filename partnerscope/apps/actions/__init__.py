"""The partnership's one action plan: every action agreed in answer to findings, flags or a
delivery chain's workshop, with its owner, due date, status and dated progress notes.

Other apps read it only through :mod:`partnerscope.apps.actions.selectors`.
"""
