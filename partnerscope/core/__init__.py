"""The analysis core: plain Python, no Django, no I/O."""
