"""Read findings written as prose: numbered or titled paragraphs with labelled sub-fields.

Recognises explicit finding headings ("Finding 3 - Wages", "NC-07", "Non-conformity 1 (Minor) -
clause 2.5"), numbered paragraphs inside a findings section ("4.1.1 Workers ..."), and bullets
under "Observations" / "Good practice" headings. Labelled lines ("Evidence:", "Grade:") fill the
matching field; unlabelled lines continue the field being read. Sections that are not about
findings (site description, methodology, sign-off) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.audit.severity import kind_from_grade, normalise_severity
from extractor.findings.assemble import make_finding
from extractor.findings.fields import IGNORE, LABEL_LINE, label_field, normalise_text, section_kind
from extractor.findings.layout import body_size, furniture_ids, is_heading
from extractor.findings.model import RawFinding
from extractor.reading.document import Document, Line
from extractor.record.schema import FindingKind, Standard

FINDING_HEAD = re.compile(
    r"^(?P<word>finding|non[- ]?conformit(?:y|ies)|non[- ]?conformance|non[- ]?compliance|nc"
    r"|observation|obs|ofi|opportunity for improvement|good practice|good example)"
    # Numbered ("Finding 3", "NC-07"), or unnumbered with a tail ("OFI - clause 4.4").
    r"(?:\s*(?:no\.?|#)?\s*[-–:]?\s*(?P<number>[A-Z]?\d+(?:\.\d+)*[a-z]?)\b|(?=\s*[-–:]\s*\S))"
    r"(?P<tail>.*)$",
    re.IGNORECASE,
)
UNIT_HEAD = re.compile(
    r"^(?:element|section|clause|performance area|pa|code section|chapter)\s*"
    r"(?P<code>[A-E]?\d{1,2}(?:\.\d{1,2})*[A-C]?)\s*(?:[:\-–.]\s*|\s+)(?P<title>.*)$",
    re.IGNORECASE,
)
CODE_HEAD = re.compile(
    r"^(?P<code>[A-E]\d{1,2}(?:\.\d{1,2})?)\s*[:\-–.]?\s+(?P<title>[A-Z].{2,70})$"
)
# "4.1.1 Text" or "5. Observations"; a bare "11 workers ..." is a sentence, not a number.
NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^\s*(?:[-–•▪●◦*]|\(?[a-z]\)|\d{1,2}\))\s+(?P<text>\S.*)$")
TAIL_CLAUSE = re.compile(
    r"\b(?:clause|ref(?:erence)?|code|section|element)\s*[:.]?\s*([A-E]?\d{1,2}(?:\.\d{1,2})*[A-C]?)\b",
    re.IGNORECASE,
)
MAX_HEADING_WORDS = 8


@dataclass
class _Draft:
    kind: FindingKind | None
    page: int
    lines: list[Line] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)
    current: str = "description"
    ocr: bool = False
    # Started by a plain paragraph (no number, bullet or heading): a blank gap ends it.
    paragraph: bool = False

    def add(self, name: str, text: str) -> None:
        if text:
            self.values.setdefault(name, []).append(text)


def prose_findings(
    doc: Document, standard: Standard, *, exclude: set[int] | None = None
) -> list[RawFinding]:
    """Return the findings written as prose, skipping `exclude` (line ids) and page furniture."""
    skip = furniture_ids(doc) | (exclude or set())
    lines = [line for line in doc.lines if id(line) not in skip]
    reader = _ProseReader(standard, body_size(lines), {p.number for p in doc.pages if p.ocr})
    for index, line in enumerate(lines):
        reader.feed(line, lines[index + 1] if index + 1 < len(lines) else None)
    reader.close()
    return reader.findings


class _ProseReader:
    def __init__(self, standard: Standard, body: float, ocr_pages: set[int]) -> None:
        self.standard = standard
        self.body = body
        self.ocr_pages = ocr_pages
        self.section: FindingKind | None = None
        self.topic: str | None = None
        self.clause: str | None = None
        self.draft: _Draft | None = None
        self.findings: list[RawFinding] = []
        self.previous: Line | None = None

    # -- state changes ---------------------------------------------------------------------

    def close(self) -> None:
        draft, self.draft = self.draft, None
        if draft is None:
            return
        values = {name: " ".join(parts) for name, parts in draft.values.items()}
        values.pop(IGNORE, None)
        if self.topic and "topic" not in values:
            values["topic"] = self.topic
        if self.clause and "clause" not in values:
            values["clause"] = self.clause
        first_page = [line for line in draft.lines if line.page == draft.page]
        if not first_page:
            return
        labelled = any(name in values for name in ("evidence", "severity", "corrective_action"))
        finding = make_finding(
            values,
            standard=self.standard,
            section_kind=draft.kind,
            page=draft.page,
            bbox=(
                min(line.bbox[0] for line in first_page),
                min(line.bbox[1] for line in first_page),
                max(line.bbox[2] for line in first_page),
                max(line.bbox[3] for line in first_page),
            ),
            source="prose_labelled" if labelled else "prose",
            ocr=draft.page in self.ocr_pages,
        )
        if finding is not None:
            self.findings.append(finding)

    def start(self, line: Line, kind: FindingKind | None) -> _Draft:
        self.close()
        self.draft = _Draft(
            kind=kind, page=line.page, lines=[line], ocr=line.page in self.ocr_pages
        )
        return self.draft

    def enter_section(self, heading: str) -> None:
        self.close()
        self.section = section_kind(heading)
        self.topic = None
        self.clause = None

    # -- one line ----------------------------------------------------------------------------

    def feed(self, line: Line, following: Line | None) -> None:
        text = normalise_text(line.text)
        if not text:
            return
        previous, self.previous = self.previous, line
        if self.draft is not None and self.draft.paragraph and _paragraph_break(previous, line):
            self.close()
        head = FINDING_HEAD.match(text)
        if head and not LABEL_LINE.match(text):
            self._finding_head(line, head)
            return
        label = LABEL_LINE.match(text)
        if label:
            self._labelled(line, label)
            return
        unit = UNIT_HEAD.match(text) or (
            CODE_HEAD.match(text) if is_heading(line, self.body) else None
        )
        if unit and len(unit.group("title").split()) <= MAX_HEADING_WORDS:
            self.close()
            self.clause = unit.group("code")
            if self.section is None:
                self.section = "non_compliance"
            return
        numbered = NUMBERED.match(text)
        if numbered:
            self._numbered(line, numbered, following)
            return
        bullet = BULLET.match(text)
        if bullet and self.section is not None:
            self.start(line, self.section).add("description", bullet.group("text"))
            return
        if is_heading(line, self.body):
            self.enter_section(text)
            return
        if self.draft is None and self.section in ("observation", "good_practice"):
            # Observations and good practices are often plain paragraphs, one per item.
            self.start(line, self.section).paragraph = True
        if self.draft is not None:
            self.draft.add(self.draft.current, text)
            if (
                self.draft.current == "description"
                and line.page == self.draft.page
                and line is not self.draft.lines[0]
            ):
                self.draft.lines.append(line)

    def _finding_head(self, line: Line, head: re.Match[str]) -> None:
        word = head.group("word").lower()
        kind = section_kind(word) if word not in ("finding", "nc") else None
        draft = self.start(line, kind if kind in ("observation", "good_practice") else self.section)
        tail = head.group("tail").strip()
        for group in re.findall(r"\(([^)]*)\)", tail):
            if kind_from_grade(group) or normalise_severity(group, self.standard):
                draft.add("severity", group)
                tail = tail.replace(f"({group})", " ")
        clause = TAIL_CLAUSE.search(tail)
        if clause:
            draft.add("clause", clause.group(1))
            tail = tail[: clause.start()] + tail[clause.end() :]
        tail = tail.strip(" -–:.,;")
        if tail:
            # A short tail names the area ("Finding 5 - Health & safety"); a long one is the text.
            draft.add("topic" if len(tail.split()) <= MAX_HEADING_WORDS else "description", tail)

    def _labelled(self, line: Line, label: re.Match[str]) -> None:
        name = label_field(label.group("label")) or IGNORE
        rest = label.group("rest").strip()
        if name == "description" and (self.draft is None or "description" in self.draft.values):
            if self.draft is None and self.section is None and self.clause is None:
                return
            self.start(line, self.section)
        if self.draft is None:
            return
        self.draft.current = name
        self.draft.add(name, rest)
        if name == "description" and line.page == self.draft.page:
            self.draft.lines.append(line)

    def _numbered(self, line: Line, numbered: re.Match[str], following: Line | None) -> None:
        number, rest = numbered.group("number").rstrip("."), numbered.group("text")
        depth = number.count(".") + 1
        if depth == 1 and _looks_like_heading(rest, line, self.body):
            self.enter_section(rest)
            return
        if _looks_like_heading(rest, line, self.body) and not _continues(following, line):
            self.close()
            self.topic = rest
            return
        if self.section is None:
            # Numbered paragraphs outside a findings section are report text, not findings.
            self.close()
            return
        self.start(line, self.section).add("description", rest)


def _looks_like_heading(text: str, line: Line, body: float) -> bool:
    words = text.split()
    if is_heading(line, body):
        return True
    return (
        len(words) <= MAX_HEADING_WORDS
        and not text.endswith((".", ";", ":"))
        and text[:1].isupper()
    )


def _paragraph_break(previous: Line | None, line: Line) -> bool:
    """True when a blank gap (more than half a line) separates `line` from the one before."""
    if previous is None or previous.page != line.page or previous.column != line.column:
        return True
    height = max(1.0, line.bbox[3] - line.bbox[1])
    return line.bbox[1] - previous.bbox[3] > 0.5 * height


def _continues(following: Line | None, line: Line) -> bool:
    """True when the next line carries on this one's sentence (same block, not a new item)."""
    if following is None or following.page != line.page:
        return False
    text = normalise_text(following.text)
    return bool(text) and text[:1].islower()
