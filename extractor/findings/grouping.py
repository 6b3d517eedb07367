"""Group labelled blocks into findings and read each finding's fields from its blocks.

The block reader says, for every block, what it is (description, evidence, grade, a finding's
heading, ..., or not part of a finding) and whether it starts a finding. This module walks the
blocks in reading order, opens a finding at each start, and closes it at the next start or when
too much unrelated text comes between its blocks. Short fields the labeller did not place in a
block of their own (a grade or clause printed inside a heading) are read from the finding's
heading and header cells with the grade and clause vocabularies. It never looks at the PDF.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from extractor.audit.clauses import (
    clause_vocabulary,
    clean_clause,
    ends_with_reference,
    find_clauses,
    heading_clause,
    marker_clause,
    refines,
    rejoined_clause_word,
    trailing_clause,
    whole_code,
)
from extractor.audit.dates import find_dates
from extractor.audit.severity import GradeMatch, find_grade
from extractor.findings.assemble import MAX_KIND_WORDS, make_finding, printed_grade
from extractor.findings.cell_text import (
    FINDING_ID,
    MAX_GRADE_WORDS,
    MAX_SLOT_WORDS,
    bare_field_name,
    bare_number,
    field_name,
    id_number,
    kind_cell,
    leading_grade,
    names_clause,
    names_id,
    reference_only,
    text_kind,
    whole_grade,
    whole_kind,
)
from extractor.findings.features import label_above, names_field
from extractor.findings.fields import IGNORE, REF, header_field, label_field, section_kind
from extractor.findings.finding_numbers import (
    MIN_PARAGRAPH_RUN,
    counted_from_one,
    own_numbers,
    running_numbers,
    runs,
)
from extractor.findings.model import RawFinding
from extractor.findings.supervision import OUTSIDE, ROLES
from extractor.reading.blocks import Block
from extractor.record.schema import FindingKind, Standard

# Unrelated blocks (not furniture) allowed between two blocks of one finding.
MAX_GAP_BLOCKS = 6
# A finding's head (heading, ID, clause, grade and their names) before its text, at most.
MAX_HEAD_BLOCKS = 12
# A block whose role its finding already has may take an unfilled role this probable instead.
MIN_ALTERNATIVE = 0.15
TEXT_ROLES = ("description", "evidence", "corrective_action")
# Roles that make blocks without text the head of a finding of their own.
_OWN_HEAD_ROLES = ("HEAD", "clause", "title", "topic")
HEADING_FIELD_ROLES = ("HEAD", "clause", "severity", "topic", "title")
SHORT_ROLES = {"severity": "severity", "clause": "clause", "due": "due", "topic": "topic"}
FINDING_WORD = re.compile(
    r"^(?:finding|non[- ]?conformit(?:y|ies)|non[- ]?conformance|non[- ]?compliance|nc|obs"
    r"|observation|ofi|good practice|good example|notable (?:practice|feature))\b"
    r"\s*(?:no\.?|#)?\s*[-–:]?\s*(?:[A-Z]{0,3}[-.]?\d+(?:[.-]\d+)*[a-z]?)?\s*[-–:.]?\s*",
    re.IGNORECASE,
)
MAX_TOPIC_WORDS = 8
DUE_TEXT = re.compile(
    r"\b\d+\s*(?:-\s*\d+\s*)?(?:days?|weeks?|months?|years?|wks?|mths?)\b|immediate|urgent"
    r"|ongoing|on-going|continuous|next (?:audit|visit|assessment)|asap|as soon as|within"
    r"|end of|by (?:the )?(?:end|next)|\b(?:19|20)\d\d\b|\bq[1-4]\b|completed|closed|n/?a\b",
    re.IGNORECASE,
)
# A short statement that a clause was checked and nothing found: the other half of a checklist,
# printed where findings would be.
CLEAN_STATEMENT = re.compile(
    r"\bno (?:issues?|findings?|violations?|breach(?:es)?|non[- ]?complian\w*"
    r"|non[- ]?conformit\w*|concerns?|deviations?|problems?)\b(?: of concern)?"
    r"(?: (?:were|was|have been|has been|are|is))? (?:noted|found|identified|observed|raised"
    r"|recorded|detected)"
    r"|\bfound no (?:violation|breach|issue|non[- ]?complian|non[- ]?conformit|deviation|problem)"
    r"|^(?:fully )?compliant\b|\bno findings\.?$",
    re.IGNORECASE,
)
MAX_CLEAN_STATEMENT_WORDS = 20
# Labels whose text belongs to a finding without being any of its record fields: the law it
# breaks, its root cause, who answers for it. What is printed under them reads like a violation
# ('Management was not aware of the legal requirement.') but never is the finding's description.
NOT_A_FIELD_LABEL = re.compile(
    r"root cause|\blaw\b|legislation|requirement|legal|responsib|owner|workers affected"
    r"|systemic|repeat|previous|prior",
    re.IGNORECASE,
)
# A clause heading ('1 - Employment is freely chosen', 'Principle 2.6 Forced labour') names the
# clause of the findings printed under it while no more than this many other blocks (text
# outside any finding) come between them.
MAX_CONTEXT_BLOCKS = 12
# ... and, after a finding's last block, among the first this many blocks the reader left out.
MAX_TRAILING_CELLS = 3
# A finding's head the reader left outside is among this many blocks before its first one.
MAX_LEAD_BLOCKS = 12
# A short tag and a colon opening a description ('Good practice: ...').
_OPENING_TAG = re.compile(r"\s*([^:]{3,40}):\s+\S")
# A heading this short that names a finding's field ('Finding', 'Code Section') is a label
# printed over the finding, not a part of the report ('Corrective action plan').
MAX_FIELD_NAME_WORDS = 2
# A finding's own number opening a heading: 'Item 1 |', 'Finding 3:', 'No. 4 -'.
_LEADING_NUMBER = re.compile(
    r"^\s*(?:item|no|nr|ref|finding|issue|obs)\.?\s*#?\s*\d{1,3}(?:\s*[|:]|\s+[-–]|\s*$)\s*", re.I
)
# "Ref 1", "No. 3", "# 12": a finding's own number, not a clause.
_OWN_NUMBER = re.compile(r"^\s*(?:ref(?:erence)?|no|nr|#)\.?\s*#?\s*\d{1,3}\s*[-–:.]?\s*$", re.I)
# A column naming the finding's own number ('NC Ref.', 'CAR No.', 'Obs. #'): the field vocabulary
# reads 'NC' as a description column, which the labeller learned; the row number is still none.
_FINDING_REF = re.compile(
    r"(?:nc|ncr|car|finding|observation|obs\.?)\s*(?:ref(?:erence)?|no|nr|number|#|id)\.?", re.I
)
# A heading this short read as a description is a title, not a finding.
MAX_TITLE_WORDS = 10
# The grade slot of a grade printed in the finding's own heading ('Item 1 | Minor').
HEADING_SLOT = "heading"
_DIGIT = re.compile(r"\d")
# How a sentence ends (a title ends with none of these).
_SENTENCE_END = re.compile(r"[.!?;:)\]'\u2019\u201d]$")
# A description cell this short beside a longer one of the same row is the row's title.
MAX_ROW_TITLE_WORDS = 6
# A scanned line this short, without closing punctuation, can be a clause heading.
MAX_SCANNED_HEADING_WORDS = 8
# A clause cell this short ends with its code even when the words before it do not read.
MAX_CLAUSE_CELL_WORDS = 3
# A cell holding nothing but a number above this is a count or a row number: no clause scheme's
# sections run this high (SMETA 10, amfori BSCI 13, WRAP 12, SA8000 9).
MAX_BARE_SECTION = 15
# A heading naming a whole part of the report ('Observations', 'Audit findings', 'Good
# practices'), not one finding ('Observation (minor)', 'Finding 3'): kind words in the plural.
_PART_WORDS = re.compile(
    r"\b(?:findings|observations|non[- ]?complian(?:ces|ce issues)|non[- ]?conformit(?:ies)"
    r"|non[- ]?conformances|ncs|practices|examples|issues|violations|opportunities|remarks"
    r"|comments|results|aspects|notes|strengths)\b",
    re.IGNORECASE,
)


@dataclass
class _Draft:
    blocks: list[Block] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    # The clause heading the finding is printed under (outside the finding's own blocks), and
    # the kind and grade of the part of the report it is printed in.
    context_clause: str | None = None
    context_at: int | None = None  # the index of the block printing `context_clause`
    context_kind: FindingKind | None = None
    context_grade: str | None = None
    # Blocks the reader left outside but printed between this finding's blocks: (index of the
    # finding block they precede, block).
    between: list[tuple[int, Block]] = field(default_factory=list)
    # The blocks the reader left outside right before the finding's first block (at most
    # `MAX_LEAD_BLOCKS`): a head it did not take ('Code Section' / 'Section E7').
    lead: list[Block] = field(default_factory=list)
    # Indices of its cells that print another finding's code, set once the draft is complete
    # (`_complete`): checklist rows beside its text, and cells read in from under another
    # heading (a summary table).
    checklist: frozenset[int] = frozenset()
    elsewhere: frozenset[int] = frozenset()


@dataclass
class _Context:
    """The clause heading most recently printed outside any finding, and how far back."""

    clause: str | None = None
    at: int | None = None
    distance: int = 0
    # Headings numbered as the report's own paragraphs (`_paragraph_headings`).
    paragraphs: frozenset[str] = frozenset()
    # The kind and grade of the part of the report the findings are printed in ('Observations',
    # 'Non-compliances - High risk', 'OFIs'), until a heading of another part.
    kind: FindingKind | None = None
    grade: str | None = None
    # The header cells of the report's tables ('Zero Tolerance' over a yes/no column).
    column_headers: frozenset[str] = frozenset()

    def see(self, block: Block, standard: Standard) -> None:
        if block.furniture or (block.heading and bare_number(block.full_text)):
            return  # a finding's own number ('3') leaves the part and clause it is printed in
        heading = (
            None if _key(block.full_text) in self.paragraphs else _clause_heading(block, standard)
        )
        if heading is None:
            self.see_part(block, standard)
        if heading is not None:
            self.clause, self.at, self.distance = heading, block.index, 0
            return
        self.distance += 1
        if self.distance > MAX_CONTEXT_BLOCKS or (
            block.heading
            and section_kind(block.full_text) is not None
            and _PART_WORDS.search(block.full_text)
        ):
            # 'Audit findings', 'Observations': a new part of the report, under no clause.
            self.clause = None

    def see_part(self, block: Block, standard: Standard) -> None:
        """A heading naming a kind or grade of finding opens a part of the report; a field
        label set as a heading ('Finding', 'Code Section', 'Severity') leaves the part as it
        is; any other heading ('Worker interviews') closes it. A labelled heading line is a
        legend entry ('Critical: zero tolerance issue'), a column's header cell no part."""
        if not block.heading:
            return
        if block.label is not None:
            whole = whole_grade(block, standard)
            if block.marker and (whole is not None or kind_cell(block.text)):
                # A numbered heading graded after its topic ('3.5 Prohibition of forced
                # labour: Advisory') grades the finding printed under it.
                self.kind = whole.kind if whole is not None else section_kind(block.text)
                self.grade = block.text.strip()
            return
        text = block.full_text
        if _key(text) in self.column_headers or reference_only(text):
            return  # a column's name; a finding's ID ('F-11', 'Item 4') opens no part
        grade = find_grade(text, standard)
        if grade is not None and (grade.severity is not None or grade.kind != "non_compliance"):
            self.kind, self.grade = grade.kind, grade.text if grade.severity is not None else None
        elif section_kind(text) is not None and _PART_WORDS.search(text):
            self.kind, self.grade = section_kind(text), None
        elif len(text.split()) <= MAX_FIELD_NAME_WORDS and field_name(text):
            return
        else:
            self.kind, self.grade = section_kind(text), None

    def keep(self) -> None:
        """A finding printed under the heading: the heading goes on naming the findings that
        follow it, however long each of them is."""
        if self.clause is not None and self.distance <= MAX_CONTEXT_BLOCKS:
            self.distance = 0

    @property
    def current(self) -> str | None:
        return self.clause if self.distance <= MAX_CONTEXT_BLOCKS else None


def group_findings(
    blocks: Sequence[Block],
    roles: Sequence[str],
    starts: Sequence[bool],
    *,
    standard: Standard,
    scores: Sequence[float] | None = None,
    proba: np.ndarray | None = None,
) -> list[RawFinding]:
    """Return the findings printed by `blocks`, given each block's role and start flag.

    With `proba` (role probabilities per block, columns in `ROLES` order), a block whose role
    its finding already holds in another block may take the most probable role the finding
    still lacks instead of starting a new finding: one finding's evidence misread as a second
    description must not split it.
    """
    drafts: list[_Draft] = []
    current: _Draft | None = None
    gap = 0
    outside_run: deque[Block] = deque(maxlen=MAX_LEAD_BLOCKS)
    next_section = False  # a clause heading printed after the current finding's text
    paragraphs = _paragraph_headings(blocks, standard) | _numbered_finding_lines(blocks)
    context = _Context(
        paragraphs=paragraphs,
        column_headers=frozenset(_key(b.col_header) for b in blocks if b.col_header),
    )
    for i, block in enumerate(blocks):
        role = roles[i]
        if role in TEXT_ROLES and _under_other_label(blocks, i):
            role = "OTHER"
        if role == "description" and _clause_title(block, standard):
            role = "HEAD"
        if role != OUTSIDE and block.heading and _PART_WORDS.search(block.full_text):
            # 'Comments' read into the finding above it still opens a part of the report.
            context.see_part(block, standard)
            if (
                current is not None
                and "description" in current.roles
                and block.label is None
                and block.marker is None
                and section_kind(block.full_text) in ("observation", "good_practice")
                and _clause_heading(block, standard) is None
            ):
                # ... and is no field of that finding ('Positive aspects' after its text).
                role = OUTSIDE
        if role == OUTSIDE:
            if not block.furniture:
                outside_run.append(block)
            context.see(block, standard)
            if (
                current is not None
                and "description" in current.roles
                and _titled_clause(block, standard) is not None
            ):
                # 'PA2. Workers involvement and protection' after the text opens the next
                # section: the cells under it are the next finding's.
                next_section = True
            if current is not None and not block.furniture:
                current.between.append((len(current.blocks), block))
                gap += 1
                if gap > MAX_GAP_BLOCKS:
                    current = None
            continue
        if current is not None and not starts[i] and proba is not None:
            _title_cell_in_row(current, role, block)
            role = _unfilled_alternative(current, role, block, proba[i])
        repeated = (
            current is not None
            and not starts[i]
            and (
                _repeats_field(current, role, block)
                or _repeats_clause(current, role, block, standard)
            )
        )
        if (
            current is None
            or (starts[i] and not _head_goes_on(current, role, block))
            or repeated
            or _heads_next_finding(current, role, block)
            or next_section
        ):
            next_section = False
            previous_draft = current
            current = _Draft(
                context_clause=context.current,
                context_at=context.at if context.current is not None else None,
                context_kind=context.kind,
                context_grade=context.grade,
                lead=list(outside_run),
            )
            if repeated and previous_draft is not None:
                _hand_over_head(previous_draft, current, block, standard)
            drafts.append(current)
        elif _titled_clause(block, standard) is not None:
            # 'FL Forced labour' read into the finding before it heads the findings after it.
            context.see(block, standard)
        context.keep()
        current.blocks.append(block)
        current.roles.append(role)
        current.scores.append(scores[i] if scores is not None else 1.0)
        gap = 0
        outside_run.clear()
    _orphan_grades_returned(drafts)
    _orphan_clause_lines_returned(drafts)
    _code_line_tails_returned(drafts, standard)
    _trailing_lines_returned(drafts)
    for draft in drafts:
        _complete(draft, standard)
    made: list[tuple[int, RawFinding]] = []
    for number, draft in enumerate(drafts):
        finding = _finding(draft, standard, drafts[number - 1] if number else None, paragraphs)
        if finding is not None:
            made.append((number, finding))
    cell_named = [_clause_cell_named(drafts[number]) for number, _ in made]
    running = running_numbers(
        [f.clause for _, f in made],
        [_printed_under(drafts[number], standard) for number, _ in made],
        cell_named,
    )
    running |= own_numbers(
        [f.clause for _, f in made],
        [_id_numbers(drafts[number], standard) for number, _ in made],
        [
            named or _clause_worded(drafts[number])
            for (number, _), named in zip(made, cell_named, strict=True)
        ],
    )
    running |= counted_from_one([f.clause for _, f in made], cell_named)
    running_codes = frozenset(made[i][1].clause or "" for i in running)
    # A heading the reader left outside ('2.6: Non-compliance') can print a dotted running
    # number too; a bare one (3) is as likely a section's own number, which stays usable.
    running_headings = frozenset(code for code in running_codes if "." in code)
    findings = []
    for position, (number, finding) in enumerate(made):
        if position in running and finding.clause is not None:
            # The finding's own running number: read its clause from what is printed around it.
            finding = _finding(
                drafts[number],
                standard,
                drafts[number - 1] if number else None,
                paragraphs,
                not_clauses=running_codes,
                not_headings=running_headings,
            ) or finding.model_copy(update={"clause": None})
        findings.append(finding)
    # Keyed by the findings returned above, some of them read again: not by `made`'s.
    slots = {
        id(finding): _grade_slot(drafts[number], standard, finding.severity_raw)
        for (number, _), finding in zip(made, findings, strict=True)
    }
    named = {
        id(finding) for finding, is_named in zip(findings, cell_named, strict=True) if is_named
    }
    kept = _summary_repeats_dropped(findings)
    # Clearing paragraph numbers copies findings but keeps their order.
    return _kind_words_as_grades(
        _paragraph_numbers_cleared(kept, [id(finding) in named for finding in kept]),
        [slots[id(finding)] for finding in kept],
    )


def _clause_cell_named(draft: _Draft) -> bool:
    """True when a clause cell of the finding sits under a name for the clause field ('Code
    clause' | '3.1', 'Clause: 3.2', a 'Clause' column): its code is a clause, not a number."""
    return any(
        names_clause(name.strip().rstrip(":"))
        for index, role in enumerate(draft.roles)
        if role == "clause"
        for name in _cell_names(draft, index)
    ) or any(
        # 'Code clause' in the finding's head, its code a line the reader left outside.
        role in ("HEAD", "OTHER") and names_clause(block.text.strip().rstrip(":"))
        for role, block in zip(draft.roles[: _first_text(draft)], draft.blocks, strict=False)
    )


def _names_text(draft: _Draft, index: int) -> bool:
    """True for a heading that is the name of the finding's text set over it ('Observation',
    'Finding description'): a field's name, not a grade, even when it is a kind word."""
    block = draft.blocks[index]
    following = index + 1
    return (
        block.heading
        and following < len(draft.roles)
        and draft.roles[following] == "description"
        and bare_field_name(block.text)
        and header_field(block.text.strip().rstrip(":")) == "description"
    )


def _cell_names(draft: _Draft, index: int) -> list[str]:
    """What may name the field a finding's block fills: its label, its column header and the
    block just before it (a key-value box's name cell)."""
    block = draft.blocks[index]
    names = [block.label, block.col_header]
    if index > 0:
        names.append(draft.blocks[index - 1].full_text)
    return [name for name in names if name]


def _orphan_grades_returned(drafts: list[_Draft]) -> None:
    """Give back a grade that a start predicted on a finding's last cells cut off from it.

    A box printed 'CATEGORY | Nonconformance | GRADE | Major' under its description, read with
    a start on 'CATEGORY', leaves a draft without text, so no finding of its own. When that
    draft opens with a field's name (which opens no finding) and holds no head, clause, title
    or topic (which would make it the head of a finding the reader cut in two), its grade
    cells go to the finding before, if that finding has no grade.
    """
    for before, draft in zip(drafts, drafts[1:], strict=False):
        if any(role in TEXT_ROLES or role in _OWN_HEAD_ROLES for role in draft.roles):
            continue
        if not field_name(draft.blocks[0].full_text):
            continue
        if "severity" in before.roles or not any(role in TEXT_ROLES for role in before.roles):
            continue
        for block, role, score in zip(draft.blocks, draft.roles, draft.scores, strict=True):
            if role == "severity" and not block.heading:
                before.blocks.append(block)
                before.roles.append(role)
                before.scores.append(score)


def _orphan_clause_lines_returned(drafts: list[_Draft]) -> None:
    """Give back the clause lines printed under a finding's text ('Performance Area: 3.5')
    that a start predicted on them cut off into a draft without text: they go to the finding
    before, which reads its clause from them when it prints none before its text."""
    for before, draft in zip(drafts, drafts[1:], strict=False):
        if any(role in TEXT_ROLES for role in draft.roles) or not any(
            role in TEXT_ROLES for role in before.roles
        ):
            continue
        lines = 0
        while (
            lines < len(draft.blocks)
            and draft.roles[lines] in ("OTHER", "clause")
            and names_clause(draft.blocks[lines].label)
        ):
            lines += 1
        _lead_given_back(before, draft, lines)
    drafts[:] = [draft for draft in drafts if draft.blocks]


def _code_line_tails_returned(drafts: list[_Draft], standard: Standard) -> None:
    """Give back a finding's tail that a start predicted on its bare clause line cut off.

    A bullet printed as its text, then 'Q 10.2', 'Finding', the evidence and the action, read
    with a start on 'Q 10.2', leaves a draft without a description: no finding of its own, so
    its clause and fields were lost. It goes back to the finding before when that finding is
    its text alone so far and the code line follows that text directly, unless the report's
    findings print their code line before their text. Where no finding shows which side its
    code line is on, a row of such headless drafts, one before each text, reads as heads cut
    from their texts and stays."""
    if not any(
        "description" not in draft.roles and draft.blocks and _code_line(draft.blocks[0], standard)
        for draft in drafts[1:]
    ):
        return  # no headless draft opening on a code line: nothing to weigh
    code_lines = {id(b) for draft in drafts for b in draft.blocks if _code_line(b, standard)}
    after = before_text = 0
    for draft in drafts:
        if "description" in draft.roles:
            first_text = draft.roles.index("description")
            codes = [i for i, b in enumerate(draft.blocks) if id(b) in code_lines]
            after += any(i > first_text for i in codes)
            before_text += any(i < first_text for i in codes)
    if before_text > after:
        return
    for k in range(1, len(drafts)):
        before, draft = drafts[k - 1], drafts[k]
        if not draft.blocks or "description" in draft.roles or before.roles[-1:] != ["description"]:
            continue
        if id(draft.blocks[0]) not in code_lines:
            continue
        if any(at == len(before.blocks) for at, _ in before.between):
            continue  # printed apart from the text (the next table's first row)
        if "clause" in before.roles or any(id(b) in code_lines for b in before.blocks):
            continue  # the finding before printed its own code line
        if any(role in before.roles for role in draft.roles if role in TEXT_ROLES):
            continue
        earlier = drafts[k - 2] if k >= 2 else None
        if (
            after == before_text
            and earlier is not None
            and earlier.blocks
            and "description" not in earlier.roles
            and id(earlier.blocks[0]) in code_lines
        ):
            continue
        at = len(before.blocks)
        before.between += [(at + i, block) for i, block in draft.between]
        draft.between = []
        _lead_given_back(before, draft, len(draft.blocks))
    drafts[:] = [draft for draft in drafts if draft.blocks]


def _code_line(block: Block, standard: Standard) -> bool:
    """A line that is nothing but a clause code ('Q 10.2', 'Performance Area: 11.8')."""
    if block.label is not None and not names_clause(block.label):
        return False
    return len(block.text.split()) <= 2 and _cell_clause(block, standard) is not None


def _trailing_lines_returned(drafts: list[_Draft]) -> None:
    """Give back labelled lines printed under a finding's text ('Category: Good practice'
    under a bullet) that went to the next finding as its head: where that finding prints the
    same labels after its own text, each finding's lines follow its text."""
    for before, draft in zip(drafts, drafts[1:], strict=False):
        first_text = next((i for i, r in enumerate(draft.roles) if r in TEXT_ROLES), 0)
        if first_text == 0 or not any(r in TEXT_ROLES for r in before.roles):
            continue
        lead = draft.blocks[:first_text]
        if not all(b.label and label_field(b.label) not in (None, IGNORE) for b in lead):
            continue
        after = {_key(b.label) for b in draft.blocks[first_text + 1 :] if b.label}
        after |= {_key(b.label) for i, b in draft.between if i > first_text and b.label}
        if all(_key(b.label or "") in after for b in lead):
            _lead_given_back(before, draft, first_text)


def _lead_given_back(before: _Draft, draft: _Draft, count: int) -> None:
    """Move the first `count` blocks of `draft` to the end of the finding before it."""
    before.blocks += draft.blocks[:count]
    before.roles += draft.roles[:count]
    before.scores += draft.scores[:count]
    del draft.blocks[:count], draft.roles[:count], draft.scores[:count]
    draft.between = [(i - count, b) for i, b in draft.between if i >= count]


def _id_numbers(draft: _Draft, standard: Standard) -> frozenset[str]:
    """The numbers the IDs printed with a finding give it ('Non-conformance 2', 'Finding 4' as
    the heading a cell is printed under, '3: Note'), up to its text."""
    end = _first_text(draft)
    blocks = [block for position, block in enumerate(draft.blocks) if position <= end]
    blocks += [block for index, block in draft.between if index <= end]
    # The sections and column headers of its clause cells too: a cell the reader put in the
    # finding before can sit under the next one's 'Finding 4'.
    blocks += [
        block for role, block in zip(draft.roles, draft.blocks, strict=True) if role == "clause"
    ]
    numbers = set()
    for block in blocks:
        for text in (block.text, block.section, block.col_header, block.label):
            number = id_number(text, standard)
            if number is not None:
                numbers.add(number)
    return frozenset(numbers)


def _clause_worded(draft: _Draft) -> bool:
    """True when a clause cell of the finding prints a word with its number ('Element 6',
    'Clause 4'): the number is the clause's, whatever the finding's own number."""
    return any(
        role == "clause" and not _BARE_COUNT.fullmatch(block.text) and id_number(block.text) is None
        for role, block in zip(draft.roles, draft.blocks, strict=True)
    )


def _printed_under(draft: _Draft, standard: Standard) -> str | None:
    """The clause of the heading a finding is printed under, if the heading names one: its own
    first block when the reader read into it a heading that cites its clause in brackets
    ('There is no discrimination in employment (2)'; a bare number opening a heading may be
    the finding's own)."""
    first = draft.blocks[0]
    cited = first.heading and first.full_text.rstrip(" :.").endswith(")")
    own = _clause_heading(first, standard) if cited else None
    return own or _section_clause(first, standard) or draft.context_clause


def _section_clause(block: Block, standard: Standard) -> str | None:
    """The code of the section heading `block` is printed under ('6.2 Working hours'), unless
    the heading names a part of the report or a count."""
    if (
        not block.section
        or _part_heading(block.section, standard)
        or bare_number(block.section)
        or id_number(block.section, standard) is not None  # 'Finding 4', '2: Noncompliance'
    ):
        return None
    clauses = find_clauses(block.section, standard, ocr=block.ocr)
    return clauses[0].code if clauses and not _count(clauses[0].code) else None


def _paragraph_numbers_cleared(
    findings: list[RawFinding], named: Sequence[bool]
) -> list[RawFinding]:
    """Findings numbered 5.1, 5.2, 5.3, ... one after the other are a report's own paragraph
    numbers, not clauses (a clause scheme does not give consecutive findings consecutive
    provisions): their clause is unknown. A code printed under a name for the clause field
    (`named`: 'Code clause' | '3.1') stays a clause."""
    numbered = [re.fullmatch(r"(\d{1,2})\.(\d{1,2})", f.clause or "") for f in findings]

    def next_paragraph(k: int) -> bool:
        a, b = numbered[k], numbered[k + 1]
        return (
            a is not None
            and b is not None
            and int(a.group(2)) >= 1
            and b.group(1) == a.group(1)
            and int(b.group(2)) == int(a.group(2)) + 1
        )

    clear: set[int] = set()
    for run in runs(len(findings), next_paragraph):
        first = numbered[run.start]
        if first is not None and first.group(2) == "1" and len(run) >= MIN_PARAGRAPH_RUN:
            clear.update(run)
    return [
        f.model_copy(update={"clause": None}) if i in clear and not named[i] else f
        for i, f in enumerate(findings)
    ]


def _kind_words_as_grades(
    findings: list[RawFinding], slots: Sequence[str | None]
) -> list[RawFinding]:
    """An observation's or good practice's kind word is its printed grade only in a report
    whose grade slot also grades non-compliances; where no finding is graded, the word names
    the finding's type, and the report prints no grade. `slots` names the field each finding's
    grade was read from: a kind word from another slot than the one grading non-compliances
    ('FINDING TYPE: Observation' beside 'PRIORITY: Minor') is the finding's type too."""
    graded = {
        slot
        for finding, slot in zip(findings, slots, strict=True)
        if finding.kind == "non_compliance" and finding.severity_raw is not None
    }
    if not graded:
        return [
            f.model_copy(update={"severity_raw": None})
            if f.kind != "non_compliance" and f.severity_raw is not None
            else f
            for f in findings
        ]
    grade_slots = graded - {None}

    def other_slot(slot: str | None) -> bool:
        if slot == HEADING_SLOT:
            # A kind word after a finding's ID or topic ('1.13: Remark') grades it only where
            # the non-compliances are graded there too ('A1 Wages / Major Nonconformance').
            return HEADING_SLOT not in graded
        return slot is not None and bool(grade_slots) and slot not in grade_slots

    return [
        f.model_copy(update={"severity_raw": None})
        if f.kind != "non_compliance" and f.severity_raw is not None and other_slot(slot)
        else f
        for f, slot in zip(findings, slots, strict=True)
    ]


def _grade_slot(draft: _Draft, standard: Standard, grade: str | None = None) -> str | None:
    """The name of the field a finding's grade (`grade`, as read) fills ('priority', 'finding
    type'): its label or column header, or the field-name cell just before it, when that names
    a field; `HEADING_SLOT` for a grade printed after the finding's ID ('Item 1 | Minor',
    'No. 3 - Commendable practice'); None when nothing names it."""
    cells = [
        index
        for index, role in enumerate(draft.roles)
        if role == "severity" and not _names_text(draft, index)
    ]
    # 'Finding 5: Observation' over an 'Observation' line: the line is the grade's slot.
    headed = [i for i in cells if _graded_heading(draft.blocks[i].text)]
    if headed and len(headed) == len(cells):
        return HEADING_SLOT
    for index in cells:
        if index in headed:
            continue
        # A topic set before the grade ('3.7 Compensation and benefits: Advisory') names none.
        name = next(
            (
                n
                for n in _cell_names(draft, index)
                # a name, not a numbered heading ('NC 02: Noncompliance')
                if len(n.split()) <= MAX_SLOT_WORDS and field_name(n) and not _DIGIT.search(n)
            ),
            None,
        )
        return _key(name).rstrip(" :") if name else None
    if not grade:
        return None
    if any(
        role == "HEAD" and grade in block.text and _graded_heading(block.text)
        for role, block in zip(draft.roles, draft.blocks, strict=True)
    ):
        return HEADING_SLOT
    named = _named_grade(draft, standard)
    return named[0] if named is not None and named[1] == grade else None


def _graded_heading(text: str) -> bool:
    """A heading that prints a finding's ID and its grade or kind word, and nothing else
    ('Item 1 | Minor', 'No. 3 - Commendable practice', 'NC 04: Uncorroborated Evidence'), or
    that closes with the grade set apart from the finding's clause and topic ('A6
    Non-discrimination / Opportunity for Improvement')."""
    grade = find_grade(text)
    if grade is None:
        return False
    rest = _remove_spans(text, [grade], []).strip(" |-–:()")
    if not rest:
        return False
    if reference_only(rest):
        return True
    closing = text[: grade.start].rstrip()
    return grade.end >= len(text.rstrip(" .")) and closing.endswith(("/", "|", "-", "–", ":"))


def reads_as_due(text: str) -> bool:
    """True for a deadline as printed: a date, a timescale ('30 days', 'within 3 months') or a
    word that sets one ('Immediately', 'Ongoing', 'Before the next audit')."""
    return bool(DUE_TEXT.search(text)) or bool(find_dates(text))


def not_a_finding(description: str) -> bool:
    """True for a 'description' no finding is printed with: a checklist question ('Do workers
    keep their own identity documents?') or a short statement that nothing was found ('The
    audit team found no violation of this clause.', 'Compliant: no issues noted.')."""
    text = description.strip()
    if text.endswith("?"):
        return True
    return len(text.split()) <= MAX_CLEAN_STATEMENT_WORDS and bool(CLEAN_STATEMENT.search(text))


def _clause_title(block: Block, standard: Standard) -> bool:
    """A numbered clause heading with a title and no sentence ('5. Payment of a living wage')
    is a finding's head, whatever the labeller read it as."""
    text = block.text.strip()
    return (
        block.heading
        and block.marker is not None
        and block.label is None
        and len(text.split()) <= MAX_TITLE_WORDS
        and not _SENTENCE_END.search(text)
        and _clause_heading(block, standard) is not None
    )


def _title_only(draft: _Draft, description: str, standard: Standard) -> bool:
    """A 'description' that is only a title: a heading line without a sentence's closing
    mark ('Payment of a living wage', '9 Freedom of association' on a scan). A finding says what was
    found; a title names where."""
    text = description.strip()
    if len(text.split()) > MAX_TITLE_WORDS or _SENTENCE_END.search(text):
        return False
    blocks = [b for r, b in zip(draft.roles, draft.blocks, strict=True) if r == "description"]
    return all(
        b.label is None
        and (b.heading or (_scanned_title(b) and _heading_code(b, standard) is not None))
        for b in blocks
    )


def _scanned_title(block: Block) -> bool:
    """A scan's heading line, or a title OCR broke over two lines ('FACB Freedom of
    association and / collective bargaining')."""
    return _scanned_heading_line(block) or (
        block.ocr and block.n_lines == 2 and block.table is None
    )


def _summary_repeats_dropped(findings: list[RawFinding]) -> list[RawFinding]:
    """Drop a summary row that repeats the start of a finding reported in full ('Wages are
    paid on...' beside 'Wages are paid on the 10th of the following month ...')."""

    def key(text: str) -> str:
        return re.sub(r"[\W_]+", " ", text).strip().lower()

    full = [key(f.description) for f in findings]
    kept = []
    for i, finding in enumerate(findings):
        text = finding.description.strip()
        cut = re.sub(r"(?:\.\.\.|\u2026)$", "", text)
        stem = key(cut)
        if (
            cut != text
            and len(stem.split()) >= 2
            and any(
                j != i and other.startswith(stem) and len(other) > len(stem)
                for j, other in enumerate(full)
            )
        ):
            continue
        kept.append(finding)
    return kept


def _heads_next_finding(draft: _Draft, role: str, block: Block) -> bool:
    """A heading that carries a finding's clause, grade, topic or title ('PA 5 - Fair
    remuneration', 'Major non-conformity') printed after the current finding's description and
    its other fields opens the next finding, even where the labeller saw no start in it."""
    if not (
        role in HEADING_FIELD_ROLES
        and block.heading
        and block.table is None
        and "description" in draft.roles
    ):
        return False
    if block.marker is None and bare_field_name(block.text):
        # A field's name ('Finding classification') carries no value: the finding it heads
        # opens at its description, which hands the head over (`_hand_over_head`).
        return False
    # A numbered heading ('3.1 Prohibition of forced labour: Critical') opens the next
    # finding even right after a description, unless its label names a field of this one.
    if block.marker is not None and not (block.label and field_name(block.label)):
        return True
    # 'Grade: MAJOR' set bold is the current finding's field, and so is a bare grade heading
    # printed right under its description.
    return block.label is None and draft.roles[-1] != "description"


def _under_other_label(blocks: Sequence[Block], index: int) -> bool:
    """True when the block's own label, or a label printed just above it, is one of
    `NOT_A_FIELD_LABEL` ('Root cause:', 'Local law or code requirement')."""
    label = blocks[index].label
    if not label:
        j = label_above(blocks, index)
        if j is not None and names_field(blocks[j]) == IGNORE:
            label = blocks[j].full_text
    if not label:
        return False
    return label_field(label.rstrip(": ")) == IGNORE and bool(NOT_A_FIELD_LABEL.search(label))


def _same_row(a: Block, b: Block) -> bool:
    return a.table is not None and a.table == b.table and a.row == b.row and a.page == b.page


def _top_aligned(block: Block, other: Block) -> bool:
    """True when `block` starts on the line `other` starts on: cells of one row of a table
    printed without rules."""
    if block.page != other.page:
        return False
    line = min(
        (block.bbox[3] - block.bbox[1]) / max(block.n_lines, 1),
        (other.bbox[3] - other.bbox[1]) / max(other.n_lines, 1),
    )
    return abs(block.bbox[1] - other.bbox[1]) <= line / 2


def _in_row(block: Block, description: Block) -> bool:
    """True when `block` is a cell of the row `description` is printed in, ruled or not."""
    return _same_row(block, description) or (
        description.table is None
        and description.row_header is not None
        and block.page == description.page
        and block.row_header == description.row_header
    )


def _title_cell_in_row(draft: _Draft, role: str, block: Block) -> None:
    """A short description cell of the row `block` continues is the finding's title
    ('Restriction of movement' beside the sentences of the 'Non-compliance' column)."""
    if role != "description" or "title" in draft.roles:
        return
    for index, (held, held_role) in enumerate(zip(draft.blocks, draft.roles, strict=True)):
        words = held.text.split()
        if (
            held_role == "description"
            and _same_row(held, block)
            and len(words) <= MAX_ROW_TITLE_WORDS < len(block.text.split())
            and not re.search(r"[.;:!?]\s*$", held.text)
        ):
            draft.roles[index] = "title"
            return


def _unfilled_alternative(draft: _Draft, role: str, block: Block, row: np.ndarray) -> str:
    if role not in TEXT_ROLES or not _repeats_field(draft, role, block):
        return role
    choices = [r for r in (*TEXT_ROLES, "OTHER") if r != role and r not in draft.roles]
    best = max(choices, key=lambda r: row[ROLES.index(r)], default=None)
    # A table row holds one finding: a second cell of the row read with the same role is
    # another of its fields, however unsure the labeller is of which.
    same_row = any(
        r == role and _same_row(b, block) for r, b in zip(draft.roles, draft.blocks, strict=True)
    )
    if best is not None and (same_row or row[ROLES.index(best)] >= MIN_ALTERNATIVE):
        return best
    return role


def _repeats_field(draft: _Draft, role: str, block: Block) -> bool:
    """A second description in another cell or paragraph means a new finding began."""
    if role != "description" or "description" not in draft.roles:
        return False
    last = max(i for i, r in enumerate(draft.roles) if r == "description")
    previous = draft.blocks[last]
    if (
        block.page == previous.page
        and block.column == previous.column
        and _cut_sentence(previous, block)
    ):
        return False  # a sentence cut in two by a wide line gap (a wrapped cell read as lines)
    if last != len(draft.roles) - 1:
        return True
    if previous.table is not None and block.table == previous.table:
        # The rest of a cell cut by a page break continues the same row's column.
        return not (block.page != previous.page and block.col == previous.col)
    # A paragraph carried over a page or column break continues the same description.
    return block.page == previous.page and block.column == previous.column


def _head_goes_on(draft: _Draft, role: str, block: Block) -> bool:
    """A start predicted in a finding's head that has no text yet ('3.1 Forced labour:
    Critical', then 'Finding No. 1') goes on with that head unless it repeats one of its
    fields or the head is a part of the report ('Section 7 - Notable practices')."""
    if any(r in TEXT_ROLES for r in draft.roles) or any(
        _PART_WORDS.search(b.full_text) for b in draft.blocks
    ):
        return False
    if role not in draft.roles and all(r in HEADING_FIELD_ROLES for r in draft.roles):
        return True
    return _field_name_in_head(draft, block)


def _field_name_in_head(draft: _Draft, block: Block) -> bool:
    """A start on a field's name ('Comment' over the text) in such a head goes on with it too:
    a field's name opens no finding. The head must open with a heading or clause, be short
    and hold each field once (not cells of a summary table) and the name be new to it (a
    second 'Comment' is the next box's)."""
    return (
        draft.roles[0] in _OWN_HEAD_ROLES
        and len(draft.blocks) <= MAX_HEAD_BLOCKS
        and len(fields := [r for r in draft.roles if r != "OTHER"]) == len(set(fields))
        and bare_field_name(block.full_text)
        and _key(block.full_text) not in {_key(b.full_text) for b in draft.blocks}
    )


def _repeats_clause(draft: _Draft, role: str, block: Block, standard: Standard) -> bool:
    """A clause cell naming another code, after a finding that printed its own clause before
    its description, belongs to the next finding (key-value boxes the reader saw no start in)."""
    if role != "clause" or "description" not in draft.roles:
        return False
    first_description = draft.roles.index("description")
    held = [
        _cell_clause(b, standard)
        for r, b in zip(draft.roles[:first_description], draft.blocks, strict=False)
        if r == "clause"
    ]
    held = [code for code in held if code is not None]
    code = _cell_clause(block, standard)
    return bool(held) and code is not None and code not in held


def _hand_over_head(draft: _Draft, following: _Draft, block: Block, standard: Standard) -> None:
    """Move the head of the finding `block` opens from the end of `draft` into `following`.

    A second description shows that a new finding began, but its number, clause and label
    cells came before it: the cells of its table row, or the run of labels and fields after
    the last text of `draft` that starts where a field `draft` already holds comes again
    (a key-value box: 'No. | 099-03', 'Code clause | Principle 1.5', then the description),
    or from the heading `block` is printed under ('There is no discrimination (2)' above the
    next table), when the reader read that heading into `draft`.
    """
    last_text = max(
        (i for i, r in enumerate(draft.roles) if r in TEXT_ROLES), default=len(draft.roles)
    )
    held = set(draft.roles[: last_text + 1])
    # Field names printed in the finding's own head ('Code Element', 'Finding Type'): a box
    # prints them again for the next finding.
    names = {
        _key(b.full_text)
        for r, b in zip(draft.roles[:last_text], draft.blocks, strict=False)
        if r == "OTHER" and field_name(b.full_text)
    }
    repeated = next(
        (
            i
            for i in range(last_text + 1, len(draft.roles))
            if (draft.roles[i] in held and draft.roles[i] in HEADING_FIELD_ROLES)
            or (draft.roles[i] == "OTHER" and _key(draft.blocks[i].full_text) in names)
        ),
        None,
    )
    # The next box's ID row ('Item', 'No.', 'ID 2'), left outside or read as a field's name
    # after the text, opens it.
    outside_ids = (
        i for i, b in draft.between if i > last_text and b.heading and names_id(b.full_text)
    )
    own_ids = (
        i
        for i in range(last_text + 1, len(draft.roles))
        if draft.roles[i] == "OTHER" and header_field(draft.blocks[i].full_text) == REF
    )
    id_row = min((*outside_ids, *own_ids), default=None)
    if id_row is not None and (repeated is None or id_row < repeated):
        repeated = id_row
    cut = len(draft.roles) if repeated is None else repeated
    if repeated is not None or block.table is None:
        while cut > last_text + 1 and draft.roles[cut - 1] == "OTHER":
            cut -= 1
    if block.table is not None:
        # A key-value box drawn as a table holds its head in the rows above (where a field the
        # finding holds comes again): the earlier of that cut and the row's own.
        row_cut = len(draft.blocks)
        while (
            row_cut > 0
            and draft.blocks[row_cut - 1].table == block.table
            and draft.blocks[row_cut - 1].row == block.row
            and draft.blocks[row_cut - 1].page == block.page
        ):
            row_cut -= 1
        cut = min(cut, row_cut)
    cut = min(cut, _section_heading_held(draft, block, standard, last_text) or cut)
    if cut >= len(draft.blocks) or cut == 0:
        return
    following.blocks = draft.blocks[cut:]
    following.roles = draft.roles[cut:]
    following.scores = draft.scores[cut:]
    following.between = [(i - cut, b) for i, b in draft.between if i > cut]
    draft.blocks, draft.roles, draft.scores = (
        draft.blocks[:cut],
        draft.roles[:cut],
        draft.scores[:cut],
    )
    draft.between = [(i, b) for i, b in draft.between if i <= cut]


# A cell printing nothing but a count ('4', '4.', '4)').
_BARE_COUNT = re.compile(r"\s*\d{1,3}\s*[.)]?\s*")


def _numbered_after_id(name: Block, block: Block) -> bool:
    """A bare number printed right after a cell naming the finding's ID ('NC Ref.' | '1')."""
    text = name.full_text.strip()
    if re.search(r"\d", text) or not _BARE_COUNT.fullmatch(block.text):
        return False  # '# 2' | 'Code clause: 1': an ID, then a labelled clause
    return names_id(text) or _FINDING_REF.fullmatch(text) is not None


def _section_heading_held(
    draft: _Draft, block: Block, standard: Standard, last_text: int
) -> int | None:
    """Where `draft` holds, after its last text (at `last_text`), the heading `block` is
    printed under: that heading opens the next finding. A clause reference and nothing else
    ('REFERENCE TO CODE Principle 5') closes the finding before it instead."""
    if not block.section:
        return None
    section = _key(block.section)
    for index in range(last_text + 1, len(draft.blocks)):
        held = draft.blocks[index]
        if held.heading and _key(held.full_text) == section:
            return None if _reference_code(held, standard) is not None else index
    return None


def _cut_sentence(previous: Block, block: Block) -> bool:
    """`block` goes on with the sentence `previous` left unfinished, just below it."""
    if re.search(r"[.!?;:)\]'\"\u2019\u201d]\s*$", previous.text):
        return False
    line_height = max(previous.bbox[3] - previous.bbox[1], 1.0) / max(previous.n_lines, 1)
    gap = block.bbox[1] - previous.bbox[3]
    return 0 <= gap <= 2.5 * min(line_height, 14.0) and abs(block.bbox[0] - previous.bbox[0]) < 30


def _finding(
    draft: _Draft,
    standard: Standard,
    previous: _Draft | None = None,
    paragraphs: frozenset[str] = frozenset(),
    not_clauses: frozenset[str] = frozenset(),
    not_headings: frozenset[str] = frozenset(),
) -> RawFinding | None:
    """`not_clauses`: codes printed with the finding known to be no clause (the running
    numbers of the report's findings); `not_headings`: such codes the headings above it print."""
    values: dict[str, str] = {}
    cell_kind: FindingKind | None = None
    elsewhere, checklist = draft.elsewhere, draft.checklist
    for position, (role, block) in enumerate(zip(draft.roles, draft.blocks, strict=True)):
        if role in TEXT_ROLES:
            values[role] = (
                f"{values[role]} {value_text(block)}" if role in values else value_text(block)
            )
        elif (
            role in ("clause", "topic", "title")
            and not block.heading
            and (grade := _cell_grade(block, standard)) is not None
        ):
            # 'Risk of Noncompliance' under 'Category': a grade or type the labeller took for
            # another short field. A type is the finding's kind, not its printed grade.
            if grade.severity is not None:
                values.setdefault("severity", value_text(block))
            elif cell_kind is None:
                cell_kind = grade.kind
        elif role == "clause" and _under_grade_column(block):
            # 'C' under 'Rating': a letter grade the labeller took for a scheme's letter code.
            values.setdefault("severity", value_text(block))
        elif role == "severity" and _names_text(draft, position):
            # 'Observation' over the text, 'Severity' | 'Opportunity for Improvement' below
            # it: the text's field name states the kind; the grade is printed elsewhere.
            cell_kind = cell_kind or text_kind(block.text, standard)
        elif role in SHORT_ROLES and SHORT_ROLES[role] not in values:
            if role == "due" and not reads_as_due(block.text):
                continue  # a heading or a name the labeller took for a deadline
            if role == "severity" and _numbered_topic(block, standard):
                continue  # a topic heading ('5.2 Environment') the labeller took for a grade
            if role == "severity" and not FINDING_ID.sub("", block.text, count=1):
                continue  # the finding's ID ('NC 3') the labeller took for its grade
            if _key_cell(draft, position):
                continue  # 'ZT | Good practice': the field's name, then its value
            if role == "clause" and (block.index in elsewhere or block.index in checklist):
                continue  # a summary table's or a checklist question's code
            if role == "clause" and _count(block.text.strip().rstrip(".)")):
                continue  # '30' (workers affected): no scheme's sections run that high
            if role == "clause" and (_numbering(block) or _OWN_NUMBER.match(block.text)):
                continue  # the row's own number ('Item' column, 'Ref 3') taken for a clause
            if role == "topic" and not block.heading and _code_topic(block, standard) is not None:
                continue  # read as the clause
            value = _value_cell(draft, position, standard) if role == "severity" else None
            if value is not None:
                values[SHORT_ROLES[role]] = value_text(value)
            elif role == "severity":
                values[SHORT_ROLES[role]] = _label_grade(block, standard) or value_text(block)
            else:
                values[SHORT_ROLES[role]] = value_text(block)
        elif role == "title" and "title" not in values:
            values["title"] = value_text(block)
    tagged = leading_grade(values.get("description", ""), standard)
    if tagged is not None:
        # '[Minor] The staircase was blocked': the finding's own grade, not its text.
        tag, values["description"] = tagged
        values.setdefault("severity", tag)
    trailing = trailing_clause(values.get("description"), standard)
    if trailing is not None:
        # '... was not done. REFERENCE TO CODE Principle 10': the finding's clause, not its text.
        values["description"] = values["description"][: trailing.start].rstrip(" ;,-–|(")
    code = _finding_clause(
        draft, standard, trailing.code if trailing else None, paragraphs, not_clauses
    )
    between = _clause_between(draft, standard, not_clauses)
    if code is None or (between is not None and refines(between, code)):
        # 'PERFORMANCE AREA: Q 1.2' under a bullet refines the section heading's 'PA1'.
        code = between or code
    elif code.isdigit() and between is not None and _worded_line(draft, between, standard):
        # 'Clause 0.B' left outside beats a bare number in the finding's head ('9'), which
        # counts rows as often as it names a clause.
        code = between
    if code is not None:
        values["clause"] = code
    elif not_clauses and clean_clause(values.get("clause", ""), standard) in not_clauses:
        del values["clause"]
    heads = [b for r, b in zip(draft.roles, draft.blocks, strict=True) if r in ("HEAD", "OTHER")]
    own_kind = _own_kind(draft, standard)
    _fields_from_heads(heads, values, standard, own_kind)
    # The first block printed where the finding is (not in a summary read into it).
    first = next((b for b in draft.blocks if b.index not in elsewhere), draft.blocks[0])
    # The section a finding is printed under names its clause unless it is a paragraph number
    # or a clause reference closing the finding before.
    section_clause = not _previous_reference(first, previous, draft.context_at) and (
        not first.section or _key(first.section) not in paragraphs
    )
    typed = _fields_from_section(first, values, standard, clause=section_clause, own_kind=own_kind)
    cell_kind = cell_kind or typed
    if values.get("clause") in not_headings:
        del values["clause"]
    question = _answered_question(first, previous)
    if "clause" not in values and question is not None:
        # A finding after a question's own: the question's section ('8.3' -> '8').
        code = _heading_code(question, standard)
        if code is not None and "." in code:
            values["clause"] = code.rsplit(".", 1)[0]
    _grade_between(draft, values, standard, own_kind)
    if (
        "severity" not in values
        and draft.context_grade is not None
        and not _other_kind(draft.context_grade, own_kind, standard)
    ):
        # The part's grade ('Major non-conformities') unless the finding's own heading or
        # label says it is an observation or good practice ('Item 3 | Observation').
        values["severity"] = draft.context_grade
    if "clause" not in values:
        # 'NC 05: Uncorroborated Evidence' | 'ER': a code set in the finding's header row.
        header = _header_code(draft, standard)
        if header is not None and header not in not_clauses:
            values["clause"] = header
    if "clause" not in values and _headless(draft):
        # 'Code Section' | 'Section E7' printed before the text, in a head the reader left
        # outside (after the finding before): nearer than any clause heading above.
        lead = _lead_clause(draft, standard)
        if lead is not None and lead not in not_clauses:
            values["clause"] = lead
    if (
        "clause" not in values
        and draft.context_clause is not None
        and draft.context_clause not in not_headings
    ):
        values["clause"] = draft.context_clause
    if (
        not values.get("description")
        or not_a_finding(values["description"])
        or _title_only(draft, values["description"], standard)
    ):
        return None
    first = draft.blocks[0]
    on_page = [b for b in draft.blocks if b.page == first.page]
    bbox = (
        min(b.bbox[0] for b in on_page),
        min(b.bbox[1] for b in on_page),
        max(b.bbox[2] for b in on_page),
        max(b.bbox[3] for b in on_page),
    )
    finding = make_finding(
        values,
        standard=standard,
        section_kind=_section_kind(draft, standard, own_kind, cell_kind),
        page=first.page,
        bbox=bbox,
        source="table" if first.table is not None else "prose_labelled",
        ocr=first.ocr,
    )
    if finding is None:
        return None
    confidence = min(draft.scores) if draft.scores else 1.0
    return finding.model_copy(update={"confidence": round(min(finding.confidence, confidence), 2)})


def _label_grade(block: Block, standard: Standard) -> str | None:
    """A grade the reader split into a label and a value ('Priority' | 'Nonconformance' from
    'Priority Nonconformance'): the whole grade, when the value alone grades nothing."""
    if not block.label:
        return None
    whole = f"{block.label} {block.text}".strip()
    grade = find_grade(whole, standard)
    if grade is None or grade.severity is None or grade.start > 0 or grade.end < len(whole):
        return None
    alone = find_grade(block.text, standard)
    return whole if alone is None or alone.severity is None else None


def _cell_grade(block: Block, standard: Standard) -> GradeMatch | None:
    """The grade of a cell that is a grade as a whole and holds no code ('Risk of
    Noncompliance', 'Major'); None for any other, a bare finding-type word ('Noncompliance')
    included."""
    grade = whole_grade(block, standard)
    if grade is None or grade.kind is None:
        return None
    if grade.kind == "non_compliance" and grade.severity is None:
        return None
    return grade if _cell_clause(block, standard) is None else None


def _key_cell(draft: _Draft, position: int) -> bool:
    """True when the next block of the finding is a cell of the same row read with the same
    role: this one is the row's field name, the next its value."""
    following = position + 1
    return (
        following < len(draft.blocks)
        and draft.roles[following] == draft.roles[position]
        and _same_row(draft.blocks[position], draft.blocks[following])
        and (draft.blocks[following].col or 0) > (draft.blocks[position].col or 0)
    )


def _value_cell(draft: _Draft, position: int, standard: Standard) -> Block | None:
    """The grade cell just right of a grade-name cell in its row, left outside by the reader
    ('ZT' | 'Good practice'); None when there is none."""
    block = draft.blocks[position]
    for index, outside in draft.between:
        if index != position + 1:
            continue
        if (
            _same_row(block, outside)
            and (outside.col or 0) > (block.col or 0)
            and (whole_grade(outside, standard) is not None or kind_cell(outside.text))
        ):
            return outside
        return None
    return None


def value_text(block: Block) -> str:
    """A block's text for a field: without a field label, but keeping a false one ('Workers
    said: ...' is a sentence, not a label)."""
    text = block.text
    if block.label and label_field(block.label) is None:
        text = f"{block.label}: {text}"
    return rejoin_breaks(text)


def rejoin_breaks(text: str) -> str:
    """Undo line breaks inside hyphenated words and dates ('2019-08 -22', 'non- compliance')."""
    text = re.sub(r"(?<=\w)- (?=\w)", "-", text)
    return re.sub(r"(?<=\d) -(?=\d)", "-", text)


def _fields_from_heads(
    heads: Sequence[Block],
    values: dict[str, str],
    standard: Standard,
    own_kind: FindingKind | None = None,
) -> None:
    """Read a grade, clause and topic printed in a finding's heading or header cells. A
    grade of another kind than the finding's own heading states (`own_kind`) is another
    finding's ('Minor Nonconformance' in a summary table read into a notable practice).

    The clause is chosen before (`_finding_clause`).
    """
    for block in heads:
        text = block.text
        if block.label:
            name = label_field(block.label)
            if name in ("severity", "clause", "due", "topic", "title") and name not in values:
                if name != "severity" or not _other_kind(text, own_kind, standard):
                    values[name] = text
                continue
        grade = find_grade(text, standard)
        if (
            "severity" not in values
            and grade is not None
            and grade.severity is not None
            and not _other_kind(grade.text, own_kind, standard)
        ):
            values["severity"] = grade.text
        elif (
            "severity" not in values
            and grade is not None
            and grade.kind == own_kind
            and block.heading
            and _graded_heading(text)
        ):
            # 'Item 3 | Observation': the heading's kind word in the slot that grades the
            # report's non-compliances ('Item 1 | Minor'); `_kind_words_as_grades` decides.
            values["severity"] = grade.text
        elif "severity" not in values and kind_cell(text):
            # A type cell holding only an observation or good-practice word ('Advisory').
            values["severity"] = text
        clauses = find_clauses(text, standard, ocr=block.ocr)
        if "topic" not in values and block.table is None and block.heading:
            rest = _remove_spans(text, [grade] if grade else [], clauses)
            rest = FINDING_WORD.sub("", rest).strip(" -–:.|()")
            if (
                rest
                and len(rest.split()) <= MAX_TOPIC_WORDS
                and find_grade(rest) is None
                and rest.lower() not in clause_vocabulary().clause_words
            ):
                values["topic"] = rest  # not what introduced the code ('... - clause 1.2')


def _numbered_topic(block: Block, standard: Standard) -> bool:
    """A numbered heading that names no grade or kind ('5.2 Environment'). Unnumbered cells
    keep the report's own scale ('C', 'Comment'), which no vocabulary lists (nor do codes:
    'C' is also an FLA benchmark)."""
    for text in (value_text(block), block.text):
        # The heading's grade may follow its topic as a label's value ('3.7 Compensation and
        # benefits: Advisory').
        if find_grade(text, standard) is not None or kind_cell(text):
            return False
    return bool(block.marker)


def _finding_clause(
    draft: _Draft,
    standard: Standard,
    trailing: str | None,
    paragraphs: frozenset[str],
    not_clauses: frozenset[str] = frozenset(),
) -> str | None:
    """The clause code of a finding, from its clause cells, heading and header cells and a
    reference closing its description.

    A finding's blocks can print several codes (a checklist row read into it, the section code
    beside a provision): the one printed nearest before the description is the finding's own,
    and a deeper code of the same section refines it ('2' and '2.4' give '2.4'). Row numbers
    ('#', 'Item', 'No.' columns), counts and codes in columns the record ignores (local law,
    status) are no clauses.
    """
    candidates: list[tuple[float, str]] = []
    first_description = None
    named = _clause_cell_named(draft)
    checklist, elsewhere = draft.checklist, draft.elsewhere
    for position, (role, block) in enumerate(zip(draft.roles, draft.blocks, strict=True)):
        if role == "description" and first_description is None:
            first_description = position
        if _key(block.full_text) in paragraphs or block.index in checklist:
            continue
        if block.index in elsewhere:
            continue  # a summary table's cell read into the finding, under another heading
        if named and role != "clause" and block.col_header and names_id(block.col_header):
            continue  # 'No.' | 'PA1.1' beside 'Code Ref.' | 'Question PA1': the finding's ID
        if position and _numbered_after_id(draft.blocks[position - 1], block):
            continue  # 'NC Ref.' | '1': the finding's own number
        if role == "clause" and _under_grade_column(block):
            continue  # a letter grade ('C' under 'Rating'), read as the grade
        if block.label and not names_clause(block.label) and _BARE_COUNT.fullmatch(block.text):
            continue  # 'Workers affected: 14', 'Item 3': a count or a row's number
        if role == "clause":
            code = _cell_clause(block, standard)
        elif role == "topic" and not block.heading:
            code = _code_topic(block, standard)
        elif role in ("HEAD", "OTHER") or (block.heading and role in HEADING_FIELD_ROLES):
            if first_description is not None and _titled_heading(block, standard):
                continue  # 'Freedom of association (9)' after the text opens the next section
            if block.col_header and header_field(block.col_header) == "severity":
                continue  # 'C' under 'Rating' is a grade, whatever scheme letters read 'C'
            # A heading the reader took for the grade ('Principle 2.8 Forced labour : Minor')
            # still prints the finding's clause.
            code = _head_clause(block, standard)
        else:
            continue
        if code is not None and code not in not_clauses:
            candidates.append((position, code))
    if first_description is not None:
        # Clause headings the reader left outside between the finding's head and its text
        # ('PA8. No child labour' head, 'PA9. ...', 'PA10. ...' sections with nothing found,
        # then the text): the nearest one before the text is the finding's.
        for index, block in draft.between:
            if (
                index <= first_description
                and block.index not in checklist
                and not whole_code(block.text, standard, ocr=block.ocr)
                and find_grade(block.text, standard) is None  # '5 | Noncompliance': an ID
                and section_kind(block.text) is None
            ):
                code = _titled_clause(block, standard)
                if code is not None and code not in not_clauses:
                    candidates.append((index - 0.5, code))
    if trailing is not None:
        candidates.append(((first_description or 0) + 0.5, trailing))
    row_code = _row_code(draft, standard, first_description)
    if row_code is not None and row_code not in not_clauses:
        # Nearer than any code printed before the row, farther than one in the row itself.
        candidates.append((first_description - 0.5, row_code))  # type: ignore[operator]
    if not candidates:
        return None
    before = [c for c in candidates if first_description is None or c[0] < first_description]
    if not before and first_description is not None:
        # Codes only after the text are a later row's, unless the finding prints none in its
        # head: a clause line of the head the reader left outside ('REQUIREMENT' / 'CL') wins.
        head = _clause_between(draft, standard, not_clauses, upto=_first_text(draft))
        if head is not None:
            return head
    chosen = before[-1][1] if before else candidates[0][1]
    refinements = [code for _, code in candidates if refines(code, chosen)]
    return max(refinements, key=len) if refinements else chosen


def _under_grade_column(block: Block) -> bool:
    """A table cell under a column the field vocabulary names as the grade ('Rating')."""
    return (
        not block.heading
        and block.col_header is not None
        and header_field(block.col_header) == "severity"
    )


def _code_topic(block: Block, standard: Standard) -> str | None:
    """The code of a cell the reader took for a topic that prints nothing but a clause
    reference ('Benchmark C' in a 'Code ref.' column), else None."""
    if _numbering(block) or _OWN_NUMBER.match(block.full_text):
        return None
    code = whole_code(value_text(block), standard, ocr=block.ocr)
    return None if code is None or _count(code) else code


def _row_code(draft: _Draft, standard: Standard, description: int | None) -> str | None:
    """The code printed in the first cell of the row holding a finding's description ('COMP-15
    | Are wages paid on time? | No | <finding>', ruled or not), when the reader left that cell
    out of the finding. A bare number there counts rows ('1', '2'), so it names no clause."""
    if description is None:
        return None
    block = draft.blocks[description]
    header = block.row_header
    if not header or any(held.text == header for held in draft.blocks):
        return None  # no row, or its first cell is the finding's own: read with the others
    code = whole_code(header, standard, ocr=block.ocr)
    if code is None or code.isdigit() or _count(code):
        return None
    return code


def _titled_clause(block: Block, standard: Standard) -> str | None:
    """The code of a clause heading that names more than the code ('FL Forced labour',
    'PA2. Workers involvement and protection'), else None."""
    return _clause_heading(block, standard) if _titled_heading(block, standard) else None


def _titled_heading(block: Block, standard: Standard) -> bool:
    """An unlabelled heading that names more than a clause reference ('Health and safety (8)',
    not 'REFERENCE TO CODE Principle 10')."""
    return block.heading and block.label is None and _reference_code(block, standard) is None


def _reference_code(block: Block, standard: Standard) -> str | None:
    """The code of a line that is nothing but a clause reference ('REFERENCE TO CODE
    Principle 10', 'Principle 2.4'), else None."""
    return _reference_only(block.full_text, standard, ocr=block.ocr)


def _reference_only(text: str, standard: Standard, *, ocr: bool) -> str | None:
    """The code of `text` when it is nothing but a clause reference, else None."""
    reference = trailing_clause(text, standard, ocr=ocr)
    return reference.code if reference is not None and reference.start == 0 else None


def _numbering(block: Block) -> bool:
    """A bare number or finding ID ('4', 'NC04') in a row-number column or after a row-number
    label ('#', 'Item', 'No.', 'Ref'): the row's own number, no clause ('Ref' cells holding
    '4.1' still name one)."""
    if not _BARE_COUNT.fullmatch(block.text) and not FINDING_ID.fullmatch(block.text.strip()):
        return False  # neither '4' nor 'NC04'
    return any(
        name and (header_field(name) == REF or _FINDING_REF.fullmatch(name.strip()))
        for name in (block.col_header, block.label)
    )


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def _paragraph_headings(blocks: Sequence[Block], standard: Standard) -> frozenset[str]:
    """Headings numbered N.1, N.2, N.3, ... one after the other (at least `MIN_PARAGRAPH_RUN`
    of them) are the report's own numbered paragraphs ('5.1 Wages & benefits', '5.2 Hours of
    work'), not clauses: a clause scheme does not put its provisions in a row of findings."""
    numbered: list[tuple[str, int, int]] = []
    for block in blocks:
        if not (block.heading or _scanned_heading_line(block)) or block.furniture:
            continue
        code = _heading_code(block, standard)
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})", code or "")
        if match is not None and block.full_text.lstrip().startswith(code or ""):
            numbered.append((_key(block.full_text), int(match.group(1)), int(match.group(2))))
    found: set[str] = set()

    def next_heading(k: int) -> bool:
        return numbered[k + 1][1] == numbered[k][1] and numbered[k + 1][2] == numbered[k][2] + 1

    for run in runs(len(numbered), next_heading):
        if len(run) >= MIN_PARAGRAPH_RUN:
            found.update(numbered[i][0] for i in run)
    return frozenset(found)


def _numbered_finding_lines(blocks: Sequence[Block]) -> frozenset[str]:
    """Sections that are a numbered finding's first line ('2. Final settlement unpaid one week
    after resignation; legal', a scanned paragraph's line taken for a heading): the finding's
    own number, no clause of the findings after it. A clause's title is no sentence: a
    semicolon ends a finding's clause, not a title's."""
    return frozenset(
        _key(section)
        for section in {b.section for b in blocks if b.section}
        if re.match(r"\s*\d{1,3}[.)]\s+\S", section) and ";" in section
    )


def _count(code: str) -> bool:
    return code.isdigit() and int(code) > MAX_BARE_SECTION


def _cell_clause(block: Block, standard: Standard) -> str | None:
    """The code of a block the reader took for a finding's clause."""
    if _numbering(block) or _OWN_NUMBER.match(block.full_text):
        return None
    text = value_text(block)
    code = clean_clause(text, standard, ocr=block.ocr)
    words = text.split()
    if (
        code is None
        and 1 < len(words) <= MAX_CLAUSE_CELL_WORDS
        and not ends_with_reference(" ".join(words[:-1]))
    ):
        # 'Benchmar k C': a clause word a narrow cell broke in two, then the code.
        code = clean_clause(words[-1], standard, ocr=block.ocr)
    return None if code is None or _count(code) else code


def _head_clause(block: Block, standard: Standard) -> str | None:
    """The clause code a finding's heading or header cell prints, if any."""
    text = rejoined_clause_word(block.text)
    if _numbering(block) or _OWN_NUMBER.match(text) or _OWN_NUMBER.match(block.full_text):
        return None
    code = None
    if block.heading and block.marker:
        # '2.4 Is the site free of pregnancy testing?': the heading's number is its clause.
        code = marker_clause(block.marker, standard, ocr=block.ocr)
    # 'Item 1 | Minor', 'Finding 3: 4.2 Wages': the finding's own number names no clause.
    text = _LEADING_NUMBER.sub("", text, count=1)
    counted = re.fullmatch(r"\s*\d{1,3}\s*[-–:|]\s*(.+)", text)
    if code is None and counted and whole_kind(counted.group(1), standard):
        return None  # '1 - Noncompliance': a count and the finding's type
    if code is None and len(text.split()) <= 2:
        # A cell that is nothing but a code, as OCR misreads it ("Al", "AS").
        code = clean_clause(text, standard, ocr=block.ocr)
    if code is None:
        clauses = find_clauses(text, standard, ocr=block.ocr)
        code = clauses[0].code if clauses else None
    if code is None and block.label and label_field(block.label) is None:
        # 'Section A1 Forced labour: Risk of Nonconformance': the heading's code went into
        # what reads as its label.
        clauses = find_clauses(block.label, standard, ocr=block.ocr)
        code = clauses[0].code if clauses else None
    return None if code is None or _count(code) else code


def _previous_reference(first: Block, previous: _Draft | None, context_at: int | None) -> bool:
    """The section a finding is printed under is a block of the finding before it, so it names
    the earlier finding's clause, not this one's: a clause reference closing that finding, or
    its heading when this finding opens with a heading too ('2: Noncompliance' after '1: ...').

    A heading before the earlier finding's text is the heading both are printed under, unless
    a clause heading printed outside the findings since (`context_at`) is nearer.
    """
    if previous is None or not first.section:
        return False
    section = " ".join(first.section.split())
    first_text = _first_text(previous)
    for position, block in enumerate(previous.blocks):
        if " ".join(block.full_text.split()) != section:
            continue
        shared = (
            position < first_text
            and not first.heading
            and (context_at is None or context_at < block.index)
            and not _question(block)  # a question is answered by one finding
        )
        if not shared:
            return True
    return False


def _headless(draft: _Draft) -> bool:
    """True when the reader took none of a finding's head: no ID or clause cell before its
    text (a title may be there)."""
    return not any(role in ("HEAD", "clause") for role in draft.roles[: _first_text(draft)])


def _lead_clause(draft: _Draft, standard: Standard) -> str | None:
    """The code of the last clause field printed, as a name and its value ('Code Section' /
    'Section E7'), in the blocks the reader left outside right before the finding."""
    after = draft.lead
    found = None
    for name, value in zip(after, after[1:], strict=False):
        if names_clause(name.text.strip().rstrip(":")) and not value.heading:
            code = whole_code(value_text(value), standard, ocr=value.ocr)
            if code is not None and not _count(code) and not code.isdigit():
                found = code
    return found


def _first_text(draft: _Draft) -> int:
    """The position of a finding's first text block (its length when it has none)."""
    return next((i for i, r in enumerate(draft.roles) if r in TEXT_ROLES), len(draft.roles))


def _complete(draft: _Draft, standard: Standard) -> None:
    """Work out what the clause rules read from a draft's finished blocks, once."""
    draft.checklist = _checklist_codes(draft)
    draft.elsewhere = _printed_elsewhere(draft, standard)


def _printed_elsewhere(draft: _Draft, standard: Standard) -> frozenset[int]:
    """Indices of the finding's cells printed under another heading than its text, when the
    text's heading names a clause ('2.4 Forced or compulsory labour - Critical'): a summary
    table the reader read into the finding, whose codes are other findings'."""
    text = next(
        (b for r, b in zip(draft.roles, draft.blocks, strict=True) if r == "description"), None
    )
    if text is None or _section_clause(text, standard) is None:
        return frozenset()
    return frozenset(
        block.index
        for block in draft.blocks
        if not block.heading and block.section and block.section != text.section
    )


def _checklist_codes(draft: _Draft) -> frozenset[int]:
    """Indices of the cells of checklist rows printed with a finding whose text is on none of
    them ('1.1' | 'Does the site have a person responsible ...?' | 'YES', then an observation
    under the area): their codes are the questions', not the finding's."""
    texts = [b for r, b in zip(draft.roles, draft.blocks, strict=True) if r in TEXT_ROLES]
    blocks = [*draft.blocks, *(block for _, block in draft.between)]
    questions = [
        block
        for block in blocks
        if _question(block)
        and block.col_header is not None
        and not any(_same_row(block, t) or _top_aligned(block, t) for t in texts)
    ]
    return frozenset(
        block.index
        for block in blocks
        for question in questions
        if block is not question
        and block.col_header is not None
        and (_same_row(block, question) or _top_aligned(block, question))
    )


def _question(block: Block) -> bool:
    return block.full_text.rstrip().endswith("?")


def _answered_question(first: Block, previous: _Draft | None) -> Block | None:
    """The question heading ('8.3 Are contracts issued?') the finding before answered, when
    this finding is printed under it too: this one belongs to the question's section."""
    if previous is None or not first.section or first.heading:
        return None
    section = _key(first.section)
    return next(
        (
            block
            for block in previous.blocks[: _first_text(previous)]
            if _question(block) and _key(block.full_text) == section
        ),
        None,
    )


def _clause_heading(block: Block, standard: Standard) -> str | None:
    """The code of a clause heading ('1 - Employment is freely chosen', 'Principle 2.6 Forced
    labour :', 'REFERENCE TO CODE Principle 2'): a heading that opens with a clause code."""
    if not (block.heading or _scanned_heading_line(block)) or len(block.full_text.split()) > 14:
        return None
    if ";" in block.full_text:
        return None  # a numbered finding's sentence ('1. Hostel doors chained at night; ...')
    if bare_number(block.full_text) or id_number(block.full_text, standard) is not None:
        return None  # a finding's own number set as its heading ('1', '2.', '2 | Noncompliance')
    code = _heading_code(block, standard)
    if code is None or _count(code) or _part_heading(block.full_text, standard):
        return None
    return code


def _heading_code(block: Block, standard: Standard) -> str | None:
    """The code a heading line prints: its list or paragraph marker, else the code it opens
    with."""
    code = marker_clause(block.marker, standard, ocr=block.ocr) if block.marker else None
    return code or heading_clause(block.full_text, standard, ocr=block.ocr)


def _scanned_heading_line(block: Block) -> bool:
    """A short line of a scan that may be a heading: OCR gives no font weight, so a numbered
    title line ('2 Prohibition of forced labour') is not marked as one."""
    text = block.full_text.strip()
    return (
        block.ocr
        and block.n_lines == 1
        and block.table is None
        and len(text.split()) <= MAX_SCANNED_HEADING_WORDS
        and not text.endswith((".", ";", ","))
    )


def _part_heading(text: str, standard: Standard) -> bool:
    """A numbered part of the report ('Section 5 - Detailed findings', '6. Observations'), not
    a clause: its name is kinds of finding, in the plural, without a grade ('4.2 Wages - Major
    NC' and '1.2 Commendable practice' are clause headings)."""
    name = text
    for found in find_clauses(text, standard):
        name = text[found.end :]
        break
    if section_kind(name) is None or not _PART_WORDS.search(name):
        return False
    grade = find_grade(name, standard)
    return grade is None or grade.severity is None


def _grade_between(
    draft: _Draft,
    values: dict[str, str],
    standard: Standard,
    own_kind: FindingKind | None = None,
) -> None:
    """A grade printed among a finding's blocks that the reader left outside ('Urgent' in
    the header row), when the finding has no grade of its own and the grade names no other
    kind than the finding's own label or heading does (`own_kind`: 'Good practice: ...')."""
    if "severity" in values:
        return
    for index, block in draft.between:
        if index == len(draft.blocks) and block.heading:
            break  # the next section or finding
        # Inside the finding, or after its text under the grade's own label ('Risk level:
        # Observation' under the evidence).
        inside = index < len(draft.blocks) or (
            block.label is not None and label_field(block.label) == "severity"
        )
        grade = whole_grade(block, standard) if inside else None
        if grade is not None and not _other_kind(grade.text, own_kind, standard):
            values["severity"] = grade.text
            return
    named = _named_grade(draft, standard)
    text = _row_grade(draft, standard) or (named[1] if named is not None else None)
    if text is not None and not _other_kind(text, own_kind, standard):
        values["severity"] = text


def _named_grade(draft: _Draft, standard: Standard) -> tuple[str, str] | None:
    """The grade printed in the cell after the grade field's own name ('Finding Type' |
    'Opportunity for Improvement') that the reader read as no field of the finding: the
    field's name (as a grade slot) and the grade."""
    inside = [(b, "O") for index, b in draft.between if index < len(draft.blocks)]
    after = [b for index, b in draft.between if index == len(draft.blocks)]
    # Cells after the text up to the next box's ID or clause cell ('Ref', 'Code Section').
    box_end = next(
        (i for i, b in enumerate(after) if names_id(_key(b.text)) or names_clause(_key(b.text))),
        len(after),
    )
    ordered = sorted(
        [(b, r) for b, r in zip(draft.blocks, draft.roles, strict=True)]
        + inside
        + [(b, "O") for b in after[:box_end]],
        key=lambda pair: pair[0].index,
    )
    for (name, _), (cell, role) in zip(ordered, ordered[1:], strict=False):
        if (
            role in ("O", "OTHER")
            and bare_field_name(name.text)
            and header_field(name.text.strip().rstrip(":")) == "severity"
            and whole_grade(cell, standard) is not None
        ):
            return _key(name.text).rstrip(" :"), cell.text.strip()
    return None


def _row_grade(draft: _Draft, standard: Standard) -> str | None:
    """The cell under a grading column ('Classification', 'Rating') of the row a finding's
    description is printed in, that the reader left outside the finding or read as no field
    of it: the report's own scale ('C', 'Level 2') is a grade there, which no vocabulary
    lists. Kind words ('Issue', 'Observation') name the finding's type, not its grade."""
    roles = zip(draft.blocks, draft.roles, strict=True)
    description = next((block for block, role in roles if role == "description"), None)
    if description is None or not (description.row_header or description.table is not None):
        return None
    others = [
        (i, b)
        for i, (b, r) in enumerate(zip(draft.blocks, draft.roles, strict=True))
        if r == "OTHER"
    ]
    for _, block in _near_between(draft) + others:
        if (
            not _in_row(block, description)
            or not block.col_header
            or header_field(block.col_header) != "severity"
        ):
            continue
        text = block.text.strip()
        printed = printed_grade(text, standard) if len(text.split()) <= MAX_GRADE_WORDS else None
        if printed is None:
            continue  # '-', 'N/A', 'Finding': not graded
        grade = find_grade(printed, standard)
        if (grade is not None and grade.severity is None) or (
            grade is None and (section_kind(printed) is not None or field_name(printed))
        ):
            continue  # 'Observatio n': a kind word, even broken
        return text
    return None


def _near_between(draft: _Draft) -> list[tuple[int, Block]]:
    """The blocks the reader left outside among a finding's blocks and just after its last one
    (at most `MAX_TRAILING_CELLS` there), with the position in the finding each follows."""
    end = len(draft.blocks)
    near = [(index, block) for index, block in draft.between if 0 < index <= end]
    return near[: MAX_TRAILING_CELLS + end]


def _clause_between(
    draft: _Draft, standard: Standard, not_clauses: frozenset[str], upto: int | None = None
) -> str | None:
    """A clause line among or just after a finding's blocks that the reader left outside
    ('Requirement: Principle 2.4' under a bullet, 'Q 6.4' under the finding's 'Ref.'), or a
    heading that is nothing but a clause reference ('REFERENCE TO CODE Principle 10'), when
    the finding prints no other; only up to the block `upto` when given."""
    end = len(draft.blocks)
    for index, block in _near_between(draft):
        if upto is not None and index > upto:
            break
        if block.index in draft.checklist:
            continue  # a checklist question's code, not the finding's
        if block.heading and block.label is None:
            code = _reference_code(block, standard)
            if code is None and index <= _first_text(draft):
                # A code set as a heading inside the finding's head, between its ID
                # ('Finding 1: Noncompliance') and its text: the finding's own clause.
                code = whole_code(block.text, standard, ocr=block.ocr)
            if code is not None and not _count(code) and code not in not_clauses:
                return code
            continue
        if block.heading and not names_clause(block.label):
            continue  # a legend or field line set as a heading; 'ETI clause: ETI 1.5' is none
        if block.label is None:
            # An unlabelled cell among the finding's head ('Ref.' | 'Q 6.4' | 'Finding'), or
            # a reference line within it ('Q: COMP-21' under a bullet); a bare code after the
            # text is a later row's or table's cell. A number alone counts rows or findings.
            code = whole_code(block.text, standard, ocr=block.ocr)
            after_text = index > _first_text(draft)
            if code is None and not after_text:
                code = _reference_before_name(block, standard)
            if after_text and (index == end or block.text.strip() == code):
                continue
            if code is not None and not code.isdigit() and code not in not_clauses:
                return code
            continue
        if ends_with_reference(block.label):
            continue
        if header_field(block.label) == REF or label_field(block.label) == REF:
            continue
        code = whole_code(block.text, standard, ocr=block.ocr)
        if code is not None and not _count(code) and code not in not_clauses:
            return code
    return None


def _header_code(draft: _Draft, standard: Standard) -> str | None:
    """The code a column header over the finding's cells prints on its own ('ER', 'FL-2'):
    its header row holds its ID and its clause, not field names. Numbers are left out: a
    header row also numbers the finding ('1.1')."""
    for block in draft.blocks:
        header = (block.col_header or "").strip()
        if not header or not header[0].isalpha() or field_name(header):
            continue
        code = whole_code(header, standard, ocr=block.ocr)
        if code is not None and code == header:
            return code
    return None


def _worded_line(draft: _Draft, code: str, standard: Standard) -> bool:
    """True when a line the reader left outside the finding prints `code` after a clause
    word ('Clause 0.B', 'Requirement: FL-2')."""
    return any(
        block.text.strip() != code and whole_code(block.text, standard, ocr=block.ocr) == code
        for _, block in _near_between(draft)
    )


def _reference_before_name(block: Block, standard: Standard) -> str | None:
    """The code of stacked label lines in a finding's head, a clause reference then the name
    of the field below it ('REQUIREMENT' / 'A1' / 'DESCRIPTION'), else None."""
    words = block.text.split()
    if len(words) < 3 or not field_name(words[-1]):
        return None
    return _reference_only(" ".join(words[:-1]), standard, ocr=block.ocr)


def _trailing_kind(draft: _Draft, standard: Standard) -> FindingKind | None:
    """The observation or good-practice word of a cell just after a finding's last block that
    the reader left outside: the rest of the finding's row ('Observation' under 'Category',
    'Best practice' after a 'Finding type' cell, 'Category: Good practice'). It names the
    finding's kind, not its grade (the report's grade may sit in another column)."""
    end = len(draft.blocks)
    after = [block for index, block in draft.between if index == end]
    # A wide row's cells however many ('Finding type' ten columns after the description).
    descriptions = [b for b, r in zip(draft.blocks, draft.roles, strict=True) if r == "description"]
    trailing = after[:MAX_TRAILING_CELLS] + [
        block
        for block in after[MAX_TRAILING_CELLS:]
        if any(_in_row(block, description) for description in descriptions)
    ]
    # A cell of the description's own row that the reader left out while the finding took a
    # block beyond the row (the next page's heading), or that stands before the description
    # in a row without rules ('NC 13 | n/a | Notable practice | n/a | A workers' fund...').
    trailing += [
        block
        for index, block in draft.between
        if index < end
        and (
            (block.col_header is not None and any(_same_row(block, d) for d in descriptions))
            or (block.table is None and any(_top_aligned(block, d) for d in descriptions))
        )
    ]
    last = draft.blocks[-1]
    after_type = field_name(last.full_text) and "severity" in (
        header_field(last.full_text),
        label_field(last.full_text),
    )
    for position, block in enumerate(trailing):
        cell = (
            block.col_header is not None
            or (block.label is not None and label_field(block.label) is not None)
            or any(_same_row(block, description) for description in descriptions)
            or any(_top_aligned(block, description) for description in descriptions)
        )
        if not (cell or (position == 0 and after_type)) or block.heading:
            continue
        grade = whole_grade(block, standard)
        if grade is not None and grade.kind in ("observation", "good_practice"):
            return grade.kind
        if block.label is not None and len(block.text.split()) <= MAX_KIND_WORDS:
            # A labelled value ('Category: Recommendation') is no column's name.
            kind = section_kind(block.text)
            if kind in ("observation", "good_practice"):
                return kind
    return None


def _fields_from_section(
    first: Block,
    values: dict[str, str],
    standard: Standard,
    *,
    clause: bool = True,
    own_kind: FindingKind | None = None,
) -> FindingKind | None:
    """A finding printed under a clause or grade heading ('6.2 Working hours', 'Major
    non-conformities') takes that heading's code or grade when it prints none of its own,
    and the grade only when its own heading names no other kind (`own_kind`). Returns the
    observation or good-practice kind a clause heading states after its topic."""
    if not first.section:
        return None
    code = _section_clause(first, standard) if clause and "clause" not in values else None
    if code is not None:
        values["clause"] = code
    if "severity" not in values:
        grade = find_grade(first.section, standard)
        tail = first.section.rsplit(":", 1)[-1].strip()
        if grade is not None and grade.severity is not None:
            if own_kind is None or own_kind == grade.kind:
                values["severity"] = grade.text
        elif (
            grade is not None
            and grade.kind in ("observation", "good_practice")
            and grade.start > 0
            and grade.end >= len(first.section.rstrip(" .:"))
            and _section_clause(first, standard) is not None
        ):
            # '2.12 Forced labour / OFI': a clause heading typed after its topic names the
            # finding's kind (a part heading, 'Observations', names the part's).
            return grade.kind
        elif grade is None and tail != first.section.strip() and kind_cell(tail):
            # '... workplace regulations : Advisory': a kind word the vocabulary lacks.
            values["severity"] = tail
    return None


def _remove_spans(text: str, grades: Sequence, clauses: Sequence) -> str:
    spans = sorted([(g.start, g.end) for g in grades] + [(c.start, c.end) for c in clauses])
    out, position = [], 0
    for start, end in spans:
        if start >= position:
            out.append(text[position:start])
            position = end
    out.append(text[position:])
    # Rules and spaced dashes or slashes part what is left; a hyphen inside a word
    # ('Non-discrimination') stays.
    joined = " ".join("".join(out).split())
    return re.sub(r"\s*\|\s*|\s+[-–/]+\s*|\s*[-–/]+\s+|–", " - ", joined).strip(" -/")


def _head_kind(heads: Sequence[Block], standard: Standard) -> FindingKind | None:
    """The kind a finding's heading states ('Observation 2', 'Finding 3: Noncompliance')."""
    for block in heads:
        kind = text_kind(block.full_text, standard)
        if kind is not None:
            return kind
    return None


def _label_kind(draft: _Draft, standard: Standard) -> FindingKind | None:
    """The kind a description's own label names ('Remark: ...', 'Good practice: ...',
    'Uncorroborated: ...'), or the tag its text opens with when unlabelled; a label naming a
    non-compliance says no more than the default."""
    descriptions = [b for r, b in zip(draft.roles, draft.blocks, strict=True) if r == "description"]
    if descriptions and not descriptions[0].label:
        # A tag opening the text itself ('Uncorroborated evidence: eight workers said').
        kind = _opening_kind(descriptions[0].text, standard)
        if kind is not None:
            return kind
    for block in descriptions:
        if not block.label:
            continue
        grade = find_grade(block.label, standard)
        kind = grade.kind if grade is not None else section_kind(block.label)
        if kind in ("observation", "good_practice"):
            return kind
    return None


def _opening_kind(text: str, standard: Standard) -> FindingKind | None:
    """The observation or good-practice kind a description's text opens with, as a tag before
    a colon ('Good practice: A welfare fund ...'); None for any other opening."""
    match = _OPENING_TAG.match(text)
    if match is None:
        return None
    tag = match.group(1).strip()
    grade = find_grade(tag, standard)
    if grade is None or grade.start != 0 or grade.end < len(tag.rstrip(" .")):
        return None
    return grade.kind if grade.kind in ("observation", "good_practice") else None


def _own_kind(draft: _Draft, standard: Standard) -> FindingKind | None:
    """The observation or good-practice kind a finding's own description label or heading
    states ('Remark: ...', 'Item 3 | Observation'); None when they state none. A field's
    name ('RECOMMENDATIONS: FOR CORRECTIVE ACTION') states no kind."""
    kind = _label_kind(draft, standard)
    if kind is not None:
        return kind
    described = False
    for role, block in zip(draft.roles, draft.blocks, strict=True):
        described = described or role == "description"
        if role not in ("HEAD", "OTHER") or (block.label and field_name(block.label)):
            continue
        if described and block.heading:
            break  # the next part's heading ('Positive aspects') read after the text
        # An ID ('NC-11', 'NC 3: Observation') numbers a report's observations too.
        text = FINDING_ID.sub("", block.full_text, count=1)
        kind = text_kind(text, standard) if text else None
        if kind is not None:
            return kind if kind in ("observation", "good_practice") else None
    return None


def _other_kind(grade_text: str, own_kind: FindingKind | None, standard: Standard) -> bool:
    """True when a grade names another kind than the one the finding states itself."""
    if own_kind is None:
        return False
    grade = find_grade(grade_text, standard)
    kind = grade.kind if grade is not None else section_kind(grade_text)
    return kind is not None and kind != own_kind


def _section_kind(
    draft: _Draft,
    standard: Standard,
    own_kind: FindingKind | None,
    cell_kind: FindingKind | None = None,
) -> FindingKind | None:
    """Kind from the finding's heading words or the section it is printed under: `own_kind`
    (`_own_kind`) first, then `cell_kind`, the type a cell among its blocks states, after its
    own row."""
    if own_kind is not None:
        return own_kind
    heads = [b for r, b in zip(draft.roles, draft.blocks, strict=True) if r in ("HEAD", "OTHER")]
    kind = _head_kind(heads, standard)  # at most a bare 'NC 1' by now
    # A type cell of the finding's row beats a heading's bare 'NC 1'.
    kind = _trailing_kind(draft, standard) or cell_kind or kind
    if kind is not None:
        return kind
    first = draft.blocks[0]
    kind = section_kind(first.section) if first.section else None
    if kind in ("observation", "good_practice"):
        return kind
    return draft.context_kind or kind
