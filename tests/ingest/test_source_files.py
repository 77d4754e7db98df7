"""Which file a document came from: two files of one name in different folders are two sources.

What a file's identity decides (found by reading ``ingest/service.py``): ``--delete-missing`` mirrors
the *collections* the documents read belong to, never a file, so two ``letters.csv`` in two folders
mirror only their own collections whatever their names; the report counts documents by identifier.
The file's identity decides one thing: whether a stored document changed by an ingest came from
another file than it last did (another fonds reusing its identifier), which the report must say."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from legation.ingest.readers import read_file
from legation.ingest.service import delete_missing, ingest_records
from legation.records.models import Document
from tests.conftest import FIXTURES

CLASHES = FIXTURES / "clashes"
MORITZ = FIXTURES / "csv" / "moritz-letters-30.csv"

pytestmark = pytest.mark.django_db


def ingest(path: Path, mapping: str | None = None, **options):
    return ingest_records(read_file(path, mapping), source=str(path), **options)


def _moritz_rows(keep) -> str:
    """The header and the rows of the Moritz fixture whose edition ``keep`` accepts, as CSV text."""
    rows = list(csv.reader(io.StringIO(MORITZ.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows([rows[0], *(r for r in rows[1:] if keep(r[13]))])
    return out.getvalue()


def _two_letters(tmp_path: Path, a: str, b: str) -> tuple[Path, Path]:
    first, second = tmp_path / "a" / "letters.csv", tmp_path / "b" / "letters.csv"
    for path, text in ((first, a), (second, b)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    return first, second


def test_same_named_files_in_two_folders_mirror_only_their_own_collections(tmp_path: Path):
    a, b = _two_letters(tmp_path, _moritz_rows(lambda e: e == "letters-moritz-1"), _moritz_rows(lambda e: e != "letters-moritz-1"))
    assert len(ingest(a, "moritz").added) == 26 and len(ingest(b, "moritz").added) == 4
    others = ["letters-moritz-3-540", "letters-moritz-4-139", "letters-moritz-6-488", "letters-moritz-6-5"]

    again = delete_missing(ingest(a, "moritz"))
    assert len(again.unchanged) == 26 and again.added == again.updated == again.deleted == [] and again.replaced == []
    assert sorted(again.collections) == ["letters-moritz-1"]

    fewer = a.read_text(encoding="utf-8").splitlines(keepends=True)
    a.write_text("".join(line for line in fewer if not line.startswith(('"2",', '"3",'))), encoding="utf-8")
    mirrored = delete_missing(ingest(a, "moritz"))
    assert mirrored.deleted == ["letters-moritz-1-2", "letters-moritz-1-3"] and mirrored.kept == []
    assert sorted(Document.objects.exclude(collections__key="letters-moritz-1").values_list("identifier", flat=True)) == others
    assert Document.objects.count() == 24 + 4


def test_a_same_named_file_of_another_folder_replacing_a_document_is_reported_with_both_folders(tmp_path: Path):
    a, b = _two_letters(tmp_path, (CLASHES / "dup.csv").read_text(encoding="utf-8"), (CLASHES / "other-source.csv").read_text(encoding="utf-8"))
    ingest(a)
    report = ingest(b)
    assert report.updated == ["dup-1"]
    [replaced] = report.replaced
    assert (replaced.previous, replaced.origin) == (a.resolve().as_posix(), b.resolve().as_posix())
    assert replaced.message() == (
        f"dup-1 was last ingested from {a.resolve().as_posix()}; {b.resolve().as_posix()} replaced it "
        "(4 fields changed: title, date_text, date_edtf, texts)"
    )
    assert f"1 last ingested from {a.resolve().as_posix()}, now from {b.resolve().as_posix()}" in " ".join(report.all_notes())
    assert Document.objects.get(identifier="dup-1").ingested_from == b.resolve().as_posix()


def test_the_same_file_from_the_same_place_is_one_source_however_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    a, _ = _two_letters(tmp_path, (CLASHES / "dup.csv").read_text(encoding="utf-8"), "")
    ingest(a)
    monkeypatch.chdir(a.parent)
    a.write_text(a.read_text(encoding="utf-8").replace("First version", "First version, corrected"), encoding="utf-8")
    corrected = ingest(Path("letters.csv"))  # named from its own folder this time
    assert corrected.updated == ["dup-1"] and corrected.replaced == [] and corrected.all_notes() == []
    again = ingest(Path("..") / "a" / "letters.csv")
    assert sorted(again.unchanged) == ["dup-1", "dup-2"] and again.updated == again.added == [] and again.replaced == []
    assert set(Document.objects.values_list("ingested_from", flat=True)) == {a.resolve().as_posix()}


def test_documents_remembering_only_a_file_name_match_it_and_learn_the_folder_at_their_next_ingest(tmp_path: Path):
    a, b = _two_letters(tmp_path, (CLASHES / "dup.csv").read_text(encoding="utf-8"), (CLASHES / "other-source.csv").read_text(encoding="utf-8"))
    ingest(a)
    Document.objects.update(ingested_from="letters.csv")  # as an archive of an earlier Legation holds them
    unchanged = ingest(a)
    assert sorted(unchanged.unchanged) == ["dup-1", "dup-2"] and unchanged.added == unchanged.updated == [] and unchanged.replaced == []
    assert set(Document.objects.values_list("ingested_from", flat=True)) == {a.resolve().as_posix()}

    Document.objects.update(ingested_from="letters.csv")
    changed = ingest(b)  # the old form names no folder: a file of that name is taken for it, as before
    assert changed.updated == ["dup-1"] and changed.replaced == [] and Document.objects.count() == 2
    assert Document.objects.get(identifier="dup-1").ingested_from == b.resolve().as_posix()
