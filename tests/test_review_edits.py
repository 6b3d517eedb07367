"""Edits to a record under review, and the disagreements between two reviewers' records.

Built on a real gold record (a labelled report of the train split), changed the way the review
app changes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.record.schema import AuditRecord
from pipelines.review.disagreements import compare, overlap, resolve
from pipelines.review.edits import (
    EditError,
    EntityMark,
    FindingFields,
    MetadataFields,
    NewFinding,
    add_finding,
    delete_finding,
    edit_finding,
    edit_metadata,
    relocate,
)

GOLD = Path(__file__).resolve().parent.parent / "labelled_samples" / "train" / "bsci_table-02.json"


@pytest.fixture
def record() -> AuditRecord:
    return AuditRecord.model_validate_json(GOLD.read_text())


def fields(finding, **changes) -> FindingFields:  # noqa: ANN001 - a Finding
    values = {
        "kind": finding.kind,
        "clause": finding.clause,
        "description": finding.description,
        "evidence": finding.evidence,
        "severity": finding.severity,
        "severity_raw": finding.severity_raw,
        "corrective_action": finding.corrective_action,
        "due": finding.due,
        "ilo_codes": [i.code for i in finding.ilo_indicators],
        "entities": [EntityMark(**e.model_dump()) for e in finding.entities],
    }
    return FindingFields(**(values | changes))


def test_edit_keeps_model_scores_for_kept_codes_and_labels_new_ones(record: AuditRecord) -> None:
    finding = record.findings[8]
    scored = finding.model_copy(
        update={
            "ilo_indicators": [i.model_copy(update={"score": 0.7}) for i in finding.ilo_indicators]
        }
    )
    record.findings[8] = scored
    change = edit_finding(record, finding.finding_id, fields(finding, ilo_codes=["FL08", "WAG"]))
    edited = change.record.findings[8]
    assert [(i.code, i.score) for i in edited.ilo_indicators] == [
        ("FL08", 1.0),
        ("WAG", 0.7),
    ]
    assert edited.ilo_indicators[0].label == "Withholding of wages"
    assert change.before["ilo_indicators"][0]["score"] == 0.7


def test_entities_follow_their_words_and_vanish_with_them(record: AuditRecord) -> None:
    finding = next(f for f in record.findings if f.entities)
    index = record.findings.index(finding)
    entity = finding.entities[0]
    moved = fields(finding, description="Seen on site. " + finding.description)
    edited = edit_finding(record, finding.finding_id, moved).record.findings[index]
    after = next(e for e in edited.entities if e.label == entity.label and e.text == entity.text)
    assert after.start == entity.start + len("Seen on site. ")
    assert edited.text()[after.start : after.end] == entity.text

    gone = fields(finding, description="Nothing left of it.", evidence=None)
    change = edit_finding(record, finding.finding_id, gone)
    assert change.record.findings[index].entities == []
    assert any("dropped" in note and entity.text in note for note in change.notes)


def test_an_entity_not_at_its_offsets_is_refused(record: AuditRecord) -> None:
    finding = record.findings[0]
    wrong = EntityMark(label="AGE", start=0, end=8, text="fourteen")
    with pytest.raises(EditError, match="select it again"):
        edit_finding(record, finding.finding_id, fields(finding, entities=[wrong]))


def test_unknown_codes_and_blank_descriptions_are_refused() -> None:
    with pytest.raises(ValueError, match="FL99"):
        FindingFields(kind="non_compliance", description="x", ilo_codes=["FL99"])
    with pytest.raises(ValueError):
        FindingFields(kind="non_compliance", description="   ")


def test_good_practices_carry_no_indicators(record: AuditRecord) -> None:
    finding = record.findings[0]
    change = edit_finding(record, finding.finding_id, fields(finding, kind="good_practice"))
    assert change.record.findings[0].ilo_indicators == []
    assert any("good practice" in note for note in change.notes)


def test_added_finding_gets_the_next_id_and_its_place_in_reading_order(
    record: AuditRecord,
) -> None:
    new = NewFinding(
        kind="observation",
        description="Fire extinguisher inspection tags were out of date.",
        page=1,
        bbox=(50, 100, 500, 130),
        ilo_codes=["OHS"],
        entities=[EntityMark(label="ORG", start=0, end=4, text="Fire")],
    )
    change = add_finding(record, new)
    assert change.record.findings[0].finding_id.endswith(f"-{len(record.findings) + 1:04d}")
    assert change.record.findings[0].confidence == 1.0
    assert change.before is None and change.after["provenance"]["page"] == 1
    with pytest.raises(EditError, match="past the report"):
        add_finding(record, new.model_copy(update={"page": 99}))
    with pytest.raises(ValueError):
        NewFinding(kind="observation", description="x", page=1, bbox=(10, 10, 5, 20))


def test_delete_and_metadata_record_before_and_after(record: AuditRecord) -> None:
    fid = record.findings[3].finding_id
    change = delete_finding(record, fid)
    assert fid not in {f.finding_id for f in change.record.findings}
    assert change.after is None and change.before["finding_id"] == fid
    with pytest.raises(EditError, match="no finding"):
        delete_finding(change.record, fid)
    meta = MetadataFields(**record.audit.model_dump() | {"country": "VN", "workers_total": ""})
    changed = edit_metadata(record, meta)
    assert changed.record.audit.country == "VN" and changed.record.audit.workers_total is None
    assert changed.before["country"] == "MX"


def test_relocate_prefers_the_occurrence_nearest_the_old_place() -> None:
    text = "14 workers and 14 workers"
    assert relocate("14 workers", 15, text) == 15
    assert relocate("14 workers", 2, text) == 0
    assert relocate("absent", 0, text) is None


def test_two_reviews_compare_by_field_and_presence_and_resolve_by_choice(
    record: AuditRecord,
) -> None:
    one, two = record.findings[0], record.findings[1]
    missed = NewFinding(
        kind="observation", description="A missed note.", page=2, bbox=(50, 500, 500, 530)
    )
    elsewhere = NewFinding(
        kind="observation", description="Another note.", page=1, bbox=(50, 60, 500, 80)
    )
    first = edit_finding(record, one.finding_id, fields(one, severity="minor")).record
    # The first reviewer adds a note elsewhere, then the missed finding, drawn a little
    # differently: it gets another id than the second reviewer's, and still pairs with it.
    first = add_finding(first, elsewhere).record
    first = add_finding(
        first, missed.model_copy(update={"bbox": (52, 502, 498, 531), "description": "A note!"})
    ).record
    second = edit_finding(record, one.finding_id, fields(one, severity="major")).record
    second = delete_finding(second, two.finding_id).record
    second = add_finding(second, missed).record
    assert {f.finding_id[-4:] for f in first.findings} - {"0010", "0011"} == {
        f.finding_id[-4:] for f in record.findings
    }

    found = {(d.target[-4:], d.field): (d.first, d.second) for d in compare(first, second)}
    assert set(found) == {
        ("0001", "severity"),
        ("0002", "present"),
        ("0010", "present"),
        ("0011", "description"),
    }
    assert found[("0001", "severity")] == ("minor", "major")
    assert found[("0011", "description")] == ("A note!", "A missed note.")
    assert found[("0002", "present")][1] is None and found[("0010", "present")][1] is None

    resolved, _notes = resolve(
        first,
        second,
        {
            f"{one.finding_id}:severity": "second",
            f"{two.finding_id}:present": "first",
            f"{first.findings[0].finding_id[:-4]}0011:description": "second",
        },
    )
    assert resolved.findings[1].severity == "major"
    assert two.finding_id in {f.finding_id for f in resolved.findings}
    assert "A missed note." in {f.description for f in resolved.findings}
    assert compare(resolved, resolved) == []


def test_box_overlap_is_intersection_over_union(record: AuditRecord) -> None:
    finding = record.findings[1]
    shifted = finding.model_copy(
        update={"provenance": finding.provenance.model_copy(update={"page": 1})}
    )
    assert overlap(finding, finding) == pytest.approx(1.0)
    assert overlap(finding, shifted) == 0.0
