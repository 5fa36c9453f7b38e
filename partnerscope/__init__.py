"""PartnerScope: test, manage and explain how well a partnership's partners work together."""

__version__ = "0.1.0"
