"""The record contract: field names, validation, and the published JSON Schema."""

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractor.record.schema import (
    SCHEMA_VERSION,
    AuditRecord,
    ErrorRecord,
    Finding,
    finding_id,
    finding_text,
    json_schema,
)

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "schema" / "audit-record.schema.json"
SHA = "a" * 64


def make_record(**overrides) -> dict:
    record = {
        "report_id": SHA,
        "source": {"filename": "r.pdf", "sha256": SHA, "page_count": 3, "ocr_pages": []},
        "audit": {"standard": "smeta", "standard_version": "6.1", "country": "BD"},
        "findings": [
            {
                "finding_id": finding_id(SHA, 1),
                "kind": "non_compliance",
                "description": "Passports of 14 workers kept by HR.",
                "evidence": "Seen in the HR safe.",
                "severity": "major",
                "ilo_indicators": [{"code": "FL07", "label": "Retention", "score": 0.9}],
                "entities": [{"label": "ID_DOCUMENT", "text": "Passports", "start": 0, "end": 9}],
                "provenance": {"page": 2, "bbox": [10, 20, 300, 40]},
                "confidence": 0.8,
            }
        ],
        "extractor": {"version": "0.1.0", "ner_model": None, "classifier_model": None},
    }
    record.update(overrides)
    return record


def test_contract_field_names_are_exactly_the_published_ones():
    assert list(AuditRecord.model_fields) == [
        "schema_version", "report_id", "source", "audit", "findings", "warnings", "extractor",
    ]  # fmt: skip
    assert list(Finding.model_fields) == [
        "finding_id", "kind", "clause", "topic", "title", "description", "evidence", "severity",
        "severity_raw", "corrective_action", "due", "ilo_indicators", "entities", "provenance",
        "confidence",
    ]  # fmt: skip


def test_valid_record_round_trips_and_defaults_unknowns_to_null():
    record = AuditRecord.model_validate(make_record())
    dumped = record.model_dump(mode="json")
    assert dumped["schema_version"] == SCHEMA_VERSION == "1.0"
    assert dumped["audit"]["audit_firm"] is None
    assert dumped["audit"]["workers_total"] is None
    assert dumped["findings"][0]["clause"] is None
    assert AuditRecord.model_validate_json(record.model_dump_json()) == record


@pytest.mark.parametrize(
    "overrides",
    [
        {"report_id": "not-a-hash"},
        {"audit": {"standard": "iso9001"}},
        {"audit": {"country": "Bangladesh"}},
        {"audit": {"audit_date": "12 March 2019"}},
        {"unexpected_field": 1},
    ],
)
def test_invalid_records_are_rejected(overrides):
    with pytest.raises(ValidationError):
        AuditRecord.model_validate(make_record(**overrides))


def test_entity_offsets_index_description_then_evidence():
    text = finding_text("Passports kept.", "HR safe.")
    assert text == "Passports kept.\n\nHR safe."
    assert finding_text("Only description.", None) == "Only description."


def test_finding_ids_are_stable_and_ordered():
    assert finding_id(SHA, 3) == f"{SHA}-0003"
    assert finding_id(SHA, 3) < finding_id(SHA, 12)


def test_error_record_validates():
    record = ErrorRecord.model_validate(
        {
            "report_id": None,
            "filename": "x.pdf",
            "error": {"code": "E002", "reason": "not_pdf", "message": "x.pdf is not a PDF"},
            "extractor": {"version": "0.1.0", "ner_model": None, "classifier_model": None},
        }
    )
    assert record.error.reason == "not_pdf"


def test_published_schema_file_matches_the_models():
    """Regenerate with `make schema` when the models change, and review the diff."""
    assert json.loads(PUBLISHED.read_text()) == json_schema()


def test_schema_describes_both_record_kinds():
    schema = json_schema()
    refs = [option["$ref"] for option in schema["anyOf"]]
    assert refs == ["#/$defs/AuditRecord", "#/$defs/ErrorRecord"]
    assert schema["$defs"]["Finding"]["properties"]["kind"]["enum"] == [
        "non_compliance", "observation", "good_practice",
    ]  # fmt: skip
