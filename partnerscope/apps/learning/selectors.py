"""What other apps may read of the learning from others area."""
