"""The keyword-rule baseline: map a finding to ILO indicators with hand-written patterns.

It is what a team would write before training anything, and it stays for three reasons: the
evaluation reports it beside the trained classifier so the classifier's gain is visible, the
extractor falls back to it (with a warning) when no trained classifier is installed, and the
classifier reads its rule hits as features and falls back to them when it would abstain. The
rules are kept as first written so the baseline stays a fixed yardstick; richer patterns live
in `concepts.py`.
"""

from __future__ import annotations

import re

from extractor.indicators.classifier_input import ClassifierInput
from extractor.indicators.concepts import lowered_pattern
from extractor.indicators.taxonomy import load_taxonomy
from extractor.record.schema import IloIndicator

# One pattern per code; a finding gets every code whose pattern matches. Scores are fixed because
# rules carry no calibrated probability.
RULES: dict[str, str] = {
    "FL01": r"\bvulnerab|\bmigrant|\billiterate|\bdependen(?:t|ce) on (?:the )?employer",
    "FL02": r"\bdeceiv|\bdecept|\bmisled|\bfalse promise|\bdifferent (?:from|to) (?:what|the)"
    r"|\bnot (?:as|what) (?:was )?promised",
    "FL03": r"\b(?:locked|lock)\b|\bnot (?:allowed|permitted) to leave|\bguard(?:s|ed)? .*gate"
    r"|\brestrict\w* (?:on )?(?:movement|leav)|\bcurfew|\bescort",
    "FL04": r"\bisolat|\bremote (?:site|location)|\bno (?:access to )?(?:phone|telephone)",
    "FL05": r"\bbeat(?:en|ing)?\b|\bhit\b|\bslapp|\bphysical(?:ly)? (?:abuse|punish)"
    r"|\bsexual(?:ly)? (?:harass|abuse)|\bviolen",
    "FL06": r"\bthreat|\bintimidat|\bdenounc|\bshout|\bverbal(?:ly)? abus|\bblacklist",
    "FL07": r"\bpassport|\bidentity (?:card|document)|\bID (?:card|document)s?\b|\bwork permit"
    r"|\bretain\w* (?:the )?(?:original )?(?:document|certificate)",
    "FL08": r"\bwithh[eo]ld\w*|\bdelay\w* (?:in )?(?:the )?(?:payment|wage|salar)|\bdeposit"
    r"|\bwages? (?:were |are )?(?:paid )?late|\bunpaid",
    "FL09": r"\b(?:recruitment|placement|agency) fees?\b|\bdebt\b|\bloan|\badvance",
    "FL10": r"\bdormitor|\bovercrowd|\bdegrading|\bliving conditions|\bsanitation",
    "FL11": r"\b(?:\d{2,3}) ?(?:hours|hrs)\b.*\bweek|\bexcessive (?:overtime|hours)"
    r"|\brest day|\bseven (?:consecutive )?days|\bovertime (?:exceed|limit)",
    "CL01": r"\bchild|\bunder(?:age|-age)\b|\bbelow (?:the )?(?:legal |minimum )?(?:working )?age"
    r"|\baged? 1[0-4]\b|\b1[0-4] years? old",
    "CL02": r"\byoung workers?|\bjuvenile|\bminors?\b|\baged? 1[5-7]\b|\b1[5-7] years? old",
    "DIS": r"\bdiscriminat|\bpregnan|\bgender|\bequal pay|\breligio|\bcaste|\bHIV",
    "FOA": r"\bunion|\bcollective bargaining|\bfreedom of association|\bworker representat"
    r"|\bworkers'? committee",
    "OHS": r"\bfire|\bexit|\bextinguisher|\bPPE\b|\bprotective|\bmachine guard|\bfirst aid"
    r"|\bchemical|\bsafety|\bevacuation|\belectrical|\bhazard",
    "WAG": r"\bminimum wage|\bwage|\bsalar|\bpay(?:slip|roll)|\bovertime (?:premium|rate|pay)"
    r"|\bsocial (?:insurance|security)|\bbenefit",
    "HRS": r"\bworking hours|\bovertime|\bhours? (?:per|a) (?:week|day)|\brest day|\bshift",
    "EMP": r"\bcontract|\bprobation|\bagency workers?|\btemporary|\bcasual|\bdismiss"
    r"|\bterminat|\bemployment (?:letter|terms)",
}

RULE_SCORE = 0.9
_COMPILED = {code: re.compile(rx, re.IGNORECASE) for code, rx in RULES.items()}
# The same rules for lower-cased ASCII text (nearly every finding), without IGNORECASE: the same
# matches for half the CPU (case-insensitive matching is what makes `re` slow here).
_LOWERED = [(_COMPILED[code], lowered_pattern(rx)) for code, rx in RULES.items()]


def rule_names() -> list[str]:
    """The codes that have a rule, in `rule_hits` column order."""
    return list(RULES)


def rule_hits(text: str) -> list[bool]:
    """Whether each code's rule matches `text` (the classifier reads these as features)."""
    if not text.isascii():
        return [bool(pattern.search(text)) for pattern in _COMPILED.values()]
    lowered = text.lower()
    return [
        bool(pattern.search(text) if fast is None else fast.search(lowered))
        for pattern, fast in _LOWERED
    ]


class KeywordMapper:
    """Keyword-rule baseline with the same `predict` interface as the trained classifier."""

    name = "keyword-rules-1"

    def __init__(self) -> None:
        taxonomy = load_taxonomy()
        self._labels = {code: taxonomy.label(code) for code in taxonomy.codes}
        self._patterns = _COMPILED

    def predict(self, items: list[ClassifierInput]) -> list[list[IloIndicator]]:
        """Return the indicators whose keyword rule matches each finding's text."""
        return [self._predict_one(item) for item in items]

    def predict_codes(self, items: list[ClassifierInput]) -> list[list[str]]:
        """Return just the matched codes, for evaluation."""
        return [[ind.code for ind in self._predict_one(item)] for item in items]

    def _predict_one(self, item: ClassifierInput) -> list[IloIndicator]:
        hits = rule_hits(f"{item.topic or ''}\n{item.text}")
        return [
            IloIndicator(code=code, label=self._labels[code], score=RULE_SCORE)
            for code, hit in zip(self._patterns, hits, strict=True)
            if hit
        ]
