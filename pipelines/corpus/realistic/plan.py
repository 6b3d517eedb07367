"""The realistic corpus plan: every document's id, family, variant, split, seed, length, scan.

Splits are by family: all documents of a held-out family are in `test`, so a model trained on
`train` has never seen that family's vocabulary or its combinations of structures. The plan is
fixed data; `doc_id` alone determines a document.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from .families import FAMILIES
from .variants import VARIANTS

CORPUS_SEED = "audit-corpus-realistic-v1"
# Documents per variant, by how many variants a family has (families keep >= 25 documents).
DOCS_PER_VARIANT = {4: 7, 5: 7, 6: 6}
# Scanned documents per variant: legacy programmes were mostly filed on paper.
SCANS_PER_VARIANT = {"buyer_legacy": 2, "firm_legacy": 2}
SCAN_PAGES = (8, 14)
MAX_PAGES = 60


@dataclass(frozen=True)
class RealisticDoc:
    doc_id: str
    family: str
    variant: str
    split: str
    scanned: bool
    seed: int
    target_pages: int

    @property
    def page_bounds(self) -> tuple[int, int]:
        """Hard page-count bounds: scans stay short because OCR costs 1-2 s per page."""
        return SCAN_PAGES if self.scanned else (8, MAX_PAGES)


def seed_of(doc_id: str) -> int:
    """A stable 32-bit seed from a doc id (Python's hash() is salted per process)."""
    return int(hashlib.sha256(f"{CORPUS_SEED}:{doc_id}".encode()).hexdigest()[:8], 16)


def _target_pages(seed: int, scanned: bool) -> int:
    rng = random.Random(seed ^ 0x5EED)
    if scanned:
        return rng.randint(*SCAN_PAGES)
    roll = rng.random()
    if roll < 0.05:
        return rng.randint(8, 10)
    if roll < 0.75:
        return rng.randint(10, 30)
    if roll < 0.93:
        return rng.randint(30, 45)
    return rng.randint(45, 58)


def realistic_plan() -> list[RealisticDoc]:
    plan = []
    for family_name, family in FAMILIES.items():
        variants = VARIANTS[family_name]
        per_variant = DOCS_PER_VARIANT[len(variants)]
        scans = SCANS_PER_VARIANT.get(family_name, 1)
        for variant in variants:
            for n in range(1, per_variant + 1):
                scanned = n > per_variant - scans
                doc_id = f"{family_name}-{variant.name}-{n:03d}{'-scan' if scanned else ''}"
                seed = seed_of(doc_id)
                plan.append(
                    RealisticDoc(
                        doc_id=doc_id,
                        family=family_name,
                        variant=variant.name,
                        split=family.split,
                        scanned=scanned,
                        seed=seed,
                        target_pages=_target_pages(seed, scanned),
                    )
                )
    return plan


def planned_realistic(doc_id: str) -> RealisticDoc:
    for doc in realistic_plan():
        if doc.doc_id == doc_id:
            return doc
    raise KeyError(
        f"{doc_id!r} is not in the realistic corpus plan; see build/corpus/manifest.json"
    )


def sample_ids() -> list[str]:
    """The committed sample: per family its shortest text document, plus the shortest scan
    (a scan is over 1 MB; one keeps the sample under 3 MB), so tests and the demo see every
    family and OCR."""
    plan = realistic_plan()
    ids = []
    for family in FAMILIES:
        texts = [d for d in plan if d.family == family and not d.scanned]
        ids.append(min(texts, key=lambda d: (d.target_pages, d.doc_id)).doc_id)
    scans = [d for d in plan if d.scanned]
    ids.append(min(scans, key=lambda d: (d.target_pages, d.doc_id)).doc_id)
    return ids
