"""The demo's replies: two Northshire partners answer findings of its register."""
