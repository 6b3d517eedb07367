"""The corpus plan: which documents exist, their layout, split, seed and whether scanned.

Splits are by layout: a held-out layout's documents all go to test. The plan is fixed data, so
`doc_id` alone determines a document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .layouts import LAYOUT_NAMES, load_layouts

CORPUS_SEED = "audit-corpus-v1"
DOCS_PER_LAYOUT = 6
SCANNED_ORDINALS = (6,)  # the last document of every layout is a scan


@dataclass(frozen=True)
class PlannedDoc:
    doc_id: str
    layout: str
    split: str
    scanned: bool
    seed: int


def seed_of(doc_id: str) -> int:
    """Derive a stable 32-bit seed from a doc id (Python's hash() is salted per process)."""
    return int(hashlib.sha256(f"{CORPUS_SEED}:{doc_id}".encode()).hexdigest()[:8], 16)


def corpus_plan() -> list[PlannedDoc]:
    layouts = load_layouts()
    plan = []
    for name in LAYOUT_NAMES:
        split = "test" if layouts[name].profile.held_out else "train"
        for n in range(1, DOCS_PER_LAYOUT + 1):
            scanned = n in SCANNED_ORDINALS
            doc_id = f"{name}-{n:02d}{'-scan' if scanned else ''}"
            plan.append(PlannedDoc(doc_id, name, split, scanned, seed_of(doc_id)))
    return plan


def planned(doc_id: str) -> PlannedDoc:
    for doc in corpus_plan():
        if doc.doc_id == doc_id:
            return doc
    raise KeyError(f"{doc_id!r} is not in the corpus plan; see labelled_samples/manifest.json")
