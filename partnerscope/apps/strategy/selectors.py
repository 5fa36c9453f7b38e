"""What other apps may read of the outcomes and strategy area."""
