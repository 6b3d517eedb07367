"""Legacy report, second firm: boxed header block, 'Section 5 - Detailed findings' with items
'5.3 Health & Safety' and lettered sub-fields '(a) Observed:' ... '(e) Target date:'."""

from __future__ import annotations

from ..blocks import kv_table, labelled
from ..model import ReportSpec
from ..profile import Profile
from ..render import PAGE_SIZES, ProvenanceLog, build, p, styles

TOPICS = {
    "forced": "Involuntary labour",
    "foa": "Freedom of association",
    "ohs": "Health & Safety",
    "child": "Underage labour",
    "wages": "Wages & benefits",
    "hours": "Hours of work",
    "discrimination": "Non-discrimination",
    "employment": "Employment relationship",
    "treatment": "Harassment or abuse",
    "environment": "Environment",
    "ethics": "Business ethics",
    "management": "Management systems",
}

PROFILE = Profile(
    name="legacy_numbered_b",
    standard="generic",
    family="legacy",
    held_out=True,
    versions=((None, "Supplier Social Assessment"),),
    meta_date_style="short",
    text_date_styles=("short", "dmy"),
    severity_raw={
        "critical": ("Zero tolerance",),
        "major": ("Serious",),
        "minor": ("Moderate",),
    },
    clause_style=lambda base, rng: None,
    topics=TOPICS,
    due_style="date",
    audit_types=("initial", "follow_up", "re_audit", "special"),
    pagesize="LETTER",
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(base_font="Times-Roman", size=10.5)
    log = ProvenanceLog()
    meta = spec.meta
    width = PAGE_SIZES["LETTER"][0] - 100
    story = [
        p("SUPPLIER SOCIAL ASSESSMENT", st["h1"]),
        kv_table(
            [
                ("Report No.", meta.report_ref),
                ("Supplier / premises", meta.site_name),
                ("Premises address", meta.site_address),
                ("Country", meta.country_name),
                ("Date(s) of assessment", meta.audit_date_text),
                ("Assessment type", meta.audit_type_text),
                ("Notice given", meta.announcement_text),
                ("Workforce", f"{meta.workers_total} persons"),
                ("Assessor", meta.audit_firm),
            ],
            st,
            width=width * 0.8,
            label_share=0.3,
        ),
        p("Section 1 - Premises", st["h2"]),
        p(spec.site_description, st["body"]),
        p("Section 2 - Conduct of the assessment", st["h2"]),
        p(spec.summary, st["body"]),
        p("Section 5 - Detailed findings", st["h2"]),
    ]
    for n, f in enumerate(spec.of_kind("non_compliance"), start=1):
        story.append(p(f"5.{n} {f.topic}", st["h3"], ordinal=f.ordinal, log=log))
        story.append(
            labelled("(a) Observed:", f.description.text, st["body"], ordinal=f.ordinal, log=log)
        )
        if f.evidence:
            story.append(labelled("(b) Verified by:", f.evidence.text, st["body"]))
        if f.corrective_action:
            story.append(labelled("(c) Required action:", f.corrective_action, st["body"]))
        story.append(labelled("(d) Rating:", f.severity_raw or "", st["body"]))
        if f.due:
            story.append(labelled("(e) Target date:", f.due, st["body"]))
    obs = spec.of_kind("observation")
    if obs:
        story.append(p("Section 6 - Other observations", st["h2"]))
        for n, f in enumerate(obs, start=1):
            story.append(
                labelled(f"6.{n}", f.description.text, st["body"], ordinal=f.ordinal, log=log)
            )
            if f.evidence:
                story.append(labelled("Verified by:", f.evidence.text, st["body"]))
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("Section 7 - Notable practices", st["h2"]))
        for n, f in enumerate(good, start=1):
            story.append(
                labelled(f"7.{n}", f.description.text, st["body"], ordinal=f.ordinal, log=log)
            )
    return build(story, pagesize="LETTER", title="Supplier social assessment"), log
