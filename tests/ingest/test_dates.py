"""parse_archival_date on date strings as the corpora write them (source named per case)."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import day_bounds, display_date, edtf_day_bounds
from legation.records.document_record import DocumentRecord, RecordError

CASES = [
    # (text as written, EDTF) — source of the form in the comment
    ("1950", "1950"),
    ("December 1949", "1949-12"),
    ("22 Dec. 1949", "1949-12-22"),
    ("December 22, 1949", "1949-12-22"),  # FRUS datelines
    # FRUS datelines with the time of day (13,165 of the FRUS date texts): the day
    ("October 2, 1968, 1:30 p.m.", "1968-10-02"),
    ("January 16, 1956—7:02 p.m.", "1956-01-16"),
    ("October 23, 1951—1 p. m.", "1951-10-23"),
    ("January 17, 1955—6 p.m", "1955-01-17"),
    ("March 30, 1977, 11:15 a.m.–2:15 p.m.", "1977-03-30"),
    ("January 27, 1975, 12:00–12:40 p.m", "1975-01-27"),
    ("December 28, 1978, 10–11 a.m.", "1978-12-28"),
    ("January 21, 1971, 2200Z", "1971-01-21"),
    ("February 24, 1970, 140Z", "1970-02-24"),
    ("February 15, 1965, noon", "1965-02-15"),
    ("May 12, 1949—noon.", "1949-05-12"),
    ("September 26, 1955-5:18 p.m.", "1955-09-26"),
    ("November 1, 1963. 4 p.m.", "1963-11-01"),
    ("22.XII.1949", "1949-12-22"),
    ("22/XII/1949", "1949-12-22"),  # a Roman month between slashes or hyphens, as between dots
    ("22-XII-1949", "1949-12-22"),
    ("3/IV/1950", "1950-04-03"),
    ("13.11.1989", "1989-11-13"),  # Dodis 49548 history/origin
    ("13. November 1989", "1989-11-13"),  # Dodis 49548 dateline
    ("21. Jänner 1720", "1720-01-21"),  # QhoD vipa letter 1720-01-21 correspAction/date
    ("Dezember 1949", "1949-12"),
    ("22 décembre 1949", "1949-12-22"),
    ("1er janvier 1950", "1950-01-01"),
    ("1533 Januar 6", "1533-01-06"),  # Moritz letters.csv key 2 senderDateText
    ("1552 September 26/Oktober 8", "1552-09-26/1552-10-08"),  # Moritz senderDateText
    ("1547 Juni zwischen 8 und 13", "1547-06-08/1547-06-13"),  # Moritz senderDateText
    ("[1552 April um 20]", "1552-04-20~"),  # Moritz senderDateText
    ("1963.12.17", "1963-12-17"),  # Korean presidential speeches `date`
    ("1981.12", "1981-12"),  # Korean presidential speeches `date`
    ("1950-01-?", "1950-01-XX"),
    ("ca. 1950", "1950~"),
    ("c. 1950?", "1950%"),
    ("[1950?]", "1950?"),
    ("1950 (?)", "1950?"),
    ("1547 ?", "1547?"),
    ("195X", "195X"),
    ("1950s", "195X"),
    ("1743/44", "1743/1744"),
    ("1950-1951", "1950/1951"),  # two years joined by a hyphen (spreadsheets)
    ("31/12/1950", "1950-12-31"),  # day first (British, European)
    ("12/31/1950", "1950-12-31"),  # month first (American)
    ("05/05/1950", "1950-05-05"),  # either order the same day
    ("22-12-1949", "1949-12-22"),  # day first with hyphens (European spreadsheets), as with slashes
    ("12-22-1949", "1949-12-22"),  # month first
    ("05-05-1950", "1950-05-05"),
    ("22-12-1949 – 13-01-1950", "1949-12-22/1950-01-13"),
    ("Y-170000002", "Y-170000002"),  # EDTF's long year, before the year 1
    ("1949-12-22/1950-02-14", "1949-12-22/1950-02-14"),
    ("December 1949 – January 1950", "1949-12/1950-01"),
    ("22–25 December 1949", "1949-12-22/1949-12-25"),
    ("June 7–12, 1965", "1965-06-07/1965-06-12"),  # FRUS <date>: the month borrowed by the second day
    ("December 13 – 15, 1961", "1961-12-13/1961-12-15"),  # FRUS <date>
    ("February 11 to 20, 1720", "1720-02-11/1720-02-20"),  # QhoD <date>
    # a hyphen typed for the dash: a range of days, months, or across months and years (never one day)
    ("December 13-14, 1964", "1964-12-13/1964-12-14"),  # FRUS 1964-68 vol. XI, d56 dateline
    ("December 13–14, 1964", "1964-12-13/1964-12-14"),
    ("September 19-21, 1957", "1957-09-19/1957-09-21"),  # FRUS dateline
    ("June 22-23 1972", "1972-06-22/1972-06-23"),  # FRUS dateline, no comma
    ("February 26-27, 1972, 10:20 p.m.-1:40 a.m.", "1972-02-26/1972-02-27"),  # FRUS: the days, the times dropped
    ("1542 August 22-25", "1542-08-22/1542-08-25"),  # Moritz senderDateText
    ("13-14 December 1964", "1964-12-13/1964-12-14"),
    ("13.-14. Dezember 1964", "1964-12-13/1964-12-14"),
    ("13.-14.12.1964", "1964-12-13/1964-12-14"),
    ("13.–14.12.1964", "1964-12-13/1964-12-14"),
    ("March 30-April 2, 1965", "1965-03-30/1965-04-02"),
    ("December 30, 1964-January 2, 1965", "1964-12-30/1965-01-02"),
    ("30 December 1964-2 January 1965", "1964-12-30/1965-01-02"),  # the day first, as the en-dash form reads
    ("30. Dezember 1964-2. Januar 1965", "1964-12-30/1965-01-02"),
    ("December 30, 1964–January 2, 1965", "1964-12-30/1965-01-02"),
    ("March-April 1950", "1950-03/1950-04"),
    # the year written once, at the end, over the new year: the start in the year before
    ("December 30-January 2, 1965", "1964-12-30/1965-01-02"),
    ("December 30–January 2, 1965", "1964-12-30/1965-01-02"),
    ("30 December-2 January 1965", "1964-12-30/1965-01-02"),
    ("30 December–2 January 1965", "1964-12-30/1965-01-02"),
    ("30. Dezember-2. Januar 1965", "1964-12-30/1965-01-02"),
    ("December-January 1965", "1964-12/1965-01"),
    ("December 21 – January 3, 1918", "1917-12-21/1918-01-03"),  # a dash: a range, not an Old Style / New Style pair
    ("May 5-7, 1955", "1955-05-05/1955-05-07"),
    ("March–April 1950", "1950-03/1950-04"),
    ("Sept.-Oct. 1950", "1950-09/1950-10"),
    ("[December 13-14, 1964]", "1964-12-13/1964-12-14"),
    ("[1552] November 12", "1552-11-12"),
    # EDTF as written in the Moritz CSV senderDate column
    ("1533-01-06", "1533-01-06"),
    ("/1541-07-18", "/1541-07-18"),
    ("[1553-07-15,1553-07-19]", "[1553-07-15,1553-07-19]"),
    ("1547-06-08/1547-06-13", "1547-06-08/1547-06-13"),
    ("1541-07-18/?", "1541-07-18/"),  # EDTF draft "unknown end" → ISO 8601-2 open end
    ("1552-03?", "1552-03?"),
    (" 1989-11-13 ", "1989-11-13"),
    # seasons (EDTF level 1: 21 spring, 22 summer, 23 autumn, 24 winter)
    ("Spring 1950", "1950-21"),
    ("spring of 1950", "1950-21"),
    ("Frühjahr 1950", "1950-21"),
    ("1547 Frühjahr", "1547-21"),  # the Moritz letter index: the season after the year
    ("[1553 Frühjahr]", "1553-21"),
    ("1547 Sommer", "1547-22"),
    ("Summer 1950", "1950-22"),
    ("Fall 1950", "1950-23"),
    ("Herbst 1950", "1950-23"),
    ("hiver 1950", "1950-24"),
    ("1950-21", "1950-21"),  # EDTF as written
    ("1950-33", "1950-33"),  # EDTF level 2: first quarter
    # years before the common era, in astronomical year numbering (1 BC is 0000)
    ("44 BC", "-0043"),
    ("44 B.C.", "-0043"),
    ("44 BCE", "-0043"),
    ("1 BC", "0000"),
    ("753 v. Chr.", "-0752"),
    ("44 a.C.", "-0043"),
    ("15 March 44 BC", "-0043-03-15"),
    ("March 15, 44 B.C.", "-0043-03-15"),
    ("29 February 45 BC", "-0044-02-29"),  # -0044 is a leap year of the proleptic Gregorian calendar
    ("ca. 50 BC", "-0049~"),
    ("50–44 BC", "-0049/-0043"),
    ("13 BC–AD 14", "-0012/0014"),
    ("AD 800", "0800"),
    ("25 December 800 CE", "0800-12-25"),
    ("-0043", "-0043"),  # EDTF as written
    ("-0049/-0043", "-0049/-0043"),
    # month names of more languages; Latin and older German genitives as the QhoD letters write them
    ("6. Merzen 1720", "1720-03-06"),  # QhoD correspAction/date
    ("21. Januarii 1720", "1720-01-21"),  # QhoD
    ("19. Julii 1720.", "1720-07-19"),  # QhoD
    ("16. Aprilis 1720", "1720-04-16"),  # QhoD
    ("3 марта 1950 г.", "1950-03-03"),
    ("3 марта 1950 года", "1950-03-03"),
    ("январь 1950", "1950-01"),
    ("12 янв. 1950", "1950-01-12"),
    ("3 marca 1950 r.", "1950-03-03"),
    ("maj 1950", "1950-05"),
    ("19 Mart 1920", "1920-03-19"),  # Atatürk speeches body_tr
    ("23 Nisan 1920", "1920-04-23"),  # Atatürk speeches body_tr
    ("1 Kasım 1922", "1922-11-01"),  # Atatürk speeches body_tr
    ("29 Ağustos 1922", "1922-08-29"),
    ("1 de mayo de 1950", "1950-05-01"),
    ("25 de abril de 1974", "1974-04-25"),
    ("2024年3月5日", "2024-03-05"),  # PRC government work reports content
    ("1950年3月", "1950-03"),
    ("1950년 6월 25일", "1950-06-25"),  # Korean presidential speeches text
    ("2013. 12. 4.", "2013-12-04"),  # Korean presidential speeches text
    ("1950. 3.", "1950-03"),
]


@pytest.mark.parametrize(("text", "edtf"), CASES)
def test_parses_archival_forms(text, edtf):
    parsed = parse_archival_date(text)
    assert parsed == ParsedDate(edtf, False, text.strip())
    edtf_day_bounds(parsed.edtf)  # every value is EDTF the library accepts (None: before year 1)


@pytest.mark.parametrize("text", ["undated", "Undated", "n.d.", "n. d.", "o. D.", "s.d.", "sans date", "[undated]", "undated.", "Undated.", "[Undated.]", "", None])
def test_undated_is_empty_and_not_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", False, (text or "").strip())


@pytest.mark.parametrize(
    "text",
    [
        "32 December 1949", "1949-02-30", "garbage", "22/12",
        "Spring 1950?",  # the edtf library has no qualified season (1950-21?): not read rather than read as certain
        "0 BC", "29 February 44 BC",  # no year 0 BC; 44 BC (-0043) is no leap year
        "0000", "[0000]", "0000-01-01", "1 January 0000",  # a placeholder for "unknown", not 1 BC (written "1 BC")
        "Mayday 1950", "1950-13", "1950-42",
        "05/06/1950", "05-06-1950",  # 5 June or May 6: not guessed
        "22/XIII/1949", "22/XII-1949",  # no month; two separators
        # a day, then its month after another separator or a dash: they were read as the range from that day to all of
        # its month ("1949-12-22/1949-12", shown "December 22, 1949 – December 1949": a fresh user)
        "22/XII.1949", "22-XII.1949", "22/12.1949", "22-12.1949", "22-December 1949", "22/Dezember 1949", "22 – December 1949",
        "December – 25, 1949",
        "1951-1950",  # an end before its start
        "April 12, 1960, 11", "1950, 12",  # a bare number after a date is no time of day
        "1950-12:30", "February 8—5 p. m.",  # a time after no date of its own: no year
        # a range ending before it starts, written with a hyphen as with a dash
        "December 14-13, 1964", "14-13 December 1964", "14.-13. Dezember 1964", "April-March 1950", "2 January 1965-30 December 1964",
        "January 2, 1965-December 30, 1964", "December 14–13, 1964",
        # hyphens that join no two dates: a word, a Hijri decade of a month (QhoD register: "974 Ramażān 1-10"),
        # no day at all (two years whose second is cut, "1950-51", are read: tests/ingest/test_dates_spans.py)
        "974 Ramażān 1-10", "March 30-31", "30-31 February 1950",
        # a day 0 is no day, as a day 32 is none: "January 0, 1950" was read as January 1950 (a fresh archivist)
        "January 0, 1950", "0 January 1950", "00.01.1950", "Jan 32 1950",
    ],  # fmt: skip
)
def test_unreadable_dates_are_flagged_and_kept(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


def test_precision_is_never_invented():
    assert day_bounds(parse_archival_date("1950").edtf) == day_bounds("1950")
    earliest, latest = day_bounds(parse_archival_date("December 1949").edtf)
    assert (earliest.isoformat(), latest.isoformat()) == ("1949-12-01", "1949-12-31")
    earliest, latest = day_bounds(parse_archival_date("1743/44").edtf)
    assert (earliest.isoformat(), latest.isoformat()) == ("1743-01-01", "1744-12-31")


def test_moritz_letters_edtf_column_all_valid():
    """Every senderDate of the Moritz CSV is EDTF the parser keeps (8,935 letters)."""
    import csv
    import gzip

    from tests.conftest import shared_data

    path = shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    flagged = [r["senderDate"] for r in rows if parse_archival_date(r["senderDate"]).flagged]
    assert len(rows) == 8935
    assert flagged == []


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest", "shown"),
    [
        ("1950-21", "1950-03-01", "1950-05-31", "Spring 1950"),
        ("1950-22", "1950-06-01", "1950-08-31", "Summer 1950"),
        ("1950-23", "1950-09-01", "1950-11-30", "Autumn 1950"),
        # winter 1950 is January–February 1950 or December 1950 to February 1951: not the library's December alone
        ("1950-24", "1950-01-01", "1951-02-28", "Winter 1950"),
        ("1951-24", "1951-01-01", "1952-02-29", "Winter 1951"),
        ("1950-30", "1950-01-01", "1951-02-28", "Summer (southern hemisphere) 1950"),
        ("1950-32", "1950-06-01", "1950-08-31", "Winter (southern hemisphere) 1950"),
        ("1950-33", "1950-01-01", "1950-03-31", "First quarter 1950"),
        ("1950-41", "1950-07-01", "1950-12-31", "Second semester 1950"),
        ("1950-21/1950-23", "1950-03-01", "1950-11-30", "Spring 1950 – Autumn 1950"),
    ],
)
def test_seasons_span_their_months_and_are_shown_by_name(edtf, earliest, latest, shown):
    assert [d.isoformat() for d in day_bounds(edtf)] == [earliest, latest]
    assert display_date(edtf) == shown


@pytest.mark.parametrize(
    ("edtf", "shown"),
    [
        ("-0043", "44 BCE"),
        ("-0043-03-15", "March 15, 44 BCE"),
        ("0000", "1 BCE"),
        ("-0049/-0043", "50 BCE – 44 BCE"),
        ("-0012/0014", "13 BCE – 14"),
        ("-0049~", "50 BCE (approximate)"),
    ],
)
def test_dates_before_year_1_are_valid_without_days(edtf, shown):
    assert edtf_day_bounds(edtf) is None  # no calendar day the record store holds: undated for date filters
    assert display_date(edtf) == shown
    with pytest.raises(RecordError, match="outside the years 1–9999"):
        day_bounds(edtf)


@pytest.mark.parametrize("edtf", ["-0043-02-29", "-0043-13", "0000-02-30", "1950-13", "1950-42"])
def test_impossible_days_and_groupings_are_refused(edtf):
    with pytest.raises(RecordError):
        edtf_day_bounds(edtf)


def test_a_record_dated_before_year_1_keeps_its_date_without_days():
    record = DocumentRecord(identifier="caesar", title="Ides of March", date_text="15 March 44 BC", date_edtf="-0043-03-15").validate()
    assert (record.date_edtf, record.date_earliest, record.date_latest) == ("-0043-03-15", "", "")
    spring = DocumentRecord(identifier="spring", title="A season", date_text="Spring 1950", date_edtf="1950-21").validate()
    assert (spring.date_earliest, spring.date_latest) == ("1950-03-01", "1950-05-31")


@pytest.mark.django_db
def test_seasons_and_dates_before_year_1_ingest_and_search(tmp_path):
    import datetime as dt

    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    table = tmp_path / "dates.csv"
    table.write_text(
        "identifier,title,date\n"
        "s-1,Spring report,Spring 1950\n"
        "s-2,Winter report,Winter 1950\n"
        "s-3,Ides report,15 March 44 BC\n"
        "s-4,Qualified season report,Spring 1950?\n"
        "s-5,Undated report,undated\n"
        "s-6,Report without a date,n.d.\n",
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(table))
    report = next(archive)
    # "undated" and "n.d." are read (no date), not reported as dates Legation could not read
    assert (sorted(report.added), report.failed, report.unread_dates) == (["s-1", "s-2", "s-3", "s-4", "s-5", "s-6"], [], [("s-4", "Spring 1950?")])
    stored = {d.identifier: (d.date_text, d.date_edtf, d.date_earliest, d.date_latest) for d in Document.objects.all()}
    assert stored == {
        "s-1": ("Spring 1950", "1950-21", dt.date(1950, 3, 1), dt.date(1950, 5, 31)),
        "s-2": ("Winter 1950", "1950-24", dt.date(1950, 1, 1), dt.date(1951, 2, 28)),
        "s-3": ("15 March 44 BC", "-0043-03-15", None, None),  # kept as written and as EDTF; no calendar day to filter by
        "s-4": ("Spring 1950?", "", None, None),
        "s-5": ("undated", "", None, None),
        "s-6": ("n.d.", "", None, None),
    }
    april = search(SearchRequest(q="report", start_date=dt.date(1950, 4, 1), end_date=dt.date(1950, 4, 30)))
    assert sorted(h.identifier for h in april.hits) == ["s-1", "s-2"]
    every = search(SearchRequest(q="Ides"))
    assert [(h.identifier, h.date_display) for h in every.hits] == [("s-3", "March 15, 44 BCE")]
    next(archive, None)


@pytest.mark.django_db
def test_a_day_before_its_month_after_another_separator_is_reported_unread_not_stored_as_a_range(tmp_path):
    # "22/XII.1949" was stored as 1949-12-22/1949-12 and shown "December 22, 1949 – December 1949" (a fresh user)
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from tests.conftest import ingested_archive

    table = tmp_path / "mixed.csv"
    table.write_text(
        "identifier,title,date\nm-1,Mixed,22/XII.1949\nm-2,Slashes,22/XII/1949\nm-3,Dash,22-December 1949\nm-4,Days,22–25 December 1949\n",
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(table))
    report = next(archive)
    assert (sorted(report.added), report.unread_dates) == (["m-1", "m-2", "m-3", "m-4"], [("m-1", "22/XII.1949"), ("m-3", "22-December 1949")])
    stored = {d.identifier: (d.date_edtf, d.date_earliest, d.date_latest) for d in Document.objects.all()}
    assert stored == {
        "m-1": ("", None, None),
        "m-2": ("1949-12-22", dt.date(1949, 12, 22), dt.date(1949, 12, 22)),
        "m-3": ("", None, None),
        "m-4": ("1949-12-22/1949-12-25", dt.date(1949, 12, 22), dt.date(1949, 12, 25)),
    }
    next(archive, None)


@pytest.mark.django_db
def test_documents_dated_before_year_1_are_stored_and_the_report_says_they_count_as_undated_in_searches(tmp_path):
    import datetime as dt

    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    lines = tmp_path / "rome.jsonl"
    lines.write_text(
        '{"identifier": "ides", "title": "Ides of March", "date_text": "15 March 44 BC", "language": "en"}\n'  # date read from the text
        '{"identifier": "pharsalus", "title": "Pharsalus report", "date_edtf": "-0047-08-09", "language": "en"}\n'  # EDTF as given
        '{"identifier": "modern", "title": "Modern report", "date_edtf": "1950-03-15", "language": "en"}\n',
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(lines))
    report = next(archive)
    assert (sorted(report.added), report.failed, report.unread_dates) == (["ides", "modern", "pharsalus"], [], [])
    assert report.outside_dates == [("ides", "-0043-03-15"), ("pharsalus", "-0047-08-09")]
    assert report.all_notes() == [
        "dates before the year 1 or after 9999: 2 (e.g. ides: March 15, 44 BCE (EDTF -0043-03-15); "
        "pharsalus: August 9, 48 BCE (EDTF -0047-08-09)); those documents are stored with their dates, "
        "shown as written, but count as undated in date filters, date sorts and the year histogram, which cover the "
        "years 1 to 9999 only; find them by words or other fields"
    ]
    assert [h.identifier for h in search(SearchRequest(q="report", start_date=dt.date(1, 1, 1), end_date=dt.date(1950, 12, 31))).hits] == ["modern"]
    assert len(ingest_records(read_file(lines)).outside_dates) == 2  # said again at each ingest, as unread dates are
    next(archive, None)


@pytest.mark.django_db
def test_the_admin_takes_a_season_or_a_date_before_year_1(seed_archive):
    import datetime as dt

    from django.forms.models import model_to_dict

    from legation.records.admin import DocumentForm
    from legation.records.models import Document

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    data = {k: v for k, v in model_to_dict(document, fields=list(DocumentForm.base_fields)).items() if v is not None}
    data |= {"subjects": [s.pk for s in data.get("subjects", [])], "collections": [c.pk for c in data.get("collections", [])]}
    for edtf, bounds in (("1949-24", (dt.date(1949, 1, 1), dt.date(1950, 2, 28))), ("-0043-03-15", (None, None))):
        form = DocumentForm(data={**data, "date_edtf": edtf}, instance=document)
        assert form.is_valid(), form.errors
        saved = form.save()
        assert (saved.date_edtf, saved.date_earliest, saved.date_latest) == (edtf, *bounds)
    bad = DocumentForm(data={**data, "date_edtf": "-0043-02-29"}, instance=document)
    assert not bad.is_valid() and "is not a real calendar date" in str(bad.errors["date_edtf"])


def test_a_date_in_a_year_to_come_is_flagged_as_a_likely_typo():
    import datetime as dt

    year = dt.date.today().year
    for text in ("2150", "12 March 2150", "2150-03-12", f"{year + 1}", f"1950/{year + 2}", "after 31 December 2150", "Spring 2150", "Y12150"):
        assert parse_archival_date(text) == ParsedDate("", True, text, future=True), text
    assert parse_archival_date("Mayday 2150") == ParsedDate("", True, "Mayday 2150")  # not read at all: not said to be future
    for text, edtf in ((f"{year}", f"{year}"), (f"Winter {year}", f"{year}-24"), (f"1950/{year + 1}", f"1950/{year + 1}"), ("after 1950", "[1951..]")):
        assert parse_archival_date(text) == ParsedDate(edtf, False, text), text  # this year, and a season or interval ending in the next


@pytest.mark.django_db
def test_a_future_date_loads_undated_and_the_report_names_it(tmp_path):
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from tests.conftest import ingested_archive

    table = tmp_path / "future.csv"
    table.write_text("identifier,title,date\nf-1,Typed report,12 March 2150\nf-2,Real report,12 March 1950\n", encoding="utf-8")
    archive = ingested_archive(read_file(table))
    report = next(archive)
    assert (sorted(report.added), report.unread_dates, report.future_dates) == (["f-1", "f-2"], [], [("f-1", "12 March 2150")])
    (note,) = report.all_notes()
    assert note.startswith("dates in a year to come: 1 (e.g. f-1: '12 March 2150'); those documents are stored with the date as written")
    assert "the year is most likely mistyped (2150 for 1950)" in note and "could not read" not in note
    stored = {d.identifier: (d.date_text, d.date_edtf) for d in Document.objects.all()}
    assert stored == {"f-1": ("12 March 2150", ""), "f-2": ("12 March 1950", "1950-03-12")}
    next(archive, None)


@pytest.mark.django_db
def test_an_edtf_date_given_as_such_in_a_year_to_come_is_reported_as_one_read_from_text(tmp_path):
    from legation.ingest.dates import in_year_to_come
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from tests.conftest import ingested_archive

    lines = tmp_path / "future.jsonl"
    lines.write_text(
        '{"identifier": "e-1", "title": "Typed EDTF", "date_edtf": "2150-03-12", "language": "en"}\n'  # no date_text: the EDTF is kept as written
        '{"identifier": "e-2", "title": "Typed both", "date_text": "12 March 2150", "date_edtf": "2150-03-12", "language": "en"}\n'
        '{"identifier": "e-3", "title": "Typed interval", "date_edtf": "1950/2150", "language": "en"}\n'
        '{"identifier": "e-4", "title": "Real EDTF", "date_edtf": "1950-03-12", "language": "en"}\n'
        '{"identifier": "e-5", "title": "Open end", "date_edtf": "1950-03-12/..", "language": "en"}\n'
        # the EDTF in a year to come beside a text that is none: the note named the text, as if it were
        '{"identifier": "e-6", "title": "Typed EDTF only", "date_text": "January 5, 1950", "date_edtf": "2150", "language": "en"}\n',
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(lines))
    report = next(archive)
    assert (sorted(report.added), report.unread_dates) == (["e-1", "e-2", "e-3", "e-4", "e-5", "e-6"], [])
    assert report.future_dates == [("e-1", "2150-03-12"), ("e-2", "12 March 2150"), ("e-3", "1950/2150"), ("e-6", "2150")]
    stored = {d.identifier: (d.date_text, d.date_edtf, d.date_earliest) for d in Document.objects.all()}
    assert stored == {
        "e-1": ("2150-03-12", "", None),
        "e-2": ("12 March 2150", "", None),
        "e-3": ("1950/2150", "", None),
        "e-4": ("", "1950-03-12", dt.date(1950, 3, 12)),
        "e-5": ("", "1950-03-12/..", dt.date(1950, 3, 12)),
        "e-6": ("January 5, 1950", "", None),
    }
    # one rule for both: what parse_archival_date reads from text, and what ingest checks
    assert [in_year_to_come(v) for v in ("2150-03-12", "1950/2150", "1950-03-12", "1950-03-12/..", "-0043")] == [True, True, False, False, False]
    next(archive, None)


@pytest.mark.django_db
def test_a_date_of_unspecified_digits_is_to_come_only_when_its_first_day_is(tmp_path):
    # "21st century" (EDTF 20XX) and "202X" were stored undated as "a year to come": their latest
    # possible day, 2099 or 2029, is the limit of what is known, not a claim about the document
    import datetime as dt

    from legation.ingest.dates import in_year_to_come, parse_archival_date
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from tests.conftest import ingested_archive

    this_decade = f"{dt.date.today().year // 10}X"
    assert [in_year_to_come(v) for v in ("20XX", this_decade, "21XX", "1950/2150")] == [False, False, True, True]
    assert parse_archival_date("21st century").edtf == "20XX" and not parse_archival_date("21st century").flagged
    lines = tmp_path / "unspecified.jsonl"
    lines.write_text(
        '{"identifier": "u-1", "title": "Typed EDTF", "date_edtf": "20XX", "language": "en"}\n'
        '{"identifier": "u-2", "title": "As written", "date_text": "21st century", "language": "en"}\n'
        '{"identifier": "u-3", "title": "Next century", "date_edtf": "21XX", "language": "en"}\n',
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(lines))
    report = next(archive)
    assert report.future_dates == [("u-3", "21XX")] and report.unread_dates == []
    stored = {d.identifier: (d.date_edtf, d.date_earliest) for d in Document.objects.all()}
    assert stored == {"u-1": ("20XX", dt.date(2000, 1, 1)), "u-2": ("20XX", dt.date(2000, 1, 1)), "u-3": ("", None)}
    next(archive, None)


@pytest.mark.parametrize("edtf", ["1990/1989", "1989-11-20/1989-11-10", "1950-02/1950-01"])
def test_an_interval_ending_before_it_starts_is_no_date(edtf: str):
    # the edtf library takes them, bounded backwards: a document from 1990 to 1989 matched no date range and sorted oddly
    with pytest.raises(RecordError, match=rf"^date '{edtf}' ends before it starts; write the earlier date first \({edtf.split('/')[1]}/{edtf.split('/')[0]}\)$"):
        edtf_day_bounds(edtf)
    assert parse_archival_date(edtf) == ParsedDate("", True, edtf)
    assert parse_archival_date("20 November 1989 - 10 November 1989").edtf == ""


@pytest.mark.shared_data
def test_frus_datelines_with_a_hyphen_read_as_the_edition_encodes_them():
    """The edition's own @from/@to and the dateline as printed give one interval; "[Undated.]" is undated."""
    from legation.ingest.readers import read_file
    from tests.conftest import shared_data

    volume = {r.identifier: r for r in read_file(shared_data("frus/volumes/frus1964-68v11.xml.gz"), None) if isinstance(r, DocumentRecord)}
    d56 = volume["frus1964-68v11-d56"]
    assert (d56.date_text, d56.date_edtf) == ("December 13-14, 1964", "1964-12-13/1964-12-14")
    assert parse_archival_date(d56.date_text) == ParsedDate(d56.date_edtf, False, d56.date_text)
    undated = [r for r in read_file(shared_data("frus/volumes/frus1958-60v01.xml.gz"), None) if getattr(r, "date_text", "") == "[Undated.]"]
    assert len(undated) == 1 and parse_archival_date(undated[0].date_text) == ParsedDate("", False, "[Undated.]")


@pytest.mark.django_db
def test_a_date_as_written_in_other_years_than_its_edtf_date_is_stored_as_given_and_named(tmp_path):
    # two columns saying 22.XII.1949 and 1975 were stored silently: the page showed one date, filters used the other
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from tests.conftest import ingested_archive

    table = tmp_path / "dates.csv"
    table.write_text(
        "identifier,title,date text,date\n"
        "a-1,Typed report,22.XII.1949,1975\n"
        "a-2,Approximate,ca. 1950,1950-12-22\n"  # within what the text says: agrees
        "a-3,Two years,1743/44,1744-02-02\n"  # 1744 is one of the years written
        "a-4,Old Style,10 February 1720/21,1721-02-21\n"  # no year of the EDTF written, but read as that day
        'a-5,Another year,"January 5, 1950",1949-01-05\n',
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(table))
    report = next(archive)
    assert report.failed == [] and [where for where, _ in report.dates_apart] == ["a-1", "a-5"]
    assert [both for _, both in report.dates_apart] == [("22.XII.1949", "1949-12-22", "1975"), ("January 5, 1950", "1950-01-05", "1949-01-05")]
    (note,) = [n for n in report.all_notes() if n.startswith("dates as written")]
    assert note.startswith("dates as written in other years than their EDTF dates: 2 (e.g. a-1: '22.XII.1949' reads as 1949-12-22, the EDTF date is 1975; a-5:")
    assert Document.objects.get(identifier="a-1").date_edtf == "1975"  # stored as given
    next(archive, None)


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [("1960-01-01", "1940-01-01"), ("1950-01-01", ""), ("1949-01-01", "1950-12-31")],
)
def test_earliest_and_latest_days_are_always_those_of_the_edtf_date(earliest, latest):
    # "1950" given with 1960-01-01 … 1940-01-01 showed as 1950 and was found in no year; an export whose
    # date_edtf is edited keeps its old days: they are derived from date_edtf, whatever a line gives
    record = DocumentRecord(identifier="d-1", title="t", date_edtf="1950", date_earliest=earliest, date_latest=latest).validate()
    assert (record.date_earliest, record.date_latest) == ("1950-01-01", "1950-12-31")
    before_year_1 = DocumentRecord(identifier="d-2", title="t", date_edtf="-0043-03-15", date_earliest="0001-01-01", date_latest="0001-12-31")
    assert (before_year_1.validate().date_earliest, before_year_1.date_latest) == ("", "")
