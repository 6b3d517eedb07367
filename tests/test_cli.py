"""The `audit-extractor` command line on real files: good reports, bad inputs, the schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import EXIT_BAD_INPUT, EXIT_OK, main
from extractor.record.schema import AuditRecord, ErrorRecord

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "labelled_samples" / "train" / "sa8000_table-01.pdf"
MULTI_PAGE = REPO / "labelled_samples" / "train" / "legacy_split_table-01.pdf"  # 2 pages

BAD_INPUTS = [
    ("not_pdf.pdf", "E002", "not_pdf"),
    ("corrupt.pdf", "E003", "corrupt"),
    ("truncated.pdf", "E003", "corrupt"),
    ("encrypted.pdf", "E004", "encrypted"),
    ("zero_pages.pdf", "E005", "empty"),
    ("empty.pdf", "E011", "empty_file"),
]


@pytest.mark.parametrize(("name", "code", "reason"), BAD_INPUTS)
def test_bad_input_writes_error_record_and_exits_2(
    pdfs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    code: str,
    reason: str,
) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(pdfs / name), "-o", str(out)]) == EXIT_BAD_INPUT
    record = ErrorRecord.model_validate_json(out.read_text())
    assert (record.error.code, record.error.reason) == (code, reason)
    assert record.filename == name
    err = capsys.readouterr().err
    assert f"error {code}" in err and name in err


def test_image_only_without_ocr_is_a_clear_error(pdfs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    rc = main(["extract", str(pdfs / "image_only.pdf"), "--no-ocr", "-o", str(out)])
    assert rc == EXIT_BAD_INPUT
    record = ErrorRecord.model_validate_json(out.read_text())
    assert record.error.reason == "no_text"
    # The bytes were readable, so the error still identifies the report.
    assert record.report_id is not None and len(record.report_id) == 64


def test_missing_file_is_not_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.pdf")]) == EXIT_BAD_INPUT
    record = ErrorRecord.model_validate_json(capsys.readouterr().out)
    assert record.error.reason == "not_found"
    assert record.report_id is None


def test_page_limit_is_enforced(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(MULTI_PAGE), "--max-pages", "1", "-o", str(out)]) == EXIT_BAD_INPUT
    assert ErrorRecord.model_validate_json(out.read_text()).error.reason == "too_many_pages"
    assert main(["extract", str(MULTI_PAGE), "--max-pages", "2", "-o", str(out)]) == EXIT_OK


def test_extract_writes_valid_record(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(SAMPLE), "-o", str(out)]) == EXIT_OK
    record = AuditRecord.model_validate_json(out.read_text())
    gold = AuditRecord.model_validate_json(SAMPLE.with_suffix(".json").read_text())
    assert record.report_id == gold.report_id
    assert record.audit.standard == "sa8000"
    assert len(record.findings) == len(gold.findings)
    ids = [f.finding_id for f in record.findings]
    assert len(set(ids)) == len(ids) and all(i.startswith(record.report_id) for i in ids)


def test_schema_command_prints_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    published = json.loads((REPO / "schema" / "audit-record.schema.json").read_text())
    assert printed == published, "run `make schema` to republish the changed contract"


def test_console_script_prints_no_traceback_on_bad_input(pdfs: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(pdfs / "truncated.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["error"]["reason"] == "corrupt"
