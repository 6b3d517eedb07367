"""The labelled corpus: gold records validate, offsets and hashes hold, splits are honest."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import AuditRecord, finding_id, finding_text
from pipelines.corpus import generate_document
from pipelines.corpus.entities import SLOT
from pipelines.corpus.gold import record_json
from pipelines.corpus.phrases import GOOD_PRACTICES, NON_COMPLIANCE, OBSERVATIONS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "labelled_samples"
MANIFEST = SAMPLES / "manifest.json"

pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason="run `make corpus` first")


@lru_cache(maxsize=1)
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def records() -> dict[str, AuditRecord]:
    out = {}
    for doc in manifest()["documents"]:
        path = SAMPLES / doc["split"] / f"{doc['doc_id']}.json"
        out[doc["doc_id"]] = AuditRecord.model_validate_json(path.read_text(encoding="utf-8"))
    return out


def pdf_path(doc: dict) -> Path:
    return SAMPLES / doc["split"] / f"{doc['doc_id']}.pdf"


def test_every_gold_file_is_listed_and_validates():
    listed = {d["doc_id"] for d in manifest()["documents"]}
    # Only the split folders: realistic_sample/ holds the other corpus with its own manifest.
    on_disk = {p.stem for split in ("train", "test") for p in (SAMPLES / split).glob("*.json")}
    assert listed == on_disk
    assert len(records()) == len(listed)


def test_report_id_is_the_sha256_of_the_pdf_bytes():
    for doc in manifest()["documents"]:
        record = records()[doc["doc_id"]]
        digest = hashlib.sha256(pdf_path(doc).read_bytes()).hexdigest()
        assert record.report_id == digest == record.source.sha256 == doc["sha256"]
        assert record.source.filename == f"{doc['doc_id']}.pdf"
        assert record.source.page_count == doc["pages"]
        assert [f.finding_id for f in record.findings] == [
            finding_id(digest, i) for i in range(1, len(record.findings) + 1)
        ]


def test_entity_offsets_match_the_finding_text_and_do_not_overlap():
    for record in records().values():
        for finding in record.findings:
            text = finding_text(finding.description, finding.evidence)
            previous_end = 0
            for entity in sorted(finding.entities, key=lambda e: e.start):
                assert text[entity.start : entity.end] == entity.text, finding.finding_id
                assert entity.start >= previous_end, f"overlap in {finding.finding_id}"
                previous_end = entity.end


def test_indicators_come_from_the_taxonomy_and_good_practices_have_none():
    taxonomy = load_taxonomy()
    for record in records().values():
        for finding in record.findings:
            for indicator in finding.ilo_indicators:
                assert indicator.label == taxonomy.label(indicator.code)
                assert indicator.score == 1.0
            if finding.kind == "good_practice":
                assert finding.ilo_indicators == []
            assert 1 <= finding.provenance.page <= record.source.page_count


def test_splits_are_disjoint_by_layout_and_cover_every_family():
    docs = manifest()["documents"]
    train = {d["layout"] for d in docs if d["split"] == "train"}
    test = {d["layout"] for d in docs if d["split"] == "test"}
    assert train and test and not train & test
    assert test == set(manifest()["held_out_layouts"])
    standards = {d["standard"] for d in docs if d["split"] == "train"}
    assert standards == {"smeta", "amfori_bsci", "sa8000", "rba", "generic"}
    families = {manifest()["layouts"][name]["family"] for name in test}
    assert {"table", "prose", "legacy"} <= families
    share = sum(d["split"] == "test" for d in docs) / len(docs)
    assert 0.25 <= share <= 0.4


def test_corpus_size_scans_and_legacy_layouts():
    docs = manifest()["documents"]
    assert len(docs) >= 60
    scanned = [d for d in docs if d["scanned"]]
    assert len(scanned) >= 8
    assert {d["split"] for d in scanned} == {"train", "test"}
    legacy = {n for n, v in manifest()["layouts"].items() if v["family"] == "legacy"}
    assert len(legacy) >= 3
    for doc in docs:
        record = records()[doc["doc_id"]]
        expected = list(range(1, doc["pages"] + 1)) if doc["scanned"] else []
        assert record.source.ocr_pages == expected
        assert 4 <= len(record.findings) <= 14
        if doc["scanned"]:
            assert pdf_path(doc).stat().st_size < 1_500_000


def _pattern(template: str) -> re.Pattern[str]:
    parts, pos = [], 0
    for match in SLOT.finditer(template):
        parts.append(re.escape(template[pos : match.start()]))
        parts.append(".+?")
        pos = match.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def test_held_out_phrasings_never_appear_in_train():
    banks = [*NON_COMPLIANCE.values(), OBSERVATIONS, GOOD_PRACTICES]
    held_out = [_pattern(p.text) for bank in banks for p in bank if p.held_out]
    for doc in manifest()["documents"]:
        if doc["split"] != "train":
            continue
        for finding in records()[doc["doc_id"]].findings:
            assert not any(p.fullmatch(finding.description) for p in held_out), finding.description


def test_text_pdfs_print_each_description_on_its_provenance_page():
    words = re.compile(r"[A-Za-z0-9]+")
    for doc in manifest()["documents"]:
        if doc["scanned"]:
            continue
        pdf = pdfium.PdfDocument(pdf_path(doc))
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        pdf.close()
        for finding in records()[doc["doc_id"]].findings:
            start = finding.provenance.page - 1
            seen = set(words.findall(" ".join(pages[start : start + 2])))
            missing = set(words.findall(finding.description)) - seen
            assert not missing, (doc["doc_id"], finding.description, missing)


@pytest.mark.parametrize("doc_id", ["legacy_split_table-01", "bsci_prose-02"])
def test_regenerating_a_document_reproduces_identical_bytes(doc_id: str):
    doc = next(d for d in manifest()["documents"] if d["doc_id"] == doc_id)
    generated = generate_document(doc_id)
    assert generated.pdf == pdf_path(doc).read_bytes()
    json_path = pdf_path(doc).with_suffix(".json")
    assert record_json(generated.record) == json_path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_regenerating_a_scan_reproduces_identical_bytes():
    doc = next(d for d in manifest()["documents"] if d["scanned"])
    assert generate_document(doc["doc_id"]).pdf == pdf_path(doc).read_bytes()
