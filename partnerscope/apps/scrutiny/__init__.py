"""Overview and scrutiny of the partnership: committees, reviews, recommendations to named
partners with their responses due two months after the report, Councillor Call for Action
referrals, lines of enquiry, and elected members' development.

Other apps read it only through :mod:`partnerscope.apps.scrutiny.selectors`.
"""
