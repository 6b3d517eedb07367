"""The service's routers; `create_app` mounts them (the review app adds its own)."""
