"""Partners' right of reply: an organisation's representative answers a finding or a flag
about their organisation, and the reply is shown beside it wherever it appears.

Other apps read it only through :mod:`partnerscope.apps.replies.selectors`.
"""
