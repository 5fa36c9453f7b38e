"""Django settings for PartnerScope, driven by environment variables."""
