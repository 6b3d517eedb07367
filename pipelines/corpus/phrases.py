"""Phrase banks: how auditors word findings, evidence, observations and good practices.

The public names here are what the corpus generator and the classifier's training data read;
the wording itself lives in `pipelines.corpus.wording`, one module per group of labels.

Each non-compliance phrase carries the ILO indicator codes its wording supports. Held-out
phrases (`Phrase.held_out`) are never used for training: only documents of held-out (test)
layouts and the held-out wording evaluation use them, so the classifier's held-out score covers
wording it never saw. Whole wording styles (`Phrase.style`) are held out per label where
possible, about a third of each label's phrases. Entity-like words (amounts, ages, documents,
fees, dates, laws, organisations, worker counts, durations, hours) must come from `{slots}`;
`entities.fill` rejects templates that write them literally.

Labelling policy (what a wording's codes mean) is written at the top of each wording module;
in short: extreme hours are FL11 + HRS, moderate excess HRS; late or held-back pay is FL08
(+ WAG when an amount is also short); worker-paid fees, loans and deposits are FL09; degrading
housing or denial of water, toilets or sick leave is FL10 (+ OHS with a safety hazard); young
workers in night, overtime or hazardous work are CL02, children below the minimum age CL01.
Good practices carry no codes, nor do environment, ethics and management-system findings,
including hard negatives that use a labour topic's words without that violation.
"""

from __future__ import annotations

from .wording import (
    child,
    conditions,
    extra,
    forced,
    hard_negatives,
    hours,
    no_indicator,
    rights,
    treatment,
    wages,
)
from .wording.observations import OBSERVATIONS as _OBSERVATIONS
from .wording.phrase import STYLES, Phrase
from .wording.support import AREA_OF, CORRECTIVE_ACTIONS, EVIDENCE, GOOD_PRACTICES, TITLES

__all__ = [
    "AREA_OF",
    "CORRECTIVE_ACTIONS",
    "EVIDENCE",
    "GOOD_PRACTICES",
    "NON_COMPLIANCE",
    "NO_INDICATOR_ISSUES",
    "OBSERVATIONS",
    "STYLES",
    "TITLES",
    "Phrase",
]

# Finding "issue" keys: ILO codes, plus issues that carry no indicator.
NO_INDICATOR_ISSUES = ("ENV", "ETH", "MGT")

_BANKS: dict[str, list[Phrase]] = {
    "FL01": forced.FL01,
    "FL02": forced.FL02,
    "FL03": forced.FL03,
    "FL04": forced.FL04,
    "FL05": treatment.FL05,
    "FL06": treatment.FL06,
    "FL07": forced.FL07,
    "FL08": wages.FL08,
    "FL09": forced.FL09,
    "FL10": conditions.FL10,
    "FL11": hours.FL11,
    "CL01": child.CL01,
    "CL02": child.CL02,
    "DIS": rights.DIS,
    "FOA": rights.FOA,
    "OHS": conditions.OHS,
    "WAG": wages.WAG,
    "HRS": hours.HRS,
    "EMP": rights.EMP,
    "ENV": no_indicator.ENV,
    "ETH": no_indicator.ETH,
    "MGT": no_indicator.MGT,
}

# More training wordings follow each bank; hard negatives sit in the bank whose codes they
# carry (MGT when none).
NON_COMPLIANCE: dict[str, list[Phrase]] = {
    key: [*bank, *extra.MORE.get(key, []), *hard_negatives.IN_BANK.get(key, [])]
    for key, bank in _BANKS.items()
}
OBSERVATIONS: list[Phrase] = [*_OBSERVATIONS, *hard_negatives.OBSERVED]
