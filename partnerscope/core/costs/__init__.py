"""Cost–benefit analysis of joint initiatives, and who pays and who benefits.

The method is that of HM Treasury, PSTN and New Economy (2014) for local partnerships:
costs by agency, kind and year; outcomes with engagement, impact, deadweight, lag and
drop-off; fiscal, economic and social benefits; a financial case and an economic case,
discounted as the Green Book says. Start with :func:`parse_appraisal` and :func:`appraise`.
"""
