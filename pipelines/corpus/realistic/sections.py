"""The findings part of a report: how findings are grouped and introduced, and question tables.

One list under one heading, groups by kind ('Observations') or by grade ('Major
non-compliances'), or one section per clause with its 'current systems' prose, where sections
without a finding say so. Question tables (Better Work, amfori) live here because they are a
whole section: compliant questions are distractors, non-compliant ones carry the findings.
"""

from __future__ import annotations

import random

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ..phrases import AREA_OF
from . import wording as w
from .context import Ctx
from .findings import TOPIC_WORDS, FindingContent, code_sort_key
from .printers import PRINTERS, label_of, value_of, with_colon
from .regions import FINDING, para
from .tables import fit_widths, ruled_table

PART_TITLES = (
    "Audit findings",
    "Detailed findings",
    "Findings and corrective actions",
    "Corrective action plan",
    "Non-compliance details",
    "Audit results",
)


def plural(word: str) -> str:
    if word.endswith("y"):
        return word[:-1] + "ies"
    for joint in (" of ", " for "):
        if joint in word:
            head, tail = word.split(joint, 1)
            return f"{plural(head)}{joint}{tail}"
    return word if word.endswith("s") else word + "s"


def findings_part(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """Every finding of the report, grouped as the document's choices say."""
    c = ctx.choices
    out: list[Flowable] = [ctx.heading(rng.choice(PART_TITLES), ctx.st.h2)]
    if rng.random() < 0.6:
        # An opening paragraph of varying length, so findings start anywhere on a page.
        intro = ctx.words(rng).sentences(w.FINDINGS_INTRO, 1, 6)
        out.append(ctx.p(intro, ctx.st.body, "prose"))
    printer = PRINTERS.get(c.printer)
    if c.grouping == "one_list":
        return out + printer(ctx, ctx.findings, rng)  # type: ignore[misc]
    if c.grouping == "by_kind":
        for kind in ("non_compliance", "observation", "good_practice"):
            group = [f for f in ctx.findings if f.kind == kind]
            if group:
                out += [CondPageBreak(60), ctx.heading(plural(group[0].kind_word), ctx.st.h3)]
                out += printer(ctx, group, rng)  # type: ignore[misc]
        return out
    if c.grouping == "by_grade":
        return out + _by_grade(ctx, rng)
    return out + _by_clause(ctx, rng)


def _by_grade(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    printer = PRINTERS[ctx.choices.printer]
    form = rng.choice(("{grade} {kinds}", "{Kinds} - {grade}", "{Kinds} rated {grade}"))
    out: list[Flowable] = []
    groups: list[tuple[str, list[FindingContent]]] = []
    for f in ctx.findings:
        key = (f.grade or "") if f.kind == "non_compliance" else f"kind:{f.kind}"
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(f)
    for key, group in groups:
        kinds = plural(group[0].kind_word)
        if key.startswith("kind:"):
            title = kinds
        elif key:
            title = form.format(grade=key, kinds=kinds.lower(), Kinds=kinds)
        else:
            title = f"Other {kinds.lower()}"
        out += [CondPageBreak(60), ctx.heading(title, ctx.st.h3)]
        out += printer(ctx, group, rng)
    return out


def _sections(ctx: Ctx) -> list[tuple[str | None, str, tuple[str, ...]]]:
    """The report's sections in order: (code or None, name, areas)."""
    clauses = ctx.family.clauses
    if clauses is None:
        return [(None, TOPIC_WORDS[a], (a,)) for a in TOPIC_WORDS]
    merged: dict[str, tuple[str, list[str]]] = {}
    entries = list(clauses.sections.items())
    entries += [(AREA_OF[issue], section) for issue, section in clauses.issue_sections.items()]
    for area, (code, name) in entries:
        merged.setdefault(code, (name, []))[1].append(area)
    return [
        (code, name, tuple(areas))
        for code, (name, areas) in sorted(merged.items(), key=lambda kv: code_sort_key(kv[0]))
    ]


def _by_clause(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    c = ctx.choices
    st = ctx.st
    words = ctx.words(rng)
    numbered = rng.random() < 0.5
    code_form = rng.choice(
        ("{code}. {name}", "{code} {name}", "{code} - {name}", "{name} ({code})")
    )
    keep_empty = rng.uniform(0.4, 1.0)
    out: list[Flowable] = []
    for index, (code, name, areas) in enumerate(_sections(ctx), start=1):
        if code is not None:
            group = [f for f in ctx.findings if f.section and f.section[0] == code]
        else:
            group = [f for f in ctx.findings if f.area in areas]
        if not group and rng.random() > keep_empty:
            continue
        if code is not None:
            title = code_form.format(code=code, name=name)
        else:
            title = f"{index}. {name}" if numbered else name
        out += [CondPageBreak(70), ctx.heading(title, st.h3)]
        area = areas[0] if areas else "management"
        if c.systems_prose == "yes":
            if rng.random() < 0.5:
                out.append(ctx.p(rng.choice(SYSTEMS_TITLES), st.body, "heading"))
            text = words.sentences(w.SYSTEMS.get(area, w.SYSTEMS["management"]), 2, 4)
            if not group:
                text += " " + words.fill(rng.choice(w.NOTHING_FOUND))
            elif rng.random() < 0.5:
                text += " " + words.fill(rng.choice(w.FINDINGS_FOLLOW))
            out.append(ctx.p(text, st.body, "systems"))
        elif not group:
            out.append(ctx.p(words.fill(rng.choice(w.NOTHING_FOUND)), st.body, "systems"))
        if c.printer == "question_table":
            out += question_table(ctx, group, areas, code, rng)
        elif group:
            out += PRINTERS[c.printer](ctx, group, rng)
        out.append(Spacer(1, 6))
    return out


SYSTEMS_TITLES = (
    "Current systems and evidence examined",
    "Current systems:",
    "Systems and evidence reviewed",
    "What the auditor checked",
)


def question_table(
    ctx: Ctx,
    group: list[FindingContent],
    areas: tuple[str, ...],
    code: str | None,
    rng: random.Random,
) -> list[Flowable]:
    """A section's questions with answers; findings in a column or printed under the table."""
    c = ctx.choices
    st = ctx.st
    ncs = sorted((f for f in group if f.question), key=lambda f: f.question or ("", ""))
    others = [f for f in group if not f.question]
    # One answer vocabulary per report.
    answers = random.Random(ctx.meta.report_ref)
    if ctx.family.name == "better_work":
        yes, no = answers.choice((("Compliant", "Non-compliant"), ("Yes", "No")))
    else:
        yes, no = answers.choice((("YES", "NO"), ("Yes", "No"), ("YES", "PARTIALLY")))
    used = {f.question[1] for f in ncs if f.question}
    pool = [q for a in areas for q in w.QUESTIONS.get(a, ()) if q not in used]
    compliant = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
    taken = {f.question[0] for f in ncs if f.question}
    rows: list[tuple[str, str, FindingContent | None]] = []
    clauses = ctx.family.clauses
    for question in compliant:
        q_code = code or ""
        for _ in range(10):
            if clauses is None or code is None:
                break
            q_code = clauses.provision(code, "", rng)
            if q_code not in taken:
                break
        taken.add(q_code)
        rows.append((q_code, question, None))
    rows += [(f.question[0], f.question[1], f) for f in ncs if f.question]
    rows.sort(key=lambda r: r[0])
    in_column = c.question_finding == "column"
    graded = c.grade_place == "field"
    headers = [ctx.labels.bare("clause"), ctx.labels.bare("question"), ctx.labels.bare("answer")]
    if graded:
        headers.append(ctx.labels.bare("grade"))
    if in_column:
        headers.append(label_of(ctx, None, "description"))
    notes = ("", "", "Records reviewed; no issue found.", "Confirmed in interviews.", "")
    data = [[ctx.p(h, st.cellb, "heading") for h in headers]]
    texts: list[list[str]] = [[h] for h in headers]
    for q_code, question, f in rows:
        cells = [q_code, question, no if f else yes]
        if graded:
            cells.append((value_of(ctx, f, "grade") if f else None) or "-")
        if in_column:
            cells.append(f.description.text if f else rng.choice(notes))
        for i, text in enumerate(cells):
            texts[i].append(text)
        row = []
        for i, text in enumerate(cells):
            # A finding printed under the table starts there; its answer row is a checklist row.
            if f is None or not in_column:
                row.append(ctx.p(text, st.cell, "question"))
            elif i == len(cells) - 1 and in_column:
                row.append(ctx.fp(f, "description", text, st.cell))
            elif i == 0:
                row.append(ctx.fp(f, "clause", text, st.cell))
            elif graded and i == 3:
                row.append(
                    ctx.fp(f, "grade", text, st.cell)
                    if text != "-"
                    else para(text, st.cell, ctx.log, FINDING, ordinal=f.ordinal)
                )
            else:
                row.append(ctx.fp(f, "question", text, st.cell))
        data.append(row)
    weights = [0.8, 3.0, 0.9] + ([0.8] if graded else []) + ([3.4] if in_column else [])
    widths = fit_widths(
        texts, weights, ctx.width, font=st.cell.fontName, size=st.cell.fontSize, bold_font=st.bold
    )
    out: list[Flowable] = [
        ruled_table(
            data,
            widths,
            st,
            ruling=c.ruling,
            repeat_header=c.repeat_header == "yes",
            split_in_row=c.row_split == "yes",
        ),
        Spacer(1, 6),
    ]
    for f in ncs:
        if not in_column:
            assert f.question is not None
            line = f"{f.question[0]} {f.question[1]}" if f.question[0] else f.question[1]
            out.append(ctx.fp(f, "question", line, st.h3))
            label = with_colon(ctx, label_of(ctx, f, "description"))
            out.append(
                ctx.labelled(f, "description", label, f.description.text, st.body, bold=True)
            )
            grade = value_of(ctx, f, "grade") if graded else None
            if grade:
                out.append(
                    ctx.labelled(
                        f,
                        "grade",
                        with_colon(ctx, label_of(ctx, f, "grade")),
                        grade,
                        st.body,
                        bold=True,
                    )
                )
        for field in ("action", "due"):
            value = None if in_column else value_of(ctx, f, field)
            if value:
                label = with_colon(ctx, label_of(ctx, f, field))
                out.append(ctx.labelled(f, field, label, value, st.body, bold=True))
        out.append(Spacer(1, 5))
    for f in others:
        out.append(
            ctx.labelled(
                f, "description", f"{f.kind_word}:", f.description.text, st.body, bold=True
            )
        )
        out.append(Spacer(1, 5))
    return out
