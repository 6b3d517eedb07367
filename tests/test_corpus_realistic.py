"""The realistic corpus: a grammar-drawn plan, honest splits, gold that matches the PDFs.

Plan-level tests draw choices and content for every planned document without rendering.
PDF-level tests read the committed sample (`labelled_samples/realistic_sample/`) with the real
pypdfium2 and pdfplumber, and regenerate a few short documents to check determinism.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractor.evaluation.matching import similarity
from extractor.record.schema import AuditRecord, finding_id
from pipelines.corpus.entities import SLOT
from pipelines.corpus.gold import record_json
from pipelines.corpus.phrases import GOOD_PRACTICES, NON_COMPLIANCE, OBSERVATIONS
from pipelines.corpus.realistic import generate_realistic, realistic_plan
from pipelines.corpus.realistic.check import check_document, squash, words_in_order
from pipelines.corpus.realistic.cli import is_fresh, main, source_hash
from pipelines.corpus.realistic.document import choices_of, plan_document
from pipelines.corpus.realistic.families import FAMILIES
from pipelines.corpus.realistic.findings import summary_text
from pipelines.corpus.realistic.grammar import AXES
from pipelines.corpus.realistic.plan import sample_ids
from pipelines.corpus.realistic.regions import ROLES
from pipelines.corpus.realistic.variants import VARIANTS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "labelled_samples" / "realistic_sample"
NAME = re.compile(r"^[a-z0-9_]+$")


@lru_cache(maxsize=1)
def plan():
    return realistic_plan()


@lru_cache(maxsize=1)
def sample_manifest() -> dict:
    return json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))


@cache
def sample_record(doc_id: str, split: str) -> AuditRecord:
    path = SAMPLE / split / f"{doc_id}.json"
    return AuditRecord.model_validate_json(path.read_text(encoding="utf-8"))


def sample_docs(*, scanned: bool | None = None) -> list[dict]:
    docs = sample_manifest()["documents"]
    return [d for d in docs if scanned is None or d["scanned"] == scanned]


def page_texts(pdf: Path | bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


# -- the plan ----------------------------------------------------------------------------------


def test_plan_size_scans_families_and_variants():
    docs = plan()
    assert len(docs) >= 300
    assert sum(d.scanned for d in docs) / len(docs) >= 0.15
    assert len(FAMILIES) >= 8
    assert sum(len(v) for v in VARIANTS.values()) >= 40
    assert len({(d.family, d.variant) for d in docs}) >= 40
    for d in docs:
        assert NAME.match(d.family) and NAME.match(d.variant)
        stem = f"{d.family}-{d.variant}-"
        assert re.fullmatch(re.escape(stem) + r"\d{3}(-scan)?", d.doc_id)
        assert d.doc_id.endswith("-scan") == d.scanned
        assert 8 <= d.target_pages <= (14 if d.scanned else 60)
        assert d.page_bounds == ((8, 14) if d.scanned else (8, 60))
    assert len({d.doc_id for d in docs}) == len(docs)


def test_splits_are_whole_families_and_every_train_family_can_be_left_out():
    docs = plan()
    split_of = {}
    for d in docs:
        assert split_of.setdefault(d.family, d.split) == d.split, d.family
    test = {f for f, s in split_of.items() if s == "test"}
    assert len(test) == 2
    counts = Counter(d.family for d in docs if d.split == "train")
    assert all(n >= 25 for n in counts.values()), counts
    standards = {FAMILIES[f].standard for f in counts}
    assert standards == {"smeta", "amfori_bsci", "sa8000", "rba", "generic"}


def test_every_grammar_choice_occurs_across_the_plan():
    seen: dict[str, set[str]] = {axis: set() for axis in AXES}
    for d in plan():
        for axis, value in choices_of(d).as_dict().items():
            assert value in AXES[axis], (d.doc_id, axis, value)
            seen[axis].add(value)
    missing = {axis: set(AXES[axis]) - values for axis, values in seen.items()}
    assert not any(missing.values()), missing


def test_variants_fix_their_printer_and_grouping():
    for d in plan()[::3]:
        variant = next(v for v in VARIANTS[d.family] if v.name == d.variant)
        choices = choices_of(d)
        for axis in ("printer", "grouping"):
            fixed = variant.fixed.get(axis)
            if isinstance(fixed, str):
                assert getattr(choices, axis) == fixed, (d.doc_id, axis)


def _pattern(template: str) -> re.Pattern[str]:
    parts, pos = [], 0
    for match in SLOT.finditer(template):
        parts.append(re.escape(template[pos : match.start()]))
        parts.append(".+?")
        pos = match.end()
    parts.append(re.escape(template[pos:]))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def test_held_out_phrases_appear_only_in_test_families_and_summaries_never_match():
    banks = [*NON_COMPLIANCE.values(), OBSERVATIONS, GOOD_PRACTICES]
    held_out = [_pattern(p.text) for bank in banks for p in bank if p.held_out]
    used_in_test = 0
    for d in plan():
        findings = plan_document(d).findings
        for f in findings:
            unseen = any(p.fullmatch(f.description.text) for p in held_out)
            if d.split == "train":
                assert not unseen, (d.doc_id, f.description.text)
            used_in_test += unseen
            # A summary-table row must never pass for a finding under the 0.5 match rule.
            short = summary_text(f, findings)
            assert all(similarity(short, g.description.text) < 0.5 for g in findings), short
    assert used_in_test > 0


# -- generated documents -----------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", ["firm_legacy-kind_bullets-001", "wrap-cap_table-002"])
def test_regenerating_a_document_gives_identical_bytes(doc_id: str):
    first, second = generate_realistic(doc_id), generate_realistic(doc_id)
    assert first.pdf == second.pdf
    assert record_json(first.record) == record_json(second.record)


@pytest.mark.parametrize("doc_id", ["smeta-capr_landscape-001", "better_work-questions_column-001"])
def test_committed_sample_matches_the_generator(doc_id: str):
    doc = next(d for d in sample_docs() if d["doc_id"] == doc_id)
    generated = generate_realistic(doc_id)
    assert generated.pdf == (SAMPLE / doc["split"] / f"{doc_id}.pdf").read_bytes()
    json_path = SAMPLE / doc["split"] / f"{doc_id}.json"
    assert record_json(generated.record) == json_path.read_text(encoding="utf-8")


def test_sample_covers_every_family_text_and_scan_and_stays_small():
    docs = sample_docs()
    assert {d["doc_id"] for d in docs} == set(sample_ids())
    assert {d["family"] for d in docs} == set(FAMILIES)
    assert any(d["scanned"] for d in docs) and any(not d["scanned"] for d in docs)
    size = sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file())
    assert size < 3_000_000


def test_sample_gold_validates_and_matches_its_pdf():
    for doc in sample_docs():
        record = sample_record(doc["doc_id"], doc["split"])
        pdf = SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf"
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert record.report_id == record.source.sha256 == doc["sha256"] == digest
        assert record.source.page_count == doc["pages"] == len(page_texts(pdf))
        assert 8 <= doc["pages"] <= (14 if doc["scanned"] else 60)
        expected_ocr = list(range(1, doc["pages"] + 1)) if doc["scanned"] else []
        assert record.source.ocr_pages == expected_ocr
        assert record.audit.standard == FAMILIES[doc["family"]].standard
        assert [f.finding_id for f in record.findings] == [
            finding_id(digest, i) for i in range(1, len(record.findings) + 1)
        ]
        assert len(record.findings) == doc["n_findings"] >= 1
        for f in record.findings:
            text = f.text()
            for e in f.entities:
                assert text[e.start : e.end] == e.text
            if f.kind != "non_compliance":
                assert f.severity is None
            if f.severity is not None:
                assert f.severity_raw


def test_every_text_finding_is_printed_on_its_provenance_page():
    for doc in sample_docs(scanned=False):
        pages = page_texts(SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf")
        for f in sample_record(doc["doc_id"], doc["split"]).findings:
            start = f.provenance.page - 1
            here = squash(pages[start])
            both = squash(" ".join(pages[start : start + 2]))
            description = squash(f.description)
            assert description in here or words_in_order(description, both), (
                doc["doc_id"],
                f.description,
            )
        pdf = SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf"
        record = sample_record(doc["doc_id"], doc["split"])
        assert check_document(pdf, record, scanned=False) == [], doc["doc_id"]


def test_pdfplumber_reads_the_sample_text_documents():
    doc = next(d for d in sample_docs(scanned=False) if d["family"] == "sa8000")
    with pdfplumber.open(SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf") as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
    record = sample_record(doc["doc_id"], doc["split"])
    assert record.audit.site_name.split()[0] in words
    for f in record.findings:
        assert f.description.split()[1] in words


def test_scans_are_image_only():
    for doc in sample_docs(scanned=True):
        pages = page_texts(SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf")
        assert all(not text.strip() for text in pages)


def test_cover_metadata_is_printed_as_gold_says():
    for doc in sample_docs(scanned=False):
        record = sample_record(doc["doc_id"], doc["split"])
        text = squash(" ".join(page_texts(SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf")))
        audit = record.audit
        assert audit.site_name in text
        if audit.site_address:
            assert audit.site_address in text
        if audit.audit_firm:
            assert audit.audit_firm in text
        if audit.workers_total is not None:
            assert str(audit.workers_total) in text.replace(",", "")
        if audit.standard_version:
            assert audit.standard_version in text


def test_summary_rows_are_not_gold_findings():
    with_summary = [
        d for d in sample_docs(scanned=False) if d["choices"]["summary_table"] != "none"
    ]
    assert with_summary, "the sample should hold a text report with a summary table"
    for doc in with_summary:
        record = sample_record(doc["doc_id"], doc["split"])
        data = json.loads((SAMPLE / "regions" / f"{doc['doc_id']}.json").read_text("utf-8"))
        rows = [r for r in data["regions"] if r["role"] == "summary_row"]
        assert rows and all(r["field"] is None for r in rows)
        descriptions = [f.description for f in record.findings]
        shortened = 0
        with pdfplumber.open(SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf") as pdf:
            for row in rows:
                page = pdf.pages[row["page"] - 1]
                x0, top, x1, bottom = row["bbox"]
                text = squash(page.crop((x0, top, x1, bottom + 1)).extract_text() or "")
                if len(text.split()) < 3:
                    continue  # ref, clause or grade cell
                shortened += 1
                # A matcher pairing findings by description must never pair a summary row.
                assert all(similarity(text, d) < 0.5 for d in descriptions), text
        assert shortened >= 1


def test_regions_give_each_finding_its_provenance():
    for doc in sample_docs():
        record = sample_record(doc["doc_id"], doc["split"])
        data = json.loads((SAMPLE / "regions" / f"{doc['doc_id']}.json").read_text("utf-8"))
        roles = Counter(r["role"] for r in data["regions"])
        assert set(roles) <= set(ROLES)
        assert roles["finding"] and sum(roles.values()) > roles["finding"]
        for position, finding in enumerate(record.findings, start=1):
            mine = [
                r for r in data["regions"] if r["role"] == "finding" and r["finding"] == position
            ]
            assert mine, (doc["doc_id"], position)
            assert min(r["page"] for r in mine) == finding.provenance.page
            fields = {r["field"] for r in mine}
            assert "description" in fields


# -- the command line --------------------------------------------------------------------------


def test_cli_writes_one_document_and_the_stamp_tracks_the_source(tmp_path: Path):
    assert main(["--out", str(tmp_path), "--only", "firm_legacy-kind_bullets-001"]) == 0
    split = FAMILIES["firm_legacy"].split
    assert (tmp_path / split / "firm_legacy-kind_bullets-001.pdf").exists()
    record = AuditRecord.model_validate_json(
        (tmp_path / split / "firm_legacy-kind_bullets-001.json").read_text(encoding="utf-8")
    )
    assert record.findings
    assert (tmp_path / "regions" / "firm_legacy-kind_bullets-001.json").exists()
    # --only never writes a manifest, so the folder is not a fresh corpus.
    assert not is_fresh(tmp_path, source_hash())
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")
    (tmp_path / "stamp.json").write_text(json.dumps({"source_sha256": source_hash()}), "utf-8")
    assert is_fresh(tmp_path, source_hash())
    assert not is_fresh(tmp_path, "0" * 64)


# -- slow: every variant, and a scan ------------------------------------------------------------


@pytest.mark.slow
def test_every_variant_prints_what_its_gold_says():
    first = {}
    for d in plan():
        if not d.scanned:
            first.setdefault((d.family, d.variant), d.doc_id)
    for doc_id in first.values():
        generated = generate_realistic(doc_id)
        assert check_document(generated.pdf, generated.record, scanned=False) == [], doc_id


@pytest.mark.slow
def test_regenerating_the_sample_scan_gives_identical_bytes():
    doc = next(d for d in sample_docs(scanned=True))
    generated = generate_realistic(doc["doc_id"])
    assert generated.pdf == (SAMPLE / doc["split"] / f"{doc['doc_id']}.pdf").read_bytes()
