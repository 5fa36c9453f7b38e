"""Models of the Relationships area."""
