"""Pick the audit firm's name out of a printed value that may also name people.

'Lead assessor: J. Okafor (Veritas Audits Ltd.)', 'M. Chen, Asia Audits Co., Ltd.' and 'Veritas
Audits Ltd. - lead auditor J. Okafor' all give the firm. Under a label that names people
(auditor, assessor, monitor) only a part that reads as an organisation counts; under a firm label
the whole value does unless it is only a person's name. Never returns a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractor.audit.labels import metadata_vocabulary

_SUFFIX = (
    r"(?:Co|Corp|Ltd|Limited|Inc|LLC|LLP|GmbH|AG|S\.?A|SAS|SARL|S\.?R\.?L|S\.?p\.?A|B\.?V|N\.?V"
    r"|PLC|Pvt|Pte|JSC|KK|Bhd|Sdn\.? Bhd)\.?"
)
_PERSON = re.compile(
    r"^(?:(?:mr|ms|mrs|miss|dr|prof)\.?\s+)?"
    r"(?:[A-Z]\.\s*){1,3}[A-Z][a-zà-ÿ'’-]+$"  # J. Okafor, A.B. Smith
    r"|^(?:mr|ms|mrs|miss|dr|prof)\.?\s+[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){0,2}$"
    r"|^[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}$",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"^(?:lead|team|co|senior|local|social)?\s*(?:auditor|assessor|inspector|monitor|reviewer)s?"
    r"\s*[:\-]?\s*",
    re.IGNORECASE,
)
_IDS = re.compile(r"\b(?:APSCA|CSCA|RA|ID|No\.?|Reg\.?)\b[\s:#]*[\w-]*\d[\w-]*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _organisation_words() -> re.Pattern[str]:
    return re.compile(metadata_vocabulary().organisation_words, re.IGNORECASE)


def is_organisation(text: str) -> bool:
    """True when the words read as an organisation's name ('Veritas Audits Ltd.')."""
    return bool(_organisation_words().search(text))


def looks_like_person(text: str) -> bool:
    """True for a person's name as reports print them ('J. Okafor', 'Ms Li Wei')."""
    text = text.strip(" .,")
    return bool(_PERSON.match(text)) and not is_organisation(text)


def firm_name(text: str | None, *, person_label: bool = False) -> str | None:
    """Return the organisation a firm or auditor field names, or None."""
    value = re.sub(r"\s+", " ", _IDS.sub("", text or "")).strip(" ,;:-–")
    if not value:
        return None
    parts = [
        _ROLE.sub("", p).strip(" ,;")
        # "Asia Audits Co., Ltd." stays whole; "S. Yilmaz, Compass Social ..." splits ("Co"
        # is a suffix only as a whole word).
        for p in re.split(
            r"\s*[()\[\];/|]\s*|\s+[-–—]\s+|,\s+(?!" + _SUFFIX + r"(?![A-Za-z]))", value
        )
    ]
    parts = [p for p in parts if p and not re.fullmatch(r"[\W\d]+", p)]
    for part in parts:
        # "J. Okafor of Veritas Audits": the firm after a person's name.
        match = re.match(r"^(.+?)\s+(?:of|from|at|with|for)\s+(.+)$", part)
        if match and looks_like_person(match.group(1)) and is_organisation(match.group(2)):
            return match.group(2)
        if is_organisation(part) and not looks_like_person(part):
            return _with_suffix(value, part)
    if person_label or not parts or all(looks_like_person(p) for p in parts):
        return None
    return value if len(value.split()) <= 8 else None


def _with_suffix(value: str, part: str) -> str:
    # "Asia Audits Co., Ltd." is one name even though a comma splits it; "... Services (India)
    # Pvt Ltd": a country in brackets sits inside the name.
    match = re.search(re.escape(part) + r"(?:\s*\([A-Z][a-z]+\))?(?:,?\s*" + _SUFFIX + r")+", value)
    return match.group(0) if match else part
