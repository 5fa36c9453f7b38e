"""Delivery chain analysis: from each shared outcome down to the front line, finding the
weak links. The area's use cases have one module each:

- :mod:`~partnerscope.apps.chains.structure`: saving a chain, its nodes and its links;
- :mod:`~partnerscope.apps.chains.core_inputs`: a chain and its workshop ratings as the
  analysis core's inputs, with the relationship survey's and the indicators' evidence;
- :mod:`~partnerscope.apps.chains.analysis`: the analysis arranged for the chain pages, and
  every chain's headline figures;
- :mod:`~partnerscope.apps.chains.workshops`: saving workshops, the link pairs a workshop
  rates, how many have answered;
- :mod:`~partnerscope.apps.chains.rating`: answering a workshop, by single-use link or
  signed in;
- :mod:`~partnerscope.apps.chains.workshop_report`: a workshop's results and charts;
- :mod:`~partnerscope.apps.chains.actions`: the chain's part of the one action plan;
- :mod:`~partnerscope.apps.chains.findings`: the chains' findings for the one register;
- :mod:`~partnerscope.apps.chains.datapackage_services`: the chain tables of the data package;
- :mod:`~partnerscope.apps.chains.demo`: the demo partnership's chains.

Other areas read chains only through :mod:`~partnerscope.apps.chains.selectors`.
"""
