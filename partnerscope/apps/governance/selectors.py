"""What other apps may read of the governance area."""
