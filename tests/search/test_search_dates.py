"""Uncertain dates: overlap and containment, the year histogram and the undated count."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.errors import InvalidQuery
from legation.records.document_record import DocumentRecord
from legation.search.service import SearchRequest, YearCount, search

DATES = {"year-only": "1949", "month-only": "1949-12", "day": "1949-12-22", "span": "1949-12-20/1950-01-10", "undated": ""}


@pytest.fixture(scope="module")
def dated_index(make_index):
    return make_index(
        [DocumentRecord(identifier=name, title=f"Telegram {name}", date_edtf=edtf).validate() for name, edtf in DATES.items()]
    )


def ids(index, **request) -> list[str]:
    return sorted(h.identifier for h in search(SearchRequest(page_size=100, **request), index).hits)


def test_overlap_keeps_every_date_that_could_fall_in_the_range(dated_index):
    december = dict(start_date=dt.date(1949, 12, 1), end_date=dt.date(1949, 12, 31))
    assert ids(dated_index, **december) == ["day", "month-only", "span", "year-only"]
    assert ids(dated_index, **december, date_match="within") == ["day", "month-only"]
    year_1949 = dict(start_date=dt.date(1949, 1, 1), end_date=dt.date(1949, 12, 31))
    assert ids(dated_index, **year_1949, date_match="within") == ["day", "month-only", "year-only"]
    assert ids(dated_index, start_date=dt.date(1950, 1, 1)) == ["span"]


def test_a_year_only_date_is_not_a_day(dated_index):
    one_day = dict(start_date=dt.date(1949, 6, 1), end_date=dt.date(1949, 6, 1))
    assert ids(dated_index, **one_day) == ["year-only"]
    assert ids(dated_index, **one_day, date_match="within") == []


def test_histogram_counts_each_year_a_date_touches_and_the_undated(dated_index):
    result = search(SearchRequest(), dated_index)
    assert result.years == [YearCount(1949, 4), YearCount(1950, 1)]
    assert result.undated == 1


def test_undated_sort_last_in_both_directions(dated_index):
    for sort in ("date_asc", "date_desc"):
        hits = search(SearchRequest(sort=sort, page_size=100), dated_index).hits
        assert hits[-1].identifier == "undated"


def test_unknown_date_match_is_refused(dated_index):
    with pytest.raises(InvalidQuery, match="overlap"):
        search(SearchRequest(date_match="inside"), dated_index)


def test_one_stray_far_date_does_not_push_the_real_years_off_the_histogram(make_index):
    records = [DocumentRecord(identifier=name, title="Telegram", date_edtf=edtf).validate() for name, edtf in DATES.items()]
    records.append(DocumentRecord(identifier="typo", title="Telegram", date_edtf="2999-01-01").validate())
    result = search(SearchRequest(), make_index(records))
    assert [y.year for y in result.years] == [1949, 1950]
