"""Map country names as printed in audit reports to ISO 3166-1 alpha-2 codes.

Every ISO country with its short, long official and local forms ("People's Republic of
Bangladesh", "Türkiye", "Việt Nam", "PRC") is data in `extractor/data/countries.json`, with a
small gazetteer of provinces and industrial cities for addresses that print no country. Names
that are also common words or other places ("Jordan", "Georgia", "US") are read only as a whole
value. This module must not guess: an unknown or contradictory name gives None.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict


class CountryTables(BaseModel):
    """The country vocabulary, keyed for lookup."""

    model_config = ConfigDict(frozen=True)

    by_key: dict[str, str]  # normalised name -> code
    names: dict[str, str]  # code -> English short name
    in_text: list[tuple[str, str]]  # (name as listed, code), longest first, safe inside text
    regions: list[tuple[str, str]]  # (province or city, code), longest first
    month_first: frozenset[str]


def plain(text: str) -> str:
    """Drop accents character by character, keeping the length ('Türkiye' -> 'Turkiye')."""
    out = []
    for char in text:
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(stripped[:1] if stripped else char)
    return "".join(out)


def name_key(name: str) -> str:
    """Return the lookup key of a printed name: lower case, no accents, dots or stray marks."""
    text = plain(name).lower().replace("’", "'").replace("‘", "'")
    text = text.replace(".", " ")
    text = re.sub(r"[^\w'& ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    # "p r china" (from "P. R. China") and "pr china" are the same name.
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", text)


@lru_cache(maxsize=1)
def country_tables() -> CountryTables:
    """Load and index `extractor/data/countries.json` (cached)."""
    raw = resources.files("extractor").joinpath("data/countries.json").read_text("utf-8")
    data = json.loads(raw)
    whole_only = {name_key(name) for name in data["whole_value_only"]}
    by_key: dict[str, str] = {}
    names: dict[str, str] = {}
    in_text: list[tuple[str, str]] = []
    for code, forms in data["countries"].items():
        names[code] = forms[0]
        for form in forms:
            by_key.setdefault(name_key(form), code)
            # Short acronyms ("UK", "DRC") and word-like names are too risky inside prose.
            if name_key(form) not in whole_only and len(form.replace(".", "")) > 3:
                in_text.append((form, code))
    regions = [(name, code) for code, places in data["regions"].items() for name in places]
    return CountryTables(
        by_key=by_key,
        names=names,
        in_text=sorted(in_text, key=lambda item: -len(item[0])),
        regions=sorted(regions, key=lambda item: -len(item[0])),
        month_first=frozenset(data["month_first_dates"]),
    )


def country_code(name: str | None) -> str | None:
    """Return the ISO alpha-2 code for a printed country name or code, or None if unknown.

    The whole value must name the country; a value with more in it ("Dhaka, Bangladesh") goes
    through `find_country`.
    """
    if not name or not name.strip():
        return None
    tables = country_tables()
    value = name.strip().strip(" .,;:")
    if re.fullmatch(r"[A-Z]{2}", value) and value in tables.names:
        return value
    key = name_key(value)
    if key in tables.by_key:
        return tables.by_key[key]
    # "Bangladesh (BD)", "China (mainland)", "Viet Nam / Vietnam": every part must agree.
    parts = [p for p in re.split(r"\s*[()/|]\s*", value) if p.strip()]
    if len(parts) > 1:
        codes = {country_code(part) for part in parts}
        codes.discard(None)
        if len(codes) == 1:
            return codes.pop()
    return None


def _pattern(name: str) -> str:
    words = [re.escape(word) for word in plain(name).split()]
    return r"(?<![\w])" + r"[\s\xa0]+".join(words) + r"(?![\w])"


@lru_cache(maxsize=1)
def _text_regex() -> re.Pattern[str]:
    tables = country_tables()
    return re.compile("|".join(_pattern(name) for name, _ in tables.in_text), re.IGNORECASE)


@lru_cache(maxsize=1)
def _region_regex() -> re.Pattern[str]:
    tables = country_tables()
    return re.compile("|".join(_pattern(name) for name, _ in tables.regions), re.IGNORECASE)


def _lookup(printed: str, table: list[tuple[str, str]]) -> str | None:
    key = name_key(printed)
    for name, code in table:
        if name_key(name) == key:
            return code
    return None


def find_countries(text: str | None) -> list[tuple[int, int, str]]:
    """Return (start, end, code) for each country name printed inside `text`, in order.

    Only capitalised names count ("Turkey", not "turkey"), and only names that cannot be
    another word; use `country_code` for a value that is just a name.
    """
    if not text:
        return []
    tables = country_tables()
    found = []
    for match in _text_regex().finditer(plain(text)):
        printed = text[match.start() : match.end()]
        if not printed[:1].isupper():
            continue
        code = _lookup(printed, tables.in_text)
        if code:
            found.append((match.start(), match.end(), code))
    return found


def find_country(text: str | None) -> str | None:
    """Return the country a longer text (an address, a sentence) names; the last one wins.

    Addresses end with the country ("No. 5 China Road, Dhaka, Bangladesh"), so the last name
    printed is the site's.
    """
    if not text:
        return None
    parts = [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
    for part in reversed(parts):
        code = country_code(part)
        if code:
            return code
    found = find_countries(text)
    return found[-1][2] if found else None


def region_country(text: str | None) -> str | None:
    """Return the one country whose provinces or cities `text` names, or None (none or several)."""
    if not text:
        return None
    tables = country_tables()
    codes = set()
    for match in _region_regex().finditer(plain(text)):
        printed = text[match.start() : match.end()]
        if printed[:1].isupper():
            code = _lookup(printed, tables.regions)
            if code:
                codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def split_trailing_country(address: str) -> tuple[str, str | None]:
    """Split 'Plot 4, Gazipur, Bangladesh' into ('Plot 4, Gazipur', 'BD'); keep it whole if none."""
    parts = [part.strip() for part in re.split(r",|\n", address)]
    # Longest suffix first: "Korea, Republic of" must win over "Republic of".
    for size in (3, 2, 1):
        if len(parts) > size:
            code = country_code(", ".join(parts[-size:]))
            if code:
                return ", ".join(parts[:-size]).strip(" ,"), code
    # "... Dhaka 1207 Bangladesh": the country closes the address without a comma.
    found = find_countries(address)
    if found:
        start, end, code = found[-1]
        tail = address[end:]
        if not re.search(r"\w", tail) or re.fullmatch(r"[\s\-–.,]*\d{3,6}\W*", tail):
            return address[:start].strip(" ,-–"), code
    return address.strip(), None


def country_name(code: str) -> str:
    """Return the English short name of an ISO alpha-2 code."""
    return country_tables().names[code]


def month_first(code: str | None) -> bool:
    """True when the country usually prints numeric dates month first (03/12/2012 = 12 March)."""
    return code is not None and code in country_tables().month_first
