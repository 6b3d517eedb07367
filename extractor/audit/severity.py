"""Grades as printed ('Major NC', 'Zero Tolerance', 'Priority', 'Risk of Noncompliance') and
what they mean: the finding's kind and the record's severity.

The vocabulary of every standard family is data (`extractor/data/grades.json`). `find_grade`
finds a grade inside a longer text (a heading, a header row, a cell) and says where it is.
Ordinary words that are also grades ('minor', 'critical', 'major', colour words) count only
where a grade is expected: in a cell or segment of their own, after a grade label, or before a
finding noun ('Major NC'); negated grades ('not critical', 'no zero tolerance issues') never
count. This module never invents a grade: unknown wording gives None.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from extractor.record.schema import FindingKind, Severity, Standard

# A grade's segment ends at cell rules, brackets, colons, dashes or slashes between spaces and
# line breaks.
_DELIMITER = re.compile(r"[|;()\[\]{}\n\t:,–—]|\s[-/]{1,3}\s|\s{3,}|(?<=\w)\.(?=\s|$)")
# What may share a segment with a bare grade: a reference ("Finding 3", "A1-2", "#4").
_REFERENCE = re.compile(
    r"^(?:(?:no|nr|ref|finding|item)\.?\s*)?#?\s*[A-Z]{0,4}[\d][\w.\-/]*$", re.IGNORECASE
)


_RANK_BEFORE_NAME = re.compile(
    r"\s*(?:\(\s*ret(?:ire)?d?\.?\s*\)\s*)?(?:[A-Z]\.\s*)+[A-Z][a-z]+|\s*\(\s*ret(?:ire)?d?\.?\s*\)"
)


class GradeEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    phrases: list[str]
    kind: FindingKind | None
    severity: Severity | None
    bare: bool
    standards: list[Standard] | None


class GradeVocabulary(BaseModel):
    model_config = ConfigDict(frozen=True)

    grades: list[GradeEntry]
    grade_labels: list[str]
    finding_nouns: list[str]
    negations: list[str]
    not_grades: list[str]


class GradeMatch(BaseModel):
    """A grade printed in a text: the phrase as printed, its span, and what it means.

    `kind` None means the phrase states conformance or not applicable: the row is no finding.
    """

    text: str
    start: int
    end: int
    kind: FindingKind | None
    severity: Severity | None


def _words_pattern(phrase: str) -> str:
    # A space in the vocabulary matches a space, a hyphen or nothing ("non-compliance").
    return r"[\s\-]*".join(re.escape(word) for word in phrase.split())


@lru_cache(maxsize=1)
def grade_vocabulary() -> GradeVocabulary:
    """Load `extractor/data/grades.json` (cached)."""
    raw = resources.files("extractor").joinpath("data/grades.json").read_text("utf-8")
    return GradeVocabulary.model_validate(json.loads(raw))


@lru_cache(maxsize=1)
def _compiled() -> tuple[
    list[tuple[re.Pattern[str], GradeEntry]], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    vocab = grade_vocabulary()
    entries = []
    for entry in vocab.grades:
        for phrase in sorted(entry.phrases, key=len, reverse=True):
            pattern = re.compile(
                rf"(?<![A-Za-z0-9]){_words_pattern(phrase)}(?![A-Za-z0-9])", re.IGNORECASE
            )
            entries.append((pattern, entry))
    nouns = "|".join(_words_pattern(n) for n in sorted(vocab.finding_nouns, key=len, reverse=True))
    noun_after = re.compile(rf"[\s\-]+(?:{nouns})(?![A-Za-z0-9])", re.IGNORECASE)
    labels = "|".join(_words_pattern(x) for x in sorted(vocab.grade_labels, key=len, reverse=True))
    label_before = re.compile(rf"(?:^|\b)(?:{labels})\s*[:=\-]?\s*$", re.IGNORECASE)
    not_grades = "|".join(_words_pattern(x) for x in vocab.not_grades)
    not_grade = re.compile(rf"(?:{not_grades})(?![A-Za-z0-9])", re.IGNORECASE)
    return entries, noun_after, label_before, not_grade


@lru_cache(maxsize=1)
def _any_grade() -> re.Pattern[str]:
    """Every grade phrase in one pattern: where it finds nothing, no phrase's own pattern can
    (each is one of its branches, between the same guards), so `find_grades` stops early. Most
    texts it is asked about (cells, paragraphs) print no grade; the 88 searches were a tenth of
    the reader's time."""
    phrases = sorted(
        {phrase for entry in grade_vocabulary().grades for phrase in entry.phrases},
        key=len,
        reverse=True,
    )
    branches = "|".join(_words_pattern(phrase) for phrase in phrases)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{branches})(?![A-Za-z0-9])", re.IGNORECASE)


def find_grades(text: str | None, standard: Standard | None = None) -> list[GradeMatch]:
    """Return every grade printed in `text` (non-overlapping, in reading order).

    `standard` limits family-specific words (RBA's bare "Priority"); None allows all families.
    """
    if not text or not text.strip():
        return []
    return [
        GradeMatch(text=text[s:e], start=s, end=e, kind=entry.kind, severity=entry.severity)
        for s, e, entry in _grade_spans(text, standard)
    ]


# Texts per worker whose grades are kept: a report asks about its headings, cells and labels
# many times (11,295 questions on 3,367 texts in the long-report bench: searching each text
# once costs a fifth). Spans and frozen entries are kept, never the mutable `GradeMatch`es.
GRADE_CACHE_SIZE = 8192


@lru_cache(maxsize=GRADE_CACHE_SIZE)
def _grade_spans(text: str, standard: Standard | None) -> tuple[tuple[int, int, GradeEntry], ...]:
    """`find_grades` of a non-blank text as (start, end, entry), in reading order."""
    if _any_grade().search(text) is None:
        return ()
    entries, noun_after, label_before, not_grade = _compiled()
    negations = set(grade_vocabulary().negations)
    candidates: list[tuple[int, int, GradeEntry]] = []
    for pattern, entry in entries:
        if entry.standards is not None and standard is not None and standard not in entry.standards:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if not_grade.match(text, start) or _is_label(text, end):
                continue
            if _RANK_BEFORE_NAME.match(text, end) and entry.bare:
                continue  # "Major (retd.) R. Singh": a rank before a person's name
            compound = noun_after.match(text, end)
            if compound and entry.severity is not None:
                end = compound.end()
            elif entry.bare and not _stands_alone(text, start, end, label_before):
                continue
            if _negated(text, start, negations):
                continue
            candidates.append((start, end, entry))
    chosen: list[tuple[int, int, GradeEntry]] = []
    for start, end, entry in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, entry))
    return tuple(sorted(chosen, key=lambda c: c[0]))


def find_grade(text: str | None, standard: Standard | None = None) -> GradeMatch | None:
    """Return the grade a heading, row or cell prints, or None.

    A severity ('Major', 'Zero tolerance') wins over a bare kind word ('Noncompliance'), unless
    the text names an observation or good practice, whose kind then decides (and which carries
    no severity).
    """
    matches = find_grades(text, standard)
    if not matches:
        return None
    kinds = [m for m in matches if m.severity is None and m.kind is not None]
    graded = [m for m in matches if m.severity is not None]
    other_kind = next((m for m in kinds if m.kind != "non_compliance"), None)
    explicit_nc = any(m.kind == "non_compliance" for m in kinds)
    if other_kind is not None and not explicit_nc:
        return other_kind
    if graded:
        return graded[0]
    return kinds[0] if kinds else matches[0]


def normalise_severity(raw: str | None, standard: Standard) -> Severity | None:
    """Return critical, major or minor for a printed grade; None for observations or unknowns."""
    match = find_grade(raw, standard)
    if match is None or match.kind != "non_compliance":
        return None
    return match.severity


def kind_from_grade(raw: str | None, standard: Standard | None = None) -> FindingKind | None:
    """Return the finding kind a printed grade or type implies, or None when it says nothing."""
    match = find_grade(raw, standard)
    return match.kind if match is not None else None


def _is_label(text: str, end: int) -> bool:
    # "Priority: Major" - the word before a colon names the field, it is not the value.
    rest = text[end:]
    return bool(re.match(r"\s*[:=]", rest)) and bool(re.match(r"\s*[:=]\s*\S", rest))


def _segment(text: str, start: int, end: int) -> tuple[str, str]:
    """Return the text before and after a match within its delimited segment."""
    left = 0
    for delimiter in _DELIMITER.finditer(text, 0, start):
        left = delimiter.end()
    right_match = _DELIMITER.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:start], text[end:right]


def _stands_alone(text: str, start: int, end: int, label_before: re.Pattern[str]) -> bool:
    """True when a bare grade word is the whole of its segment, a reference aside, or labelled."""
    before, after = _segment(text, start, end)
    before, after = before.strip(" .*-#"), after.strip(" .*-")
    if label_before.search(text[:start]) and not after:
        return True
    rest = " ".join(part for part in (before, after) if part)
    # "Minor observation", "Major NC": other grade words may share the segment.
    others = re.findall(r"[a-z]+", rest.lower())
    if others and all(word in _grade_words() for word in others):
        return True
    return not rest or bool(_REFERENCE.match(rest))


@lru_cache(maxsize=1)
def _grade_words() -> frozenset[str]:
    vocab = grade_vocabulary()
    phrases = [p for entry in vocab.grades for p in entry.phrases] + vocab.finding_nouns
    return frozenset(word for phrase in phrases for word in phrase.split())


def _negated(text: str, start: int, negations: set[str]) -> bool:
    before, _ = _segment(text, start, start)
    lowered = before.lower()
    prefix = re.search(r"\b([a-z]+)-\s*$", lowered)
    if prefix and prefix.group(1) in negations:
        return True  # 'non-critical'
    # 'Non-discrimination / Opportunity for Improvement': the prefix of another word.
    words = re.findall(r"\b[a-z]+\b(?!-)", lowered)[-3:]
    return any(word in negations for word in words)
