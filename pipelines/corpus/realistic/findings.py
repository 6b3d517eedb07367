"""Compose one report's findings: wording, codes, grades and every printed field, plus gold.

Wording comes from the phrase banks (`phrases.py`, filled by `entities.fill` so entity spans are
known by construction). What is printed is decided here from the document's choices, and the
gold value of each field follows from what is printed: a clause is the most specific code
printed with the finding, a grade is what sits in the finding's grade slot, an unprinted field
is None. Nothing here draws.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from extractor.evaluation.matching import similarity
from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import FindingKind, Severity

from ..compose import pick_phrase
from ..entities import Filled, fill
from ..phrases import (
    AREA_OF,
    CORRECTIVE_ACTIONS,
    EVIDENCE,
    GOOD_PRACTICES,
    NON_COMPLIANCE,
    OBSERVATIONS,
    TITLES,
)
from ..values import SlotValues, format_date
from . import wording as w
from .families import AREAS, Family
from .grammar import Choices

TEXT_DATE_STYLES = ("long", "dmy", "iso", "mdy_long", "dmy_dots", "short")
TOPIC_WORDS = {
    "forced": "Forced labour",
    "treatment": "Harassment and abuse",
    "child": "Child labour",
    "wages": "Wages",
    "hours": "Working hours",
    "ohs": "Health & safety",
    "discrimination": "Discrimination",
    "foa": "Freedom of association",
    "employment": "Employment",
    "environment": "Environment",
    "ethics": "Business ethics",
    "management": "Management system",
}
COLOUR_GRADES: dict[Severity, tuple[str, ...]] = {
    "critical": ("Red",),
    "major": ("Orange", "Amber"),
    "minor": ("Yellow",),
}
LETTER_GRADES: dict[Severity, tuple[str, ...]] = {
    "critical": ("D",),
    "major": ("C",),
    "minor": ("B",),
}
KIND_ORDER = {"non_compliance": 0, "observation": 1, "good_practice": 2}
GRADE_ORDER = {"critical": 0, "major": 1, "minor": 2, None: 3}


@dataclass(frozen=True)
class FindingContent:
    """One finding: what is printed where, and what the gold record says."""

    ordinal: int  # position in reading order, 1-based
    kind: FindingKind
    issue: str
    area: str
    section: tuple[str, str] | None  # family section (code, name) the finding belongs to
    code: str | None  # code printed with the finding itself (no prefix word)
    code_text: str | None  # the same as printed, e.g. "ETI 6.2"
    ref: str | None
    title: str | None
    topic: str | None  # printed topic field
    description: Filled
    evidence: Filled | None
    severity: Severity | None
    grade: str | None  # text in the finding's grade slot
    kind_word: str
    action: str | None
    due: str | None
    law: str | None
    root_cause: str | None
    status: str | None
    plan: str | None
    affected: str | None
    question: tuple[str, str] | None  # (code, wording) for question tables
    codes: tuple[str, ...]
    gold_clause: str | None
    gold_topic: str | None
    gold_severity_raw: str | None


def summary_text(f: FindingContent, findings: list[FindingContent]) -> str:
    """What a summary table prints for `f`: its opening words (well under a third of the
    shortest description), else its title or topic, whichever no description of the report
    resembles: under the evaluation's 0.5 match rule a summary row never passes for a finding."""
    budget = min(len(g.description.text) for g in findings) / 3.5
    words: list[str] = []
    for word in f.description.text.split():
        if len(" ".join([*words, word])) + 3 > budget:
            break
        words.append(word)
    opening = " ".join(words).rstrip(",;:.") + "..." if len(words) >= 3 else None
    for text in (opening, f.title, TOPIC_WORDS[f.area]):
        if text and all(similarity(text, g.description.text) < 0.4 for g in findings):
            return text
    return f"See finding {f.ordinal}"


def printed_fields(choices: Choices, family: Family, *, follow_up: bool) -> frozenset[str]:
    """The optional fields this document prints with each finding."""
    base = {"lean": {"description"}, "standard": {"description", "evidence", "action", "due"}}
    full = {"description", "evidence", "action", "due", "law", "topic", "title", "affected"}
    fields = set(full if choices.fields == "full" else base[choices.fields])
    if choices.fields == "full":
        if family.standard == "rba":
            fields.add("root_cause")
        if family.name in ("fla", "fair_wear"):
            fields.add("plan")
        if follow_up:
            fields.add("status")
    printer = choices.printer
    if printer == "tracking_chart":
        fields |= {"law", "action"}
        if family.name in ("fla", "fair_wear"):
            fields.add("plan")
        else:
            fields.add("due")
        fields -= {"title", "topic"}
    elif printer == "question_table":
        # A finding printed in the question row has no room for actions or due dates.
        keep = (
            {"description"}
            if choices.question_finding == "column"
            else {"description", "action", "due"}
        )
        fields &= keep
        fields.add("question")
    elif printer == "bullets":
        fields &= {"description", "evidence", "action"}
    if choices.clause_depth != "none" or printer == "question_table":
        fields.add("clause")
    if choices.ref_style != "none":
        fields.add("ref")
    return frozenset(fields)


def compose_findings(
    rng: random.Random,
    family: Family,
    choices: Choices,
    *,
    country_iso: str,
    audit_date: dt.date,
    follow_up: bool,
    target_pages: int,
    seed: int,
) -> list[FindingContent]:
    """Draw the findings of one report and order them as the layout will print them."""
    from .countries import country_of

    country = country_of(country_iso)
    fields = printed_fields(choices, family, follow_up=follow_up)
    low, high = family.findings_range
    # Long reports tend to carry more findings; the range stays the family's.
    n = rng.randint(low, min(high, max(low + 3, low + target_pages // 2)))
    kinds: list[FindingKind] = []
    for _ in range(n):
        roll = rng.random()
        if roll < family.good_rate:
            kinds.append("good_practice")
        elif roll < family.good_rate + family.observation_rate:
            kinds.append("observation")
        else:
            kinds.append("non_compliance")
    if "non_compliance" not in kinds:
        kinds[0] = "non_compliance"
    issues = _issues(rng, family, kinds.count("non_compliance"))
    # A template prints one word per grade and per kind.
    vocab = {s: (word,) for s, word in grade_words(family, choices, seed).items()}
    kind_words = {
        "non_compliance": rng.choice(family.nc_words),
        "observation": rng.choice(family.observation_words),
        "good_practice": rng.choice(family.good_words),
    }
    drafts = []
    used: set[str] = set()
    for kind in kinds:
        issue = issues.pop() if kind == "non_compliance" else ""
        drafts.append(
            _draft(rng, family, fields, vocab, kind_words, kind, issue, country, audit_date, used)
        )
    drafts.sort(key=lambda d: _print_key(d, choices, family))
    ref_maker = _refs(rng, choices.ref_style)
    used_questions: set[str] = set()
    return [
        _finish(rng, family, choices, fields, d, i, ref_maker, used_questions, seed)
        for i, d in enumerate(drafts, start=1)
    ]


def grade_words(family: Family, choices: Choices, seed: int) -> dict[Severity, str]:
    """The one word per grade a report uses: its template picks one style for all grades
    ('Major' with 'Minor', 'Major Nonconformance' with 'Minor Nonconformance')."""
    style = random.Random(f"{seed}:grades").randrange(3)
    return {s: ws[style % len(ws)] for s, ws in grade_vocabulary(family, choices).items()}


def grade_vocabulary(family: Family, choices: Choices) -> dict[Severity, tuple[str, ...]]:
    if choices.grade_words == "colour":
        return COLOUR_GRADES
    if choices.grade_words == "letter":
        return LETTER_GRADES
    return family.grades


def _issues(rng: random.Random, family: Family, n: int) -> list[str]:
    keys = [k for k in NON_COMPLIANCE if k not in family.excluded_issues]
    if family.clauses is not None:
        keys = [k for k in keys if family.clauses.section_of(k, AREA_OF[k]) is not None]
    # Forced and child labour are over-represented: they are what the platform looks for.
    weights = [3 if k.startswith(("FL", "CL")) else 2 for k in keys]
    picked: list[str] = []
    while len(picked) < n:
        key = rng.choices(keys, weights)[0]
        if key not in picked or len(picked) >= len(keys):
            picked.append(key)
    return picked


@dataclass
class _Draft:
    kind: FindingKind
    issue: str
    area: str
    section: tuple[str, str] | None
    description: Filled
    evidence: Filled | None
    severity: Severity | None
    grade_word: str | None
    kind_word: str
    title: str | None
    action: str | None
    due: str | None
    law: str | None
    root_cause: str | None
    plan: str | None
    status: str | None
    affected: str | None
    codes: tuple[str, ...]
    provision: str | None


def _draft(
    rng: random.Random,
    family: Family,
    fields: frozenset[str],
    vocab: dict[Severity, tuple[str, ...]],
    kind_words: dict[str, str],
    kind: FindingKind,
    issue: str,
    country,
    audit_date: dt.date,
    used: set[str],
) -> _Draft:
    held_out = family.split == "test"
    values = SlotValues(rng, country, audit_date, tuple(rng.sample(TEXT_DATE_STYLES, 2)))
    if kind == "non_compliance":
        bank = NON_COMPLIANCE[issue]
        area = AREA_OF[issue]
    elif kind == "observation":
        bank = OBSERVATIONS
    else:
        bank = GOOD_PRACTICES
    phrase = pick_phrase(rng, bank, held_out=held_out)
    for _ in range(12):  # one wording once per report
        if phrase.text not in used:
            break
        phrase = pick_phrase(rng, bank, held_out=held_out)
    used.add(phrase.text)
    if kind == "observation":
        area = AREA_OF[phrase.codes[0]] if phrase.codes else "management"
        issue = phrase.codes[0] if phrase.codes else "MGT"
    elif kind == "good_practice":
        area, issue = "management", "MGT"
    if family.clauses is not None and family.clauses.section_of(issue, area) is None:
        area = next(a for a in AREAS if family.clauses.sections.get(a))
    description = fill(phrase.text, values)
    evidence = None
    if kind != "good_practice" and "evidence" in fields and rng.random() < 0.85:
        evidence = fill(pick_phrase(rng, EVIDENCE[area], held_out=held_out).text, values)
    severity, grade_word = _grade(rng, vocab, kind, issue)
    section = family.clauses.section_of(issue, area) if family.clauses else None
    provision = None
    if section is not None:
        provision = family.clauses.provision(section[0], issue, rng)  # type: ignore[union-attr]
    nc = kind == "non_compliance"
    taxonomy = load_taxonomy()
    return _Draft(
        kind=kind,
        issue=issue,
        area=area,
        section=section,
        description=description,
        evidence=evidence,
        severity=severity,
        grade_word=grade_word,
        kind_word=kind_words[kind],
        title=rng.choice(TITLES[issue]) if "title" in fields and nc else None,
        action=rng.choice(CORRECTIVE_ACTIONS[area]) if "action" in fields and nc else None,
        due=_due(rng, severity, audit_date) if "due" in fields and nc else None,
        law=rng.choice(w.LAW_REQUIREMENTS[area]) if "law" in fields and nc else None,
        root_cause=rng.choice(w.ROOT_CAUSES) if "root_cause" in fields and nc else None,
        plan=(
            rng.choice(w.PLANS).replace("{due_month}", _month_after(audit_date, rng))
            if "plan" in fields and nc
            else None
        ),
        status=rng.choice(w.STATUSES) if "status" in fields and nc else None,
        affected=str(rng.randint(1, 400)) if "affected" in fields and nc else None,
        codes=tuple(c for c in phrase.codes if c in taxonomy.codes),
        provision=provision,
    )


def _grade(
    rng: random.Random, vocab: dict[Severity, tuple[str, ...]], kind: str, issue: str
) -> tuple[Severity | None, str | None]:
    if kind != "non_compliance" or not vocab:
        return None, None
    grave = issue.startswith(("FL", "CL")) and issue not in ("FL10", "FL11")
    roll = rng.random()
    severity: Severity = "critical" if grave and roll < 0.35 else "major" if roll < 0.7 else "minor"
    if severity not in vocab:
        return None, None
    return severity, rng.choice(vocab[severity])


def _due(rng: random.Random, severity: Severity | None, audit_date: dt.date) -> str:
    days = {"critical": (0, 7), "major": (30, 60), "minor": (60, 90)}.get(
        severity or "major", (30, 90)
    )
    n = rng.choice(days)
    if rng.random() < 0.6:
        return {
            0: rng.choice(("Immediate", "Immediately")),
            7: rng.choice(("7 days", "1 week")),
            30: rng.choice(("30 days", "1 month")),
            60: rng.choice(("60 days", "2 months")),
            90: rng.choice(("90 days", "3 months")),
        }[n]
    return format_date(audit_date + dt.timedelta(days=n or 3), rng.choice(TEXT_DATE_STYLES))


def _month_after(audit_date: dt.date, rng: random.Random) -> str:
    d = audit_date + dt.timedelta(days=30 * rng.randint(1, 4))
    return d.strftime("%B %Y")


def _print_key(d: _Draft, choices: Choices, family: Family) -> tuple:
    section_rank = _section_rank(d, family)
    if choices.grouping == "by_kind":
        return (KIND_ORDER[d.kind], section_rank)
    if choices.grouping == "by_grade":
        grade = d.severity if d.grade_word else None
        return (KIND_ORDER[d.kind], GRADE_ORDER[grade], section_rank)
    if choices.grouping == "by_clause":
        return (section_rank, KIND_ORDER[d.kind])
    return (KIND_ORDER[d.kind], section_rank)


def _section_rank(d: _Draft, family: Family) -> int:
    if family.clauses is None:
        return AREAS.index(d.area)
    codes = []
    for area in AREAS:
        section = family.clauses.sections.get(area)
        if section and section[0] not in codes:
            codes.append(section[0])
    order = sorted(codes, key=code_sort_key)
    return order.index(d.section[0]) if d.section and d.section[0] in order else len(order)


def code_sort_key(code: str) -> tuple:
    head = "".join(ch for ch in code if ch.isalpha())
    digits = "".join(ch if ch.isdigit() else " " for ch in code).split()
    return (head, [int(x) for x in digits])


def _refs(rng: random.Random, style: str):
    site = rng.randint(11, 480)
    prefix = rng.choice(("NC-", "NC ", "NC"))
    letter = rng.choice(("F-", "D-", "N-"))
    width = rng.choice((1, 2))

    def make(i: int, f: _Draft) -> str | None:
        if style == "none":
            return None
        if style == "number":
            return str(i)
        if style == "nc_dash":
            return f"{prefix}{i:0{width}d}"
        if style == "site_seq":
            return f"{site:03d}-{i:02d}"
        if style == "letter":
            return f"{letter}{i:02d}"
        section = f.section[0] if f.section else str(AREAS.index(f.area) + 1)
        return f"{section}.{i}"

    return make


def _finish(
    rng: random.Random,
    family: Family,
    choices: Choices,
    fields: frozenset[str],
    d: _Draft,
    ordinal: int,
    ref_maker,
    used_questions: set[str],
    seed: int,
) -> FindingContent:
    question = None
    code = None
    if choices.printer == "question_table":
        # Observations and good practices print under the cluster heading, not in a question.
        if d.kind == "non_compliance":
            options = [q for q in w.QUESTIONS.get(d.area, ()) if q not in used_questions]
            fallback = w.QUESTIONS.get(d.area, ("Is the site compliant with this requirement?",))
            wording = rng.choice(options or list(fallback))
            used_questions.add(wording)
            code = d.provision
            question = (code or "", wording)
    elif choices.clause_depth == "provision" and d.provision:
        code = d.provision
    elif choices.clause_depth == "section" and d.section:
        code = d.section[0]
    prefixes = family.clauses.prefixes if family.clauses else ("",)
    prefix = random.Random(f"{seed}:prefix").choice(prefixes)  # one per report
    code_text = f"{prefix}{code}" if code else None
    topic_text = None
    if "topic" in fields and d.kind != "good_practice":
        topic_text = d.section[1] if d.section and rng.random() < 0.5 else TOPIC_WORDS[d.area]
    heading_section = choices.grouping == "by_clause" or choices.printer == "graded_heading"
    gold_clause = code
    if gold_clause is None and choices.grouping == "by_clause" and d.section:
        gold_clause = d.section[0]
    gold_topic = topic_text
    if gold_topic is None and heading_section:
        gold_topic = d.section[1] if d.section else TOPIC_WORDS[d.area]
    if d.kind == "good_practice" and choices.grouping != "by_clause":
        gold_topic = None
    return FindingContent(
        ordinal=ordinal,
        kind=d.kind,
        issue=d.issue,
        area=d.area,
        section=d.section,
        code=code,
        code_text=code_text,
        ref=ref_maker(ordinal, d),
        title=d.title,
        topic=topic_text,
        description=d.description,
        evidence=d.evidence,
        severity=d.severity,
        grade=d.grade_word,
        kind_word=d.kind_word,
        action=d.action,
        due=d.due,
        law=d.law,
        root_cause=d.root_cause,
        status=d.status,
        plan=d.plan,
        affected=d.affected,
        question=question,
        codes=d.codes,
        gold_clause=gold_clause,
        gold_topic=gold_topic,
        gold_severity_raw=gold_grade(d.kind, d.grade_word, d.kind_word, choices),
    )


def gold_grade(kind: str, grade: str | None, kind_word: str, choices: Choices) -> str | None:
    """What sits in the finding's grade slot, as printed (see README: severity_raw)."""
    if choices.grade_place == "none":
        return None
    if kind == "non_compliance":
        return grade
    if choices.grade_place == "heading" or (
        choices.grade_place == "field" and choices.grade_field == "combined"
    ):
        return kind_word
    return None
