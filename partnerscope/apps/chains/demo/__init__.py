"""Demo delivery chains for Northshire (the first demo partnership), as data-package rows.

Three chains, from the outcomes of the 2008 national indicator set: young people not in
education, employment or training (NI 117), repeat incidents of domestic abuse (NI 32) and
per-capita carbon dioxide emissions (NI 186). The NEET chain hangs on one front-line team (a
single point of failure); the domestic abuse chain has a completed workshop of 14
participants whose ratings single out hospital referrals to the MARAC, and the NEET chain
one of 12 with too few strategic participants to show that level apart; the carbon chain's
workshop is open for the demo users to rate. Deterministic.

One module for each thing the demo builds: :mod:`.outlines` holds the three chains' nodes and
links, :mod:`.chains` turns them into rows, :mod:`.workshops` draws the workshops' answers,
:mod:`.tables` puts them together for the demo. The actions agreed in the workshops are in
the action plan's demo (``partnerscope.apps.actions.demo``).
"""
