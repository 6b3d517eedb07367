"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

PDFS = Path(__file__).resolve().parent / "pdfs"


@pytest.fixture
def pdfs() -> Path:
    """Return the folder of committed fixture PDFs (written by tests/pdfs/make_fixtures.py)."""
    return PDFS
