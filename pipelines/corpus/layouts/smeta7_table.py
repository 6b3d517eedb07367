"""SMETA 7.0: portrait cover table with 7.0 wording, one ruled findings table (ISO due dates,
'Grade' column), observations table and numbered good examples."""

from __future__ import annotations

import random

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageBreak, Spacer

from ..blocks import demographics_table, findings_table, kv_table
from ..model import ReportSpec
from ..profile import Profile
from ..render import PAGE_SIZES, ProvenanceLog, build, p, styles

TOPICS = {
    "forced": "Freely chosen employment",
    "foa": "Freedom of association",
    "ohs": "Safe and hygienic conditions",
    "child": "Child labour",
    "wages": "Living wages",
    "hours": "Working hours",
    "discrimination": "No discrimination",
    "employment": "Regular employment",
    "treatment": "No harsh treatment",
    "environment": "Environment",
    "ethics": "Business ethics",
    "management": "Management systems",
}


def _clause(base: str, rng: random.Random) -> str:
    return f"ETI {base}"


PROFILE = Profile(
    name="smeta7_table",
    standard="smeta",
    family="table",
    held_out=True,
    versions=(("7.0", "SMETA 7.0 4-Pillar"), ("7.0", "SMETA 7.0 2-Pillar")),
    meta_date_style="iso",
    text_date_styles=("iso", "long"),
    severity_raw={
        "critical": ("Business Critical", "Critical"),
        "major": ("Major",),
        "minor": ("Minor",),
    },
    clause_style=_clause,
    topics=TOPICS,
    titles=True,
    due_style="date",
)

NC_COLUMNS = (
    ("No.", "ref", 0.05),
    ("ETI clause", "clause", 0.08),
    ("Title", "title", 0.11),
    ("Finding", "description", 0.25),
    ("Evidence", "evidence", 0.21),
    ("Grade", "severity", 0.1),
    ("Corrective action", "action", 0.12),
    ("Due date", "due", 0.08),
)
OBS_COLUMNS = (
    ("No.", "ref", 0.06),
    ("ETI clause", "clause", 0.1),
    ("Observation", "description", 0.5),
    ("Evidence", "evidence", 0.34),
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9)
    log = ProvenanceLog()
    meta = spec.meta
    width = PAGE_SIZES["A4"][0] - 100
    story = [
        p(f"{meta.standard_title} Audit Report", st["h1"]),
        Spacer(1, 6),
        kv_table(
            [
                ("Auditing company", meta.audit_firm),
                ("Site name", meta.site_name),
                ("Address", meta.site_address),
                ("Country", meta.country_name),
                ("Audit date(s)", meta.audit_date_text),
                ("Audit type", meta.audit_type_text),
                ("Announcement type", meta.announcement_text),
                ("Total workers on site", str(meta.workers_total)),
                ("Methodology version", meta.standard_version or ""),
            ],
            st,
            width=width,
            label_share=0.3,
        ),
        p("Facility overview", st["h2"]),
        p(spec.site_description, st["body"]),
        p("Auditor's summary", st["h2"]),
        p(spec.summary, st["body"]),
    ]
    if spec.options["demographics_table"]:
        story += [
            p("Workforce", st["h3"]),
            demographics_table(spec.demographics, st, width=width * 0.6),
        ]
    story += [PageBreak(), p("Findings", st["h2"])]
    story.append(findings_table(spec.of_kind("non_compliance"), NC_COLUMNS, st, log, width=width))
    obs = spec.of_kind("observation")
    if obs:
        story += [
            p("Observations", st["h2"]),
            findings_table(obs, OBS_COLUMNS, st, log, width=width),
        ]
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("Good examples", st["h2"]))
        for n, f in enumerate(good, start=1):
            story.append(p(f"{n}. {f.description.text}", st["body"], ordinal=f.ordinal, log=log))
    pdf = build(story, on_page=_footer(spec), title="SMETA 7.0 Audit Report")
    return pdf, log


def _footer(spec: ReportSpec):
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.setFont("Helvetica", 7)
        canvas.drawString(50, 25, f"{spec.meta.report_ref} | SMETA 7.0 | page {doc.page}")

    return draw
