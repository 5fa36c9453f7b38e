"""What other apps may read of the resources area."""
