"""spaCy training assets for the audit NER: config, ruler patterns, and the pattern reader."""

from __future__ import annotations

from pathlib import Path

import spacy
import srsly


@spacy.registry.readers("audit.read_patterns.v1")
def read_patterns(path: Path) -> list[dict]:
    """Read ruler patterns as a list (srsly's reader yields a generator the ruler rejects)."""
    return list(srsly.read_jsonl(path))
