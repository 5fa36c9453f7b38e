"""Models of the Delivery chains area."""
