"""Finding printers: the ways a report draws one finding or a list of findings.

header_table (one row per finding), kv_box (a label/value box per finding), tracking_chart (a
header row over text columns), labelled_prose ('Evidence: ...' paragraphs), graded_heading
('4.2 Wages - Major NC' then text), question_table (Yes/No questions with the finding in a
column or under the table) and bullets. Every field paragraph is marked with its finding and
field, so gold provenance and block labels come from the drawing itself. Printers never change
content; they only decide where each printed value goes.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..render import esc
from .context import Ctx
from .findings import FindingContent
from .regions import FINDING, para
from .tables import TooNarrow, fit_widths, ruled_table

Printer = Callable[[Ctx, list[FindingContent], random.Random], list[Flowable]]

# Table column weights per field; fields without gold value can be dropped when space is short.
WEIGHTS = {
    "ref": 0.6,
    "clause": 0.8,
    "topic": 1.1,
    "title": 1.1,
    "kind": 1.0,
    "grade": 0.9,
    "description": 3.4,
    "evidence": 2.6,
    "law": 1.8,
    "root_cause": 1.4,
    "action": 2.0,
    "due": 0.9,
    "plan": 1.8,
    "status": 0.8,
    "affected": 0.7,
}
DROPPABLE = ("affected", "root_cause", "plan", "status", "law", "ref")
BODY_FIELDS = ("description", "evidence", "law", "root_cause")
ACTION_FIELDS = ("action", "due", "plan", "status", "affected")
EMPTY = ("-", "", "N/A", "n/a")


def value_of(ctx: Ctx, f: FindingContent, field: str) -> str | None:
    """The text a finding prints in `field`, or None when the field is not printed for it."""
    c = ctx.choices
    if field == "kind":
        return f.kind_word if c.kind_place == "field" else None
    if field == "grade":
        if c.grade_place != "field":
            return None
        if f.kind != "non_compliance":
            return f.kind_word if c.grade_field == "combined" else None
        return f.grade
    return {
        "ref": f.ref,
        "clause": f.code_text,
        "topic": f.topic,
        "title": f.title,
        "description": f.description.text,
        "evidence": f.evidence.text if f.evidence else None,
        "law": f.law,
        "root_cause": f.root_cause,
        "action": f.action,
        "due": f.due,
        "plan": f.plan,
        "status": f.status,
        "affected": f.affected,
    }[field]


def field_order(ctx: Ctx, rng: random.Random) -> list[str]:
    """The order a document prints a finding's fields in (drawn once per section)."""
    head = ["ref", "clause", "topic", "title"]
    if rng.random() < 0.3:
        head[1], head[2] = head[2], head[1]
    grade = ["kind", "grade"]
    body = list(BODY_FIELDS)
    if rng.random() < 0.3:
        body[1], body[2] = body[2], body[1]
    tail = list(ACTION_FIELDS)
    place = rng.choice(("head", "head", "after_body", "end"))
    if place == "head":
        return head + grade + body + tail
    if place == "after_body":
        return head + body + grade + tail
    return head + body + tail + grade


def label_of(ctx: Ctx, f: FindingContent | None, field: str) -> str:
    if field == "description" and f is not None and f.kind != "non_compliance":
        return ctx.labels.bare("description_obs" if f.kind == "observation" else "description_good")
    return ctx.labels.bare(field)


def with_colon(ctx: Ctx, text: str) -> str:
    return f"{text}:" if ctx.labels.colon and not text.endswith((":", "#", ".")) else text


def heading_text(ctx: Ctx, f: FindingContent, rng: random.Random, *, number: str) -> str:
    """'Finding 3: Non-compliance - Major' style line that opens a finding."""
    c = ctx.choices
    rng = ctx.style_rng("heading")  # one heading style per report, not per finding
    kind_after = c.kind_place == "field" and c.grade_place != "heading"
    leads = [f"Finding {number}", f"No. {number}", number]
    if not kind_after:
        leads.append(f"{f.kind_word} {number}")
    lead = rng.choice(leads)
    if f.ref and rng.random() < 0.6:
        lead = f"{ctx.labels.bare('ref')} {f.ref}" if rng.random() < 0.5 else f.ref
    parts = [lead]
    if kind_after:
        parts.append(f.kind_word)
    if c.grade_place == "heading":
        slot = f.grade if f.kind == "non_compliance" else f.kind_word
        if slot:
            parts.append(slot)
    sep = rng.choice((" - ", ": ", " | "))
    return sep.join(parts)


# -- header table ------------------------------------------------------------------------------


def header_table(ctx: Ctx, findings: list[FindingContent], rng: random.Random) -> list[Flowable]:
    c = ctx.choices
    st = ctx.st
    order = [
        field
        for field in field_order(ctx, ctx.style_rng("order"))
        if any(value_of(ctx, f, field) is not None for f in findings)
        or (field == "grade" and c.grade_place == "field")
        or (field == "kind" and c.kind_place == "field")
    ]
    if c.grade_place == "field" and "grade" not in order:
        order.append("grade")
    kinds = {f.kind for f in findings}
    head_f = findings[0] if len(kinds) == 1 else None
    style = st.cell
    for attempt in range(len(DROPPABLE) + 2):
        columns = [
            [label_of(ctx, head_f, field)] + [value_of(ctx, f, field) or "" for f in findings]
            for field in order
        ]
        try:
            widths = fit_widths(
                columns,
                [WEIGHTS[field] for field in order],
                ctx.width,
                font=style.fontName,
                size=style.fontSize,
                bold_font=st.bold,
            )
            break
        except TooNarrow:
            droppable = [f for f in DROPPABLE if f in order]
            if not droppable or attempt > len(DROPPABLE):
                raise
            order.remove(droppable[0])
    blank = ctx.style_rng("blank").choice(EMPTY)
    data: list[list[Flowable]] = [
        [ctx.p(label_of(ctx, head_f, field), st.cellb, "heading") for field in order]
    ]
    for f in findings:
        row = []
        for field in order:
            value = value_of(ctx, f, field)
            row.append(
                ctx.fp(f, field, value, style)
                if value
                else para(blank, style, ctx.log, FINDING, ordinal=f.ordinal)
            )
        data.append(row)
    return [
        ruled_table(
            data,
            widths,
            st,
            ruling=c.ruling,
            repeat_header=c.repeat_header == "yes",
            split_in_row=c.row_split == "yes",
        ),
        Spacer(1, 8),
    ]


# -- key-value box -----------------------------------------------------------------------------


def kv_box(ctx: Ctx, findings: list[FindingContent], rng: random.Random) -> list[Flowable]:
    c = ctx.choices
    st = ctx.st
    order = field_order(ctx, ctx.style_rng("order"))
    style = ctx.style_rng("kv")
    # The grade can only sit in a heading if the box has a header row.
    header = c.kv_split == "split_repeat" or c.grade_place == "heading" or style.random() < 0.6
    label_share = style.uniform(0.24, 0.34)
    ruling = "grid" if c.ruling == "none" and style.random() < 0.5 else c.ruling
    out: list[Flowable] = []
    for f in findings:
        rows = [(field, value_of(ctx, f, field)) for field in order]
        rows = [(field, value) for field, value in rows if value]
        labels = [label_of(ctx, f, field) for field, _ in rows]
        try:
            label_w = fit_widths(
                [labels, [v for _, v in rows]],
                [label_share, 1 - label_share],
                ctx.width,
                font=st.cell.fontName,
                size=st.cell.fontSize,
                bold_font=st.bold,
                bold_columns=(0,),
            )[0]
        except TooNarrow:
            label_w = ctx.width * label_share
        data: list[list[Flowable]] = []
        extra: list[tuple] = []
        if header:
            text = heading_text(ctx, f, rng, number=str(f.ordinal))
            data.append([ctx.fp(f, "heading", text, st.cellb), ctx.p("", st.cell, "heading")])
            extra.append(("SPAN", (0, 0), (1, 0)))
            if ruling == "grid":
                extra.append(("BACKGROUND", (0, 0), (1, 0), st.fill))
        for (field, value), label in zip(rows, labels, strict=True):
            data.append([ctx.fp(f, "label", label, st.cellb), ctx.fp(f, field, value, st.cell)])
        table = ruled_table(
            data,
            [label_w, ctx.width - label_w],
            st,
            ruling=ruling,
            header_rows=1 if header else 0,
            repeat_header=c.kv_split == "split_repeat",
            split_in_row=c.kv_split != "keep",
            extra=extra,
        )
        out += [KeepTogether([table]) if c.kv_split == "keep" else table, Spacer(1, 10)]
    return out


# -- tracking chart ----------------------------------------------------------------------------


def tracking_chart(ctx: Ctx, findings: list[FindingContent], rng: random.Random) -> list[Flowable]:
    c = ctx.choices
    st = ctx.st
    fields = [
        field
        for field in ("description", "evidence", "law", "action", "due", "plan")
        if any(value_of(ctx, f, field) for f in findings)
    ]
    if ctx.style_rng("chart").random() < 0.4 and "law" in fields:
        fields.remove("law")
        fields.insert(0, "law")
    out: list[Flowable] = []
    for f in findings:
        blank = ctx.style_rng("blank").choice(EMPTY)
        cells = [value_of(ctx, f, field) or blank for field in fields]
        labels = [label_of(ctx, f, field) for field in fields]
        widths = fit_widths(
            [[lab, val] for lab, val in zip(labels, cells, strict=True)],
            [WEIGHTS[field] for field in fields],
            ctx.width,
            font=st.cell.fontName,
            size=st.cell.fontSize,
            bold_font=st.bold,
        )
        n = len(fields)
        title = f"Finding {f.ordinal}: {f.kind_word}"
        if f.ref and ctx.style_rng("chart-ref").random() < 0.5:
            title = f"{f.ref}: {f.kind_word}"
        top: list[Flowable] = [ctx.fp(f, "heading", title, st.cellb)]
        top += [ctx.p("", st.cell, "heading") for _ in range(n - 1)]
        extra: list[tuple] = []
        tail = []
        if f.code_text:
            tail.append(("clause", f.code_text))
        if c.grade_place in ("heading", "field"):
            # A chart's only slots are in its header row; print there what gold records.
            tail.append(("grade", f.gold_severity_raw or blank))
        span_end = n - 1 - len(tail)
        for i, (field, text) in enumerate(tail):
            top[span_end + 1 + i] = ctx.fp(f, field, text, st.cellb)
        if span_end > 0:
            extra.append(("SPAN", (0, 0), (span_end, 0)))
        extra.append(("BACKGROUND", (0, 0), (-1, 0), st.fill))
        data = [
            top,
            [ctx.fp(f, "label", lab, st.cellb) for lab in labels],
            [
                ctx.fp(f, field, text, st.cell)
                if value_of(ctx, f, field)
                else para(text, st.cell, ctx.log, FINDING, ordinal=f.ordinal)
                for field, text in zip(fields, cells, strict=True)
            ],
        ]
        table = ruled_table(
            data,
            widths,
            st,
            ruling="grid" if c.ruling == "none" else c.ruling,
            header_rows=2 if c.kv_split == "split_repeat" else 1,
            repeat_header=c.kv_split == "split_repeat",
            split_in_row=c.kv_split != "keep",
            extra=extra,
        )
        out += [KeepTogether([table]) if c.kv_split == "keep" else table, Spacer(1, 12)]
    return out


# -- labelled prose ----------------------------------------------------------------------------


def labelled_prose(ctx: Ctx, findings: list[FindingContent], rng: random.Random) -> list[Flowable]:
    c = ctx.choices
    st = ctx.st
    order = field_order(ctx, ctx.style_rng("order"))
    style = ctx.style_rng("prose")
    with_heading = style.random() < 0.7 or c.grade_place == "heading"
    bare_description = with_heading and style.random() < 0.35
    out: list[Flowable] = []
    for f in findings:
        block: list[Flowable] = []
        if with_heading:
            text = heading_text(ctx, f, rng, number=str(f.ordinal))
            if f.title and style.random() < 0.5:
                text = f"{text} - {f.title}"
                order = [x for x in order if x != "title"]
            block.append(ctx.fp(f, "heading", text, st.h3))
        for field in order:
            value = value_of(ctx, f, field)
            if not value:
                continue
            if field == "description" and bare_description:
                block.append(ctx.fp(f, field, value, st.body))
                continue
            label = label_of(ctx, f, field)
            if c.label_layout == "stacked":
                block.append(ctx.fp(f, "label", label, st.h3 if ctx.labels.bold else st.body))
                block.append(ctx.fp(f, field, value, st.body))
            else:
                block.append(
                    ctx.labelled(
                        f, field, with_colon(ctx, label), value, st.body, bold=ctx.labels.bold
                    )
                )
        out += [CondPageBreak(40), *block, Spacer(1, 9)]
    return out


# -- numbered heading with the grade -----------------------------------------------------------


def graded_heading(ctx: Ctx, findings: list[FindingContent], rng: random.Random) -> list[Flowable]:
    c = ctx.choices
    st = ctx.st
    order = [x for x in field_order(ctx, ctx.style_rng("order")) if x not in ("clause", "topic")]
    style = ctx.style_rng("graded")
    sep = style.choice((" - ", " : ", " / ", " -- "))
    chapter = style.randint(3, 6)
    out: list[Flowable] = []
    for f in findings:
        number = f.code_text if f.code_text else f"{chapter}.{f.ordinal}"
        if f.kind == "good_practice":
            text = f"{number} {f.kind_word}"
        else:
            text = f"{number} {f.gold_topic}"
            if c.grade_place == "heading":
                slot = f.grade if f.kind == "non_compliance" else f.kind_word
                if slot:
                    text += f"{sep}{slot}"
            elif c.kind_place == "field" and f.kind != "non_compliance":
                text += f"{sep}{f.kind_word}"
        block: list[Flowable] = [ctx.fp(f, "heading", text, st.h3)]
        for field in order:
            value = value_of(ctx, f, field)
            if not value or field == "kind":
                continue
            # The description follows its heading unlabelled; other fields need their labels
            # (unlabelled, evidence and law text would be indistinguishable even to a reader).
            if field == "description":
                block.append(ctx.fp(f, field, value, st.body))
            else:
                label = with_colon(ctx, label_of(ctx, f, field))
                block.append(ctx.labelled(f, field, label, value, st.body, bold=ctx.labels.bold))
        out += [CondPageBreak(48), *block, Spacer(1, 8)]
    return out


# -- bullets -----------------------------------------------------------------------------------


def bullets(ctx: Ctx, findings: list[FindingContent], rng: random.Random) -> list[Flowable]:
    c = ctx.choices
    st = ctx.st
    style = ctx.style_rng("bullets")
    inline_grade = style.random() < 0.35
    chapter = style.randint(2, 7)
    out: list[Flowable] = []
    for i, f in enumerate(findings, start=1):
        marker = {
            "bullet": "\u2022",
            "dash": "-",
            "number": f"{i}.",
            "letter": f"({chr(96 + (i - 1) % 26 + 1)})",
            "outline": f"{chapter}.{f.ordinal}",
        }[c.numbering]
        grade = value_of(ctx, f, "grade")
        if c.grade_place == "heading":
            # A bullet's only heading is its opening bracket.
            grade = f.grade if f.kind == "non_compliance" else f.kind_word
        text = esc(f.description.text)
        if grade and (inline_grade or c.grade_place == "heading"):
            text = f"[{esc(grade)}] {text}"
            grade = None
        out.append(
            para(
                text,
                st.bullet,
                ctx.log,
                FINDING,
                ordinal=f.ordinal,
                field="description",
                markup=True,
            )
        )
        out[-1].bulletText = marker  # type: ignore[attr-defined]
        subs = [
            ("clause", f.code_text),
            ("kind", value_of(ctx, f, "kind")),
            ("grade", grade),
            ("evidence", value_of(ctx, f, "evidence")),
            ("action", value_of(ctx, f, "action")),
        ]
        for field, value in subs:
            if value:
                label = with_colon(ctx, label_of(ctx, f, field))
                out.append(ctx.labelled(f, field, label, value, st.bullet, bold=ctx.labels.bold))
        out.append(Spacer(1, 4))
    return out


PRINTERS: dict[str, Printer] = {
    "header_table": header_table,
    "kv_box": kv_box,
    "tracking_chart": tracking_chart,
    "labelled_prose": labelled_prose,
    "graded_heading": graded_heading,
    "bullets": bullets,
}
