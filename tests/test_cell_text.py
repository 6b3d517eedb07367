"""What one block's text says on its own (`extractor.findings.cell_text`)."""

from __future__ import annotations

import pytest

from extractor.findings.cell_text import (
    FINDING_ID,
    bare_number,
    field_name,
    kind_cell,
    leading_grade,
    names_clause,
    names_id,
    reference_only,
    text_kind,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("F-11", True), ("Item 4", True), ("#12", True), ("6.2", False), ("Observations", False)],
)
def test_reference_only(text: str, expected: bool) -> None:
    assert reference_only(text) is expected


def test_finding_id_opening_a_heading_leaves_what_follows() -> None:
    assert FINDING_ID.sub("", "NC 3: Observation", count=1) == "Observation"
    assert FINDING_ID.sub("", "NC-11", count=1) == ""
    assert FINDING_ID.sub("", "Non-compliance 3", count=1) == "Non-compliance 3"


def test_kind_words_and_field_names() -> None:
    assert kind_cell("Advisory")
    assert not kind_cell("FLA recommendation")  # the corrective-action column
    assert not kind_cell("Observation details")
    assert field_name("Finding Type")
    assert text_kind("Item 3 | Observation", "generic") == "observation"
    assert text_kind("Working hours", "generic") is None


def test_bracketed_grade_tag() -> None:
    assert leading_grade("[Minor] Exits were blocked.", "generic") == (
        "Minor",
        "Exits were blocked.",
    )
    assert leading_grade("(2) Exits were blocked.", "generic") is None


def test_id_and_clause_names() -> None:
    assert names_id("ID 2") and names_id("Item")
    assert not names_id("Clause")
    assert names_clause("ETI clause") and not names_clause("Finding")
    assert bare_number("3.") and not bare_number("3. Child labour")
