"""Years counted in Japanese eras and in the Republic of China's calendar, read as EDTF. The corpora
hold none (the PRC reports and Korean speeches count years of the common era); the expected values
follow from the eras' first and last days (legation.ingest.dates._ERAS)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("昭和25年3月3日", "1950-03-03"),
        ("昭和25年3月", "1950-03"),
        ("昭和25年", "1950"),
        ("昭和 25 年 3 月 3 日", "1950-03-03"),
        ("平成31年4月30日", "2019-04-30"),  # Heisei's last day
        ("令和元年5月1日", "2019-05-01"),  # 元: the first year; Reiwa's first day
        ("大正3年", "1914"),
        ("明治6年1月1日", "1873-01-01"),  # Japan's first Gregorian day
        ("明治45年7月29日", "1912-07-29"),
        # a year or month the era covers only in part: the set of its days in the era
        ("昭和元年", "[1926-12-25..1926-12-31]"),
        ("昭和64年", "[1989-01-01..1989-01-07]"),
        ("平成元年", "[1989-01-08..1989-12-31]"),
        ("大正元年", "[1912-07-30..1912-12-31]"),
        # the Republic of China: year 1 is 1912
        ("民國39年", "1950"),
        ("民国39年3月3日", "1950-03-03"),
        ("中華民國38年10月1日", "1949-10-01"),
        ("民國元年1月1日", "1912-01-01"),
        ("ca. 昭和25年", "1950~"),
    ],
)
def test_era_years_are_years_of_the_common_era(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    edtf_day_bounds(edtf)


@pytest.mark.parametrize(
    "text",
    [
        "昭和65年", "昭和元年12月24日", "昭和64年1月8日", "令和元年4月30日",  # outside the era
        "明治5年", "明治元年3月3日",  # lunisolar months, not ours
        "昭和25年2月30日",
    ],
)  # fmt: skip
def test_dates_outside_their_era_are_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)
