"""The open interchange format: CSV tables described by a Frictionless data package."""
