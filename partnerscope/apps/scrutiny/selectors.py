"""What other apps may read of the scrutiny area."""
