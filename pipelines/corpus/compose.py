"""Compose a report's content (metadata, prose, findings) from a seed and a layout profile.

Everything random is drawn here, in a fixed order, from one `random.Random(seed)`, so a
document is a pure function of (doc_id, profile). Nothing here draws a PDF.
"""

from __future__ import annotations

import datetime as dt
import random

from extractor.indicators.taxonomy import load_taxonomy

from .entities import Filled, fill
from .model import AuditMeta, Demographics, FindingSpec, ReportSpec
from .phrases import (
    AREA_OF,
    CORRECTIVE_ACTIONS,
    EVIDENCE,
    GOOD_PRACTICES,
    NON_COMPLIANCE,
    OBSERVATIONS,
    TITLES,
    Phrase,
)
from .profile import Profile
from .values import COUNTRIES, SlotValues, format_date

# Standard clause (crosswalk key) per area; a few issues sit in their own clause.
CLAUSE_OF_AREA: dict[str, dict[str, str]] = {
    "smeta": {
        "forced": "1",
        "foa": "2",
        "ohs": "3",
        "child": "4",
        "wages": "5",
        "hours": "6",
        "discrimination": "7",
        "employment": "8",
        "treatment": "9",
        "environment": "10B",
        "ethics": "10C",
        "management": "0",
    },
    "amfori_bsci": {
        "management": "PA1",
        "foa": "PA3",
        "discrimination": "PA4",
        "treatment": "PA4",
        "wages": "PA5",
        "hours": "PA6",
        "ohs": "PA7",
        "child": "PA8",
        "employment": "PA10",
        "forced": "PA11",
        "environment": "PA12",
        "ethics": "PA13",
    },
    "sa8000": {
        "child": "1",
        "forced": "2",
        "ohs": "3",
        "foa": "4",
        "discrimination": "5",
        "treatment": "6",
        "hours": "7",
        "wages": "8",
        "management": "9",
        "employment": "9",
    },
    "rba": {
        "forced": "A1",
        "employment": "A1",
        "child": "A2",
        "hours": "A3",
        "wages": "A4",
        "treatment": "A5",
        "discrimination": "A6",
        "foa": "A7",
        "ohs": "B",
        "environment": "C",
        "ethics": "D",
        "management": "E",
    },
}
CLAUSE_OF_ISSUE: dict[str, dict[str, str]] = {"amfori_bsci": {"CL02": "PA9"}}

SITE_PREFIXES = (
    "Everbright",
    "Golden Thread",
    "Sunrise",
    "Pacific Star",
    "Lotus",
    "Harmony",
    "Blue Ocean",
    "Crescent",
    "Thanh Cong",
    "Anatolia",
    "Jade River",
    "Saffron",
    "Meridian",
    "Delta",
    "Royal Bengal",
)
PRODUCTS = (
    ("Garments", "woven and knitted garments"),
    ("Textiles", "dyed and printed fabrics"),
    ("Footwear", "sports and casual footwear"),
    ("Electronics", "printed circuit board assemblies"),
    ("Home Textiles", "towels and bed linen"),
    ("Toys", "plastic and plush toys"),
    ("Foods", "frozen seafood"),
    ("Leather", "leather bags and accessories"),
    ("Furniture", "wooden furniture"),
)
SUFFIXES = ("Ltd.", "Co., Ltd.", "Limited", "JSC", "Pvt. Ltd.", "S.A. de C.V.", "Sdn. Bhd.")
FIRMS = (
    "Meridian Social Audit Ltd.",
    "Global Compliance Assurance",
    "Asia Ethical Audits Co.",
    "Veracity Assessment Services",
    "Northstar Audit Partners",
    "Fairwork Verification Group",
    "Integra Social Compliance",
)
AUDITORS = (
    "A. Rahman",
    "L. Nguyen",
    "M. Chen",
    "S. Yilmaz",
    "P. Sharma",
    "J. Morales",
    "K. Tan",
    "N. Suksawat",
)


def pick_phrase(rng: random.Random, phrases: list[Phrase], *, held_out: bool) -> Phrase:
    """Pick a phrase; train layouts never see held-out phrases, test layouts favour them."""
    seen = [p for p in phrases if not p.held_out]
    unseen = [p for p in phrases if p.held_out]
    if held_out and unseen and rng.random() < 0.5:
        return rng.choice(unseen)
    return rng.choice(seen)


def compose(doc_id: str, profile: Profile, seed: int) -> ReportSpec:
    """Draw the whole content of one report."""
    rng = random.Random(seed)
    meta = _meta(rng, profile)
    demographics = _demographics(rng, meta.workers_total)
    meta = AuditMeta(**{**meta.__dict__, "workers_total": demographics.total})
    findings = _findings(rng, profile, meta)
    options = {
        "repeat_header": rng.random() < 0.5,
        "continued_label": rng.random() < 0.5,
        "demographics_table": rng.random() < 0.8,
    }
    return ReportSpec(
        doc_id=doc_id,
        layout=profile.name,
        seed=seed,
        meta=meta,
        site_description=_site_description(rng, meta),
        summary=_summary(rng, meta, demographics),
        demographics=demographics,
        findings=tuple(findings),
        options=options,
    )


def _meta(rng: random.Random, profile: Profile) -> AuditMeta:
    country = COUNTRIES[rng.choice(profile.countries)]
    version, title = rng.choice(profile.versions)
    product, product_long = rng.choice(PRODUCTS)
    site_name = f"{rng.choice(SITE_PREFIXES)} {product} {rng.choice(SUFFIXES)}"
    city, region = rng.choice(country.cities)
    address = f"{rng.choice(country.streets)}, {city}, {region}"
    start = dt.date(2016, 1, 1)
    audit_date = start + dt.timedelta(days=rng.randint(0, 8 * 365))
    audit_type = rng.choice(profile.audit_types)
    announcement = rng.choice(("announced", "announced", "semi_announced", "unannounced"))
    return AuditMeta(
        standard=profile.standard,
        standard_version=version,
        standard_title=title,
        audit_firm=rng.choice(FIRMS),
        site_name=site_name,
        site_address=address,
        country_iso=country.iso,
        country_name=rng.choice(country.names),
        audit_date=audit_date,
        audit_date_text=format_date(audit_date, profile.meta_date_style),
        audit_type=audit_type,
        audit_type_text=rng.choice(profile.audit_type_text[audit_type]),
        announcement=announcement,
        announcement_text=rng.choice(profile.announcement_text[announcement]),
        workers_total=rng.randint(80, 2400),
        auditor=rng.choice(AUDITORS),
        report_ref=f"{rng.choice(('RPT', 'AUD', 'ZR', 'SA'))}-{rng.randint(100000, 999999)}",
        product=product_long,
    )


def _demographics(rng: random.Random, approx_total: int) -> Demographics:
    young = rng.choice((0, 0, 2, 5, 11))
    migrant = approx_total * rng.choice((0, 0, 5, 15, 30, 45)) // 100
    local = approx_total - migrant - young
    rows = []
    for name, total in (
        ("Local workers", local),
        ("Migrant workers", migrant),
        ("Young workers (16-17)", young),
    ):
        male = total * rng.randint(25, 70) // 100
        rows.append((name, male, total - male))
    return Demographics(tuple(rows))


def _site_description(rng: random.Random, meta: AuditMeta) -> str:
    buildings = rng.randint(1, 4)
    floors = rng.randint(2, 7)
    forms = (
        f"The site produces {meta.product} for export. It occupies {buildings} building(s) "
        f"of {floors} floors and operates one day shift, with a second shift in peak months. "
        "Migrant workers live in a dormitory on the same compound; local workers live nearby.",
        f"{meta.site_name} was established in {meta.audit_date.year - rng.randint(3, 25)} "
        f"and manufactures {meta.product}. Production is organised in {buildings} building(s); "
        "the dormitory, canteen and clinic are located across the road.",
        f"This facility makes {meta.product}. There are {buildings} production building(s) and "
        "a warehouse. The site holds a valid fire certificate and a trade licence; overtime is "
        "planned by the production department and approved by the factory manager.",
    )
    return rng.choice(forms)


def _summary(rng: random.Random, meta: AuditMeta, demographics: Demographics) -> str:
    # Prose that mentions findings-like words without being a finding: a trap for naive rules.
    forms = (
        "Management was cooperative throughout the audit. Worker interviews were held in private "
        "in the local language. Personnel files, payroll and time records for the last twelve "
        "months were made available. Workers confirmed that they keep their own identity "
        "documents and that overtime is voluntary.",
        "The audit comprised a site tour, document review and interviews with workers and "
        "management. No recruitment agencies are used for local workers. Passports of migrant "
        "workers are kept by the workers themselves. The findings are listed in the corrective "
        "action plan below.",
        "The opening meeting was attended by the general manager, the HR manager and a worker "
        "representative. The closing meeting confirmed the findings listed in this report; "
        "management signed the corrective action plan and committed to remediation.",
    )
    return rng.choice(forms)


def _issues_for(standard: str) -> list[str]:
    keys = list(NON_COMPLIANCE)
    if standard == "sa8000":
        keys = [k for k in keys if AREA_OF[k] not in ("environment", "ethics")]
    return keys


def _clause(profile: Profile, issue: str, area: str, rng: random.Random) -> str | None:
    base = CLAUSE_OF_ISSUE.get(profile.standard, {}).get(issue)
    if base is None:
        base = CLAUSE_OF_AREA.get(profile.standard, {}).get(area)
    if base is None:
        return None
    return profile.clause_style(base, rng)


def _findings(rng: random.Random, profile: Profile, meta: AuditMeta) -> list[FindingSpec]:
    low, high = profile.findings_range
    total = rng.randint(low, high)
    n_good = rng.randint(0, min(2, total // 4)) if profile.good_practices else 0
    n_obs = rng.randint(0, min(3, total // 3)) if profile.observations else 0
    n_nc = total - n_good - n_obs
    issues = _issues_for(profile.standard)
    # Forced-labour and child-labour issues are over-represented: they are what the platform
    # looks for, and each indicator needs enough examples to learn from.
    weights = [3 if k.startswith(("FL", "CL")) else 2 for k in issues]
    picked: list[str] = []
    while len(picked) < n_nc:
        key = rng.choices(issues, weights)[0]
        if key not in picked or len(picked) >= len(issues):
            picked.append(key)
    kinds = ["non_compliance"] * n_nc + ["observation"] * n_obs + ["good_practice"] * n_good
    findings: list[FindingSpec] = []
    for i, kind in enumerate(kinds, start=1):
        issue = picked[i - 1] if kind == "non_compliance" else ""
        findings.append(_finding(rng, profile, meta, i, kind, issue))
    return findings


def _finding(
    rng: random.Random, profile: Profile, meta: AuditMeta, ordinal: int, kind: str, issue: str
) -> FindingSpec:
    values = SlotValues(rng, COUNTRIES[meta.country_iso], meta.audit_date, profile.text_date_styles)
    if kind == "non_compliance":
        phrase = pick_phrase(rng, NON_COMPLIANCE[issue], held_out=profile.held_out)
        area = AREA_OF[issue]
    elif kind == "observation":
        phrase = pick_phrase(rng, OBSERVATIONS, held_out=profile.held_out)
        area = _area_of_codes(phrase.codes)
        issue = phrase.codes[0] if phrase.codes else "MGT"
    else:
        phrase = pick_phrase(rng, GOOD_PRACTICES, held_out=profile.held_out)
        area = "management"
        issue = "MGT"
    description = fill(phrase.text, values)
    evidence: Filled | None = None
    if kind != "good_practice" and rng.random() < profile.evidence_rate:
        evidence = fill(pick_phrase(rng, EVIDENCE[area], held_out=profile.held_out).text, values)
    severity, severity_raw = _severity(rng, profile, kind, issue)
    taxonomy = load_taxonomy()
    codes = tuple(c for c in phrase.codes if c in taxonomy.codes)
    return FindingSpec(
        ordinal=ordinal,
        kind=kind,  # type: ignore[arg-type]
        issue=issue,
        area=area,
        clause=_clause(profile, issue, area, rng) if kind != "good_practice" else None,
        topic=profile.topics.get(area) if profile.topics and kind != "good_practice" else None,
        title=rng.choice(TITLES[issue]) if profile.titles and kind == "non_compliance" else None,
        description=description,
        evidence=evidence,
        severity=severity,
        severity_raw=severity_raw,
        corrective_action=(
            rng.choice(CORRECTIVE_ACTIONS[area])
            if profile.actions and kind == "non_compliance"
            else None
        ),
        due=_due(rng, profile, meta) if kind == "non_compliance" else None,
        codes=codes,
    )


def _area_of_codes(codes: tuple[str, ...]) -> str:
    return AREA_OF[codes[0]] if codes else "management"


def _severity(
    rng: random.Random, profile: Profile, kind: str, issue: str
) -> tuple[str | None, str | None]:
    if kind == "observation":
        return None, rng.choice(profile.observation_raw)
    if kind == "good_practice":
        return None, rng.choice(profile.good_practice_raw)
    grave = issue.startswith(("FL", "CL")) and issue not in ("FL10", "FL11")
    roll = rng.random()
    if grave and roll < 0.35:
        severity = "critical"
    elif roll < 0.7:
        severity = "major"
    else:
        severity = "minor"
    options = profile.severity_raw.get(severity)  # type: ignore[call-overload]
    if not options:
        severity = "major"
        options = profile.severity_raw["major"]
    return severity, rng.choice(options)


def _due(rng: random.Random, profile: Profile, meta: AuditMeta) -> str | None:
    if profile.due_style is None:
        return None
    days = rng.choice((0, 30, 60, 90))
    if profile.due_style == "timescale":
        return rng.choice(
            {0: ("Immediate", "Immediately"), 30: ("30 days", "1 month"), 60: ("60 days",)}.get(
                days, ("90 days", "3 months")
            )
        )
    due = meta.audit_date + dt.timedelta(days=days or 7)
    return format_date(due, profile.meta_date_style)
