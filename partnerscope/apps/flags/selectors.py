"""What other apps may read of the flags area."""
