"""API v1 endpoints of the compliance workspace (docs/api.md, "The compliance workspace")."""
