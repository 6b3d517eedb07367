"""amfori BSCI, narrative template: a header block, then findings as prose grouped under
performance-area headings ('PA 6 - Decent working hours'), with 'Audit evidence:',
'Recommended remediation:' and 'Deadline:' lines and US-style long dates."""

from __future__ import annotations

import random

from extractor.indicators.taxonomy import load_taxonomy

from ..blocks import header_block, labelled
from ..model import ReportSpec
from ..profile import Profile
from ..render import ProvenanceLog, build, p, styles


def _clause(base: str, rng: random.Random) -> str:
    return f"PA {base[2:]}"


PROFILE = Profile(
    name="bsci_prose",
    standard="amfori_bsci",
    family="prose",
    held_out=True,
    versions=(("2014", "amfori BSCI Code of Conduct 2014"), ("2021", "amfori BSCI 2021")),
    meta_date_style="mdy_long",
    text_date_styles=("mdy_long", "iso"),
    severity_raw={"critical": ("zero tolerance",), "major": ("major",), "minor": ("minor",)},
    observation_raw=("observation",),
    clause_style=_clause,
    due_style="date",
    audit_type_text={
        "initial": ("Full audit",),
        "periodic": ("Full audit",),
        "follow_up": ("Follow-up audit",),
        "re_audit": ("Full audit",),
        "special": ("Special audit",),
    },
)


def render(spec: ReportSpec) -> tuple[bytes, ProvenanceLog]:
    st = styles(size=10)
    log = ProvenanceLog()
    meta = spec.meta
    names = load_taxonomy().crosswalk["amfori_bsci"]
    rng = random.Random(spec.seed)
    story = [
        p(f"{meta.standard_title} - Audit Report", st["h1"]),
        *header_block(
            [
                ("Site", meta.site_name),
                ("Site address", meta.site_address),
                ("Country", meta.country_name),
                ("Date of audit", meta.audit_date_text),
                ("Type of audit", f"{meta.audit_type_text} ({meta.announcement_text.lower()})"),
                ("Workers employed", str(meta.workers_total)),
                ("Audit company", meta.audit_firm),
            ],
            st["body"],
        ),
        p("About the site", st["h2"]),
        p(spec.site_description, st["body"]),
        p(spec.summary, st["body"]),
        p("Findings by performance area", st["h2"]),
    ]
    graded = spec.of_kind("non_compliance") + spec.of_kind("observation")
    for pa in sorted({f.clause or "PA 1" for f in graded}, key=lambda c: int(c.split()[-1])):
        key = "PA" + pa.split()[-1]
        story.append(p(f"{pa} - {names[key].name} (rating {rng.choice('BCDE')})", st["h3"]))
        for f in [f for f in graded if (f.clause or "PA 1") == pa]:
            kind = "Observation" if f.kind == "observation" else "Finding"
            story.append(p(f"{kind} ({f.severity_raw})", st["label"], ordinal=f.ordinal, log=log))
            story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
            if f.evidence:
                story.append(labelled("Audit evidence:", f.evidence.text, st["body"]))
            if f.corrective_action:
                story.append(labelled("Recommended remediation:", f.corrective_action, st["body"]))
            if f.due:
                story.append(labelled("Deadline:", f.due, st["body"]))
    good = spec.of_kind("good_practice")
    if good:
        story.append(p("Good practices observed", st["h2"]))
        for f in good:
            story.append(p(f.description.text, st["body"], ordinal=f.ordinal, log=log))
    return build(story, title="amfori BSCI audit report"), log
