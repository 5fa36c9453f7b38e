"""What other apps may read of the action plan area."""
