"""Map country names as printed in audit reports to ISO 3166-1 alpha-2 codes.

A compact table of the countries audits most often cover, with the variants reports use
("Viet Nam", "PRC", "Türkiye"). It must not guess: an unknown name gives None.
"""

from __future__ import annotations

import re
import unicodedata

_COUNTRIES: dict[str, tuple[str, ...]] = {
    "AE": ("united arab emirates", "uae"),
    "AR": ("argentina",),
    "AU": ("australia",),
    "BD": ("bangladesh",),
    "BG": ("bulgaria",),
    "BR": ("brazil", "brasil"),
    "CA": ("canada",),
    "CL": ("chile",),
    "CN": (
        "china",
        "prc",
        "p.r. china",
        "pr china",
        "p.r.c.",
        "people's republic of china",
        "peoples republic of china",
        "mainland china",
    ),
    "CO": ("colombia",),
    "CR": ("costa rica",),
    "DE": ("germany",),
    "DO": ("dominican republic",),
    "EG": ("egypt",),
    "ES": ("spain",),
    "ET": ("ethiopia",),
    "FR": ("france",),
    "GB": ("united kingdom", "uk", "great britain", "england", "scotland", "wales"),
    "GH": ("ghana",),
    "GT": ("guatemala",),
    "HK": ("hong kong", "hong kong sar", "hong kong, china"),
    "HN": ("honduras",),
    "HU": ("hungary",),
    "ID": ("indonesia",),
    "IN": ("india",),
    "IT": ("italy",),
    "JO": ("jordan",),
    "JP": ("japan",),
    "KE": ("kenya",),
    "KH": ("cambodia", "kampuchea"),
    "KR": ("south korea", "korea", "republic of korea", "korea, republic of"),
    "LK": ("sri lanka",),
    "MA": ("morocco",),
    "MG": ("madagascar",),
    "MM": ("myanmar", "burma"),
    "MU": ("mauritius",),
    "MX": ("mexico", "méxico"),
    "MY": ("malaysia",),
    "NL": ("netherlands", "the netherlands", "holland"),
    "NP": ("nepal",),
    "NI": ("nicaragua",),
    "PE": ("peru",),
    "PH": ("philippines", "the philippines"),
    "PK": ("pakistan",),
    "PL": ("poland",),
    "PT": ("portugal",),
    "RO": ("romania",),
    "RU": ("russia", "russian federation"),
    "SA": ("saudi arabia",),
    "SG": ("singapore",),
    "SV": ("el salvador",),
    "TH": ("thailand",),
    "TN": ("tunisia",),
    "TR": ("turkey", "türkiye", "turkiye"),
    "TW": ("taiwan", "taiwan, china", "chinese taipei"),
    "TZ": ("tanzania",),
    "UA": ("ukraine",),
    "UG": ("uganda",),
    "US": ("united states", "usa", "u.s.a.", "united states of america", "us"),
    "VN": ("vietnam", "viet nam"),
    "ZA": ("south africa",),
}

NAME_TO_CODE: dict[str, str] = {name: code for code, names in _COUNTRIES.items() for name in names}


def _key(name: str) -> str:
    # Accents are kept in the table ("méxico") but reports also drop them.
    text = re.sub(r"\s+", " ", name.strip().strip(".,;:").lower())
    return text.replace("’", "'")


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def country_code(name: str | None) -> str | None:
    """Return the ISO alpha-2 code for a printed country name (or code), or None if unknown."""
    if not name:
        return None
    key = _key(name)
    if key in NAME_TO_CODE:
        return NAME_TO_CODE[key]
    if _plain(key) in {_plain(k) for k in NAME_TO_CODE}:
        return next(code for k, code in NAME_TO_CODE.items() if _plain(k) == _plain(key))
    if re.fullmatch(r"[A-Za-z]{2}", name.strip()) and name.strip().upper() in _COUNTRIES:
        return name.strip().upper()
    return None


def split_trailing_country(address: str) -> tuple[str, str | None]:
    """Split 'Plot 4, Gazipur, Bangladesh' into ('Plot 4, Gazipur', 'BD'); keep it whole if none."""
    parts = [part.strip() for part in address.split(",")]
    # Longest suffix first: "People's Republic of China" must win over "China".
    for size in (3, 2, 1):
        if len(parts) > size:
            code = country_code(", ".join(parts[-size:]))
            if code:
                return ", ".join(parts[:-size]).strip(), code
    return address.strip(), None
