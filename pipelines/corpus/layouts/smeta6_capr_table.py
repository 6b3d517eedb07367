"""SMETA 6.1: cover key-value table, then a ruled landscape CAPR table of non-compliances,
an observations table and a bulleted list of good examples."""

from __future__ import annotations

import random

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageBreak, Spacer

from ..blocks import demographics_table, findings_table, kv_table
from ..model import ReportSpec
from ..profile import Profile
from ..render import PAGE_SIZES, ProvenanceLog, build, p, styles

TOPICS = {
    "forced": "Employment freely chosen",
    "foa": "Freedom of association",
    "ohs": "Health and safety",
    "child": "Child labour",
    "wages": "Wages and benefits",
    "hours": "Working hours",
    "discrimination": "Discrimination",
    "employment": "Regular employment",
    "treatment": "Harsh or inhumane treatment",
    "environment": "Environment",
    "ethics": "Business ethics",
    "management": "Management systems",
}


def _clause(base: str, rng: random.Random) -> str:
    return base if base[-1].isalpha() else f"{base}.{rng.randint(1, 4)}"


PROFILE = Profile(
    name="smeta6_capr_table",
    standard="smeta",
    family="table",
    held_out=False,
    versions=(("6.1", "SMETA 6.1 4-Pillar"), ("6.1", "SMETA 6.1 2-Pillar")),
    meta_date_style="long",
    text_date_styles=("long", "dmy"),
    severity_raw={"critical": ("Critical",), "major": ("Major",), "minor": ("Minor",)},
    clause_style=_clause,
    topics=TOPICS,
    pagesize="A4L",
)

NC_COLUMNS = (
    ("Ref", "ref", 0.04),
    ("Clause", "clause", 0.05),
    ("Issue", "topic", 0.09),
    ("Description of non-compliance", "description", 0.24),
    ("Objective evidence", "evidence", 0.19),
    ("Local law / ETI requirement", "law", 0.1),
    ("Recommended corrective action", "action", 0.14),
    ("Timescale", "due", 0.07),
    ("Severity", "severity", 0.08),
)
OBS_COLUMNS = (
    ("Ref", "ref", 0.05),
    ("Clause", "clause", 0.07),
    ("Issue", "topic", 0.13),
    ("Observation", "description", 0.45),
    ("Objective evidence", "evidence", 0.30),
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9)
    log = ProvenanceLog()
    meta = spec.meta
    width = PAGE_SIZES[PROFILE.pagesize][0] - 100
    story = [
        p("SMETA Audit Report", st["h1"]),
        p(f"Sedex Members Ethical Trade Audit - {meta.standard_title}", st["h3"]),
        Spacer(1, 10),
        kv_table(
            [
                ("Audit company name", meta.audit_firm),
                ("Site name", meta.site_name),
                ("Site address", meta.site_address),
                ("Country", meta.country_name),
                ("Date of audit", meta.audit_date_text),
                ("Audit type", meta.audit_type_text),
                ("Was the audit announced?", meta.announcement_text),
                ("Number of workers", str(meta.workers_total)),
                ("SMETA version", meta.standard_version or ""),
                ("Report reference", meta.report_ref),
                ("Lead auditor", meta.auditor),
            ],
            st,
            width=width * 0.6,
        ),
        p("Site description", st["h2"]),
        p(spec.site_description, st["body"]),
        p("Audit summary", st["h2"]),
        p(spec.summary, st["body"]),
    ]
    if spec.options["demographics_table"]:
        story += [
            p("Worker demographics", st["h2"]),
            demographics_table(spec.demographics, st, width=width * 0.5),
        ]
    story += [PageBreak(), p("Corrective Action Plan Report (CAPR) - Non-compliances", st["h2"])]
    ncs = spec.of_kind("non_compliance")
    law = {"law": lambda f: f"ETI Base Code {f.clause.split('.')[0]}" if f.clause else ""}
    story.append(findings_table(ncs, NC_COLUMNS, st, log, width=width, extra=law))
    obs = spec.of_kind("observation")
    if obs:
        story += [
            p("Observations", st["h2"]),
            findings_table(obs, OBS_COLUMNS, st, log, width=width),
        ]
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("Good examples", st["h2"]))
        for f in good:
            story.append(p(f"- {f.description.text}", st["body"], ordinal=f.ordinal, log=log))
    pdf = build(story, pagesize=PROFILE.pagesize, on_page=_header(spec), title="SMETA Audit Report")
    return pdf, log


def _header(spec: ReportSpec):
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = PAGE_SIZES[PROFILE.pagesize]
        canvas.setFont("Helvetica", 7)
        canvas.drawString(50, height - 30, f"SMETA Audit - {spec.meta.site_name}")
        canvas.drawRightString(width - 50, 25, f"Page {doc.page}")

    return draw
