"""Which reviewer corrections `train` learns from, and which it keeps back for the gate.

One accepted correction in `VALIDATION_EVERY` is held for validation, chosen by its report's
sha256 so a report always falls on the same side however many corrections arrive. Those are
never trained on, so the retraining gate can score candidates on reports like the ones members
actually send (the test split is synthetic and fixed). The train split is always trained on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from extractor.evaluation.gold import GoldDocument, load_gold

CORRECTIONS_SPLIT = "corrections"
VALIDATION_EVERY = 5


def held_for_validation(doc: GoldDocument) -> bool:
    """A correction kept out of training for the gate (about one in `VALIDATION_EVERY`)."""
    return (
        doc.split == CORRECTIONS_SPLIT and int(doc.record.report_id[:8], 16) % VALIDATION_EVERY == 0
    )


def training_documents(docs: Iterable[GoldDocument]) -> list[GoldDocument]:
    """The gold documents `train` may learn from: all but the corrections held for validation."""
    return [doc for doc in docs if not held_for_validation(doc)]


def validation_documents(samples_dir: Path) -> list[GoldDocument]:
    """Reviewer corrections held for validation (never trained on)."""
    return [doc for doc in load_gold([CORRECTIONS_SPLIT], samples_dir) if held_for_validation(doc)]
