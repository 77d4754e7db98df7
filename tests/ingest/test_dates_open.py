"""Open and unknown interval ends (EDTF 2019 Level 1 "Extended Interval"), sets in words, ISO
date-times, and JSON Lines giving only the date as written: on the Moritz letters and crafted input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from legation.ingest.dates import ParsedDate, dated, parse_archival_date
from legation.records.dates import display_date, edtf_day_bounds
from legation.records.document_record import DocumentRecord, RecordError
from tests.conftest import shared_data

MORITZ = "moritz-saxony-political-correspondence-metadata/letters.csv.gz"


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest"),
    [
        ("/1541-07-18", "1541-07-18", "1541-07-18"),  # Moritz "[1541 kurz vor Juli 18]": not 1531-07-18
        ("1541-09-26/", "1541-09-26", "1541-09-26"),  # "[1541 bald nach September 26]": not 1551-09-26
        ("1552-01/", "1552-01-01", "1552-01-31"),  # the known end keeps its precision (a month), not 1562
        ("../1541-07-18", "1541-07-18", "1541-07-18"),  # open start, which the edtf library puts at -infinity
        ("1547/..", "1547-01-01", "1547-12-31"),
        ("1541-07-18~/", "1541-07-18", "1541-07-18"),
        ("[..1547]", "1547-01-01", "1547-12-31"),  # one of a set: 1547 or earlier
        ("[1760-12..]", "1760-12-01", "1760-12-31"),
        ("[..1547,1550]", "1547-01-01", "1550-12-31"),
        ("1535/1537", "1535-01-01", "1537-12-31"),  # a closed interval is unchanged
    ],
)
def test_an_open_or_unknown_end_counts_as_the_known_end_alone(edtf, earliest, latest):
    assert [d.isoformat() for d in edtf_day_bounds(edtf)] == [earliest, latest]


def test_an_open_end_before_year_1_has_no_days_and_no_known_end_is_refused():
    assert edtf_day_bounds("/-0043") is None
    for value in ("../..", "/", "1950-13/", "/garbage"):
        with pytest.raises(RecordError, match="known end"):
            edtf_day_bounds(value)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [("[..1547]", "[..1547]"), ("1547/..", "1547/.."), ("../1541-07-18", "../1541-07-18")],  # were "1547", "1547/1547", flagged
)
def test_open_edtf_is_kept_as_written(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize(
    ("edtf", "shown"),
    [
        ("[1547,1548]", "1547 or 1548"),  # Moritz "1547/48"
        ("[1544-02,1544-03]", "February 1544 or March 1544"),  # Moritz "[1544 Februar oder März]"
        ("[1552-11,1552-12-07]", "November 1552 or December 7, 1552"),
        ("[1542-05-05,1542-05-06]", "May 5, 1542 or May 6, 1542"),
        ("{1547,1548,1550}", "1547, 1548 and 1550"),
        ("[1667,1668,1670..1672]", "1667, 1668 or 1670 – 1672"),
        ("[..1547]", "1547 or earlier"),
        ("[1760-12..]", "December 1760 or later"),
        ("[1547?,1548~]", "1547? or 1548 (approximate)"),
        ("/1541-07-18", "… – July 18, 1541"),
    ],
)
def test_sets_are_shown_in_words(edtf, shown):
    assert display_date(edtf) == shown


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("1950-02-14T10:00", "1950-02-14"),
        ("1950-02-14T14:00:00", "1950-02-14"),  # as FRUS @when writes it
        ("1950-02-14 10:00:00Z", "1950-02-14"),
        ("1950-02-14T10:00:00.5+01:00", "1950-02-14"),
    ],
)
def test_iso_date_times_keep_the_day(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize("text", ["1950-02-30T10:00", "1950-02-14T25:00", "1950-02-14T10", "1950-02-14T10:00 Uhr"])
def test_impossible_date_times_are_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


def test_json_lines_without_date_edtf_read_the_date_as_written():
    assert dated({"identifier": "x", "title": "t", "date_text": "1950"})["date_edtf"] == "1950"
    assert dated({"identifier": "x", "title": "t", "date_text": "garbage"})["date_edtf"] == ""
    exported = {"identifier": "x", "title": "t", "date_text": "1950", "date_edtf": ""}  # an export of a document left undated
    assert dated(exported) is exported
    assert dated([1]) == [1]


def _moritz_records():
    from legation.ingest.readers import read_file

    return [r for r in read_file(shared_data(MORITZ), "moritz") if isinstance(r, DocumentRecord)]  # not the note on unmapped columns


def test_moritz_open_ends_are_the_known_end():
    """The 116 Moritz letters with an unknown end (45 "/…", 67 "…/" and 4 "…/?", the EDTF draft's
    unknown end) span only their known end."""
    records = _moritz_records()
    assert len(records) == 8935
    starts = [r for r in records if r.date_edtf.startswith("/")]
    ends = [r for r in records if r.date_edtf.endswith("/")]
    assert (len(starts), len(ends)) == (45, 71)
    for r in starts + ends:
        known = r.date_edtf.strip("/")
        assert (r.date_earliest, r.date_latest) == tuple(d.isoformat() for d in edtf_day_bounds(known)), r.identifier
    widest = max(dt.date.fromisoformat(r.date_latest) - dt.date.fromisoformat(r.date_earliest) for r in records if r.date_earliest)
    assert widest.days == 1095  # "[1535-1537]": no letter spans more than three years


@pytest.mark.django_db
def test_moritz_open_ends_do_not_match_far_ranges_and_the_histogram_counts_every_match():
    """Moritz died in 1553: a search of 1555–1570 found 68 letters (the open ends stretched by
    ten years) and counted none in its histogram; July 1541 found 36 and counted 13."""
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    records = [r for r in _moritz_records() if "/" in r.date_edtf and (r.date_edtf.startswith("/") or r.date_edtf.endswith("/"))
               or r.date_earliest[:4] in ("1541", "1552", "1553")]  # fmt: skip
    archive = ingested_archive(records)
    next(archive)
    later = search(SearchRequest(start_date=dt.date(1555, 1, 1), end_date=dt.date(1570, 12, 31)))
    assert (later.total, later.years, later.undated) == (0, [], 0)
    july = search(SearchRequest(start_date=dt.date(1541, 7, 1), end_date=dt.date(1541, 7, 31), page_size=100))
    assert july.total == 14 and [(y.year, y.count) for y in july.years] == [(1541, 14)]
    assert "letters-moritz-1-177" in {h.identifier for h in july.hits}  # "/1541-07-18", by its known end
    january = search(SearchRequest(start_date=dt.date(1552, 1, 1), end_date=dt.date(1552, 1, 31), page_size=100))
    assert "letters-moritz-5-310a1" in {h.identifier for h in january.hits}  # "1552-01/"
    everything = search(SearchRequest())
    assert (everything.total, sum(y.count for y in everything.years), everything.undated) == (len(records), len(records), 0)
    next(archive, None)


@pytest.mark.django_db
def test_csv_date_times_json_lines_date_text_and_sets_end_to_end(tmp_path, client):
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from tests.conftest import ingested_archive

    table = tmp_path / "times.csv"
    table.write_text("identifier,title,date\nt-1,Morning telegram,1950-02-14T10:00\nt-2,Set letter,\"[1547,1548]\"\n", encoding="utf-8")
    lines = tmp_path / "hand.jsonl"
    lines.write_text(
        "\n".join(json.dumps(d) for d in (
            {"identifier": "j-1", "title": "Hand-written year", "date_text": "1950"},
            {"identifier": "j-2", "title": "Hand-written garbage", "date_text": "Mayday 1950"},
            {"identifier": "j-3", "title": "Exported undated", "date_text": "1950", "date_edtf": ""},
        )) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    archive = ingested_archive([*read_file(table), *read_file(lines)])
    report = next(archive)
    assert report.unread_dates == [("j-2", "Mayday 1950")]
    stored = {d.identifier: (d.date_text, d.date_edtf, d.date_earliest, d.date_latest) for d in Document.objects.all()}
    assert stored == {
        "t-1": ("1950-02-14T10:00", "1950-02-14", dt.date(1950, 2, 14), dt.date(1950, 2, 14)),
        "t-2": ("[1547,1548]", "[1547,1548]", dt.date(1547, 1, 1), dt.date(1548, 12, 31)),
        "j-1": ("1950", "1950", dt.date(1950, 1, 1), dt.date(1950, 12, 31)),
        "j-2": ("Mayday 1950", "", None, None),
        "j-3": ("1950", "", None, None),
    }
    page = client.get("/documents/t-2").content.decode()
    assert "<dd>1547 or 1548" in page and "[1547,1548]</code>" in page
    assert "February 14, 1950" in client.get("/documents/t-1").content.decode()
    hits = client.get("/api/search", {"q": "letter"}).json()["hits"]
    assert [(h["identifier"], h["date_display"]) for h in hits] == [("t-2", "1547 or 1548")]
    next(archive, None)


@pytest.mark.django_db
def test_the_migration_narrows_stored_open_dates_and_their_remembered_digest(tmp_path):
    """An archive ingested before: "/1541-07-18" stored as 1531-07-18 to 1541-07-18. After the
    migration it spans its known day, a re-ingest finds the document unchanged (not curated), and
    the change log tells the indexes."""
    import dataclasses
    import importlib

    from django.apps import apps

    from legation.ingest.curation import field_digests
    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records
    from legation.records.models import ChangeLogEntry, Document

    table = tmp_path / "moritz.csv"
    table.write_text(  # letters.csv key 177, vol. 1, as written
        '"key","sender","senderID","senderPlace","senderPlaceID","senderDate","senderDateText","addressee","addresseeID",'
        '"addresseePlace","addresseePlaceID","addresseeDate","addresseeDateText","edition","page","note"\n'
        '"177","Hz. Moritz","http://d-nb.info/gnd/118584138","","","/1541-07-18","[1541 kurz vor Juli 18]","Kf. Johann Friedrich",'
        '"http://d-nb.info/gnd/118558455","","","","","letters-moritz-1","",""\n',
        encoding="utf-8",
    )
    record = next(r for r in read_file(table, "moritz") if isinstance(r, DocumentRecord))
    assert ingest_records([record]).added == ["letters-moritz-1-177"]
    before = dataclasses.replace(record, date_earliest="1531-07-18")
    Document.objects.filter(identifier="letters-moritz-1-177").update(
        date_earliest=dt.date(1531, 7, 18), ingested=field_digests(before)
    )  # as the edtf library's ten years stored it
    seq = ChangeLogEntry.objects.count()
    importlib.import_module("legation.records.migrations.0008_open_date_bounds").narrow_open_dates(apps, None)
    document = Document.objects.get(identifier="letters-moritz-1-177")
    assert (document.date_earliest, document.date_latest) == (dt.date(1541, 7, 18), dt.date(1541, 7, 18))
    assert document.ingested == field_digests(record)
    assert list(ChangeLogEntry.objects.values_list("document_identifier", flat=True)[seq:]) == ["letters-moritz-1-177"]
    again = ingest_records(read_file(table, "moritz"))
    assert (again.unchanged, again.updated, again.conflicts) == (["letters-moritz-1-177"], [], [])


@pytest.mark.django_db
def test_an_unreadable_source_date_is_not_reported_undated_once_a_curator_dated_the_document(tmp_path):
    from django.forms.models import model_to_dict

    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records
    from legation.records.admin import DocumentForm
    from legation.records.models import Document

    table = tmp_path / "unread.csv"
    table.write_text("identifier,title,date\nu-1,Curated report,Mayday 1950\nu-2,Left alone,Mayday 1950\n", encoding="utf-8")
    first = ingest_records(read_file(table))
    assert first.unread_dates == [("u-1", "Mayday 1950"), ("u-2", "Mayday 1950")]
    document = Document.objects.get(identifier="u-1")
    data = {k: v for k, v in model_to_dict(document, fields=list(DocumentForm.base_fields)).items() if v is not None}
    form = DocumentForm(data={**data, "subjects": [], "collections": [], "repositories": [], "date_edtf": "1950-05-01"}, instance=document)
    assert form.is_valid(), form.errors
    form.save()
    for dry_run in (True, False):
        again = ingest_records(read_file(table), dry_run=dry_run)
        assert (again.unread_dates, again.unchanged) == ([("u-2", "Mayday 1950")], ["u-1", "u-2"])
    assert Document.objects.get(identifier="u-1").date_edtf == "1950-05-01"
    assert Document.objects.get(identifier="u-2").date_edtf == ""
