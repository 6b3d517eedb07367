"""Legacy audit-firm report in two-column prose (two Frames per page): metadata in sentences,
findings as headed paragraphs with 'Evidence:', 'Severity:' and 'Action:' lines."""

from __future__ import annotations

from ..blocks import labelled
from ..model import ReportSpec
from ..profile import Profile
from ..render import ProvenanceLog, build, p, styles

TOPICS = {
    "forced": "Forced labour",
    "foa": "Freedom of association",
    "ohs": "Health & safety",
    "child": "Child labour",
    "wages": "Compensation",
    "hours": "Hours of work",
    "discrimination": "Discrimination",
    "employment": "Employment relationship",
    "treatment": "Harassment & abuse",
    "environment": "Environment",
    "ethics": "Ethics",
    "management": "Management systems",
}

PROFILE = Profile(
    name="legacy_two_column",
    standard="generic",
    family="legacy",
    held_out=False,
    versions=((None, "Social Compliance Assessment"),),
    meta_date_style="mdy_long",
    text_date_styles=("mdy_long", "long"),
    severity_raw={"critical": ("Critical",), "major": ("Serious",), "minor": ("Minor",)},
    clause_style=lambda base, rng: None,
    topics=TOPICS,
    evidence_rate=0.8,
    due_style=None,
    pagesize="LETTER",
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=9)
    log = ProvenanceLog()
    meta = spec.meta
    intro = (
        f"{meta.audit_firm} carried out a social compliance assessment "
        f"({meta.audit_type_text.lower()}) of {meta.site_name} on {meta.audit_date_text}. "
        f"The site is located at "
        f"{meta.site_address}, {meta.country_name}, and employs {meta.workers_total} workers. "
        f"The visit was {meta.announcement_text.lower()}."
    )
    story = [
        p("Social Compliance Assessment", st["h1"]),
        p(intro, st["body"]),
        p("Background", st["h2"]),
        p(spec.site_description, st["body"]),
        p("Overview", st["h2"]),
        p(spec.summary, st["body"]),
        p("Findings", st["h2"]),
    ]
    counters = {"non_compliance": 0, "observation": 0, "good_practice": 0}
    names = {"non_compliance": "Finding", "observation": "Observation", "good_practice": "Positive"}
    for f in spec.findings:
        counters[f.kind] += 1
        head = f"{names[f.kind]} {counters[f.kind]}"
        if f.topic:
            head += f" - {f.topic}"
        story.append(p(head, st["h3"], ordinal=f.ordinal, log=log))
        story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
        if f.evidence:
            story.append(labelled("Evidence:", f.evidence.text, st["body"]))
        if f.severity_raw:
            story.append(labelled("Severity:", f.severity_raw, st["body"]))
        if f.corrective_action:
            story.append(labelled("Action:", f.corrective_action, st["body"]))
    return build(story, pagesize="LETTER", columns=2, title="Assessment report"), log
