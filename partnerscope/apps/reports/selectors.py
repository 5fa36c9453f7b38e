"""What other apps may read of the health-check report area."""
