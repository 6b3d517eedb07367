"""Dates as audit reports print them: every common form, ranges, durations and day/month order."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.audit.dates import find_dates, infer_date_order, numeric_order_evidence, parse_date


@pytest.mark.parametrize(
    ("printed", "first_day"),
    [
        ("2012-03-12", "2012-03-12"),
        ("2018/06/21", "2018-06-21"),
        ("2012-03-12 to 2012-03-14", "2012-03-12"),
        ("3rd March 2012", "2012-03-03"),
        ("3rd of March, 2012", "2012-03-03"),
        ("March 12-13, 2012", "2012-03-12"),
        ("12–13 March 2012", "2012-03-12"),
        ("12 to 14 March 2019", "2019-03-12"),
        ("15th–17th April 2019", "2019-04-15"),
        ("28 Feb - 2 Mar 2012", "2012-02-28"),
        ("Feb 28 – Mar 2, 2012", "2012-02-28"),
        ("Mar. 5th 2019", "2019-03-05"),
        ("17-May-2018", "2018-05-17"),
        ("17-May-18", "2018-05-17"),
        ("Tuesday, 14 March 2017", "2017-03-14"),
        ("20-21/09/2015", "2015-09-20"),
        ("2012年3月12日", "2012-03-12"),
        ("From 12 Mar 2012 to 14 Mar 2012", "2012-03-12"),
    ],
)
def test_every_common_form_gives_the_first_day(printed, first_day):
    assert parse_date(printed) == dt.date.fromisoformat(first_day)


def test_date_printed_with_a_duration_is_read():
    # Regression: "June 12, 2020 (2 days)" was not read as a date.
    assert parse_date("June 12, 2020 (2 days)") == dt.date(2020, 6, 12)


def test_ordinal_day_before_the_month_is_read():
    # Regression: "3rd March 2012" was not read as a date.
    assert parse_date("Audit date: 3rd March 2012") == dt.date(2012, 3, 3)


@pytest.mark.parametrize(
    "text",
    ["May 2012", "on 3 March, 12 workers", "Report 12/03/2012/45", "Day 1 –", ""],
)
def test_no_date_is_invented(text):
    assert parse_date(text) is None


def test_numeric_dates_follow_the_order_asked_for():
    assert parse_date("03/04/2012") == dt.date(2012, 4, 3)
    assert parse_date("03/04/2012", order="mdy") == dt.date(2012, 3, 4)
    # An impossible reading is never taken: 25/03 can only be day first.
    assert parse_date("25/03/2012", order="mdy") == dt.date(2012, 3, 25)
    assert find_dates("03/04/2012")[0].ambiguous
    assert not find_dates("25/03/2012")[0].ambiguous


def test_day_month_order_comes_from_the_document_then_the_country():
    assert numeric_order_evidence(["Report date 03/28/2009", "Inspection 03/12/2009"]) == "mdy"
    assert numeric_order_evidence(["25/03/2012", "12/03/2012"]) == "dmy"
    assert numeric_order_evidence(["25/03/2012", "03/25/2012"]) is None
    assert infer_date_order(["03/12/2009"], month_first_country=True) == "mdy"
    assert infer_date_order(["03/12/2009"], month_first_country=False) == "dmy"
    assert infer_date_order(["25/03/2012"], month_first_country=True) == "dmy"


def test_find_dates_gives_spans_in_reading_order():
    text = "Audit 2014-09-22 to 2014-09-23; report issued 30 September 2014"
    found = find_dates(text)
    assert [d.date.isoformat() for d in found] == ["2014-09-22", "2014-09-23", "2014-09-30"]
    assert [text[d.start : d.end] for d in found] == [d.text for d in found]


def test_day_list_is_not_a_range_of_days():
    # "Day 1 – 14/03/2017" is the first day of a list, not 1-14 March.
    assert parse_date("Day 1 – 14/03/2017 Day 2 – 15/03/2017") == dt.date(2017, 3, 14)


def test_every_date_pattern_needs_a_digit():
    """`find_dates` returns nothing for a text without a digit before trying its patterns."""
    import re

    from extractor.audit.dates import _PATTERNS

    dated = [
        "12 March 2019", "March 12, 2019", "2019-03-12", "12/03/2019", "12-Mar-19",
        "12 Mar '19", "2019年3月12日", "1st - 3rd of March 2019", "12-14.03.2019",
    ]  # fmt: skip
    for text in dated:
        assert any(p.search(text) for p in _PATTERNS), text
        digit_free = re.sub(r"\d", "x", text)
        assert not any(p.search(digit_free) for p in _PATTERNS), digit_free
    assert find_dates("Audit in March, no day given") == []
