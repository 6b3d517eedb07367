"""Clause codes printed with a finding: 'A4', '8A', '10B', 'HOW.4', 'H/A.1', 'OSH-11', 'PA 6'.

Each standard family's code shapes are data (`extractor/data/clauses.json`). `find_clauses`
lists the codes a text prints, most specific first; `clean_clause` gives the one a finding's
clause cell or heading means, as printed, with only line wrapping, spacing and (for OCR'd text)
letters misread for digits put right. Dates, amounts, percentages, page numbers, addresses,
versions and references ('NC-7', 'Finding 3', '083-02') are not clauses. This module reads
codes; mapping them to ILO indicators is the taxonomy's job.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from extractor.audit.dates import find_dates
from extractor.record.schema import Standard

# Families whose bare codes are plain numbers (or might be, like "A4" outside RBA reports):
# they count only where a clause is expected, not in the middle of a sentence.
_NEEDS_POSITION = frozenset({"smeta", "bsci", "sa8000", "numbered", "coded", "cluster"})
_POSITIONAL_IN_GENERIC = frozenset({"rba"})
_SEGMENT_START = re.compile(r"(?:^|[|;:()\[\]\n\t–—]|\s[-/]\s|\s{2,})\s*[*•·]?\s*$")
_SEGMENT_END = re.compile(r"^(?:\s*$|\s*[|;:)\]\n\t–—,]|\s+-\s|\s{2,}|\.?\s+[A-Z(&]|\.\s*$)")
# A sub-clause ("3.1") may also run into a lower-case name: "3.1 health and safety".
_SUB_CLAUSE_END = re.compile(r"^\s+[a-z]")


class ClauseFamily(BaseModel):
    model_config = ConfigDict(frozen=True)

    patterns: list[str]
    valid_tops: list[str] | None


class ClauseVocabulary(BaseModel):
    model_config = ConfigDict(frozen=True)

    families: dict[str, ClauseFamily]
    standards: dict[str, list[str]]
    clause_words: list[str]
    reference_words: list[str]
    not_before: list[str]
    units_after: list[str]
    not_prefixes: list[str]


class ClauseMatch(BaseModel):
    """A clause code printed in a text: the code as printed (spacing normalised), and where."""

    code: str
    start: int
    end: int
    family: str
    depth: int  # 1 for a section ("A", "4"), 2 for a provision ("A4", "4.1", "F.12"), ...


@lru_cache(maxsize=1)
def clause_vocabulary() -> ClauseVocabulary:
    """Load `extractor/data/clauses.json` (cached)."""
    raw = resources.files("extractor").joinpath("data/clauses.json").read_text("utf-8")
    return ClauseVocabulary.model_validate(json.loads(raw))


def _phrases(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?:^|(?<=[^a-z0-9]))(?:{alternatives})\W{{0,3}}$")


def _references(words: list[str]) -> re.Pattern[str]:
    # "Finding 3", "NC No. 4", "#2" - but "Issue: 8A" and "Observation | 5.1" name the area.
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?:^|(?<=[^a-z0-9]))(?:{alternatives})\s*(?:no\.?|#)?\s*$")


@lru_cache(maxsize=1)
def _compiled() -> dict[str, object]:
    vocab = clause_vocabulary()
    families = {
        name: [
            re.compile(rf"(?<![A-Za-z0-9./\-]){pattern}(?![A-Za-z0-9]|[.,/]\d)")
            for pattern in family.patterns
        ]
        for name, family in vocab.families.items()
    }
    units = "|".join(re.escape(u) for u in sorted(vocab.units_after, key=len, reverse=True))
    # Per standard, its families' patterns as branches of one (groups unnamed): where that finds
    # nothing, none of them can, and `find_clauses` stops before its dates and candidates.
    any_code = {
        standard: re.compile(
            "|".join(
                rf"(?<![A-Za-z0-9./\-])(?:{_unnamed(pattern)})(?![A-Za-z0-9]|[.,/]\d)"
                for family in names
                for pattern in vocab.families[family].patterns
            )
        )
        for standard, names in vocab.standards.items()
    }
    return {
        "families": families,
        "any_code": any_code,
        "clause_words": _phrases(vocab.clause_words),
        "reference_words": _references(vocab.reference_words),
        "not_before": _phrases(vocab.not_before),
        "units_after": re.compile(rf"^\s*(?:{units})(?![a-z0-9])", re.IGNORECASE),
    }


def whole_code(text: str | None, standard: Standard, *, ocr: bool = False) -> str | None:
    """The code when `text` prints nothing but one, clause words aside ('Principle 2.4',
    'Clause: A4'), else None."""
    compact = re.sub(r"\s+", " ", text or "").strip()
    return _whole_code(compact, standard, ocr=ocr) if compact else None


def ends_with_reference(text: str) -> bool:
    """True when `text` ends with a word that makes the number after it a finding's own
    reference, not a clause ('Finding', 'NC No.', '#')."""
    return bool(_compiled()["reference_words"].search(text.lower()))  # type: ignore[attr-defined]


def rejoined_clause_word(text: str) -> str:
    """'Benchmar k CL' -> 'Benchmark CL': a clause word that a narrow cell broke in two (or
    three) pieces, put back together; other text is returned as it is."""
    words = text.split()
    for pieces in (2, 3):
        if len(words) <= pieces or not all(w.isalpha() for w in words[:pieces]):
            continue
        joined = "".join(words[:pieces])
        found = _compiled()["clause_words"].search(joined.lower())  # type: ignore[attr-defined]
        if found is not None and found.start() == 0:
            return " ".join([joined, *words[pieces:]])
    return text


def _unnamed(pattern: str) -> str:
    """A family pattern with its named groups made plain groups (so patterns can be joined)."""
    if "(?P=" in pattern or re.search(r"\\\d", pattern):
        raise ValueError(f"a clause pattern refers back to a group: {pattern}")
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def find_clauses(text: str | None, standard: Standard, *, ocr: bool = False) -> list[ClauseMatch]:
    """Return the clause codes printed in `text`, most specific first, then in reading order.

    With `ocr`, letters tesseract reads for digits inside codes ('PA1O', '4.l') are put right.
    """
    if not text or not text.strip():
        return []
    return [
        ClauseMatch(code=code, start=start, end=end, family=family, depth=depth)
        for code, start, end, family, depth in _clause_spans(text, standard, ocr)
    ]


# Texts per worker whose clause codes are kept: grouping and the labeller's features ask about
# the same cells and headings many times (18,313 questions on 5,474 texts in the long-report
# bench). Plain tuples are kept, never the mutable `ClauseMatch`es.
CLAUSE_CACHE_SIZE = 8192


@lru_cache(maxsize=CLAUSE_CACHE_SIZE)
def _clause_spans(
    text: str, standard: Standard, ocr: bool
) -> tuple[tuple[str, int, int, str, int], ...]:
    """`find_clauses` of a non-blank text as (code, start, end, family, depth) tuples."""
    if ocr:
        text = _repair_ocr_tokens(text)
    compiled = _compiled()
    vocab = clause_vocabulary()
    families = standard if standard in vocab.standards else "generic"
    if compiled["any_code"][families].search(text) is None:  # type: ignore[index]
        return ()
    dates = [(d.start, d.end) for d in find_dates(text)]
    candidates: list[ClauseMatch] = []
    for family in vocab.standards[families]:
        for pattern in compiled["families"][family]:  # type: ignore[index]
            for match in pattern.finditer(text):
                found = _candidate(text, match, family, standard, dates)
                if found is not None:
                    candidates.append(found)
    chosen: list[ClauseMatch] = []
    for found in sorted(candidates, key=lambda c: (c.start - c.end, -c.depth, c.start)):
        if all(found.end <= c.start or found.start >= c.end for c in chosen):
            chosen.append(found)
    return tuple(
        (c.code, c.start, c.end, c.family, c.depth)
        for c in sorted(chosen, key=lambda c: (-c.depth, c.start))
    )


def clean_clause(text: str | None, standard: Standard, *, ocr: bool = False) -> str | None:
    """Return the most specific clause code a clause cell or heading prints, or None.

    'Clause 2.5' -> '2.5', 'A Labor / A4 Wages' -> 'A4', 'PA1 0' (wrapped) -> 'PA10',
    'ETI 6' and 'PA 6' stay as printed.
    """
    compact = re.sub(r"\s+", " ", text or "").strip()
    if not compact:
        return None
    whole = _whole_code(compact, standard, ocr=ocr)
    if whole:
        return whole
    found = find_clauses(compact, standard, ocr=ocr)
    return found[0].code if found else None


def clause_depth(code: str) -> int:
    """How specific a code is: 1 for a section ('A', '4'), 2 for a provision ('A4', '4.1')."""
    return _depth(re.sub(r"^(?:ETI|PA)\s?", "", code))


def heading_clause(text: str | None, standard: Standard, *, ocr: bool = False) -> str | None:
    """Return the code a clause heading opens with, or ends with in brackets, else None.

    '1 - Employment is freely chosen' -> '1', 'Principle 2.6 Prohibition of forced labour :'
    -> '2.6', 'Reference to code: Principle 5' -> '5', 'Working hours (6)' -> '6'; a code in
    the middle of a sentence ('Contrary to Section 62 of the Act') is no heading's code.
    """
    compact = re.sub(r"\s+", " ", text or "").strip()
    if not compact:
        return None
    numbered = _numbered_heading(compact, standard, ocr=ocr)
    if numbered is not None:
        return numbered
    vocab_words = _compiled()["clause_words"]
    for found in find_clauses(compact, standard, ocr=ocr):
        before = compact[: found.start].strip(" :.-–|#([").lower()
        words = [w for w in re.split(r"[\s:]+", before) if w and w not in ("to", "the", "of")]
        opening = all(vocab_words.search(w) for w in words)  # type: ignore[attr-defined]
        bracketed = re.fullmatch(r"\s*\)\s*[:.]?\s*", compact[found.end :]) is not None
        in_brackets = bracketed and compact[found.start - 1 : found.start] == "("
        if (opening and len(words) <= 3) or in_brackets:
            return found.code
    return None


# "5.2 Hours of work", "3.1. Wages": a dotted number opening a heading before a capitalised name.
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=[A-Z])")


def _numbered_heading(compact: str, standard: Standard, *, ocr: bool) -> str | None:
    """The dotted number a heading opens with, even when its name starts with a unit word
    ('5.2 Hours of work' is no amount of hours): only codes of the standard's shapes count."""
    match = _NUMBERED_HEADING.match(compact)
    if match is None:
        return None
    return marker_clause(match.group(1), standard, ocr=ocr)


def marker_clause(marker: str | None, standard: Standard, *, ocr: bool = False) -> str | None:
    """The clause code a heading's paragraph marker prints ('4.1', '2.', 'A3'), or None for
    list markers ('(a)', 'ii', '-') and for anything that is not one of the standard's codes."""
    bare = (marker or "").strip().rstrip(".):")
    if not bare or not re.fullmatch(r"[A-Z]{0,3}\d{1,2}(?:\.\d{1,2}){0,3}", bare):
        return None
    found = find_clauses(bare, standard, ocr=ocr)
    if found and found[0].start == 0 and found[0].end == len(bare):
        return found[0].code
    return None


# "... not done. REFERENCE TO CODE Principle 10", "... (Clause 4.2)": a reference closing a text.
_TRAILING_START = re.compile(r"(?:^|[.;!?]\s+|\s[-–|]\s|\()(?=[A-Za-z§])")


def trailing_clause(
    text: str | None, standard: Standard, *, ocr: bool = False
) -> ClauseMatch | None:
    """The clause reference a text ends with, worded ('REFERENCE TO CODE Principle 10',
    '(Clause 4.2)', 'Ref. ETI 6'), with `start` where the reference begins; None when the
    text does not end with one. A number ending a sentence ('... in Section 62') is no
    reference unless it stands alone after the sentence."""
    if not text:
        return None
    body = text.rstrip(" .)]")
    starts = [m.end() for m in _TRAILING_START.finditer(body)]
    vocab_words = _compiled()["clause_words"]
    for start in starts:
        tail = body[start:]
        if not tail or len(tail.split()) > 6:
            continue
        found = find_clauses(tail, standard, ocr=ocr)
        if not found:
            continue
        last = max(found, key=lambda c: c.end)
        if last.end != len(tail):
            continue
        words = [w for w in re.split(r"[\s:.]+", tail[: last.start].lower()) if w]
        words = [w for w in words if w not in ("to", "the", "of", "see")]
        if words and all(vocab_words.search(w) for w in words):  # type: ignore[attr-defined]
            begin = start - 1 if body[start - 1 : start] == "(" else start
            return last.model_copy(update={"start": begin, "end": len(text)})
    return None


def looks_like_clause(text: str | None, standard: Standard = "generic") -> bool:
    """True when a cell holds only a clause code ('4.1', 'PA10', 'A3', '10C') and no name."""
    compact = re.sub(r"\s+", " ", text or "").strip()
    return bool(compact) and _whole_code(compact, standard, ocr=False) is not None


# Letters tesseract reads for the digits of a short code ("Al" for A1, "BS" for B5).
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "S": "5"})
_OCR_CODE = re.compile(
    r"^([A-Z]{1,3})([0-9lI|OoS]{1,2})$"  # A1, B5, PA10, ETI1 (letters first: not "ET11")
    r"|^([0-9lI|Oo]{1,2}(?:\.[0-9lI|OoS]{1,2})+)$"  # 4.1, 3.1.2
)


def repair_ocr_clause(code: str) -> str:
    """Return a short OCR'd clause code with letters misread for digits put right ('Al' -> 'A1').

    Only codes of a letter prefix and one or two digits, or dotted numbers, are touched.
    """
    match = _OCR_CODE.match(code)
    if match is None:
        return code
    if match.group(3):
        return match.group(3).translate(_OCR_DIGITS)
    return match.group(1) + match.group(2).translate(_OCR_DIGITS)


def _repair_ocr_tokens(text: str) -> str:
    # Only tokens that already hold a digit: "Al Hassan" stays a name, "PA1O" becomes "PA10".
    def fix(match: re.Match[str]) -> str:
        token = match.group(0)
        return repair_ocr_clause(token) if re.search(r"\d", token) else token

    return re.sub(r"(?<![\w.])[A-Za-z0-9|.]{2,6}(?![\w])", fix, text)


def _whole_code(compact: str, standard: Standard, *, ocr: bool) -> str | None:
    """Return the code when the text is nothing but one (clause words and brackets aside)."""
    vocab_words = _compiled()["clause_words"]
    bare = compact.strip(" ()[]:.;,")
    # "Clause 2.5", "Section: A4", "SA8000 1", "SA 8000 clause 3" -> the code alone: the
    # shortest head of words (a standard's name may hold digits) that ends with a clause word.
    for _ in range(2):
        for gap in re.finditer(r"[\s:.]+(?=[A-Z0-9])", bare):
            head = bare[: gap.start()]
            if re.match(r"[A-Za-z§]", head) and vocab_words.search(head.lower()):  # type: ignore[attr-defined]
                bare = bare[gap.end() :]
                break
        else:
            break
    # A scheme's own letters before a numbered code ('LS 1.5' for labour standard 1.5), unless
    # they name a reference ('NC 7') or belong to a code family ('PA 6', 'ETI 6').
    prefixed = re.match(r"^([A-Z]{1,4})\s+(\d{1,2}(?:\.\d{1,2}){0,3})$", bare)
    if prefixed and prefixed.group(1) not in _keep_prefixes(standard):
        bare = prefixed.group(2)
    for candidate in (bare, re.sub(r"\s+", "", bare)):
        if ocr:
            candidate = repair_ocr_clause(candidate)
        found = find_clauses(candidate, standard)
        if found and found[0].start == 0 and found[0].end == len(candidate) and len(found) == 1:
            code = found[0].code
            # A wrapped "PA1 0" squeezed to "PA10" is one code; "PA 6" keeps its printed space.
            return code
    return None


@lru_cache(maxsize=8)
def _keep_prefixes(standard: Standard) -> frozenset[str]:
    """Letters that are part of a code ('PA 6', 'ETI 6') or make it a reference ('NC 7')."""
    vocab = clause_vocabulary()
    keep = set(vocab.not_prefixes)
    for family in vocab.standards.get(standard, vocab.standards["generic"]):
        for pattern in vocab.families[family].patterns:
            keep.update(re.findall(r"\(\?P<prefix>([A-Z]+)", pattern))
            keep.update(vocab.families[family].valid_tops or [])
    return frozenset(keep)


def _candidate(
    text: str,
    match: re.Match[str],
    family: str,
    standard: Standard,
    dates: list[tuple[int, int]],
) -> ClauseMatch | None:
    vocab = clause_vocabulary()
    compiled = _compiled()
    start, end = match.span()
    if any(start < d_end and d_start < end for d_start, d_end in dates):
        return None
    groups = match.groupdict()
    code = re.sub(r"\s+", "", groups["code"])
    prefix = re.sub(r"\s+", " ", groups.get("prefix") or "")
    if groups.get("sub"):
        code += re.sub(r"\s+", "", groups["sub"])
    top = _top(code)
    valid = vocab.families[family].valid_tops
    if valid is not None and top not in valid:
        return None
    if family == "coded" and re.match(r"[A-Z]+", code).group(0) in vocab.not_prefixes:  # type: ignore[union-attr]
        return None
    before = text[:start].lower()
    after = text[end:]
    if not prefix and compiled["units_after"].match(after):  # type: ignore[attr-defined]
        return None  # '2 workers' is a count; 'PA2 Workers involvement' is a code and a name
    worded = bool(compiled["clause_words"].search(before))  # type: ignore[attr-defined]
    if not worded and compiled["not_before"].search(before):  # type: ignore[attr-defined]
        return None
    numeric = code[:1].isdigit() and not prefix
    if numeric and not worded:
        if compiled["reference_words"].search(before):  # type: ignore[attr-defined]
            return None
        # "12-14", "4/5": a range or a ratio, not a code.
        if re.match(r"^\s*[-–/]\s*\d", after) or re.search(r"[$€£¥]\s*$", before):
            return None
    positional = family in _NEEDS_POSITION or (
        standard == "generic" and family in _POSITIONAL_IN_GENERIC
    )
    if positional and not worded and not _in_clause_position(text, start, end, code):
        return None
    printed = f"{prefix}{code}" if prefix else code
    return ClauseMatch(code=printed, start=start, end=end, family=family, depth=_depth(code))


def _in_clause_position(text: str, start: int, end: int, code: str) -> bool:
    """True at the head of a segment (a cell, a heading) and followed by a name or the end."""
    if not _SEGMENT_START.search(text[:start]):
        return False
    after = text[end:]
    return bool(_SEGMENT_END.match(after)) or (
        not code.isdigit() and bool(_SUB_CLAUSE_END.match(after))
    )


def _top(code: str) -> str:
    if code.startswith("H/A"):
        return "H/A"
    head = re.match(r"[A-Z]+|\d+", code)
    return head.group(0) if head else code


def _depth(code: str) -> int:
    if code.startswith("H/A"):
        code = "HA" + code[3:]
    parts = [p for p in re.split(r"[.\-/]|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", code) if p]
    return len(parts)


def refines(code: str, section: str) -> bool:
    """'2.4' refines '2', 'A4' refines 'A', '4.2.1' refines '4.2'."""
    a, b = _bare_code(code), _bare_code(section)
    return len(a) > len(b) and a.startswith(b) and (b[-1:].isalpha() or not a[len(b)].isdigit())


def _bare_code(code: str) -> str:
    return re.sub(r"^(?:ETI|PA)\s?", "", code).replace(" ", "")
