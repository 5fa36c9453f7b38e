"""Models of the Performance area."""
