"""Pieces of the Ray bulk import: isolated extraction workers, durable run state, progress."""
