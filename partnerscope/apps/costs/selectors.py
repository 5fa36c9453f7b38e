"""What other apps may read of the costs and benefits area."""
