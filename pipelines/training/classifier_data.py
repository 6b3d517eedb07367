"""Findings for the ILO classifier: gold corpus findings, and wordings filled from the banks.

`gold_findings` reads the labelled reports (train split and corrections when training).
`wording_findings` fills every phrase of `pipelines.corpus.phrases` of one side (train or
held-out) several times with seeded slot values, a random standard, clause (sometimes missing
or wrong, as readers print them), topic, evidence line and kind. Each finding's `group` names
its template (or its gold report), so cross-validation and scores never mix one wording across
train and test. `write_wording_sets` writes the held-out wording set that
`audit-extractor evaluate --classifier` reads. Deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from extractor.evaluation.gold import GoldDocument
from extractor.indicators.classifier_input import LabelledFinding
from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import FindingKind, Standard, finding_text
from pipelines.corpus.compose import CLAUSE_OF_AREA, CLAUSE_OF_ISSUE
from pipelines.corpus.entities import SLOT, fill
from pipelines.corpus.layouts import load_layouts
from pipelines.corpus.phrases import AREA_OF, EVIDENCE, NON_COMPLIANCE, OBSERVATIONS, Phrase
from pipelines.corpus.values import COUNTRIES, SlotValues

KINDS_WITH_INDICATORS = ("non_compliance", "observation")
STANDARDS: tuple[Standard, ...] = ("smeta", "amfori_bsci", "sa8000", "rba", "generic")
DATE_STYLES = ("long", "iso", "dmy", "mdy_long", "dmy_dots", "short")
TRAIN_FILLS = 6
HELD_OUT_FILLS = 4
HELD_OUT_WORDING = "held_out_wording.jsonl"
# How often a reader misses the clause, or prints one that belongs to another area.
NO_CLAUSE_RATE = 0.3
WRONG_CLAUSE_RATE = 0.1
TOPIC_RATE = 0.4
EVIDENCE_RATE = 0.5
# Some schemes grade the same wording as an observation (risk) rather than a breach.
NC_AS_OBSERVATION_RATE = 0.08
# Training also sees two findings written as one (auditors often list several issues in one
# paragraph), so each code's head learns to fire whatever else the finding mentions.
COMBINED_SHARE = 0.2
PARAGRAPH = "\n\n"  # between description and evidence, as `finding_text` joins them


def bank_phrases() -> list[tuple[str, int, Phrase, FindingKind]]:
    """Every indicator-bearing wording: (bank key, index, phrase, kind), in a fixed order."""
    out: list[tuple[str, int, Phrase, FindingKind]] = []
    for key, phrases in NON_COMPLIANCE.items():
        out += [(key, i, phrase, "non_compliance") for i, phrase in enumerate(phrases)]
    out += [("OBS", i, phrase, "observation") for i, phrase in enumerate(OBSERVATIONS)]
    return out


def template_group(key: str, index: int) -> str:
    return f"wording:{key}:{index}"


def _area(key: str, phrase: Phrase) -> str:
    if key != "OBS":
        return AREA_OF[key]
    return AREA_OF[phrase.codes[0]] if phrase.codes else "management"


@lru_cache(maxsize=2)
def _topics(held_out: bool) -> dict[str, tuple[str, ...]]:
    """Printed topic names per area, from the layouts of the same side of the split."""
    topics: dict[str, set[str]] = {}
    for layout in load_layouts().values():
        if layout.profile.held_out != held_out or not layout.profile.topics:
            continue
        for area, topic in layout.profile.topics.items():
            topics.setdefault(area, set()).add(topic)
    return {area: tuple(sorted(names)) for area, names in topics.items()}


def _clause(rng: random.Random, standard: str, key: str, area: str) -> str | None:
    table = CLAUSE_OF_AREA.get(standard)
    if table is None or rng.random() < NO_CLAUSE_RATE:
        return None
    if rng.random() < WRONG_CLAUSE_RATE:
        return table[rng.choice(sorted(table))]
    return CLAUSE_OF_ISSUE.get(standard, {}).get(key) or table.get(area)


def _filled(
    key: str, index: int, phrase: Phrase, kind: FindingKind, fill_no: int, seed: int
) -> LabelledFinding:
    rng = random.Random(f"{seed}:{key}:{index}:{fill_no}")
    country = COUNTRIES[rng.choice(sorted(COUNTRIES))]
    audit_date = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 8 * 365))
    values = SlotValues(rng, country, audit_date, tuple(rng.sample(DATE_STYLES, 2)))
    description = fill(phrase.text, values).text
    area = _area(key, phrase)
    evidence = None
    if rng.random() < EVIDENCE_RATE:
        pool = [p for p in EVIDENCE[area] if p.held_out == phrase.held_out] or EVIDENCE[area]
        evidence = fill(rng.choice(pool).text, values).text
    standard = rng.choice(STANDARDS)
    topics = _topics(phrase.held_out).get(area, ())
    if kind == "non_compliance" and rng.random() < NC_AS_OBSERVATION_RATE:
        kind = "observation"
    codes = [code for code in phrase.codes if code in load_taxonomy().codes]
    return LabelledFinding(
        id=f"{template_group(key, index)}:{fill_no}",
        text=finding_text(description, evidence),
        kind=kind,
        standard=standard,
        clause=_clause(rng, standard, key, area),
        topic=rng.choice(topics) if topics and rng.random() < TOPIC_RATE else None,
        codes=codes,
        group=template_group(key, index),
        style=phrase.style,
    )


def wording_findings(
    *, held_out: bool, fills: int, seed: int = 0, combined_share: float = 0.0
) -> list[LabelledFinding]:
    """Fill every phrase of one side of the wording split `fills` times, plus combined pairs."""
    singles = [
        _filled(key, index, phrase, kind, fill_no, seed)
        for key, index, phrase, kind in bank_phrases()
        if phrase.held_out == held_out
        for fill_no in range(fills)
    ]
    return singles + combined(singles, int(len(singles) * combined_share), seed)


def combined(findings: list[LabelledFinding], count: int, seed: int) -> list[LabelledFinding]:
    """`count` findings each made of two findings of different issues, codes united."""
    rng = random.Random(f"{seed}:combined")
    out: list[LabelledFinding] = []
    while len(out) < count and len(findings) > 1:
        first, second = rng.sample(findings, 2)
        if first.group.rsplit(":", 1)[0] == second.group.rsplit(":", 1)[0]:  # type: ignore[union-attr]
            continue
        description, _, evidence = first.text.partition(PARAGRAPH)
        text = f"{description} {second.text.partition(PARAGRAPH)[0]}"
        out.append(
            first.model_copy(
                update={
                    "id": f"{first.id}+{second.id}",
                    "text": f"{text}{PARAGRAPH}{evidence}" if evidence else text,
                    "codes": sorted(set(first.codes) | set(second.codes)),
                    "style": "multi",
                }
            )
        )
    return out


@lru_cache(maxsize=1)
def _template_patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for key, index, phrase, _ in bank_phrases():
        parts, pos = [], 0
        for match in SLOT.finditer(phrase.text):
            parts.append(re.escape(phrase.text[pos : match.start()]))
            parts.append(".+?")
            pos = match.end()
        parts.append(re.escape(phrase.text[pos:]))
        pattern = re.compile("".join(parts), re.IGNORECASE | re.DOTALL)
        patterns.append((template_group(key, index), pattern))
    return patterns


def gold_group(description: str, doc_id: str) -> str:
    """The template a gold description was written from, else its report."""
    for group, pattern in _template_patterns():
        if pattern.fullmatch(description):
            return group
    return f"report:{doc_id}"


def gold_findings(docs: Iterable[GoldDocument]) -> list[LabelledFinding]:
    """Gold findings that can carry indicators (good practices never do), with their codes."""
    out = []
    for doc in docs:
        for n, finding in enumerate(doc.record.findings, start=1):
            if finding.kind not in KINDS_WITH_INDICATORS:
                continue
            out.append(
                LabelledFinding(
                    id=f"{doc.split}/{doc.doc_id}#{n}",
                    text=finding_text(finding.description, finding.evidence),
                    kind=finding.kind,
                    standard=doc.record.audit.standard,
                    clause=finding.clause,
                    topic=finding.topic,
                    codes=[ind.code for ind in finding.ilo_indicators],
                    group=gold_group(finding.description, doc.doc_id),
                )
            )
    return out


def write_jsonl(findings: list[LabelledFinding], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(f.model_dump(mode="json"), ensure_ascii=False) for f in findings]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_wording_sets(out_dir: Path, *, seed: int = 0) -> Path:
    """Write the held-out wording set (never trained on) for `evaluate --classifier`."""
    path = out_dir / HELD_OUT_WORDING
    write_jsonl(wording_findings(held_out=True, fills=HELD_OUT_FILLS, seed=seed), path)
    return path


def main(argv: list[str] | None = None) -> int:
    """`python -m pipelines.training.classifier_data`: rewrite the held-out wording set."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m pipelines.training.classifier_data")
    parser.add_argument("--out", type=Path, default=Path("labelled_samples/classifier"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    path = write_wording_sets(args.out, seed=args.seed)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
