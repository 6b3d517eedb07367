"""Grades: each family's vocabulary, grades inside longer texts, words that only look like one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.audit.severity import find_grade, find_grades, kind_from_grade, normalise_severity

# (printed grade, standard, kind, severity): one or more per family in REPORT_FORMATS.md.
VOCABULARY = [
    ("Zero Tolerance", "amfori_bsci", "non_compliance", "critical"),
    ("ZT", "amfori_bsci", "non_compliance", "critical"),
    ("Critical", "generic", "non_compliance", "critical"),
    ("Serious", "generic", "non_compliance", "major"),
    ("Major", "generic", "non_compliance", "major"),
    ("Moderate", "generic", "non_compliance", "minor"),
    ("Minor", "generic", "non_compliance", "minor"),
    ("Low", "generic", "non_compliance", "minor"),
    ("Priority", "rba", "non_compliance", "critical"),
    ("Priority Nonconformance", "rba", "non_compliance", "critical"),
    ("Major Nonconformance", "rba", "non_compliance", "major"),
    ("Minor Non-Conformance", "rba", "non_compliance", "minor"),
    ("Risk of Nonconformance", "rba", "observation", None),
    ("Opportunity for Improvement", "rba", "observation", None),
    ("OFI", "rba", "observation", None),
    ("Major nonconformity", "sa8000", "non_compliance", "major"),
    ("Minor NC", "sa8000", "non_compliance", "minor"),
    ("Non-compliance", "smeta", "non_compliance", None),
    ("Observation", "smeta", "observation", None),
    ("Good Example", "smeta", "good_practice", None),
    ("Business Critical", "smeta", "non_compliance", "critical"),
    ("Noncompliance", "generic", "non_compliance", None),
    ("Risk of Noncompliance", "generic", "observation", None),
    ("Uncorroborated Evidence of Noncompliance", "generic", "observation", None),
    ("Notable Feature", "generic", "good_practice", None),
    ("Notable Practice", "generic", "good_practice", None),
    ("Good practice", "generic", "good_practice", None),
    ("Red", "generic", "non_compliance", "critical"),
    ("Amber", "generic", "non_compliance", "major"),
    ("Yellow", "generic", "non_compliance", "minor"),
    ("Maj", "generic", "non_compliance", "major"),
    ("Cr", "generic", "non_compliance", "critical"),
    ("High risk", "generic", "non_compliance", "critical"),
    ("Medium risk", "generic", "non_compliance", "major"),
    ("Urgent", "generic", "non_compliance", "critical"),
    ("Note", "generic", "observation", None),
    ("Comment", "generic", "observation", None),
    ("Positive aspect", "generic", "good_practice", None),
]


@pytest.mark.parametrize(("printed", "standard", "kind", "severity"), VOCABULARY)
def test_every_family_grade_maps_to_kind_and_severity(printed, standard, kind, severity):
    match = find_grade(printed, standard)
    assert match is not None
    assert (match.kind, match.severity) == (kind, severity)
    assert kind_from_grade(printed, standard) == kind
    assert normalise_severity(printed, standard) == severity


@pytest.mark.parametrize(
    ("text", "standard", "phrase", "kind", "severity"),
    [
        ("4.2 Wages – Major NC", "generic", "Major NC", "non_compliance", "major"),
        ("Finding 3: Noncompliance | F.12 | Major", "generic", "Major", "non_compliance", "major"),
        ("Priority: Major", "rba", "Major", "non_compliance", "major"),
        ("Finding A2-1 | Priority | Child labour", "rba", "Priority", "non_compliance", "critical"),
        ("(d) Rating: Moderate", "generic", "Moderate", "non_compliance", "minor"),
        ("Finding (zero tolerance)", "amfori_bsci", "zero tolerance", "non_compliance", "critical"),
        ("Non-conformity 2 (Minor) - clause 2.3", "sa8000", "Minor", "non_compliance", "minor"),
        ("Finding A1-2 | OFI", "rba", "OFI", "observation", None),
        ("Observation 3: Wages", "smeta", "Observation", "observation", None),
        ("Grade Serious", "generic", "Serious", "non_compliance", "major"),
        # A dash typed as two hyphens still sets the grade apart from the topic.
        ("6.4 Prohibition of child labour -- Major", "generic", "Major", "non_compliance", "major"),
        # A slash between spaces parts topic and grade; 'non-' there negates another word.
        (
            "A6 Non-discrimination / Opportunity for Improvement",
            "rba",
            "Opportunity for Improvement",
            "observation",
            None,
        ),
        ("Wages/benefits / Major", "generic", "Major", "non_compliance", "major"),
    ],
)
def test_grade_found_inside_a_heading_row_or_cell(text, standard, phrase, kind, severity):
    match = find_grade(text, standard)
    assert match is not None
    assert (match.text, match.kind, match.severity) == (phrase, kind, severity)
    assert text[match.start : match.end] == phrase


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("The fire exit was not critical to production", "generic"),
        ("There were no zero tolerance issues at this site.", "generic"),
        ("non-critical machinery", "generic"),
        ("Two minors were found on the packing line", "generic"),
        ("Major J. Smith of the fire brigade inspected the site", "generic"),
        ("A minor was found working at night", "generic"),
        ("the red fire extinguisher was missing", "generic"),
        ("Priority Closure audit", "rba"),
        ("Priority", "smeta"),
        ("PA 9 - Special protection for young workers (rating D)", "amfori_bsci"),
        ("", "generic"),
    ],
)
def test_words_that_only_look_like_grades_are_not_grades(text, standard):
    assert find_grade(text, standard) is None


def test_observation_word_decides_kind_over_a_severity_word():
    match = find_grade("Minor observation", "generic")
    assert match is not None and (match.kind, match.severity) == ("observation", None)


def test_conformance_is_recognised_but_is_no_finding():
    match = find_grade("Conformance", "rba")
    assert match is not None and match.kind is None and match.severity is None
    assert kind_from_grade("N/A", "rba") is None


def test_find_grades_lists_each_grade_once_in_reading_order():
    found = find_grades("Finding 3: Noncompliance | F.12 | Major", "generic")
    assert [m.text for m in found] == ["Noncompliance", "Major"]


def test_kind_from_grade_without_standard_allows_every_family():
    # The reader's old call site passes no standard; RBA's "Priority" must still be a grade.
    assert kind_from_grade("Priority") == "non_compliance"


HELD_OUT = json.loads(
    (Path(__file__).resolve().parent / "data" / "finding_labels_heldout.json").read_text("utf-8")
)["snippets"]


@pytest.mark.parametrize("snippet", HELD_OUT, ids=lambda s: s["text"][:40])
def test_held_out_heading_gives_its_kind_and_severity(snippet):
    # Written apart from the rules; see the commit that added them for their first score.
    match = find_grade(snippet["text"], snippet["standard"])
    got = (match.kind, match.severity) if match else (None, None)
    assert got == (snippet["kind"], snippet["severity"])


def test_the_early_exit_pattern_finds_every_text_a_grade_pattern_finds():
    """`find_grades` stops when the one-pattern search finds nothing: that must never hide a
    match of a single grade phrase's pattern."""
    from extractor.audit.severity import _any_grade, _compiled, grade_vocabulary

    texts = []
    for path in sorted(Path(__file__).resolve().parent.parent.glob("labelled_samples/*/*.json")):
        for finding in json.loads(path.read_text()).get("findings", []):
            texts += [finding.get(key) or "" for key in ("severity_raw", "title", "description")]
    for entry in grade_vocabulary().grades:
        for phrase in entry.phrases:
            texts += [phrase, phrase.upper(), f"Grade: {phrase.title()} finding", f"x{phrase}x"]
            texts.append(phrase.replace(" ", "-"))
    entries = _compiled()[0]
    early_exit = _any_grade()
    found = 0
    for text in texts:
        if any(pattern.search(text) for pattern, _ in entries):
            found += 1
            assert early_exit.search(text), text
    assert found > 500
