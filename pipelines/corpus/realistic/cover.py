"""Cover pages: title and audit metadata in one of four forms (key-value table, 'Label: value'
lines, SMETA-style lettered audit details, or a two-pair grid), with varied label wording.

What is printed is exactly `CoverMeta`: the gold `AuditInfo` is derived from the same values,
so a field left off the cover is null in gold. Distractor values (client, previous audit date,
report date) are printed too, as real covers do.
"""

from __future__ import annotations

import random

from reportlab.platypus import Flowable, PageBreak, Spacer

from .context import Ctx
from .meta import CoverMeta
from .tables import TooNarrow, fit_widths, ruled_table

COVER_LABELS: dict[str, tuple[str, ...]] = {
    "ref": ("Report number", "Report No.", "Audit reference", "Assessment ID", "Report ref."),
    "site": ("Site name", "Facility name", "Factory", "Name of facility", "Supplier site", "Site"),
    "address": ("Address", "Site address", "Facility address", "Location", "Physical address"),
    "country": ("Country", "Country of audit", "Country/Region"),
    "date": (
        "Audit date",
        "Date(s) of audit",
        "Date of assessment",
        "Assessment date(s)",
        "Audit dates",
        "Date of visit",
        "Audit conducted on",
    ),
    "type": ("Audit type", "Type of audit", "Assessment type", "Visit type", "Audit category"),
    "announcement": ("Announcement", "Announcement type", "Audit announcement", "Notice"),
    "firm": ("Audit company", "Audit firm", "Auditing company", "Assessment body", "Conducted by"),
    "auditor": ("Lead auditor", "Auditor(s)", "Assessor", "Monitor", "Lead assessor"),
    "workers": (
        "Total workers",
        "Number of workers",
        "Total number of employees",
        "Workforce",
        "Headcount",
        "Total personnel",
    ),
    "version": ("Version", "Methodology version", "Code version", "Standard version"),
    "client": ("Client", "Commissioned by", "Buyer", "Programme owner"),
    "product": ("Products", "Main products", "Product category"),
    "previous": ("Previous audit date", "Date of last audit", "Last audit"),
    "report_date": ("Report date", "Date of report", "Issued on"),
}


def version_value(meta: CoverMeta, rng: random.Random) -> str:
    v = meta.version or ""
    forms = {
        "smeta": (f"SMETA {v}", v, f"SMETA version {v}"),
        "amfori_bsci": (f"amfori BSCI {v}", f"BSCI Code of Conduct {v}"),
        "sa8000": (f"SA8000:{v}",),
        "rba": (f"RBA Code of Conduct {v}", f"Version {v}"),
    }.get(meta.standard, (v,))
    return rng.choice(forms)


def cover_rows(ctx: Ctx, rng: random.Random) -> tuple[list[tuple[str, str]], str | None]:
    """The (label, value) pairs of the cover, and a 'Prepared by' line if the firm goes there."""
    m = ctx.meta
    label = {k: rng.choice(v) for k, v in COVER_LABELS.items()}
    rows: list[tuple[str, str]] = [(label["ref"], m.report_ref), (label["site"], m.site_name)]
    if m.address_printed:
        rows.append((label["address"], m.address_printed))
    if m.country_printed:
        rows.append((label["country"], m.country_printed))
    date_label = f"{label['date']} {m.date_hint}".strip()
    rows.append((date_label, m.date_text))
    if m.type_text and m.announcement_text and rng.random() < 0.3:
        rows.append((label["type"], f"{m.type_text} ({m.announcement_text})"))
    else:
        if m.type_text:
            rows.append((label["type"], m.type_text))
        if m.announcement_text:
            text = m.announcement_text
            if text.startswith("Notice:"):
                rows.append(("Notice", text.split(":", 1)[1].strip()))
            else:
                rows.append((label["announcement"], text))
    if m.version_field:
        rows.append((label["version"], version_value(m, rng)))
    prepared_by = None
    if m.firm_place == "field":
        rows.append((label["firm"], m.firm))
        rows.append((label["auditor"], m.auditor))
    elif m.firm_place == "after_auditor":
        value = rng.choice((f"{m.auditor} ({m.firm})", f"{m.auditor}, {m.firm}"))
        rows.append((label["auditor"], value))
    else:
        rows.append((label["auditor"], m.auditor))
        if m.firm_place == "prepared_by":
            prepared_by = rng.choice(("Prepared by", "Report prepared by", "Audit conducted by"))
            prepared_by = f"{prepared_by} {m.firm}"
    if m.workers_place in ("cover", "both"):
        rows.append(
            (
                label["workers"],
                f"{m.workforce.total:,}" if rng.random() < 0.4 else str(m.workforce.total),
            )
        )
    if rng.random() < 0.6:
        rows.append((label["client"], m.client))
    if rng.random() < 0.5:
        rows.append((label["product"], m.product))
    if m.previous_audit:
        rows.append((label["previous"], m.previous_audit))
    if m.report_date:
        rows.append((label["report_date"], m.report_date))
    # Keep the identity rows first; shuffle the rest a little, as templates differ.
    head, tail = rows[:2], rows[2:]
    if rng.random() < 0.4:
        rng.shuffle(tail)
    return head + tail, prepared_by


def cover(ctx: Ctx, rng: random.Random) -> list[Flowable]:
    st = ctx.st
    m = ctx.meta
    rows, prepared_by = cover_rows(ctx, rng)
    out: list[Flowable] = [ctx.p(m.title, st.h1, "cover")]
    if rng.random() < 0.5:
        out.append(ctx.p(rng.choice(SUBTITLES).format(client=m.client), st.h3, "cover"))
    if prepared_by:
        out.append(ctx.p(prepared_by, st.body, "cover"))
    out.append(Spacer(1, 14))
    style = ctx.choices.cover
    if style == "lines":
        colon = rng.random() < 0.8
        for label, value in rows:
            text = f"<b>{_esc(label)}{':' if colon else ''}</b> {_esc(value)}"
            out.append(_markup(ctx, text))
    elif style == "grid" and len(rows) >= 4:
        out.append(_grid(ctx, rows, rng))
    else:
        if style == "lettered":
            rows = [(f"{chr(65 + i)}. {label}", value) for i, (label, value) in enumerate(rows)]
        out.append(_kv(ctx, rows, rng))
    out.append(PageBreak())
    return out


SUBTITLES = (
    "Prepared for {client}",
    "Social compliance audit",
    "Confidential report",
    "{client} responsible sourcing programme",
    "Workplace assessment",
)


def _esc(text: str) -> str:
    from ..render import esc

    return esc(text)


def _markup(ctx: Ctx, text: str):
    from .regions import para

    return para(text, ctx.st.body, ctx.log, "cover", markup=True)


def _kv(ctx: Ctx, rows: list[tuple[str, str]], rng: random.Random):
    st = ctx.st
    share = rng.uniform(0.3, 0.42)
    texts = [[label for label, _ in rows], [value for _, value in rows]]
    try:
        widths = fit_widths(
            texts,
            [share, 1 - share],
            ctx.width,
            font=st.cell.fontName,
            size=st.cell.fontSize,
            bold_font=st.bold,
            bold_columns=(0,),
        )
    except TooNarrow:
        widths = [ctx.width * share, ctx.width * (1 - share)]
    data = [
        [ctx.p(label, st.cellb, "cover"), ctx.p(value, st.cell, "cover")] for label, value in rows
    ]
    ruling = ctx.choices.ruling if ctx.choices.ruling != "none" else "horizontal"
    return ruled_table(data, widths, st, ruling=ruling, header_rows=0)


def _grid(ctx: Ctx, rows: list[tuple[str, str]], rng: random.Random):
    st = ctx.st
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:] + [("", "")] * (2 * half - len(rows))
    data = []
    for (l1, v1), (l2, v2) in zip(left, right, strict=True):
        data.append(
            [
                ctx.p(l1, st.cellb, "cover"),
                ctx.p(v1, st.cell, "cover"),
                ctx.p(l2, st.cellb, "cover"),
                ctx.p(v2, st.cell, "cover"),
            ]
        )
    texts = [
        [label for label, _ in left],
        [value for _, value in left],
        [label for label, _ in right],
        [value for _, value in right],
    ]
    try:
        widths = fit_widths(
            texts,
            [0.8, 1.2, 0.8, 1.2],
            ctx.width,
            font=st.cell.fontName,
            size=st.cell.fontSize,
            bold_font=st.bold,
            bold_columns=(0, 2),
        )
    except TooNarrow:
        return _kv(ctx, rows, rng)
    return ruled_table(data, widths, st, ruling="grid", header_rows=0)
