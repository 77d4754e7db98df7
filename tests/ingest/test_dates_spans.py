"""Spans of years and qualified spans as archives write them ("1950-52", "Winter 1949-50", "ca. 1950-1955"),
and where such a string is EDTF instead ("1950-12", "1950-21"). Crafted strings: the corpora of
../shared/data write none of them (benchmarks/ingest/dates.py lists what they write)."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import display_date, edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf", "shown"),
    [
        ("1950-52", "1950/1952", "1950 – 1952"),
        ("1949-50", "1949/1950", "1949 – 1950"),
        ("1912-13", "1912/1913", "1912 – 1913"),  # 13 is no month
        ("1919-20", "1919/1920", "1919 – 1920"),  # 20 no month nor grouping (those are 21–41)
        ("1941-42", "1941/1942", "1941 – 1942"),  # 42 past the groupings
        ("1899-00", "1899/1900", "1899 – 1900"),  # into the next century, within ten years
        ("1950-1951", "1950/1951", "1950 – 1951"),
        ("1920–21", "1920/1921", "1920 – 1921"),  # a dash is never ISO 8601: the years whatever the digits
        ("1910 - 11", "1910/1911", "1910 – 1911"),
        ("1920/21", "1920/1921", "1920 – 1921"),
        ("1799/00", "1799/1800", "1799 – 1800"),
    ],
)
def test_two_years_the_second_cut_short_are_an_interval_of_years(text, edtf, shown):
    parsed = parse_archival_date(text)
    assert (parsed, display_date(parsed.edtf)) == (ParsedDate(edtf, False, text), shown)


@pytest.mark.parametrize(
    ("text", "shown", "earliest", "latest"),
    [
        ("1950-12", "December 1950", "1950-12-01", "1950-12-31"),  # ISO 8601 month, EDTF level 0
        ("1910-11", "November 1910", "1910-11-01", "1910-11-30"),  # though 1910–11 would be two years
        ("1950-21", "Spring 1950", "1950-03-01", "1950-05-31"),  # EDTF level 1 season
        ("1920-21", "Spring 1920", "1920-03-01", "1920-05-31"),  # though 1920–21 would be two years
        ("1950-33", "First quarter 1950", "1950-01-01", "1950-03-31"),  # EDTF level 2 sub-year grouping
        ("1940-41", "Second semester 1940", "1940-07-01", "1940-12-31"),
    ],
)
def test_a_hyphen_before_a_month_or_a_grouping_is_edtf_not_two_years(text, shown, earliest, latest):
    parsed = parse_archival_date(text)
    assert (parsed, display_date(parsed.edtf)) == (ParsedDate(text, False, text), shown)
    assert [d.isoformat() for d in edtf_day_bounds(parsed.edtf)] == [earliest, latest]


@pytest.mark.parametrize("text", ["1950-49", "1950-00", "1950-13", "1950-42", "1950-5", "1743/13", "1989-00"])
def test_a_second_year_before_the_first_is_no_span(text):
    # 1950-49 would be 2049; 1989-00 (2000) is over ten years on; one digit after a hyphen may be a month mistyped;
    # 1743/2, no span either, is February 1743 (test_dates_written_forms), as 1743/II is
    assert parse_archival_date(text) == ParsedDate("", True, text)


@pytest.mark.parametrize(
    ("text", "edtf", "shown"),
    [
        ("Winter 1949-50", "1949-12/1950-02", "December 1949 – February 1950"),
        ("winter of 1949/50", "1949-12/1950-02", "December 1949 – February 1950"),
        ("Winter 1949–1950", "1949-12/1950-02", "December 1949 – February 1950"),
        ("hiver 1949-1950", "1949-12/1950-02", "December 1949 – February 1950"),
        ("invierno de 1949/50", "1949-12/1950-02", "December 1949 – February 1950"),
        ("inverno 1949-50", "1949-12/1950-02", "December 1949 – February 1950"),
        ("early winter 1949-50", "1949-12/1950-02", "December 1949 – February 1950"),  # the whole winter, as "early May" is May
    ],
)
def test_a_winter_over_the_new_year_is_december_to_february(text, edtf, shown):
    parsed = parse_archival_date(text)
    assert (parsed, display_date(parsed.edtf)) == (ParsedDate(edtf, False, text), shown)
    assert edtf_day_bounds(parsed.edtf) == (dt.date(1949, 12, 1), dt.date(1950, 2, 28))  # not from 1 January 1949


def test_a_winter_of_one_year_is_either_winter_it_may_be():
    # January–February 1949 or December 1949 to February 1950: the year alone does not say which
    parsed = parse_archival_date("Winter 1949")
    assert (parsed.edtf, edtf_day_bounds(parsed.edtf)) == ("1949-24", (dt.date(1949, 1, 1), dt.date(1950, 2, 28)))


@pytest.mark.parametrize("text", ["Summer 1949-50", "Winter 1949-51", "Winter 1950-49", "Spring 1950/51"])
def test_a_season_over_two_years_other_than_one_winter_is_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


@pytest.mark.parametrize(
    ("text", "edtf", "shown"),
    [
        ("ca. 1950-1955", "1950~/1955~", "1950 (approximate) – 1955 (approximate)"),
        ("ca. 1950–1955", "1950~/1955~", "1950 (approximate) – 1955 (approximate)"),
        ("circa 1950-52", "1950~/1952~", "1950 (approximate) – 1952 (approximate)"),
        ("c. 1950 to 1955", "1950~/1955~", "1950 (approximate) – 1955 (approximate)"),
        ("um 1550-1555", "1550~/1555~", "1550 (approximate) – 1555 (approximate)"),
        ("c1950", "1950~", "1950 (approximate)"),
        ("c.1950", "1950~", "1950 (approximate)"),
        ("ca1950", "1950~", "1950 (approximate)"),
        ("probably 1950", "1950?", "1950?"),
        ("Probably c. 1950", "1950%", "1950? (approximate)"),
        ("possibly May 1950", "1950-05?", "May 1950?"),
        ("vermutlich 1950", "1950?", "1950?"),
        # Latin, French and German words and a tilde, as TEI editions and spreadsheets write them
        ("circiter 1571", "1571~", "1571 (approximate)"),
        ("circ. 1571", "1571~", "1571 (approximate)"),
        ("environ 1571", "1571~", "1571 (approximate)"),  # "env." was taken from it, leaving "iron 1571"
        ("~1571", "1571~", "1571 (approximate)"),  # EDTF level 2 "~1571" means the same: shown in words
        ("?1571", "1571?", "1571?"),
        ("wohl 1571", "1571?", "1571?"),  # German: probably
        ("wohl um 1571", "1571%", "1571? (approximate)"),
        ("circiter 1571-1573", "1571~/1573~", "1571 (approximate) – 1573 (approximate)"),
        ("~1571–1573", "1571~/1573~", "1571 (approximate) – 1573 (approximate)"),
        ("probably 1950-52", "1950?/1952?", "1950? – 1952?"),
        ("probably Spring 1950", "", ""),  # the edtf library has no qualified season (1950-21?), as for "Spring 1950?"
    ],
)
def test_qualifying_words_before_a_date_or_a_span(text, edtf, shown):
    parsed = parse_archival_date(text)
    assert parsed == ParsedDate(edtf, not edtf, text)
    if edtf:
        assert display_date(edtf) == shown
        edtf_day_bounds(edtf)


@pytest.mark.django_db
def test_new_forms_ingest_filter_count_show_and_reingest_unchanged(tmp_path):
    """The forms read since the survey of the corpora, through ingest and search: each is stored with
    its day bounds, matches a date range it overlaps, counts in the year histogram, is shown in words,
    and a second ingest of the unchanged file reports every document unchanged and no date unread."""
    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records
    from legation.records.models import Document
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    table = tmp_path / "forms.csv"
    table.write_text(
        "identifier,title,date\n"
        "n-1,Span report,1950-52\n"
        "n-2,Winter report,Winter 1949-50\n"
        "n-3,Approximate report,ca. 1950-1955\n"
        "n-4,Century report,early 20th century\n"
        "n-5,Half report,first half of 1950\n"
        "n-6,Draft report,1 January 1950 (draft)\n"
        "n-7,Doubt report,\"August 27?, 1956\"\n"
        "n-8,Corrected report,\"January 26 [27], 1955\"\n"
        "n-9,Month report,1950-12\n",
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(table))
    report = next(archive)
    assert (len(report.added), report.failed, report.unread_dates, report.future_dates) == (9, [], [], [])
    stored = {d.identifier: (d.date_edtf, d.date_earliest.isoformat(), d.date_latest.isoformat()) for d in Document.objects.all()}
    assert stored == {
        "n-1": ("1950/1952", "1950-01-01", "1952-12-31"),
        "n-2": ("1949-12/1950-02", "1949-12-01", "1950-02-28"),
        "n-3": ("1950~/1955~", "1950-01-01", "1955-12-31"),
        "n-4": ("19XX", "1900-01-01", "1999-12-31"),
        "n-5": ("1950-40", "1950-01-01", "1950-06-30"),
        "n-6": ("1950-01-01", "1950-01-01", "1950-01-01"),
        "n-7": ("1956-08-?27", "1956-08-27", "1956-08-27"),
        "n-8": ("[1955-01-26,1955-01-27]", "1955-01-26", "1955-01-27"),
        "n-9": ("1950-12", "1950-12-01", "1950-12-31"),
    }
    february = search(SearchRequest(q="report", start_date=dt.date(1950, 2, 1), end_date=dt.date(1950, 2, 28)))
    assert sorted(h.identifier for h in february.hits) == ["n-1", "n-2", "n-3", "n-4", "n-5"]
    spring_1949 = search(SearchRequest(q="report", start_date=dt.date(1949, 3, 1), end_date=dt.date(1949, 6, 30)))
    assert [h.identifier for h in spring_1949.hits] == ["n-4"]  # the winter of 1949-50 begins in December 1949
    shown = {h.identifier: h.date_display for h in search(SearchRequest(q="report", page_size=20)).hits}
    assert shown == {
        "n-1": "1950 – 1952", "n-2": "December 1949 – February 1950", "n-3": "1950 (approximate) – 1955 (approximate)",
        "n-4": "20th century", "n-5": "First semester 1950", "n-6": "January 1, 1950", "n-7": "August 27?, 1956",
        "n-8": "January 26, 1955 or January 27, 1955", "n-9": "December 1950",
    }  # fmt: skip
    years = {y.year: y.count for y in search(SearchRequest(q="report")).years}
    assert (years[1900], years[1949], years[1950], years[1956]) == (1, 2, 7, 2)  # a span counts in each of its years
    again = ingest_records(read_file(table))
    assert (sorted(again.unchanged), again.added, again.updated, again.unread_dates) == (sorted(stored), [], [], [])
    next(archive, None)
