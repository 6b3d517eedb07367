"""Recognise the audit standard (and its version as printed) from a report's first pages.

Each standard collects weighted evidence from title words and scheme names; the best-scoring
standard wins only when its evidence is clear, otherwise the report is read as "generic"; so are
reports of schemes the record has no standard for (FLA, Better Work, WRAP, SLCP), even when they
name a standard in passing.
The pipeline, not this module, turns "generic" into a warning.
"""

from __future__ import annotations

import re

from extractor.reading.document import Document
from extractor.record.schema import Standard

FIRST_PAGES = 3
MIN_SCORE = 3.0
# Signals in the title block count more than a passing mention further down.
TITLE_LINES = 8
TITLE_WEIGHT = 2.0

_SIGNALS: dict[Standard, tuple[tuple[re.Pattern[str], float], ...]] = {
    "smeta": (
        (re.compile(r"sedex members ethical trade audit", re.I), 4.0),
        (re.compile(r"\bSMETA\b"), 3.0),
        (re.compile(r"\b[24]-pillar\b", re.I), 1.0),
        (re.compile(r"\bcorrective action plan report\b|\bCAPR\b", re.I), 1.0),
        (re.compile(r"\bETI base code\b", re.I), 1.0),
        (re.compile(r"\bsedex\b", re.I), 1.0),
    ),
    "amfori_bsci": (
        (re.compile(r"\bamfori\s+BSCI\b", re.I), 4.0),
        (re.compile(r"\bBSCI\b"), 3.0),
        (re.compile(r"\bamfori\b", re.I), 2.0),
        (re.compile(r"\bperformance areas?\b", re.I), 1.0),
        (re.compile(r"\bzero tolerance\b", re.I), 0.5),
    ),
    "sa8000": (
        (re.compile(r"\bSA\s?8000\b", re.I), 4.0),
        # "Social Accountability Assessment" is also a generic title; SAI's name is not.
        (re.compile(r"\bsocial accountability\b", re.I), 1.0),
        (re.compile(r"\bsocial accountability international\b", re.I), 3.0),
        (re.compile(r"\bsocial accountability\s+(?:standard\s+)?(?:19|20)\d{2}\b", re.I), 3.0),
        (re.compile(r"\bSAAS\b|\bSAI\b"), 1.0),
    ),
    "rba": (
        (re.compile(r"\bvalidated audit process\b", re.I), 4.0),
        (re.compile(r"\bRBA\b"), 3.0),
        (re.compile(r"\bVAP\b"), 2.0),
        (re.compile(r"\bresponsible business alliance\b", re.I), 4.0),
        (re.compile(r"\bEICC\b"), 2.0),
    ),
}

# Schemes the record has no standard for: when one of them is what the report is, it is read as
# "generic" even if it names a standard in passing ("the site also holds SA8000 certification").
_OTHER_SCHEMES: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {
    "fla": (
        (re.compile(r"\bfair labou?r association\b", re.I), 4.0),
        (re.compile(r"\bFLA\b"), 3.0),
        (re.compile(r"\bsustainable compliance (?:initiative|methodology)\b|\bSCI\b", re.I), 2.0),
        (re.compile(r"\bindependent external (?:monitoring|assessment)\b", re.I), 2.0),
        (re.compile(r"\bworkplace code of conduct\b", re.I), 1.0),
    ),
    "better_work": (
        (re.compile(r"\bbetter\s+work\b", re.I), 4.0),
        (re.compile(r"\bILO\s*[/&-]\s*IFC\b|\bIFC\s*[/&-]\s*ILO\b", re.I), 2.0),
        (re.compile(r"\bcompliance assessment report\b", re.I), 1.0),
    ),
    "wrap": (
        (re.compile(r"\bworldwide responsible accredited production\b", re.I), 4.0),
        (re.compile(r"\bWRAP\b"), 3.0),
    ),
    "slcp": (
        (re.compile(r"\bsocial (?:&|and) labou?r convergence\b", re.I), 4.0),
        (re.compile(r"\bSLCP\b"), 3.0),
        (re.compile(r"\bconverged assessment framework\b", re.I), 2.0),
    ),
}

_VERSIONS: dict[Standard, tuple[re.Pattern[str], ...]] = {
    "smeta": (
        re.compile(r"\bSMETA\s*(?:version\s*|v\.?\s*)?(\d\.\d{1,2})\b", re.I),
        re.compile(r"\bSMETA version[\s:|\-]*(\d\.\d{1,2})\b", re.I),
        re.compile(r"\bversion[\s:|\-]*(\d\.\d{1,2})\b", re.I),
    ),
    "amfori_bsci": (
        re.compile(r"\bBSCI\b[^.]{0,40}?\b((?:19|20)\d{2})\b", re.I),
        re.compile(r"\bcode\s+of\s+conduct\s*(?:version\s*)?((?:19|20)\d{2})\b", re.I),
    ),
    "sa8000": (
        re.compile(r"\bSA\s?8000[\s:|\-]*((?:19|20)\d{2})\b", re.I),
        re.compile(r"\bsocial\s+accountability\s+(?:standard\s+)?((?:19|20)\d{2})\b", re.I),
    ),
    "rba": (
        # A title or sentence may wrap between the scheme's name and its version.
        re.compile(r"\b(?:RBA|EICC)\b[^.]{0,40}?\b(?:version|v\.?)[\s:|\-]*(\d\.\d)\b", re.I),
        re.compile(r"\bcode\s+(?:of\s+conduct\s+)?version[\s:|\-]*(\d\.\d)\b", re.I),
        re.compile(r"\b(?:RBA|EICC)\s+code(?:\s+of\s+conduct)?\s*(?:v\.?\s*)?(\d\.\d)\b", re.I),
        re.compile(
            r"\b(?:standard|code)\s+version[\s:|\-]*(?:version\s*|v\.?\s*)?(\d\.\d)\b", re.I
        ),
    ),
}


def detect_format(doc: Document) -> tuple[Standard, str | None]:
    """Return the report's standard and its version as printed; ("generic", None) when unsure."""
    text = first_pages_text(doc)
    scores = score_standards(text)
    best = max(scores, key=lambda standard: scores[standard])
    ranked = sorted(scores.values(), reverse=True)
    # A clear winner: enough evidence, and not a tie with another scheme named in passing.
    if ranked[0] < MIN_SCORE or ranked[0] - ranked[1] < 1.0:
        return "generic", None
    if max(_score(text, signals) for signals in _OTHER_SCHEMES.values()) >= ranked[0]:
        return "generic", None
    return best, find_version(text, best)


def first_pages_text(doc: Document, pages: int = FIRST_PAGES) -> str:
    """Return the text (lines and table cells, one per line) of the first `pages` pages."""
    wanted = {page.number for page in doc.pages[:pages]}
    parts = [line.text for page in doc.pages[:pages] for line in page.lines]
    for table in doc.tables:
        parts.extend(" | ".join(row.cells) for row in table.rows if row.page in wanted)
    return "\n".join(parts)


def score_standards(text: str) -> dict[Standard, float]:
    """Sum the weighted signals of each standard; the first lines weigh double."""
    return {standard: _score(text, signals) for standard, signals in _SIGNALS.items()}


def _score(text: str, signals: tuple[tuple[re.Pattern[str], float], ...]) -> float:
    head = "\n".join(text.splitlines()[:TITLE_LINES])
    score = 0.0
    for pattern, weight in signals:
        if pattern.search(text):
            score += weight
        if pattern.search(head):
            score += weight * (TITLE_WEIGHT - 1.0)
    return score


def find_version(text: str, standard: Standard) -> str | None:
    """Return the version of `standard` printed in `text`, e.g. '6.1', '2014', '7.0'."""
    for pattern in _VERSIONS.get(standard, ()):
        match = pattern.search(text)
        if match:
            return match.group(1)
    return None
