"""Story pieces several layouts share: key-value cover tables, demographics, findings tables.

Each helper returns reportlab flowables; findings cells are `Tagged` so provenance is logged.
Column sets, header wording and rulings are chosen by the calling layout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from .model import Demographics, FindingSpec
from .render import GRID, HEADER_FILL, ProvenanceLog, p

Getter = Callable[[FindingSpec], str | None]

FIELD: dict[str, Getter] = {
    "ref": lambda f: str(f.ordinal),
    "clause": lambda f: f.clause,
    "topic": lambda f: f.topic,
    "title": lambda f: f.title,
    "description": lambda f: f.description.text,
    "evidence": lambda f: f.evidence.text if f.evidence else None,
    "severity": lambda f: f.severity_raw,
    "action": lambda f: f.corrective_action,
    "due": lambda f: f.due,
}


def kv_table(
    rows: Sequence[tuple[str, str]],
    st: dict[str, ParagraphStyle],
    *,
    width: float,
    label_share: float = 0.35,
    ruled: bool = True,
) -> Table:
    """A two-column label/value table (cover-page metadata)."""
    data = [[p(label, st["cellb"]), p(value, st["cell"])] for label, value in rows]
    table = Table(data, colWidths=[width * label_share, width * (1 - label_share)])
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        commands += [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
        ]
    table.setStyle(TableStyle(commands))
    return table


def demographics_table(
    demo: Demographics, st: dict[str, ParagraphStyle], *, width: float, ruled: bool = True
) -> Table:
    header = ["Category", "Male", "Female", "Total"]
    data = [[p(h, st["cellb"]) for h in header]]
    for name, male, female in demo.rows:
        data.append([p(x, st["cell"]) for x in (name, str(male), str(female), str(male + female))])
    total_m = sum(r[1] for r in demo.rows)
    total_f = sum(r[2] for r in demo.rows)
    data.append([p(x, st["cellb"]) for x in ("Total", str(total_m), str(total_f), str(demo.total))])
    table = Table(data, colWidths=[width * 0.4] + [width * 0.2] * 3)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, GRID))
    else:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
    table.setStyle(TableStyle(commands))
    return table


def findings_table(
    findings: Sequence[FindingSpec],
    columns: Sequence[tuple[str, str, float]],
    st: dict[str, ParagraphStyle],
    log: ProvenanceLog,
    *,
    width: float,
    ruled: bool = True,
    repeat_header: bool = True,
    extra: dict[str, Getter] | None = None,
) -> Table:
    """A findings table: one row per finding; `columns` are (header, field, width share)."""
    getters = {**FIELD, **(extra or {})}
    data: list[list[Flowable]] = [[p(h, st["cellb"]) for h, _, _ in columns]]
    for f in findings:
        row = []
        for _, key, _ in columns:
            value = getters[key](f) or ""
            row.append(p(value, st["cell"], ordinal=f.ordinal, log=log))
        data.append(row)
    table = Table(
        data,
        colWidths=[width * share for _, _, share in columns],
        repeatRows=1 if repeat_header else 0,
    )
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        commands += [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ]
    else:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("TOPPADDING", (0, 1), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
        ]
    table.setStyle(TableStyle(commands))
    return table


def labelled(
    label: str,
    value: str,
    style: ParagraphStyle,
    *,
    ordinal: int = 0,
    log: ProvenanceLog | None = None,
):
    """A 'Label: value' paragraph with a bold label (prose findings, header blocks)."""
    from .render import esc, rich

    return rich(f"<b>{esc(label)}</b> {esc(value)}", style, ordinal=ordinal, log=log)


def header_block(rows: Sequence[tuple[str, str]], style: ParagraphStyle) -> list[Flowable]:
    """Metadata as a block of 'Label: value' lines (no table)."""
    return [labelled(f"{label}:", value, style) for label, value in rows]
