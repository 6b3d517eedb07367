"""Clause codes: each family's shapes, the most specific code, and numbers that are not clauses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.audit.clauses import (
    clause_depth,
    clean_clause,
    find_clauses,
    heading_clause,
    looks_like_clause,
    rejoined_clause_word,
    repair_ocr_clause,
    whole_code,
)


@pytest.mark.parametrize(
    ("printed", "standard", "code"),
    [
        # SMETA / ETI
        ("8A", "smeta", "8A"),
        ("10B", "smeta", "10B"),
        ("10 B", "smeta", "10B"),
        ("0.B", "smeta", "0.B"),
        ("ETI 6", "smeta", "ETI 6"),
        ("ETI 10C", "smeta", "ETI 10C"),
        ("ETI 10B.4", "smeta", "ETI 10B.4"),
        ("ETI Base Code 6.1", "smeta", "6.1"),
        ("1. Freely chosen employment", "smeta", "1"),
        # amfori BSCI
        ("PA11", "amfori_bsci", "PA11"),
        ("PA 6", "amfori_bsci", "PA 6"),
        ("PA1 0", "amfori_bsci", "PA10"),
        ("PA 9 - Special protection for young workers (rating D)", "amfori_bsci", "PA 9"),
        ("PA2 Workers involvement and protection", "amfori_bsci", "PA2"),
        # SA8000
        ("4.1", "sa8000", "4.1"),
        ("7.3", "sa8000", "7.3"),
        ("Clause 2.5", "sa8000", "2.5"),
        ("SA8000 7.3", "sa8000", "7.3"),
        ("Violation of clause 7.3 of SA8000", "sa8000", "7.3"),
        # RBA
        ("A4", "rba", "A4"),
        ("A Labor / A4 Wages and benefits", "rba", "A4"),
        ("A1 Freely chosen employment", "rba", "A1"),
        ("Finding A1-2 | Minor", "rba", "A1"),
        ("B Health and Safety", "rba", "B"),
        # FLA, Better Work, buyer codes (read as generic)
        ("HOW.4", "generic", "HOW.4"),
        ("H/A.1", "generic", "H/A.1"),
        ("H/ A.1", "generic", "H/A.1"),
        ("F.12", "generic", "F.12"),
        ("ER.27.1", "generic", "ER.27.1"),
        ("OSH-11", "generic", "OSH-11"),
        ("OSH - 11", "generic", "OSH-11"),
        ("CBA.3", "generic", "CBA.3"),
        ("Finding 3: Noncompliance | F.12 | Major", "generic", "F.12"),
        ("4.2 Wages – Major NC", "generic", "4.2"),
        ("Section 4.2 Wages", "generic", "4.2"),
        ("PA 6", "generic", "PA 6"),
        ("ETI 6", "generic", "ETI 6"),
        # Sub-clauses under lettered SMETA clauses, BSCI question numbers, FLA elements and
        # Better Work clusters printed alone in a clause cell.
        ("10C.2", "smeta", "10C.2"),
        ("10A.3", "smeta", "10A.3"),
        ("10.7", "amfori_bsci", "10.7"),
        ("ER", "generic", "ER"),
        ("H/A", "generic", "H/A"),
        ("HOW", "generic", "HOW"),
        ("FACB", "generic", "FACB"),
        ("OSH - Occupational safety and health", "generic", "OSH"),
        # Topic-area codes of buyer programmes, alone or before their name; a cluster code
        # followed by a full stop and its name.
        ("HS", "generic", "HS"),
        ("MS - Management systems", "generic", "MS"),
        ("CHR. Contracts and human resources", "generic", "CHR"),
        # FLA element headings: the element's code before its name.
        ("ER. Employment relationship", "generic", "ER"),
        ("HOW - Hours of work", "generic", "HOW"),
        ("F. Forced labor", "generic", "F"),
        ("C: Compensation", "generic", "C"),
        # A cluster or element code in brackets closing a heading.
        ("Forced labour (FL)", "generic", "FL"),
        ("Compensation (COMP)", "generic", "COMP"),
        ("Hours of work (HOW)", "generic", "HOW"),
    ],
)
def test_most_specific_code_as_printed(printed, standard, code):
    assert clean_clause(printed, standard) == code


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("12.03.2012", "sa8000"),
        ("2012-03-12", "generic"),
        ("3.5%", "sa8000"),
        ("USD 45", "generic"),
        ("Page 3 of 12", "sa8000"),
        ("NC-7", "generic"),
        ("083-02", "generic"),
        ("SMETA 6.1", "smeta"),
        ("RBA Code of Conduct version 7.0", "rba"),
        ("Workers worked 4.5 hours of overtime", "sa8000"),
        ("12 workers were interviewed", "sa8000"),
        ("Plot A4, Road 3", "rba"),
        ("COVID-19 measures", "generic"),
        ("Finding 3", "sa8000"),
        ("F", "sa8000"),
        # A one-letter element code stands before its own element's name only.
        ("C. Nguyen, lead auditor", "generic"),
        ("F. Alvarez", "generic"),
        # ... but not in brackets inside a sentence, nor an unknown abbreviation.
        ("Workers in forced labour (FL) conditions were interviewed", "generic"),
        ("Passports kept (ID)", "generic"),
        ("Section C of the report", "generic"),
        ("", "generic"),
    ],
)
def test_dates_amounts_pages_and_references_are_not_clauses(text, standard):
    assert clean_clause(text, standard) is None
    assert find_clauses(text, standard) == []


def test_find_clauses_lists_most_specific_first_with_spans():
    text = "A Labor / A4 Wages and benefits"
    found = find_clauses(text, "rba")
    assert [c.code for c in found] == ["A4", "A"]
    assert [text[c.start : c.end] for c in found] == ["A4", "A"]
    assert found[0].depth > found[1].depth


def test_sub_clause_beats_its_clause():
    found = find_clauses("ETI 6 - 6.1 Working hours", "smeta")
    assert found[0].code == "6.1"


def test_looks_like_clause_only_for_a_cell_holding_a_code():
    assert looks_like_clause("PA10", "amfori_bsci")
    assert looks_like_clause("4.1", "sa8000")
    assert looks_like_clause("10C", "smeta")
    assert not looks_like_clause("Wages and benefits", "smeta")
    assert not looks_like_clause("A4 Wages", "rba")


def test_ocr_letters_read_for_digits_in_codes_are_repaired():
    assert [repair_ocr_clause(c) for c in ["Al", "AS", "BS", "PA1O", "4.l", "A3", "PA11"]] == [
        "A1",
        "A5",
        "B5",
        "PA10",
        "4.1",
        "A3",
        "PA11",
    ]
    assert clean_clause("Al", "rba", ocr=True) == "A1"
    assert clean_clause("PA1O", "amfori_bsci", ocr=True) == "PA10"
    # A scheme's letters stay letters: 'ETI1' squeezed by OCR is ETI 1, not 'ET11'.
    assert repair_ocr_clause("ETI1") == "ETI1"
    assert clean_clause("ETI3", "smeta", ocr=True) == clean_clause("ETI3", "smeta") == "ETI3"
    # Without the OCR flag a name stays a name.
    assert clean_clause("Al", "rba") is None


def test_clean_clause_keys_match_the_taxonomy_crosswalk():
    from extractor.indicators.taxonomy import load_taxonomy, normalise_clause

    crosswalk = load_taxonomy().crosswalk
    for printed, standard in [
        ("ETI 10C", "smeta"),
        ("8A", "smeta"),
        ("PA 6", "amfori_bsci"),
        ("PA11", "amfori_bsci"),
        ("7.3", "sa8000"),
        ("A4", "rba"),
    ]:
        code = clean_clause(printed, standard)
        assert code is not None
        assert normalise_clause(standard, code) in crosswalk[standard], (printed, code)


HELD_OUT = json.loads(
    (Path(__file__).resolve().parent / "data" / "finding_labels_heldout.json").read_text("utf-8")
)["snippets"]


@pytest.mark.parametrize("snippet", HELD_OUT, ids=lambda s: s["text"][:40])
def test_held_out_heading_gives_its_clause(snippet):
    # Written apart from the rules; see the commit that added them for their first score.
    assert clean_clause(snippet["text"], snippet["standard"]) == snippet["clause"]


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("1 - Employment is freely chosen", "1"),
        ("1. Employment is freely chosen", "1"),
        ("Principle 2.6 Prohibition of forced labour :", "2.6"),
        ("REFERENCE TO CODE Principle 2", "2"),
        ("Safe and healthy working conditions (7)", "7"),
        ("Contrary to Section 62 of the Factories Act 1951", None),
        ("Audit findings", None),
        ("Page 3 of 12", None),
    ],
)
def test_heading_clause(printed: str, code: str | None) -> None:
    assert heading_clause(printed, "generic") == code


@pytest.mark.parametrize(
    ("printed", "code"),
    [("LS 1.5", "1.5"), ("LS 1", "1"), ("NC 7", None), ("PA 6", "PA 6"), ("Principle 8", "8")],
)
def test_scheme_letters_before_a_code(printed: str, code: str | None) -> None:
    assert clean_clause(printed, "generic") == code


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("SA8000 1", "1"),
        ("SA 8000 3", "3"),
        ("SA8000 clause 2.4", "2.4"),
        ("Clause 2.5", "2.5"),
        ("Clause 2.5 Section 3", None),
    ],
)
def test_a_cell_naming_the_standard_before_its_code_holds_that_code(
    printed: str, code: str | None
) -> None:
    assert whole_code(printed, "sa8000") == code


def test_clause_depth() -> None:
    assert [clause_depth(c) for c in ("A", "A4", "1", "1.6", "HOW.4", "PA 6")] == [1, 2, 1, 2, 2, 1]


def test_the_early_exit_pattern_finds_every_text_a_family_pattern_finds():
    """`find_clauses` stops when its standard's one-pattern search finds nothing: that must
    never hide a match of one of the standard's family patterns."""
    from extractor.audit.clauses import _compiled, clause_vocabulary

    texts = []
    for path in sorted(Path(__file__).resolve().parent.parent.glob("labelled_samples/*/*.json")):
        for finding in json.loads(path.read_text()).get("findings", []):
            texts += [finding.get(key) or "" for key in ("clause", "title", "description")]
    texts += ["ETI 6.1", "PA10", "A Labor", "HOW.1.2", "FOA", "C", "10C", "4.1a", "WT - Hours"]
    compiled = _compiled()
    vocab = clause_vocabulary()
    found = 0
    for standard, families in vocab.standards.items():
        early_exit = compiled["any_code"][standard]
        for text in texts:
            if any(p.search(text) for family in families for p in compiled["families"][family]):
                found += 1
                assert early_exit.search(text), (standard, text)
    assert found > 500


def test_numbered_heading_whose_name_starts_with_a_unit_word() -> None:
    from extractor.audit.clauses import heading_clause, marker_clause, trailing_clause

    assert heading_clause("5.2 Hours of work", "generic") == "5.2"
    assert heading_clause("12 hours of overtime", "generic") is None
    assert marker_clause("2.4", "generic") == "2.4"
    assert marker_clause("(a)", "generic") is None
    found = trailing_clause("Extinguishers expired. REFERENCE TO CODE Principle 10", "generic")
    assert (
        found is not None and found.code == "10" and found.start == len("Extinguishers expired. ")
    )
    assert trailing_clause("Contrary to Section 62 of the Factories Act 1951", "generic") is None


@pytest.mark.parametrize(
    ("printed", "rejoined"),
    [
        ("Benchmar k CL", "Benchmark CL"),
        ("Bench mark H/A", "Benchmark H/A"),
        ("Ref er ence 5", "Reference 5"),
        ("Child labour", "Child labour"),  # two words, nothing after them
        ("Performance Area 3", "Performance Area 3"),  # a clause phrase, not a broken word
        ("Total 5", "Total 5"),
        ("Q 10.2", "Q 10.2"),
    ],
)
def test_clause_word_broken_by_a_narrow_cell_is_rejoined(printed: str, rejoined: str) -> None:
    assert rejoined_clause_word(printed) == rejoined
