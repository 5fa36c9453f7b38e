"""Models of the 7S self-assessment area."""
