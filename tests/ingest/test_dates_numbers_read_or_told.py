"""A number over 12 in a month's place is no month: "22.1950", "1963.22", "1950年22月" were read as EDTF's season 22,
summer 1950, and "1963.33" as its first quarter (a fresh user's "12/1949" showed it).
Crafted strings: the corpora of ../shared/data write none of them (benchmarks/ingest/dates.py, before against after)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date


@pytest.mark.parametrize("text", ["22.1950", "1963.22", "1963.33", "1950年22月", "1950. 22."])
def test_a_number_over_12_in_a_months_place_is_no_month_nor_an_edtf_season(text: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
