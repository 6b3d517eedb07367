"""What fills the rest of a report: every section that is not a gold finding.

Disclaimers, contents, executive summary, site profile, workforce table, scope and method,
documents reviewed, meeting attendees, worker-interview summaries, per-area systems prose,
checklists, wage/hours/record sample tables, grade legends, photo annexes, sign-off, and the
summary tables that repeat shortened findings. Each builder returns flowables whose paragraphs
are marked with their role, so distractor text is known by construction. None of them may
print a finding's full description.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ..values import MONTHS, money_text, round_amount
from . import wording as w
from .context import Ctx
from .findings import TOPIC_WORDS, grade_words, summary_text
from .tables import TooNarrow, fit_widths, ruled_table

Filler = Callable[[Ctx, random.Random], list[Flowable]]


def _table(
    ctx: Ctx,
    header: list[str],
    rows: list[list[str]],
    role: str,
    rng: random.Random,
    weights: list[float] | None = None,
) -> list[Flowable]:
    st = ctx.st
    weights = weights or [1.0] * len(header)
    texts = [[h] + [r[i] for r in rows] for i, h in enumerate(header)]
    try:
        widths = fit_widths(
            texts,
            weights,
            ctx.width,
            font=st.cell.fontName,
            size=st.cell.fontSize,
            bold_font=st.bold,
        )
    except TooNarrow:
        widths = [ctx.width * x / sum(weights) for x in weights]
    data = [[ctx.p(h, st.cellb, "heading") for h in header]]
    data += [[ctx.p(cell, st.cell, role) for cell in row] for row in rows]
    ruling = rng.choice(("grid", "grid", "horizontal", "none"))
    return [
        ruled_table(data, widths, st, ruling=ruling, repeat_header=rng.random() < 0.6),
        Spacer(1, 8),
    ]


def disclaimer(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    words = ctx.words(rng)
    title = rng.choice(("Confidentiality and disclaimer", "Disclaimer", "Important notice"))
    out: list[Flowable] = [ctx.heading(title, ctx.st.h2)]
    for template in rng.sample(w.DISCLAIMERS, rng.randint(2, 5)):
        out.append(ctx.p(words.fill(template), ctx.st.body, "disclaimer"))
        out.append(Spacer(1, 4))
    if rng.random() < 0.5:
        out.append(PageBreak())
    return out


def contents(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    names = [
        "Audit details",
        "Executive summary",
        "Site profile",
        "Workforce",
        "Audit scope and methodology",
        "Findings",
        "Worker interviews",
        "Documents reviewed",
        "Annex: photographs",
    ]
    rng.shuffle(names)
    page = rng.randint(2, 4)
    out: list[Flowable] = [ctx.heading(rng.choice(("Contents", "Table of contents")), ctx.st.h2)]
    for i, name in enumerate(names, start=1):
        page += rng.randint(1, 4)
        dots = "." * rng.randint(30, 60)
        out.append(ctx.p(f"{i}. {name} {dots} {page}", ctx.st.body, "contents"))
    out.append(PageBreak())
    return out


def executive_summary(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    words = ctx.words(rng)
    templates = [t for t in w.SUMMARY if "{workers}" not in t or ctx.facts.workers]
    title = rng.choice(("Executive summary", "Summary of audit", "Audit summary", "Overview"))
    out: list[Flowable] = [ctx.heading(title, ctx.st.h2)]
    out.append(ctx.p(words.sentences(templates, 3, 6), ctx.st.body, "prose"))
    if rng.random() < 0.6:
        out += counts_table(ctx, rng)
    return out


def counts_table(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """Counts of findings per kind and area: a summary that repeats no finding text."""
    kinds = ("non_compliance", "observation", "good_practice")
    heads = [rng.choice(("Area", "Clause", "Section")), "NC", "Obs", "GE"]
    rows = []
    areas = sorted({f.area for f in ctx.findings}, key=list(TOPIC_WORDS).index)
    for area in areas:
        counts = [sum(f.area == area and f.kind == k for f in ctx.findings) for k in kinds]
        rows.append([TOPIC_WORDS[area]] + [str(n) for n in counts])
    totals = [sum(f.kind == k for f in ctx.findings) for k in kinds]
    rows.append(["Total"] + [str(n) for n in totals])
    return _table(ctx, heads, rows, "summary_row", rng, [3, 1, 1, 1])


def summary_table(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """Shortened findings, one row each: NOT gold findings (the full ones are elsewhere)."""
    st = ctx.st
    title = rng.choice(
        (
            "Summary of findings",
            "Findings at a glance",
            "Overview of non-compliances",
            "CAP summary",
        )
    )
    heads = [
        rng.choice(("No.", "Ref", "#")),
        rng.choice(("Area", "Clause", "Issue area")),
        rng.choice(("Summary", "Issue", "Finding (summary)", "Short description")),
        rng.choice(("Grade", "Type", "Rating")),
    ]
    rows = []
    for f in ctx.findings:
        grade = f.grade if f.kind == "non_compliance" and f.grade else f.kind_word
        short = summary_text(f, ctx.findings)
        rows.append([f.ref or str(f.ordinal), f.code or TOPIC_WORDS[f.area], short, grade])
    texts = [[h] + [r[i] for r in rows] for i, h in enumerate(heads)]
    weights = [0.6, 1.2, 4.0, 1.0]
    try:
        widths = fit_widths(
            texts,
            weights,
            ctx.width,
            font=st.cell.fontName,
            size=st.cell.fontSize,
            bold_font=st.bold,
        )
    except TooNarrow:
        widths = [ctx.width * x / sum(weights) for x in weights]
    data = [[ctx.p(h, st.cellb, "heading") for h in heads]]
    for f, row in zip(ctx.findings, rows, strict=True):
        data.append([_summary_cell(ctx, f.ordinal, cell) for cell in row])
    table = ruled_table(
        data, widths, st, ruling=rng.choice(("grid", "horizontal")), repeat_header=True
    )
    return [ctx.heading(title, st.h2), table, Spacer(1, 10)]


def _summary_cell(ctx: Ctx, ordinal: int, text: str):
    from .regions import para

    return para(text, ctx.st.cell, ctx.log, "summary_row", ordinal=ordinal)


def site_profile(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    m = ctx.meta
    words = ctx.words(rng)
    rows = [
        ["Site name", m.site_name],
        ["Business licence no.", f"{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}"],
        ["Year established", str(m.audit_date.year - rng.randint(2, 30))],
        ["Products", m.product],
        ["Main processes", ", ".join(rng.sample(w.PROCESSES, 3))],
        ["Buildings", f"{rng.randint(1, 5)} production, {rng.randint(0, 2)} dormitory"],
        ["Land area", f"{rng.randint(3, 90) * 1000:,} m2"],
        ["Shifts", rng.choice(("1 day shift", "2 shifts", "3 shifts (24 h)"))],
        ["Working days", rng.choice(("Monday to Saturday", "Monday to Friday", "6 days"))],
        ["Union or worker committee", rng.choice(("Union", "Worker committee", "None", "Both"))],
        ["Peak season", f"{words.value('peak_month')} to {rng.choice(MONTHS)}"],
    ]
    if m.address_printed and rng.random() < 0.5:
        rows.insert(1, ["Address", m.address_printed])
    rng.shuffle(rows[2:])
    rows = rows[: rng.randint(6, len(rows))]
    title = rng.choice(("Site profile", "Facility information", "Site details", "About the site"))
    return [ctx.heading(title, ctx.st.h2), *_kv_rows(ctx, rows, "profile", rng)]


def _kv_rows(ctx: Ctx, rows: list[list[str]], role: str, rng: random.Random) -> list[Flowable]:
    st = ctx.st
    data = [[ctx.p(a, st.cellb, role), ctx.p(b, st.cell, role)] for a, b in rows]
    texts = [[r[0] for r in rows], [r[1] for r in rows]]
    try:
        widths = fit_widths(
            texts,
            [1, 2],
            ctx.width,
            font=st.cell.fontName,
            size=st.cell.fontSize,
            bold_font=st.bold,
            bold_columns=(0,),
        )
    except TooNarrow:
        widths = [ctx.width / 3, ctx.width * 2 / 3]
    ruling = rng.choice(("grid", "horizontal", "none"))
    return [ruled_table(data, widths, st, ruling=ruling, header_rows=0), Spacer(1, 8)]


def workforce(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """The demographics table; its total row is the report's worker count."""
    wf = ctx.meta.workforce
    title = rng.choice(("Workforce", "Worker demographics", "Employee profile", "Workers on site"))
    heads = [rng.choice(("Category", "Worker type", "Employment type")), "Male", "Female", "Total"]
    rows = [[name, str(m), str(f), str(m + f)] for name, m, f in wf.rows]
    male = sum(r[1] for r in wf.rows)
    female = sum(r[2] for r in wf.rows)
    rows.append([wf.total_label, str(male), str(female), str(wf.total)])
    out = [ctx.heading(title, ctx.st.h2)]
    out += _table(ctx, heads, rows, "demographics", rng, [3, 1, 1, 1])
    extra = []
    if wf.migrant or rng.random() < 0.5:
        extra.append(f"Of which migrant workers: {wf.migrant}")
    extra.append(f"Of which young workers (under 18): {wf.young}")
    for line in extra:
        out.append(ctx.p(line, ctx.st.body, "demographics"))
    return out


def method(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    words = ctx.words(rng)
    title = rng.choice(("Audit scope and methodology", "Scope and method", "Audit methodology"))
    out: list[Flowable] = [ctx.heading(title, ctx.st.h2)]
    out.append(ctx.p(words.sentences(w.METHOD, 4, 8), ctx.st.body, "method"))
    if rng.random() < 0.6:
        rows = [
            ["Individual interviews", words.value("n_interviews")],
            ["Group interviews", f"{words.value('n_groups')} groups"],
            ["Personnel files reviewed", words.value("sample_size")],
            ["Payroll months reviewed", words.value("months_sampled")],
            ["Time records reviewed (workers)", words.value("sample_size")],
        ]
        out += _table(ctx, ["Sample", "Number"], rows, "method", rng, [3, 1])
    return out


def documents(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    title = rng.choice(("Documents reviewed", "Records examined", "Document review"))
    docs = rng.sample(w.DOCUMENTS, rng.randint(8, len(w.DOCUMENTS)))
    out: list[Flowable] = [ctx.heading(title, ctx.st.h2)]
    if rng.random() < 0.6:
        rows = [[d, rng.choice(w.DOCUMENT_NOTES)] for d in docs]
        out += _table(ctx, ["Document", "Result"], rows, "documents", rng, [3, 2])
    else:
        for d in docs:
            out.append(ctx.p(f"- {d}", ctx.st.body, "documents"))
    return out


def attendees(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    words = ctx.words(rng)
    title = rng.choice(("Opening and closing meetings", "Meeting attendees", "Persons met"))
    rows = []
    for position in rng.sample(w.POSITIONS, rng.randint(3, 8)):
        rows.append(
            [
                words.person(),
                position,
                rng.choice(("Yes", "x", "Yes")),
                rng.choice(("Yes", "x", "-")),
            ]
        )
    heads = ["Name", "Position", "Opening", "Closing"]
    return [
        ctx.heading(title, ctx.st.h2),
        *_table(ctx, heads, rows, "attendees", rng, [2, 2, 1, 1]),
    ]


def interviews(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """Interview summaries that mention wages, overtime, fees and documents: no finding."""
    words = ctx.words(rng)
    title = rng.choice(
        ("Worker interview summary", "Summary of worker interviews", "Worker interviews")
    )
    out: list[Flowable] = [ctx.heading(title, ctx.st.h2)]
    chosen = rng.sample(w.INTERVIEWS, rng.randint(5, 14))
    if rng.random() < 0.5:
        out.append(ctx.p(" ".join(words.fill(t) for t in chosen), ctx.st.body, "interview"))
    else:
        for t in chosen:
            item = ctx.p(words.fill(t), ctx.st.bullet, "interview")
            item.bulletText = "\u2022"  # type: ignore[attr-defined]
            out.append(item)
    return out


def systems(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """'Current systems and evidence examined' per area, most of it saying nothing was found."""
    words = ctx.words(rng)
    title = rng.choice(
        ("Current systems and evidence examined", "Management systems review", "Systems observed")
    )
    out: list[Flowable] = [ctx.heading(title, ctx.st.h2)]
    areas = rng.sample(list(w.SYSTEMS), rng.randint(4, len(w.SYSTEMS)))
    for area in areas:
        out.append(ctx.heading(TOPIC_WORDS[area], ctx.st.h3))
        text = words.sentences(w.SYSTEMS[area], 2, 4)
        if rng.random() < 0.6:
            text += " " + words.fill(rng.choice(w.NOTHING_FOUND))
        out.append(ctx.p(text, ctx.st.body, "systems"))
    return out


def checklist(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    title = rng.choice(("Compliance checklist", "Checklist", "Verification checklist"))
    rows = []
    for area in rng.sample(list(w.CHECKLIST), rng.randint(3, 8)):
        for question in w.CHECKLIST[area]:
            answer = rng.choice(w.CHECK_ANSWERS)
            rows.append([question, answer, rng.choice(("", "", "Seen", "Verified", "See report"))])
    heads = ["Requirement", rng.choice(("Result", "Answer", "Status")), "Comment"]
    return [ctx.heading(title, ctx.st.h2), *_table(ctx, heads, rows, "checklist", rng, [5, 1, 1.5])]


def wage_sample(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    country = ctx.facts.country
    marker = country.currencies[0]
    low, high = country.wage_range
    minimum = round_amount(rng, low, (low + high) // 2)
    rows = []
    for _ in range(rng.randint(8, 40)):
        basic = round_amount(rng, minimum, high)
        ot_hours = rng.randint(0, 52)
        ot_pay = basic * ot_hours // 150
        rows.append(
            [
                f"W{rng.randint(1000, 9999)}",
                rng.choice(("Operator", "Helper", "Line leader", "Packer", "QC")),
                money_text(rng, marker, basic),
                str(ot_hours),
                money_text(rng, marker, ot_pay),
                money_text(rng, marker, basic + ot_pay),
                rng.choice(("Yes", "Yes", "Yes", "OK")),
            ]
        )
    heads = [
        rng.choice(("Worker ID", "Employee no.", "ID", "Emp. code")),
        rng.choice(("Position", "Job title", "Grade")),
        rng.choice(("Basic wage", "Basic salary", "Base pay")),
        rng.choice(("OT hours", "Overtime hours", "OT hrs")),
        rng.choice(("OT pay", "Overtime pay", "OT amount")),
        rng.choice(("Gross", "Gross pay", "Total earnings")),
        rng.choice(("Min. wage met", "Above minimum?", "Compliant")),
    ]
    title = rng.choice(("Wage sample", "Payroll sample", "Wage analysis"))
    month = rng.choice(MONTHS)
    legal = money_text(rng, marker, minimum)
    intro = f"Sample of wages for {month} {ctx.meta.audit_date.year}; legal minimum wage {legal}."
    return [
        ctx.heading(title, ctx.st.h2),
        ctx.p(intro, ctx.st.body, "sample_table"),
        *_table(ctx, heads, rows, "sample_table", rng, [1.2, 1.3, 1.3, 0.8, 1.1, 1.2, 1]),
    ]


def hours_sample(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    rows = []
    start = ctx.meta.audit_date - dt.timedelta(days=rng.randint(30, 200))
    for i in range(rng.randint(6, 30)):
        week = start + dt.timedelta(days=7 * i)
        regular = rng.choice((40, 44, 48))
        ot = rng.randint(0, 12)
        rows.append(
            [
                f"{week.day:02d}/{week.month:02d}/{week.year}",
                f"W{rng.randint(1000, 9999)}",
                str(regular),
                str(ot),
                str(regular + ot),
                rng.choice(("1", "1", "2")),
            ]
        )
    heads = [
        rng.choice(("Week of", "Week starting", "Period")),
        rng.choice(("Worker", "Employee", "ID")),
        rng.choice(("Regular", "Normal hours", "Regular hrs")),
        rng.choice(("Overtime", "OT", "Overtime hrs")),
        rng.choice(("Total", "Total hours", "Weekly total")),
        rng.choice(("Rest days", "Days off", "Rest day(s)")),
    ]
    title = rng.choice(("Working hours sample", "Time record sample", "Hours analysis"))
    return [ctx.heading(title, ctx.st.h2), *_table(ctx, heads, rows, "sample_table", rng)]


def record_sample(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    kinds = ("Payroll", "Time cards", "Personnel files", "Contracts", "Leave records", "Training")
    rows = []
    for kind in rng.sample(kinds, rng.randint(3, 6)):
        rows.append(
            [
                kind,
                f"{rng.choice(MONTHS)[:3]} - {rng.choice(MONTHS)[:3]} {ctx.meta.audit_date.year}",
                str(rng.randint(5, 40)),
                rng.choice(("No issue noted", "Consistent", "See findings", "No discrepancy")),
            ]
        )
    heads = ["Records", "Period", "Sample size", "Result"]
    title = rng.choice(("Records sampled", "Record review", "Sampling of records"))
    return [ctx.heading(title, ctx.st.h2), *_table(ctx, heads, rows, "sample_table", rng)]


def legend(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """Grade definitions: grade words in sentences that are not findings."""
    words = grade_words(ctx.family, ctx.choices, ctx.seed)
    if not words:
        return []
    out: list[Flowable] = [
        ctx.heading(rng.choice(("Grading of findings", "Rating key", "Definitions")), ctx.st.h3)
    ]
    for severity, word in words.items():
        line = rng.choice(w.LEGEND_LINES[severity]).format(word=word)
        out.append(ctx.p(line, ctx.st.body, "legend"))
    return out


class _Photo(Flowable):
    """A grey box standing in for a photograph."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height

    def draw(self) -> None:
        self.canv.setFillGray(0.72)
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


def photos(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    words = ctx.words(rng)
    title = rng.choice(("Annex: photographs", "Photo annex", "Photographs"))
    out: list[Flowable] = [PageBreak(), ctx.heading(title, ctx.st.h2)]
    box_w = ctx.width / 2 - 10
    captions = rng.sample(w.CAPTIONS, rng.randint(4, len(w.CAPTIONS)))
    cells = []
    for i, caption in enumerate(captions, start=1):
        cells.append(
            [
                _Photo(box_w, box_w * 0.62),
                ctx.p(f"Photo {i}: {words.fill(caption)}", ctx.st.small, "photo"),
            ]
        )
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    for row in rows:
        table = Table([row + [""] * (2 - len(row))], colWidths=[ctx.width / 2] * 2)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        out += [table, Spacer(1, 8)]
    return out


def signoff(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    m = ctx.meta
    title = rng.choice(("Declaration", "Sign-off", "Auditor declaration"))
    text = rng.choice(
        (
            "I confirm that this report is a true record of the audit.",
            "The findings of this audit were discussed with management at the closing meeting.",
            "Management acknowledges receipt of the findings; acknowledgement does not imply "
            "agreement.",
        )
    )
    lines = [f"Signature: {'_' * 24}", f"Name: {m.auditor}", f"Site representative: {'_' * 18}"]
    out: list[Flowable] = [ctx.heading(title, ctx.st.h2), ctx.p(text, ctx.st.body, "signoff")]
    out += [ctx.p(line, ctx.st.body, "signoff") for line in lines]
    return out


def grievance_log(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    """Handled complaints: finding-like words (overtime pay, supervisor) that are not findings."""
    words = ctx.words(rng)
    rows = []
    start = ctx.meta.audit_date - dt.timedelta(days=rng.randint(200, 360))
    for i, (issue, resolution) in enumerate(
        rng.sample(w.GRIEVANCES, rng.randint(3, len(w.GRIEVANCES)))
    ):
        day = start + dt.timedelta(days=19 * i + rng.randint(0, 12))
        rows.append(
            [
                f"{day.day:02d}/{day.month:02d}/{day.year}",
                rng.choice(w.GRIEVANCE_CHANNELS),
                words.fill(issue),
                words.fill(resolution),
                rng.choice(("Closed", "Closed", "Resolved")),
            ]
        )
    heads = ["Date", "Channel", "Issue raised", "Action taken", "Status"]
    title = rng.choice(("Grievance log review", "Grievances received", "Worker complaints log"))
    return [
        ctx.heading(title, ctx.st.h2),
        *_table(ctx, heads, rows, "sample_table", rng, [1, 1, 2.5, 2.5, 0.8]),
    ]


def hse_walkthrough(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    rows = []
    for item, result in rng.sample(w.HSE_ITEMS, rng.randint(5, len(w.HSE_ITEMS))):
        area = rng.choice(("Building 1", "Building 2", "Warehouse", "Dormitory", "Canteen"))
        rows.append([area, item, result if rng.random() < 0.5 else rng.choice(w.HSE_RESULTS)])
    heads = ["Area", "Item checked", "Result"]
    title = rng.choice(("Site tour checklist", "Health and safety walk-through", "Tour notes"))
    return [ctx.heading(title, ctx.st.h2), *_table(ctx, heads, rows, "checklist", rng, [1.2, 2, 2])]


FILLERS: dict[str, Filler] = {
    "disclaimer": disclaimer,
    "contents": contents,
    "executive_summary": executive_summary,
    "summary_table": summary_table,
    "site_profile": site_profile,
    "workforce": workforce,
    "method": method,
    "documents": documents,
    "attendees": attendees,
    "interviews": interviews,
    "systems": systems,
    "checklist": checklist,
    "wage_sample": wage_sample,
    "hours_sample": hours_sample,
    "record_sample": record_sample,
    "legend": legend,
    "photos": photos,
    "signoff": signoff,
    "grievance_log": grievance_log,
    "hse_walkthrough": hse_walkthrough,
}
