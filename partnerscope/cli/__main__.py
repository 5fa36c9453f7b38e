"""Allow ``python -m partnerscope.cli``."""

from partnerscope.cli import main

main()
