"""Uncertain dates: overlap and containment, the year histogram and the undated count."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.errors import InvalidQuery
from legation.ingest.readers.tei_frus import read_frus_volume
from legation.records.document_record import DocumentRecord
from legation.search.service import SearchRequest, YearCount, facet_values, search
from tests.conftest import FIXTURES

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


def test_a_date_range_typed_in_the_query_matches_as_the_boxes_ask(dated_index):
    # date_match=within applied to the From and to boxes only: date:1949-12 typed in the box still
    # matched by overlap (found by a fresh user). It is how the search's date ranges match.
    assert ids(dated_index, q="date:1949-12") == ["day", "month-only", "span", "year-only"]
    assert ids(dated_index, q="date:1949-12", date_match="within") == ["day", "month-only"]
    assert ids(dated_index, q="Telegram date:1949-12-20..1950-01-10", date_match="within") == ["day", "span"]
    assert ids(dated_index, q="-date:1949-12", date_match="within") == ["span", "undated", "year-only"]
    assert ids(dated_index, q="date:1949-06-01", date_match="within") == []


def test_a_range_written_as_lucene_writes_one_is_read_as_a_range_and_said_so(dated_index):
    # date:[1949 TO 1950], as Solr and Elasticsearch take it, searched date:1949 and the words "TO 1950]"
    for typed, read in (("date:[1949-12-20 TO 1950-01-10]", "date:1949-12-20..1950-01-10"), ("date:[1950 TO *]", "date:1950..")):
        result = search(SearchRequest(q=f"Telegram {typed}", page_size=100), dated_index)
        assert sorted(h.identifier for h in result.hits) == ids(dated_index, q=f"Telegram {read}") != []
        assert f"{typed} was read as {read}: a range is written with .. between its ends." in result.notice
    assert ids(dated_index, q="date:{1949-12 TO 1949-12}", date_match="within") == ["day", "month-only"]


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


# --- the year facet and the histogram on real records: FRUS 1917–19 and the seed's 1949–50 -----


@pytest.fixture(scope="module")
def two_eras(make_index, make_records):
    return make_index([*make_records(), *read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml")])


# Counted off the records: the FRUS volume has 3 documents of 1917, 29 of 1918, 1 of 1919 and 11
# undated; the seed 3 of 1949 and 7 of 1950.
IN_ORDER = [("1917", 3), ("1918", 29), ("1919", 1), ("1949", 3), ("1950", 7), ("Undated", 11)]


def year_values(result) -> list[tuple[str, int]]:
    return [(v.value, v.count) for v in next(f for f in result.facets if f.name == "year").values]


def test_the_year_facet_lists_years_in_order_not_by_count(two_eras):
    result = search(SearchRequest(), two_eras)
    assert year_values(result) == IN_ORDER
    assert [f.values[0].value for f in result.facets if f.name == "type"] == ["Telegram"]  # other facets: by count


def test_a_selected_year_keeps_the_order_and_every_year_listed(two_eras):
    result = search(SearchRequest(filters={"year": ["1949"]}), two_eras)
    assert result.total == 3
    year = next(f for f in result.facets if f.name == "year")
    assert [(v.value, v.count) for v in year.values] == IN_ORDER  # counted without its own filter
    assert [v.value for v in year.values if v.selected] == ["1949"]


def test_all_values_of_the_year_facet_come_in_order(two_eras):
    assert [(v.value, v.count) for v in facet_values(SearchRequest(), "year", index=two_eras).values] == IN_ORDER
    assert [v.value for v in facet_values(SearchRequest(), "year", contains="19", index=two_eras).values] == [
        "1917", "1918", "1919", "1949", "1950"]


def test_the_histogram_runs_year_by_year_with_gaps_as_zero(two_eras):
    result = search(SearchRequest(), two_eras)
    counts = dict(IN_ORDER)
    assert result.years == [YearCount(year, counts.get(str(year), 0)) for year in range(1917, 1951)]
    assert len(result.years) == 34 and result.years[3] == YearCount(1920, 0)
    assert result.undated == 11


# --- open and unknown ends, wide ranges: the year facet counts what the date filter matches -----

OPEN = {"before": "/1541-07-18", "after": "1541-09-26/", "open": "1541/..", "three-years": "1535/1537", "two-centuries": "1500/1700"}


@pytest.fixture(scope="module")
def open_index(make_index):
    return make_index([DocumentRecord(identifier=name, title="Brief", date_edtf=edtf).validate() for name, edtf in OPEN.items()])


def test_an_open_end_matches_by_its_known_end_only(open_index):
    assert ids(open_index, start_date=dt.date(1541, 7, 18), end_date=dt.date(1541, 7, 18)) == ["before", "open", "two-centuries"]
    assert ids(open_index, start_date=dt.date(1531, 7, 18), end_date=dt.date(1541, 7, 17)) == ["open", "three-years", "two-centuries"]  # "1541/..": all of 1541
    assert ids(open_index, start_date=dt.date(1541, 9, 27), end_date=dt.date(1551, 9, 26)) == ["open", "two-centuries"]  # not "after" (1541-09-26/)
    assert ids(open_index, start_date=dt.date(1541, 1, 1), end_date=dt.date(1541, 12, 31), date_match="within") == ["after", "before", "open"]


def test_each_year_counts_the_documents_its_date_range_matches(open_index):
    result = search(SearchRequest(), open_index)
    assert {y.year: y.count for y in result.years if y.count} == {1500: 1, 1535: 1, 1536: 1, 1537: 1, 1541: 3}
    # a year holds the documents its date range matches; one spanning over 100 years counts in its first year only
    assert ids(open_index, filters={"year": ["1541"]}) == ["after", "before", "open"]
    assert ids(open_index, start_date=dt.date(1541, 1, 1), end_date=dt.date(1541, 12, 31)) == ["after", "before", "open", "two-centuries"]
    assert ids(open_index, filters={"year": ["1536"]}) == ["three-years"]
    assert ids(open_index, filters={"year": ["1500"]}) == ["two-centuries"]


def test_a_span_wider_than_the_histogram_is_drawn_in_bars_of_several_years(make_index):
    # A mixed archive of Moritz's letters (1533-1553) and 20th-century telegrams spans 493 years:
    # the histogram dropped the years beyond 400 bars, so most dated matches were not counted. Now
    # its bars are of two years (1532-1533, …), aligned, and they count every dated match.
    from legation.search import service

    dates = {"m1": "1533-05-01", "m2": "1541-07-18", "m3": "1547", "f1": "1917-03-02", "f2": "1950-02-14", "f3": "2025-01-01"}
    records = [DocumentRecord(identifier=name, title="Letter", date_edtf=edtf).validate() for name, edtf in dates.items()]
    result = search(SearchRequest(), make_index(records))
    assert {y.years for y in result.years} == {2} and len(result.years) <= service.MAX_HISTOGRAM_YEARS
    assert result.years[0].year == 1532 and result.years[-1].year == 2024
    assert sum(y.count for y in result.years) == len(dates)
    assert [(y.year, y.count) for y in result.years if y.count] == [(1532, 1), (1540, 1), (1546, 1), (1916, 1), (1950, 1), (2024, 1)]


def test_a_far_year_of_several_documents_is_a_period_of_the_archive_not_a_stray(make_index):
    # Five letters of 1547 beside telegrams of 1949-1965 were left off the histogram as a stray
    # date, while the year facet listed them: they are now drawn, in bars of two years.
    records = [DocumentRecord(identifier=f"m{n}", title="Letter", date_edtf="1547-05").validate() for n in range(5)]
    records += [DocumentRecord(identifier=f"t{y}", title="Telegram", date_edtf=f"{y}-03-01").validate() for y in range(1949, 1966)]
    years = search(SearchRequest(), make_index(records)).years
    assert (years[0].year, years[-1].year, {y.years for y in years}) == (1546, 1964, {2})
    assert sum(y.count for y in years) == len(records) and years[0].count == 5


def test_of_two_years_far_apart_the_one_with_fewer_documents_is_left_off(make_index):
    records = [DocumentRecord(identifier=f"d{n}", title="Telegram", date_edtf="1950-02-14").validate() for n in range(3)]
    records.append(DocumentRecord(identifier="typo", title="Telegram", date_edtf="2999-01-01").validate())
    assert [(y.year, y.count) for y in search(SearchRequest(), make_index(records)).years] == [(1950, 3)]


def test_the_stray_years_left_off_the_histogram_are_told_with_their_counts(make_index, make_records):
    # A charter of 1066 and a letter of 1541 among the seed's telegrams of 1949-50 were found by the
    # search but drawn nowhere, without a word: the bars fell two short of the total (a fresh user).
    from legation.search.service import years_not_drawn

    seed = make_records()
    far = [DocumentRecord(identifier=name, title="Telegram", date_edtf=edtf).validate() for name, edtf in (("charter", "1066-10-14"), ("letter", "1541-07-18"))]
    result = search(SearchRequest(), make_index([*seed, *far]))
    assert (result.years[0].year, result.years[-1].year) == (1949, 1950)
    assert result.years_left_out == [YearCount(1066, 1), YearCount(1541, 1)]
    assert sum(y.count for y in result.years) + sum(y.count for y in result.years_left_out) + result.undated == result.total == len(seed) + 2
    assert years_not_drawn(result.years_left_out) == "2 documents dated 1066 and 1541 are not drawn (more than 400 years from the other dates)."
    assert years_not_drawn(result.years_left_out[:1], approximate=True).startswith("About 1 document dated 1066 is not drawn")
    assert search(SearchRequest(), make_index(seed)).years_left_out == [] and years_not_drawn([]) == ""


def test_a_date_range_finds_exactly_the_documents_whose_days_it_overlaps(make_index):
    # A closed date range is sought among the documents of its years first (query.years_of), the
    # few spanning more years than their year facet lists (MAX_YEARS_PER_DOCUMENT) beside them.
    # Over two real FRUS volumes and the crafted open and wide dates, every range of many
    # found exactly the documents their days give, by overlap and within.
    import random

    from legation.search import schema
    from tests.conftest import REPO

    records = [r for key in ("frus1949v07p1", "frus1964-68v30") for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{key}.xml.gz")]
    records += [DocumentRecord(identifier=f"wide-{n}", title="Brief", date_edtf=edtf).validate() for n, edtf in enumerate([*OPEN.values(), "1800/1960", "1850/1950-03", "1949/2060"])]
    assert sum(schema.wide_span(r) is not None for r in records) == 4  # two centuries, and three crafted across the volumes' years
    index = make_index(records)
    bounds = {r.identifier: schema.day_bounds_of(r) for r in records}
    rng = random.Random(7)
    days = [b[0] for b in bounds.values() if b] + [dt.date(1949, 1, 1), dt.date(1968, 12, 31)]
    ranges = [tuple(sorted(rng.sample(days, 2))) for _ in range(40)] + [(dt.date(1949, 12, 1), dt.date(1950, 2, 28)), (dt.date(1541, 1, 1), dt.date(1948, 12, 31))]
    for start, end in ranges:
        overlap = sorted(i for i, b in bounds.items() if b and b[0] <= end and b[1] >= start)
        within = sorted(i for i, b in bounds.items() if b and b[0] >= start and b[1] <= end)
        assert every_id(index, start_date=start, end_date=end) == overlap, (start, end)
        assert every_id(index, start_date=start, end_date=end, date_match="within") == within, (start, end)
    assert max(len(every_id(index, start_date=s, end_date=e)) for s, e in ranges) > 100


def every_id(index, **request) -> list[str]:
    """The identifiers of every match of ``request``, all pages read, sorted."""
    first = search(SearchRequest(page_size=100, **request), index)
    pages = [first, *(search(SearchRequest(page_size=100, page=p, **request), index) for p in range(2, first.last_page + 1))]
    return sorted(h.identifier for page in pages for h in page.hits)
