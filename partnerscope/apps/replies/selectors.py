"""What other apps may read of the replies area."""
