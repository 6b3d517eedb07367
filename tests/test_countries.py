"""Country names in English, long and local forms, and countries read from addresses."""

from __future__ import annotations

import pytest

from extractor.audit.countries import (
    country_code,
    country_tables,
    find_country,
    month_first,
    region_country,
    split_trailing_country,
)


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("People's Republic of Bangladesh", "BD"),
        ("Peoples Republic of Bangladesh", "BD"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("Viet Nam", "VN"),
        ("Việt Nam", "VN"),
        ("Socialist Republic of Viet Nam", "VN"),
        ("PRC", "CN"),
        ("P. R. China", "CN"),
        ("People's Republic of China", "CN"),
        ("Republic of China (Taiwan)", "TW"),
        ("Kingdom of Cambodia", "KH"),
        ("Republic of India", "IN"),
        ("Islamic Republic of Pakistan", "PK"),
        ("México", "MX"),
        ("United Mexican States", "MX"),
        ("Hong Kong SAR, China", "HK"),
        ("Korea, Republic of", "KR"),
        ("Côte d'Ivoire", "CI"),
        ("the Netherlands", "NL"),
        ("BD", "BD"),
        ("Bangladesh (BD)", "BD"),
        ("Jordan", "JO"),
    ],
)
def test_names_in_english_long_and_local_forms(printed, code):
    assert country_code(printed) == code


def test_every_iso_code_has_a_name():
    tables = country_tables()
    assert len(tables.names) >= 249
    assert all(country_code(name) == code for code, name in tables.names.items())


@pytest.mark.parametrize("printed", ["Atlantis", "", "Region 5", "XX"])
def test_unknown_names_give_none(printed):
    assert country_code(printed) is None


@pytest.mark.parametrize(
    ("address", "rest", "code"),
    [
        ("Plot 4, Gazipur, Bangladesh", "Plot 4, Gazipur", "BD"),
        ("House 12, Dhaka 1207 Bangladesh", "House 12, Dhaka 1207", "BD"),
        ("No. 5 China Road, Dhaka, Bangladesh", "No. 5 China Road, Dhaka", "BD"),
        (
            "Lot C3, Nhon Trach 2 Industrial Zone, Việt Nam",
            "Lot C3, Nhon Trach 2 Industrial Zone",
            "VN",
        ),
        ("Sector 63, Noida, Uttar Pradesh", "Sector 63, Noida, Uttar Pradesh", None),
    ],
)
def test_country_split_off_an_address(address, rest, code):
    assert split_trailing_country(address) == (rest, code)


def test_last_country_named_in_an_address_wins():
    assert find_country("No. 5 China Road, Dhaka, Bangladesh") == "BD"
    # A word that is also a country is not read inside running text.
    assert find_country("Michael Jordan Street 5, Amman") is None
    assert find_country("roast turkey was served") is None


def test_provinces_and_cities_name_their_country_only_when_unambiguous():
    assert region_country("Lot 12, Jalan Industri 3, Shah Alam, Selangor") == "MY"
    assert region_country("No. 88 Industrial Avenue, Ningbo, Zhejiang") == "CN"
    assert region_country("Dhaka and Karachi offices") is None
    assert region_country("12 Main Street") is None


def test_month_first_dates_by_country():
    assert month_first("US")
    assert not month_first("GB")
    assert not month_first(None)
