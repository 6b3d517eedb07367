"""Load the gold corpus: labelled report PDFs beside their true `AuditRecord` JSON.

Splits are folders under `labelled_samples/`: `train`, `test` (whole layouts held out) and
`corrections` (records accepted from reviewers in the labelling loop). Training reads `train`
plus `corrections`; evaluation reads `test` only, so no score is measured on training data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from extractor.record.schema import AuditRecord

DEFAULT_SAMPLES_DIR = Path(__file__).resolve().parents[2] / "labelled_samples"
TRAIN_SPLITS = ("train", "corrections")
EVAL_SPLITS = ("test",)


class GoldDocument(BaseModel):
    """One labelled report: where its PDF is and what a perfect extraction returns."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    doc_id: str
    split: str
    pdf_path: Path
    record: AuditRecord
    family: str = ""  # the report family held out together in cross-validation

    @property
    def layout(self) -> str:
        """The layout name (doc ids are `<layout>-<nn>[-scan]`)."""
        stem = self.doc_id.removesuffix("-scan")
        return stem.rsplit("-", 1)[0]

    @property
    def scanned(self) -> bool:
        return self.doc_id.endswith("-scan") or bool(self.record.source.ocr_pages)


def iter_gold(
    splits: tuple[str, ...] | list[str], samples_dir: Path = DEFAULT_SAMPLES_DIR
) -> Iterator[GoldDocument]:
    """Yield the gold documents of `splits` in a stable order (split, then file name)."""
    families = manifest_families(samples_dir)
    for split in splits:
        split_dir = samples_dir / split
        if not split_dir.is_dir():
            continue
        for json_path in sorted(split_dir.glob("*.json")):
            pdf_path = json_path.with_suffix(".pdf")
            if not pdf_path.exists():
                # corrections/ files keep the reviewed PDF beside the record under the same stem.
                continue
            record = AuditRecord.model_validate_json(json_path.read_text(encoding="utf-8"))
            doc = GoldDocument(doc_id=json_path.stem, split=split, pdf_path=pdf_path, record=record)
            family = families.get(doc.doc_id) or doc.layout
            yield doc.model_copy(update={"family": family})


def manifest_families(samples_dir: Path) -> dict[str, str]:
    """Map doc ids to their family from `manifest.json` (the layout when it names no family)."""
    path = samples_dir / "manifest.json"
    if not path.exists():
        return {}
    documents = json.loads(path.read_text(encoding="utf-8")).get("documents", [])
    return {d["doc_id"]: d.get("family") or d.get("layout", "") for d in documents}


def load_gold(
    splits: tuple[str, ...] | list[str], samples_dir: Path = DEFAULT_SAMPLES_DIR
) -> list[GoldDocument]:
    """Return the gold documents of `splits` as a list."""
    return list(iter_gold(splits, samples_dir))


def at_most_per_layout(docs: Sequence[GoldDocument], per_layout: int) -> list[GoldDocument]:
    """The first `per_layout` documents of each layout variant, in doc-id order (scans and text
    reports alike): a smaller training set that still covers every variant."""
    taken: dict[str, int] = {}
    kept = []
    for doc in sorted(docs, key=lambda d: d.doc_id):
        if taken.get(doc.layout, 0) < per_layout:
            taken[doc.layout] = taken.get(doc.layout, 0) + 1
            kept.append(doc)
    return kept
