"""The `audit-extractor` command line on real files: good reports, bad inputs, the schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import EXIT_BAD_INPUT, EXIT_OK, main
from extractor.pipeline import DEFAULT_MODELS_DIR
from extractor.record.schema import AuditRecord, ErrorRecord
from pipelines.isolation import ExtractorSettings, IsolatedExtractor

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


@pytest.fixture(scope="module")
def isolated() -> IsolatedExtractor:
    """The extraction process `extract` runs reports in, with the command's default limits."""
    settings = ExtractorSettings(models_dir=DEFAULT_MODELS_DIR, max_pages=500)
    with IsolatedExtractor(settings) as worker:
        yield worker


@pytest.mark.parametrize(("name", "code", "reason"), BAD_INPUTS)
def test_bad_input_gives_error_record(
    isolated: IsolatedExtractor, pdfs: Path, name: str, code: str, reason: str
) -> None:
    record = isolated.extract(pdfs / name)
    assert isinstance(record, ErrorRecord)
    assert (record.error.code, record.error.reason) == (code, reason)
    assert record.filename == name


def test_bad_input_writes_error_record_and_exits_2(
    pdfs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(pdfs / "corrupt.pdf"), "-o", str(out)]) == EXIT_BAD_INPUT
    record = ErrorRecord.model_validate_json(out.read_text())
    assert (record.error.code, record.error.reason) == ("E003", "corrupt")
    err = capsys.readouterr().err
    assert "error E003" in err and "corrupt.pdf" in err


def test_image_only_without_ocr_is_a_clear_error(pdfs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    rc = main(["extract", str(pdfs / "image_only.pdf"), "--no-ocr", "-o", str(out)])
    assert rc == EXIT_BAD_INPUT
    record = ErrorRecord.model_validate_json(out.read_text())
    assert record.error.reason == "no_text"
    # The bytes were readable, so the error still identifies the report.
    assert record.report_id is not None and len(record.report_id) == 64


def test_missing_report_named_like_an_option_gives_json_not_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "-nope.pdf"]) == EXIT_BAD_INPUT
    record = ErrorRecord.model_validate_json(capsys.readouterr().out)
    assert record.error.reason == "not_found"
    assert record.filename == "-nope.pdf"
    assert record.report_id is None


def test_page_limit_is_enforced(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(MULTI_PAGE), "--max-pages", "1", "-o", str(out)]) == EXIT_BAD_INPUT
    assert ErrorRecord.model_validate_json(out.read_text()).error.reason == "too_many_pages"


def test_report_named_like_an_option_is_extracted_without_double_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "-output.pdf")  # argparse would read `-o utput.pdf`
    assert main(["extract", "-output.pdf", "-o", "out.json"]) == EXIT_OK
    record = AuditRecord.model_validate_json((tmp_path / "out.json").read_text())
    gold = AuditRecord.model_validate_json(SAMPLE.with_suffix(".json").read_text())
    assert record.report_id == gold.report_id
    assert record.source.filename == "-output.pdf"
    assert record.audit.standard == "sa8000"
    assert len(record.findings) == len(gold.findings)
    ids = [f.finding_id for f in record.findings]
    assert len(set(ids)) == len(ids) and all(i.startswith(record.report_id) for i in ids)


def test_schema_command_prints_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    published = json.loads((REPO / "schema" / "audit-record.schema.json").read_text())
    assert printed == published, "run `make schema` to republish the changed contract"


def test_extract_of_a_page_tree_loop_ends_in_time_with_json_and_no_traceback(pdfs: Path) -> None:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(pdfs / "page_tree_loop.pdf"),
         "--timeout", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert proc.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in proc.stderr
    error = json.loads(proc.stdout)["error"]
    assert error["reason"] in {"timeout", "corrupt"}  # a reader that spots the loop may say so
    # Start-up (models) plus the 3 s limit, on a busy machine; it used to hang for ever.
    assert time.monotonic() - started < 90
