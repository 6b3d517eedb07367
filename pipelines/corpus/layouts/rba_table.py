"""RBA VAP: US-letter cover table (audit dates as an ISO range), a ruled findings table with
RBA grades (Priority, Major, Minor, Risk of Non-conformance, Opportunity for Improvement)."""

from __future__ import annotations

import datetime as dt
import random

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageBreak

from ..blocks import demographics_table, findings_table, kv_table
from ..model import ReportSpec
from ..profile import Profile
from ..render import PAGE_SIZES, ProvenanceLog, build, p, styles


def _clause(base: str, rng: random.Random) -> str:
    return base if len(base) > 1 else f"{base}{rng.randint(1, 8)}"


PROFILE = Profile(
    name="rba_table",
    standard="rba",
    family="table",
    held_out=False,
    versions=(("8.0", "RBA Code of Conduct 8.0"), ("7.0", "RBA Code of Conduct 7.0")),
    meta_date_style="iso",
    text_date_styles=("iso", "mdy_long"),
    severity_raw={"critical": ("Priority",), "major": ("Major",), "minor": ("Minor",)},
    observation_raw=("Risk of Non-conformance", "Opportunity for Improvement"),
    clause_style=_clause,
    titles=True,
    due_style=None,
    # The findings table has no corrective-action column; the CAP is a separate RBA document.
    actions=False,
    audit_types=("initial", "periodic", "follow_up"),
    audit_type_text={
        "initial": ("Initial VAP",),
        "periodic": ("Initial VAP (re-audit cycle)",),
        "follow_up": ("Closure Audit",),
        "re_audit": ("Initial VAP",),
        "special": ("Special VAP",),
    },
    announcement_text={
        "announced": ("Announced",),
        "semi_announced": ("Semi-announced (window)",),
        "unannounced": ("Unannounced",),
    },
    pagesize="LETTER",
)

COLUMNS = (
    ("Finding ID", "ref", 0.08),
    ("Code section", "clause", 0.08),
    ("Finding title", "title", 0.14),
    ("Finding description", "description", 0.3),
    ("Objective evidence", "evidence", 0.26),
    ("Grade", "severity", 0.14),
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9)
    log = ProvenanceLog()
    meta = spec.meta
    width = PAGE_SIZES["LETTER"][0] - 100
    last_day = meta.audit_date + dt.timedelta(days=random.Random(spec.seed).randint(1, 3))
    story = [
        p("RBA Validated Audit Process (VAP) Report", st["h1"]),
        kv_table(
            [
                ("Facility name", meta.site_name),
                ("Facility address", meta.site_address),
                ("Country", meta.country_name),
                ("Audit dates", f"{meta.audit_date_text} to {last_day.isoformat()}"),
                ("Audit type", meta.audit_type_text),
                ("Audit notification", meta.announcement_text),
                ("Audit firm", meta.audit_firm),
                ("Total workforce", str(meta.workers_total)),
                ("RBA Code version", meta.standard_version or ""),
                ("VAP ID", meta.report_ref),
            ],
            st,
            width=width * 0.7,
        ),
        p("Facility description", st["h2"]),
        p(spec.site_description, st["body"]),
        p("Executive summary", st["h2"]),
        p(spec.summary, st["body"]),
    ]
    if spec.options["demographics_table"]:
        story += [
            p("Worker demographics", st["h3"]),
            demographics_table(spec.demographics, st, width=width * 0.6),
        ]
    story += [PageBreak(), p("Audit findings", st["h2"])]
    rows = spec.of_kind("non_compliance") + spec.of_kind("observation")
    story.append(findings_table(rows, COLUMNS, st, log, width=width))
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("Notable practices", st["h2"]))
        for f in good:
            story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
    return build(story, pagesize="LETTER", on_page=_footer(spec), title="RBA VAP Report"), log


def _footer(spec: ReportSpec):
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.setFont("Helvetica", 7)
        canvas.drawCentredString(306, 24, f"RBA VAP Report - Confidential - Page {doc.page}")

    return draw
