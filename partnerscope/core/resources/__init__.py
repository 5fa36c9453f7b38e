"""Resources for the shared outcomes, in plain Python: the ledger's arithmetic (``ledger``),
the study's Table 10 checks of pooled funds (``pooled``) and how money and staff time line
up with the outcomes, their performance and the partners' involvement (``alignment``)."""
