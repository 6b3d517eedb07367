"""Audit metadata from real cover-page PDFs, read by the real PDF reader.

The covers (`tests/pdfs/covers/`, written by `tests/pdfs/make_cover_pages.py`) come in sets:
`dev` (the rules were built on them), `heldout` and `heldout2` (written apart; their first scores
are in the commit history and the README) and `scanned` (OCR, slow). Every cover must give its
expected metadata. `python tests/test_metadata_pdfs.py` prints accuracy per field and set.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from extractor.audit.formats import detect_format
from extractor.audit.metadata import extract_audit_info
from extractor.evaluation.metadata_eval import (
    METADATA_FIELDS,
    by_group,
    format_groups,
    metadata_scores,
)
from extractor.reading.ocr import ocr_available
from extractor.reading.pdf import read_pdf
from extractor.record.schema import AuditInfo

COVERS = Path(__file__).resolve().parent / "pdfs" / "covers"
EXPECTED: dict[str, dict[str, object]] = json.loads(
    (COVERS / "expected.json").read_text(encoding="utf-8")
)
TEXT_COVERS = sorted(key for key in EXPECTED if not key.startswith("scanned/"))
SCANNED_COVERS = sorted(key for key in EXPECTED if key.startswith("scanned/"))


@cache
def extracted(key: str) -> AuditInfo:
    doc = read_pdf(COVERS / f"{key}.pdf")
    standard, version = detect_format(doc)
    return extract_audit_info(doc, standard, version)


def _differences(key: str) -> dict[str, tuple[object, object]]:
    got = extracted(key).model_dump(mode="json")
    return {name: (got[name], want) for name, want in EXPECTED[key].items() if got[name] != want}


@pytest.mark.parametrize("key", TEXT_COVERS)
def test_cover_gives_its_printed_metadata(key):
    assert _differences(key) == {}


@pytest.mark.slow
@pytest.mark.skipif(not ocr_available(), reason="tesseract is not installed")
@pytest.mark.parametrize("key", SCANNED_COVERS)
def test_scanned_cover_gives_its_printed_metadata(key):
    assert _differences(key) == {}


def test_every_cover_pdf_has_expected_metadata_and_back():
    on_disk = {str(p.relative_to(COVERS).with_suffix("")) for p in COVERS.glob("*/*.pdf")}
    assert on_disk == set(EXPECTED)
    assert all(set(values) == set(METADATA_FIELDS) for values in EXPECTED.values())


def main() -> None:
    """Print accuracy per field for each set of text covers."""
    groups = by_group(
        (
            key.split("/")[0],
            metadata_scores(extracted(key), AuditInfo.model_validate(EXPECTED[key])),
        )
        for key in TEXT_COVERS
    )
    print("\n".join(format_groups("Cover metadata accuracy per set", groups, METADATA_FIELDS)))


if __name__ == "__main__":
    main()
