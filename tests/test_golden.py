"""Golden tests: each PDF in tests/golden/ must extract to the reviewed JSON beside it.

The expected files are our own extractions, reviewed by hand against the report when they were
written; they pin the whole record (fields, findings, entities, indicators, provenance) so any
behaviour change shows up as a readable diff. After an intended change, regenerate with
`UPDATE_GOLDEN=1 pytest tests/test_golden.py` and review the diff before committing.

Scores are rounded so a last-digit float difference between machines does not fail the test.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from extractor.pipeline import Extractor
from extractor.record.schema import AuditRecord

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(GOLDEN.glob("*.pdf"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
SCORE_DIGITS = 2
BBOX_DIGITS = 0


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


def comparable(record: AuditRecord) -> dict:
    """Return the record as JSON data with float noise rounded away."""
    data = record.model_dump(mode="json")
    for finding in data["findings"]:
        finding["confidence"] = round(finding["confidence"], SCORE_DIGITS)
        finding["provenance"]["bbox"] = [
            round(v, BBOX_DIGITS) for v in finding["provenance"]["bbox"]
        ]
        for indicator in finding["ilo_indicators"]:
            indicator["score"] = round(indicator["score"], SCORE_DIGITS)
    return data


def test_golden_cases_exist() -> None:
    assert len(CASES) >= 8, "tests/golden/ should hold one report per supported layout"


@pytest.mark.parametrize("pdf", CASES, ids=[p.stem for p in CASES])
def test_extraction_matches_golden(extractor: Extractor, pdf: Path) -> None:
    if pdf.stem.endswith("-scan") and shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (make setup installs it)")
    record = extractor.extract_or_error(pdf)
    assert isinstance(record, AuditRecord), getattr(record, "error", record)
    actual = comparable(record)
    expected_path = pdf.with_suffix(".expected.json")
    if UPDATE:
        expected_path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual["audit"] == expected["audit"]
    assert len(actual["findings"]) == len(expected["findings"])
    for got, want in zip(actual["findings"], expected["findings"], strict=True):
        assert got == want, f"finding {want['finding_id'][-4:]} of {pdf.name} changed"
    assert actual == expected
