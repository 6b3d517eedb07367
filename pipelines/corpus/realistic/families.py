"""Report families: what each scheme or programme prints, as data (no layout, no drawing).

A family fixes the vocabulary a careful reader meets in one kind of report: the record's
`standard`, how versions and titles are printed, the clause system (sections and the most
specific codes printed with a finding), grade and kind words, audit-type and announcement
wording, and which countries it covers. Facts follow `/work/shared/REPORT_FORMATS.md`; every
word here is our own. Structure (how findings are drawn) lives in `grammar.py`/`variants.py`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from extractor.record.schema import Announcement, AuditType, Severity, Standard

AREAS = (
    "forced",
    "treatment",
    "child",
    "wages",
    "hours",
    "ohs",
    "discrimination",
    "foa",
    "employment",
    "environment",
    "ethics",
    "management",
)

SubCode = Callable[[str, str, random.Random], str]  # (section code, issue, rng) -> provision


def dotted(code: str, issue: str, rng: random.Random) -> str:
    """A numbered sub-clause of a section: '6' -> '6.3'."""
    return f"{code}.{rng.randint(1, 6)}"


@dataclass(frozen=True)
class ClauseSystem:
    """How a family codes requirements: per area a section (code, name), per issue overrides,
    and how the provision printed beside a finding is derived from its section."""

    sections: dict[str, tuple[str, str]]
    issue_sections: dict[str, tuple[str, str]] = field(default_factory=dict)
    provision: SubCode = dotted
    # Words printed before a code that are not part of it ('ETI 6', 'Clause 7.3').
    prefixes: tuple[str, ...] = ("",)

    def section_of(self, issue: str, area: str) -> tuple[str, str] | None:
        return self.issue_sections.get(issue) or self.sections.get(area)


@dataclass(frozen=True)
class Family:
    name: str
    standard: Standard
    split: str  # "train" or "test": a whole family is held out or not
    summary: str
    titles: tuple[str, ...]  # report titles; '{version}' is replaced by the printed version
    versions: tuple[tuple[str | None, str], ...]  # (version as recorded, as printed in titles)
    clauses: ClauseSystem | None
    grades: dict[Severity, tuple[str, ...]]
    observation_words: tuple[str, ...]
    good_words: tuple[str, ...]
    nc_words: tuple[str, ...]  # the kind word of a non-compliance in this family
    audit_types: dict[AuditType, tuple[str, ...]]
    announcements: dict[Announcement, tuple[str, ...]]
    countries: tuple[str, ...]
    date_styles: tuple[str, ...]  # cover-page date forms (see cover.py)
    findings_range: tuple[int, int] = (3, 16)
    excluded_issues: tuple[str, ...] = ()
    observation_rate: float = 0.2
    good_rate: float = 0.1
    # Preferred label wording, added in front of the shared synonyms of labels.py.
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)


ASIA = ("BD", "VN", "CN", "IN", "KH", "PK", "TH", "MY", "ID", "LK", "MM")
WORLD = (*ASIA, "TR", "MX", "GT", "ET", "JO")

SMETA = Family(
    name="smeta",
    standard="smeta",
    split="train",
    summary="Sedex SMETA 6.x/7.0 2- and 4-pillar reports: CAPR, per-clause systems and findings",
    titles=(
        "Sedex Members Ethical Trade Audit (SMETA) Report",
        "SMETA Audit Report",
        "SMETA {version} Audit Report",
        "Sedex Members Ethical Trade Audit - SMETA {version}",
    ),
    versions=(("6.0", "6.0"), ("6.1", "6.1"), ("6.1", "6.1"), ("7.0", "7.0"), ("7.0", "7.0")),
    clauses=ClauseSystem(
        sections={
            "management": ("0.B", "Management systems and code implementation"),
            "forced": ("1", "Employment is freely chosen"),
            "foa": ("2", "Freedom of association and right to collective bargaining"),
            "ohs": ("3", "Working conditions are safe and hygienic"),
            "child": ("4", "Child labour shall not be used"),
            "wages": ("5", "Living wages are paid"),
            "hours": ("6", "Working hours are not excessive"),
            "discrimination": ("7", "No discrimination is practised"),
            "employment": ("8", "Regular employment is provided"),
            "treatment": ("9", "No harsh or inhumane treatment is allowed"),
            "environment": ("10B", "Environment"),
            "ethics": ("10C", "Business ethics"),
        },
        issue_sections={"FL01": ("10A", "Entitlement to work and immigration")},
        provision=lambda code, issue, rng: (
            f"{code}.{rng.randint(1, 5)}" if code[0].isdigit() and "." not in code else code
        ),
        prefixes=("", "ETI ", "Clause ", "ETI Base Code "),
    ),
    grades={
        "critical": ("Critical", "Business Critical"),
        "major": ("Major",),
        "minor": ("Minor",),
    },
    observation_words=("Observation",),
    good_words=("Good Example", "Good example"),
    nc_words=("Non-compliance", "Non-Compliance", "NC"),
    audit_types={
        "initial": ("Full Initial", "Full initial audit"),
        "periodic": ("Periodic", "Full periodic audit"),
        "follow_up": ("Full Follow-up", "Partial Follow-up"),
    },
    announcements={
        "announced": ("Announced",),
        "semi_announced": ("Semi-announced", "Semi-announced (3 week window)"),
        "unannounced": ("Unannounced",),
    },
    countries=WORLD,
    date_styles=("long", "dmy", "ordinal", "range_long", "duration_mdy"),
    labels={
        "description": ("Description of non-compliance", "Details of non-compliance"),
        "evidence": ("Objective evidence observed", "Objective evidence"),
        "law": ("Local law and/or ETI requirement", "Local law or code requirement"),
        "due": ("Timescale",),
        "clause": ("ETI clause", "Code clause"),
    },
)

AMFORI = Family(
    name="amfori_bsci",
    standard="amfori_bsci",
    split="train",
    summary="amfori BSCI 2014/2021: 13 performance areas, question answers, A-E ratings, ZT",
    titles=(
        "amfori BSCI Audit Report",
        "amfori BSCI Code of Conduct {version} - Audit Report",
        "BSCI Social Audit Report",
    ),
    versions=(("2014", "2014"), ("2021", "2021"), ("2021", "2021")),
    clauses=ClauseSystem(
        sections={
            "management": ("PA1", "Social management system and cascade effect"),
            "treatment": ("PA2", "Workers involvement and protection"),
            "foa": ("PA3", "The rights of freedom of association and collective bargaining"),
            "discrimination": ("PA4", "No discrimination"),
            "wages": ("PA5", "Fair remuneration"),
            "hours": ("PA6", "Decent working hours"),
            "ohs": ("PA7", "Occupational health and safety"),
            "child": ("PA8", "No child labour"),
            "employment": ("PA10", "No precarious employment"),
            "forced": ("PA11", "No bonded labour"),
            "environment": ("PA12", "Protection of the environment"),
            "ethics": ("PA13", "Ethical business behaviour"),
        },
        issue_sections={"CL02": ("PA9", "Special protection for young workers")},
        provision=lambda code, issue, rng: f"{code[2:]}.{rng.randint(1, 9)}",
        prefixes=("", "Question ", "Q "),
    ),
    grades={"critical": ("Zero Tolerance", "ZT")},
    observation_words=("Observation", "Recommendation"),
    good_words=("Good practice", "Best practice"),
    nc_words=("Finding", "Non-compliance"),
    audit_types={
        "initial": ("Full audit (initial)", "Initial full audit"),
        "periodic": ("Full audit", "Periodic full audit"),
        "follow_up": ("Follow-up audit", "Follow up"),
    },
    announcements={
        "announced": ("Announced",),
        "semi_announced": ("Semi-announced", "Semi announced"),
        "unannounced": ("Unannounced", "Fully unannounced"),
    },
    countries=("BD", "CN", "IN", "VN", "TR", "PK", "KH", "ID", "MM"),
    date_styles=("dmy", "long", "dmy_dots", "range_dmy"),
    labels={
        "description": ("Finding", "Finding description", "Description of the finding"),
        "evidence": ("Evidence", "Audit evidence"),
        "clause": ("Performance area", "Question", "Ref."),
        "grade": ("Zero tolerance", "ZT"),
        "action": ("Recommended remediation", "Remediation"),
        "due": ("Deadline",),
    },
)

SA8000 = Family(
    name="sa8000",
    standard="sa8000",
    split="train",
    summary="SA8000:2008/2014 certification reports: elements 1-9, Major/Minor NCs",
    titles=(
        "SA8000 Audit Report",
        "SA8000:{version} Certification Audit Report",
        "Social Accountability {version} - Audit Report",
        "SA8000 Surveillance Report",
    ),
    versions=(("2014", "2014"), ("2014", "2014"), ("2008", "2008")),
    clauses=ClauseSystem(
        sections={
            "child": ("1", "Child labour"),
            "forced": ("2", "Forced or compulsory labour"),
            "ohs": ("3", "Health and safety"),
            "foa": ("4", "Freedom of association and right to collective bargaining"),
            "discrimination": ("5", "Discrimination"),
            "treatment": ("6", "Disciplinary practices"),
            "hours": ("7", "Working hours"),
            "wages": ("8", "Remuneration"),
            "management": ("9", "Management system"),
            "employment": ("9", "Management system"),
        },
        provision=lambda code, issue, rng: f"{code}.{rng.randint(1, 12)}",
        prefixes=("", "Element ", "SA8000 ", "Clause "),
    ),
    grades={
        "critical": ("Critical NC", "Critical"),
        "major": ("Major NC", "Major"),
        "minor": ("Minor NC", "Minor"),
    },
    observation_words=("Observation", "Opportunity for improvement", "OFI"),
    good_words=("Good practice", "Positive finding"),
    nc_words=("Nonconformity", "Non-conformance", "NC"),
    audit_types={
        "initial": ("Initial certification audit", "Certification audit (stage 2)"),
        "periodic": ("Surveillance audit", "Surveillance 2"),
        "re_audit": ("Recertification audit",),
        "follow_up": ("Follow-up audit", "Verification of NC closure"),
    },
    announcements={
        "announced": ("Announced",),
        "unannounced": ("Unannounced",),
        "semi_announced": ("Semi-announced",),
    },
    countries=("IN", "CN", "PK", "BD", "VN", "LK", "TR", "ID"),
    date_styles=("long", "dmy", "ordinal", "range_long"),
    excluded_issues=("ENV", "ETH"),
    labels={
        "description": ("Nonconformity", "Description of nonconformity", "Finding"),
        "evidence": ("Objective evidence", "Evidence"),
        "clause": ("SA8000 clause", "Element", "Requirement"),
        "grade": ("Grading", "NC grade", "Severity"),
        "action": ("Corrective action", "Corrective and preventive action"),
    },
)

RBA = Family(
    name="rba",
    standard="rba",
    split="train",
    summary="RBA VAP: sections A-E with provisions, Priority/Major/Minor, RNC, notable practices",
    titles=(
        "RBA Validated Audit Process (VAP) Audit Report",
        "Validated Audit Process - Initial Audit Report",
        "RBA VAP Report (Code of Conduct version {version})",
        "Responsible Business Alliance - VAP Audit",
    ),
    versions=(("7.0", "7.0"), ("7.1", "7.1"), ("8.0", "8.0")),
    clauses=ClauseSystem(
        sections={
            "forced": ("A1", "Freely chosen employment"),
            "employment": ("A1", "Freely chosen employment"),
            "child": ("A2", "Young workers"),
            "hours": ("A3", "Working hours"),
            "wages": ("A4", "Wages and benefits"),
            "treatment": ("A5", "Humane treatment"),
            "discrimination": ("A6", "Non-discrimination"),
            "foa": ("A7", "Freedom of association"),
            "ohs": ("B1", "Occupational safety"),
            "environment": ("C1", "Environmental permits and reporting"),
            "ethics": ("D1", "Business integrity"),
            "management": ("E1", "Company commitment"),
        },
        issue_sections={
            "FL10": ("B7", "Sanitation, food and housing"),
            "CL01": ("A2", "Young workers"),
        },
        provision=lambda code, issue, rng: (
            f"{code[0]}{rng.randint(1, 8)}" if code[0] in "BCDE" else code
        ),
        prefixes=("", "Section ", "Code "),
    ),
    grades={
        "critical": ("Priority Nonconformance", "Priority"),
        "major": ("Major Nonconformance", "Major"),
        "minor": ("Minor Nonconformance", "Minor"),
    },
    observation_words=("Risk of Nonconformance", "Opportunity for Improvement"),
    good_words=("Notable Practice", "Notable practice"),
    nc_words=("Nonconformance", "Finding"),
    audit_types={
        "initial": ("Initial", "Initial audit", "Initial VAP"),
        "follow_up": ("Closure audit", "Priority Closure audit", "Closure"),
    },
    announcements={"announced": ("Announced",), "semi_announced": ("Semi-announced",)},
    countries=("CN", "MY", "MX", "VN", "TH", "IN"),
    date_styles=("iso", "long", "mdy_long", "range_mdy"),
    labels={
        "description": ("Finding description", "Description", "Nonconformance description"),
        "evidence": ("Objective evidence", "Evidence"),
        "clause": ("Code section", "Code provision", "Section"),
        "grade": ("Finding type", "Finding classification", "Severity"),
        "root_cause": ("Root cause",),
        "ref": ("Finding ID", "NC ID"),
    },
)

FLA = Family(
    name="fla",
    standard="generic",
    split="train",
    summary="FLA assessments: Workplace Code benchmarks, tracking charts, company action plans",
    titles=(
        "Independent External Assessment - Public Report",
        "Fair Labor Association Assessment Report",
        "Sustainable Compliance Assessment - Tracking Chart",
        "Independent External Monitoring Report",
    ),
    versions=((None, ""),),
    clauses=ClauseSystem(
        sections={
            "employment": ("ER", "Employment relationship"),
            "discrimination": ("ND", "Nondiscrimination"),
            "treatment": ("H/A", "Harassment or abuse"),
            "forced": ("F", "Forced labor"),
            "child": ("CL", "Child labor"),
            "foa": ("FOA", "Freedom of association and collective bargaining"),
            "ohs": ("HSE", "Health, safety and environment"),
            "environment": ("HSE", "Health, safety and environment"),
            "hours": ("HOW", "Hours of work"),
            "wages": ("C", "Compensation"),
            "management": ("ER", "Employment relationship"),
            "ethics": ("ER", "Employment relationship"),
        },
        provision=lambda code, issue, rng: f"{code}.{rng.randint(1, 30)}",
        prefixes=("", "Benchmark "),
    ),
    grades={"major": ("Major",), "minor": ("Minor",), "critical": ("Critical",)},
    observation_words=("Risk of Noncompliance", "Uncorroborated Evidence of Noncompliance"),
    good_words=("Notable Feature",),
    nc_words=("Noncompliance",),
    audit_types={
        "initial": ("Initial assessment", "Baseline assessment"),
        "follow_up": ("Verification assessment", "Follow-up verification"),
    },
    announcements={"unannounced": ("Unannounced", "Notice: Unannounced")},
    countries=("CN", "VN", "BD", "IN", "TR", "MX", "GT", "ID"),
    date_styles=("mdy_long", "duration_mdy", "range_mdy", "iso"),
    labels={
        "description": ("Finding explanation", "Finding Explanation", "Explanation"),
        "law": ("Local law or FLA Code requirement", "Legal and code requirement"),
        "action": ("Recommendations for corrective action", "FLA recommendation"),
        "plan": ("Company action plan", "Company's response"),
        "clause": ("Code element", "Benchmark", "Compliance benchmark"),
    },
)

BETTER_WORK = Family(
    name="better_work",
    standard="generic",
    split="train",
    summary="Better Work compliance assessments: clusters, compliance points, Yes/No questions",
    titles=(
        "Better Work Compliance Assessment Report",
        "Factory Compliance Assessment Report",
        "Compliance Assessment - Synthesis Report",
    ),
    versions=((None, ""),),
    clauses=ClauseSystem(
        sections={
            "child": ("CL", "Child labour"),
            "discrimination": ("DIS", "Discrimination"),
            "forced": ("FL", "Forced labour"),
            "foa": ("FACB", "Freedom of association and collective bargaining"),
            "wages": ("COMP", "Compensation"),
            "employment": ("CHR", "Contracts and human resources"),
            "treatment": ("CHR", "Contracts and human resources"),
            "management": ("CHR", "Contracts and human resources"),
            "ohs": ("OSH", "Occupational safety and health"),
            "hours": ("WT", "Working time"),
        },
        provision=lambda code, issue, rng: f"{code}-{rng.randint(1, 24):02d}",
        prefixes=("", "Q "),
    ),
    grades={},
    observation_words=("Observation",),
    good_words=("Good practice",),
    nc_words=("Non-compliance", "Non-compliant"),
    audit_types={
        "initial": ("Assessment cycle 1", "First compliance assessment"),
        "periodic": ("Assessment cycle 3", "Annual compliance assessment", "Cycle 2 assessment"),
    },
    announcements={"unannounced": ("Unannounced", "Unannounced assessment")},
    countries=("BD", "VN", "KH", "ID", "JO", "ET", "PK"),
    date_styles=("long", "dmy", "range_long", "mdy_long"),
    excluded_issues=("ENV", "ETH"),
    observation_rate=0.05,
    good_rate=0.0,
    labels={
        "description": ("Finding", "Finding(s)", "Details"),
        "clause": ("Question", "Compliance point", "Q"),
    },
)

BUYER_LEGACY = Family(
    name="buyer_legacy",
    standard="generic",
    split="train",
    summary="Retailer and brand programme inspections (2005-2015): own grades, often scanned",
    titles=(
        "Supplier Workplace Inspection Report",
        "Ethical Sourcing Programme - Factory Audit",
        "Vendor Compliance Audit Report",
        "Social Compliance Inspection",
        "Factory Evaluation Report",
    ),
    versions=((None, ""),),
    clauses=ClauseSystem(
        sections={
            "forced": ("FL", "Forced and prison labour"),
            "child": ("CL", "Child labour"),
            "treatment": ("HA", "Harassment and abuse"),
            "discrimination": ("DI", "Discrimination"),
            "foa": ("FA", "Freedom of association"),
            "wages": ("WB", "Wages and benefits"),
            "hours": ("WH", "Working hours"),
            "ohs": ("HS", "Health and safety"),
            "employment": ("EM", "Employment practices"),
            "environment": ("EN", "Environment"),
            "ethics": ("BE", "Business ethics"),
            "management": ("MS", "Management systems"),
        },
        provision=lambda code, issue, rng: f"{code}-{rng.randint(1, 15)}",
        prefixes=("", "CoC "),
    ),
    grades={
        "critical": ("Zero Tolerance", "Critical"),
        "major": ("Serious", "Major"),
        "minor": ("Moderate", "Minor", "Low"),
    },
    observation_words=("Observation", "Comment"),
    good_words=("Positive finding", "Good practice"),
    nc_words=("Violation", "Issue", "Non-compliance"),
    audit_types={
        "initial": ("Initial", "Initial inspection"),
        "periodic": ("Annual audit", "Annual re-inspection"),
        "re_audit": ("Re-audit (full)", "Re-audit"),
        "follow_up": ("Follow-up", "Follow up inspection"),
        "special": ("Spot check", "Special investigation"),
    },
    announcements={
        "announced": ("Announced",),
        "semi_announced": ("Semi announced", "Semi-announced"),
        "unannounced": ("Unannounced", "Notice: Unannounced"),
    },
    countries=WORLD,
    date_styles=("ordinal", "dmy_dots", "range_mdy", "mdy_numeric", "dmy"),
    findings_range=(3, 18),
)

FIRM_LEGACY = Family(
    name="firm_legacy",
    standard="generic",
    split="train",
    summary="Audit-firm legacy layouts: numbered paragraphs, two columns, split tables, risks",
    titles=(
        "Social Compliance Audit Report",
        "Workplace Conditions Assessment",
        "Labour Practices Audit",
        "Ethical Audit Report",
        "Social Accountability Assessment",
    ),
    versions=((None, ""),),
    clauses=None,
    grades={
        "critical": ("Critical", "High risk", "Urgent"),
        "major": ("Major", "Medium risk", "Significant"),
        "minor": ("Minor", "Low risk"),
    },
    observation_words=("Observation", "Note"),
    good_words=("Positive aspect", "Good practice"),
    nc_words=("Finding", "Non-conformity", "Non-compliance"),
    audit_types={
        "initial": ("Initial", "Initial audit", "First audit"),
        "re_audit": ("Re-audit", "Re-assessment"),
        "follow_up": ("Follow up audit", "Follow-up visit"),
        "special": ("Special investigation", "Complaint investigation"),
    },
    announcements={
        "announced": ("Announced",),
        "unannounced": ("Unannounced",),
        "semi_announced": ("Semi-announced",),
    },
    countries=WORLD,
    date_styles=("dmy", "long", "ordinal", "short", "range_long"),
    findings_range=(3, 18),
)

WRAP = Family(
    name="wrap",
    standard="generic",
    split="test",
    summary="Certification-programme reports organised by 12 numbered principles",
    titles=(
        "Facility Certification Audit Report",
        "Production Facility Evaluation",
        "Principles Compliance Audit",
    ),
    versions=((None, ""),),
    clauses=ClauseSystem(
        sections={
            "management": ("1", "Compliance with laws and workplace regulations"),
            "forced": ("2", "Prohibition of forced labour"),
            "child": ("3", "Prohibition of child labour"),
            "treatment": ("4", "Prohibition of harassment or abuse"),
            "wages": ("5", "Compensation and benefits"),
            "hours": ("6", "Hours of work"),
            "discrimination": ("7", "Prohibition of discrimination"),
            "ohs": ("8", "Health and safety"),
            "foa": ("9", "Freedom of association and collective bargaining"),
            "environment": ("10", "Environment"),
            "ethics": ("11", "Customs compliance"),
            "employment": ("1", "Compliance with laws and workplace regulations"),
        },
        provision=lambda code, issue, rng: f"{code}.{rng.randint(1, 8)}",
        prefixes=("", "Principle "),
    ),
    grades={"critical": ("Critical",), "major": ("Major",), "minor": ("Minor",)},
    observation_words=("Observation", "Advisory"),
    good_words=("Commendable practice",),
    nc_words=("Nonconformance", "Discrepancy"),
    audit_types={
        "initial": ("Initial certification audit",),
        "re_audit": ("Recertification audit", "Annual recertification"),
        "follow_up": ("Follow-up audit",),
    },
    announcements={"announced": ("Announced",), "unannounced": ("Unannounced",)},
    countries=("CN", "BD", "IN", "VN", "MX", "GT", "LK", "PK"),
    date_styles=("mdy_long", "range_mdy", "long", "mdy_numeric"),
)

FAIR_WEAR = Family(
    name="fair_wear",
    standard="generic",
    split="test",
    summary="Multi-stakeholder verification audits: 8 labour standards, finding/CAP/timeline",
    titles=(
        "Verification Audit Report",
        "Labour Standards Verification Audit",
        "Factory Audit Report - Labour Standards",
    ),
    versions=((None, ""),),
    clauses=ClauseSystem(
        sections={
            "forced": ("1", "Employment is freely chosen"),
            "discrimination": ("2", "There is no discrimination in employment"),
            "treatment": ("2", "There is no discrimination in employment"),
            "child": ("3", "No exploitation of child labour"),
            "foa": ("4", "Freedom of association and the right to collective bargaining"),
            "wages": ("5", "Payment of a living wage"),
            "hours": ("6", "Reasonable hours of work"),
            "ohs": ("7", "Safe and healthy working conditions"),
            "employment": ("8", "Legally binding employment relationship"),
            "management": ("8", "Legally binding employment relationship"),
        },
        provision=dotted,
        prefixes=("", "Standard ", "LS "),
    ),
    grades={"critical": ("Urgent", "Critical"), "major": ("Major",), "minor": ("Minor", "Low")},
    observation_words=("Remark", "Observation"),
    good_words=("Good practice",),
    nc_words=("Finding", "Non-compliance"),
    audit_types={
        "initial": ("Verification audit (first)", "Initial audit"),
        "periodic": ("Periodic verification audit",),
        "special": ("Complaint-based audit",),
    },
    announcements={
        "announced": ("Announced",),
        "semi_announced": ("Semi-announced",),
        "unannounced": ("Unannounced",),
    },
    countries=("BD", "MM", "VN", "TR", "IN", "CN", "ID"),
    date_styles=("dmy", "long", "range_dmy", "ordinal"),
    excluded_issues=("ENV", "ETH"),
)

FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        SMETA,
        AMFORI,
        SA8000,
        RBA,
        FLA,
        BETTER_WORK,
        BUYER_LEGACY,
        FIRM_LEGACY,
        WRAP,
        FAIR_WEAR,
    )
}
