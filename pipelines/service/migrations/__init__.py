"""Alembic migrations of the service database (`upgrade_database` applies them)."""
