"""Scoring: gold loading, finding alignment, metrics and the `evaluate` command.

Reads records produced by the stages; nothing in the stages imports from here.
"""
