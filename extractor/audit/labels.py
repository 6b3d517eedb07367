"""What a printed cover-page label names: 'Date(s) of assessment' -> audit_date, and so on.

The label vocabulary (many synonyms per `AuditInfo` field, ranked) and the value vocabularies
(audit types, announcements, demographics words) are data in
`extractor/data/metadata_fields.json`. Labels are compared after normalisation: case, colons,
lettering ('B:', '(c)'), punctuation and OCR digit-for-letter slips ('Aud1t', 'C0untry') do not
matter. This module names fields; it reads no values.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from extractor.audit.countries import plain

MAX_LABEL_WORDS = 9
# Words a label may carry beyond its vocabulary phrase ('Date of audit (dd/mm/yyyy)').
MAX_EXTRA_WORDS = 3


class LabelRule(BaseModel):
    model_config = ConfigDict(frozen=True)

    rank: int
    pattern: str


class FieldLabels(BaseModel):
    model_config = ConfigDict(frozen=True)

    rules: list[LabelRule]
    exclude: str


class ValueRule(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: str
    pattern: str


class WorkerWords(BaseModel):
    model_config = ConfigDict(frozen=True)

    total_labels: str
    table_words: str
    not_table_words: str


class MetadataVocabulary(BaseModel):
    model_config = ConfigDict(frozen=True)

    global_exclude: str
    labels: dict[str, FieldLabels]
    lettering: str
    empty_values: list[str]
    audit_types: list[ValueRule]
    announcements: list[ValueRule]
    workers: WorkerWords
    organisation_words: str
    address_words: list[str]


class FieldName(BaseModel):
    """The field a label names and how exactly (rank 1 names it exactly, higher ranks loosely)."""

    model_config = ConfigDict(frozen=True)

    field: str
    rank: int
    extra: int = 0  # printed words beyond the vocabulary phrase ("(dd/mm/yyyy)")


@lru_cache(maxsize=1)
def metadata_vocabulary() -> MetadataVocabulary:
    """Load `extractor/data/metadata_fields.json` (cached)."""
    raw = resources.files("extractor").joinpath("data/metadata_fields.json").read_text("utf-8")
    return MetadataVocabulary.model_validate(json.loads(raw))


@lru_cache(maxsize=1)
def _compiled() -> tuple[
    list[tuple[str, int, re.Pattern[str]]], dict[str, re.Pattern[str]], re.Pattern[str]
]:
    vocab = metadata_vocabulary()
    rules = [
        (field, rule.rank, re.compile(rule.pattern))
        for field, labels in vocab.labels.items()
        for rule in labels.rules
    ]
    excludes = {field: re.compile(labels.exclude) for field, labels in vocab.labels.items()}
    return rules, excludes, re.compile(vocab.global_exclude)


# Digits OCR reads inside words ("Aud1t", "C0untry", "5ite"): undone in labels only. A "1" or
# "|" may have been an "i" or an "l"; `label_field` tries both.
_OCR_LETTERS = str.maketrans({"0": "o", "1": "\x00", "5": "s", "|": "\x00", "$": "s"})


def label_key(label: str) -> str:
    """Return a label normalised for lookup: 'B: Date(s) of Audit:' -> 'date s of audit'."""
    text = re.sub(r"\s+", " ", label).strip()
    text = re.sub(metadata_vocabulary().lettering, "", text)
    # OCR slips: a digit between letters is a letter ("Aud1t"), "rn" may be an "m" (kept both).
    text = re.sub(
        r"(?<=[A-Za-z])[015|$]+(?=[A-Za-z])|(?<=\b[A-Za-z])[015|$](?=[a-z])|(?<=[a-z]{2})[1|](?!\w)",
        lambda m: m.group(0).translate(_OCR_LETTERS),
        text,
    )
    text = plain(text).lower().replace("&", " and ").replace("’", "'").replace("(s)", "s")
    # "including management", "incl. agency": what a total includes does not rule it out.
    text = re.sub(r"\b(?:including|incl\.?|inclusive of|plus)\s+[\w ]+$", "", text)
    text = re.sub(r"[^a-z0-9%#\x00 ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def label_field(label: str) -> FieldName | None:
    """Return the metadata field a printed label names (and how exactly), or None.

    A qualifier in brackets is read only if the label means nothing without it: "Number of
    workers (on day of audit)" names the headcount, "Announced (yes/no)" the announcement.
    """
    core = re.sub(r"\([^)]*\)?", " ", label)
    if core.strip() and core.strip() != label.strip():
        found = _label_field(core)
        if found is not None:
            return found
    found = _label_field(label)
    if found is None and re.search(r"\s/\s", label):
        # "Fecha de auditoría / Audit date": a label printed in two languages, or two synonyms.
        names = [_label_field(part) for part in re.split(r"\s/\s", label)]
        found = min((n for n in names if n is not None), key=lambda n: n.rank, default=None)
    return found


def _label_field(label: str) -> FieldName | None:
    key = label_key(label)
    if not key or len(key.split()) > MAX_LABEL_WORDS or re.fullmatch(r"[\d ]+", key):
        return None
    best: FieldName | None = None
    # Words printed after the label phrase that start with a capital or a digit are a value
    # ("Audit type Re-audit (full)"), unless the whole label is in capitals.
    tokens = _trailing_words(label)
    shouting = label.upper() == label
    variants = (key.replace("\x00", "i"), key.replace("\x00", "l"))
    for candidate in dict.fromkeys(v for k in variants for v in (k, k.replace("rn", "m"))):
        found = _field_of(candidate, tokens=[] if shouting else tokens)
        if found and (best is None or found.rank < best.rank):
            best = found
    return best


def _trailing_words(label: str) -> list[tuple[str, int]]:
    """The label's space-separated words, each with how many key words it makes."""
    return [
        (word, len(re.findall(r"[A-Za-z0-9\x00]+", word.replace("(s)", "s"))))
        for word in label.split()
    ]


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    """Every word the label vocabulary uses: such words after a label are part of it."""
    vocab = metadata_vocabulary()
    patterns = [rule.pattern for labels in vocab.labels.values() for rule in labels.rules]
    # Words that are also values ("Announcement Unannounced") do not count as label words.
    values = [re.compile(rule.pattern) for rule in vocab.audit_types + vocab.announcements]
    words = {word for p in patterns for word in re.findall(r"[a-z]{3,}", p)}
    return frozenset(w for w in words if not any(value.search(w) for value in values))


def _capitalised_after(tokens: list[tuple[str, int]], after: int) -> bool:
    """True when the printed words holding the last `after` key words start with a capital.

    Only whole printed words count: in "Announced/Semi/Unannounced" the options share one word
    with the label phrase, so they are part of the label.
    """
    trailing: list[str] = []
    total = 0
    for word, count in reversed(tokens):
        if total >= after:
            break
        trailing.append(word)
        total += count
    return total == after and any(word.lstrip("(")[:1].isupper() for word in trailing)


def label_excluded(label: str, field: str) -> bool:
    """True when a label reads like `field`'s but is ruled out ('Local workers', 'Report date')."""
    key = label_key(label).replace("\x00", "i")
    _, excludes, global_exclude = _compiled()
    return bool(excludes[field].search(key) or global_exclude.search(key))


def _field_of(key: str, *, tokens: list[tuple[str, int]]) -> FieldName | None:
    rules, excludes, global_exclude = _compiled()
    if global_exclude.search(key):
        return None
    best: FieldName | None = None
    for field, rank, pattern in rules:
        if best is not None and rank >= best.rank:
            continue
        match = pattern.search(key)
        if match is None or excludes[field].search(key):
            continue
        # "Site name Shree Balaji Home Furnishings" holds a value: a label is mostly label.
        after = key[match.end() :].split()
        rest = key[: match.start()].split() + after
        if len(rest) > MAX_EXTRA_WORDS or any(re.search(r"\d", word) for word in rest):
            continue
        if (
            after
            and not all(word in _label_words() for word in after)
            and _capitalised_after(tokens, len(after))
        ):
            continue
        best = FieldName(field=field, rank=rank, extra=len(rest))
    return best


def is_empty_value(value: str) -> bool:
    """True for values that say nothing ('N/A', '-', 'not applicable', 'TBC')."""
    key = re.sub(r"\s+", " ", value).strip().lower()
    return not key or key in metadata_vocabulary().empty_values
