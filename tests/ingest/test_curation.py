"""Re-ingest keeps curators' corrections (legation.ingest.curation): documents of the real FRUS
fixture volume and the seed records are corrected through the admin's change form, then their
source is ingested again, unchanged or changed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from legation.ingest.curation import Conflict
from legation.ingest.readers import read_file
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.models import ChangeLogEntry, Document

from tests.conftest import FIXTURES

FRUS = FIXTURES / "frus" / "frus1917-72PubDip.xml"
SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
D5 = "frus1917-72PubDip-d5"
SEED_1 = "seed-sino-soviet-01"

pytestmark = pytest.mark.django_db


def admin_save(client, identifier: str, *, body: str | None = None, **changes) -> None:
    """Post the admin's change form of a document as a curator would, with ``changes`` to its
    fields and, when given, a new body for its first text; every other value as stored."""
    document = Document.objects.get(identifier=identifier)
    data = {
        "identifier": document.identifier, "title": document.title, "document_type": document.document_type,
        "date_text": document.date_text, "date_edtf": document.date_edtf,
        "place_sent": document.place_sent_id or "", "summary": document.summary, "source_note": document.source_note,
        "classification": document.classification, "source_url": document.source_url, "language": document.language,
        "collections": [c.pk for c in document.collections.all()], "subjects": [s.pk for s in document.subjects.all()],
        "repositories": [r.pk for r in document.repositories.all()], "rights": document.rights, "credit": document.credit,
        "relations": json.dumps(document.relations), "pages": document.pages,
        **changes,
    }  # fmt: skip
    texts, links = list(document.texts.all()), list(document.agent_links.all())
    for prefix, rows in (("texts", texts), ("agent_links", links)):
        data |= {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": len(rows), f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    for i, text in enumerate(texts):
        data |= {
            f"texts-{i}-id": text.pk, f"texts-{i}-document": document.pk, f"texts-{i}-kind": text.kind,
            f"texts-{i}-language": text.language, f"texts-{i}-body": body if body is not None and i == 0 else text.body,
            f"texts-{i}-footnotes": json.dumps(text.footnotes), f"texts-{i}-position": text.position,
        }  # fmt: skip
    for i, link in enumerate(links):
        data |= {
            f"agent_links-{i}-id": link.pk, f"agent_links-{i}-document": document.pk, f"agent_links-{i}-agent": link.agent_id,
            f"agent_links-{i}-role": link.role, f"agent_links-{i}-position": link.position,
        }  # fmt: skip
    response = client.post(f"/admin/records/document/{document.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]  # saved and redirected to the list


def test_saving_a_document_unchanged_in_the_admin_changes_nothing(admin_client):
    # A browser sends a text area's line breaks as CRLF; the stored texts have LF. Saving the form
    # as it came must leave every text as it was, or it would count as a curator's correction.
    ingest_records(read_file(FRUS))
    document = Document.objects.get(identifier=D5)
    body, summary, note = document.texts.get(position=0).body, document.summary, document.source_note
    assert "\n" in body and "\r" not in body
    crlf = {"summary": summary.replace("\n", "\r\n"), "source_note": note.replace("\n", "\r\n")}
    admin_save(admin_client, D5, body=body.replace("\n", "\r\n"), **crlf)
    document.refresh_from_db()
    assert (document.texts.get(position=0).body, document.summary, document.source_note) == (body, summary, note)
    again = ingest_records(read_file(FRUS), source=str(FRUS))
    assert (len(again.unchanged), again.updated, again.conflicts) == (44, [], [])


def write_seed(path: Path, **changes_to_first) -> Path:
    lines = [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines[0].update(changes_to_first)
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def test_corrections_in_the_admin_survive_ingesting_the_unchanged_volume_again(admin_client):
    first = ingest_records(read_file(FRUS))
    assert len(first.added) == 44 and not first.failed
    original = Document.objects.get(identifier=D5).texts.get(position=0).body
    corrected_body = original.replace("Three methods of propaganda", "Three methods of publicity", 1)
    admin_save(admin_client, D5, title="Report From the Naval Attaché in Spain (Decker)", date_edtf="1917-12", body=corrected_body)
    seq = ChangeLogEntry.objects.order_by("-seq").first().seq

    again = ingest_records(read_file(FRUS), source=str(FRUS))
    assert (len(again.unchanged), again.updated, again.added, again.conflicts) == (44, [], [], [])
    document = Document.objects.get(identifier=D5)
    assert document.title == "Report From the Naval Attaché in Spain (Decker)"
    assert (document.date_edtf, document.date_earliest, document.date_latest) == ("1917-12", dt.date(1917, 12, 1), dt.date(1917, 12, 31))
    assert document.date_text == "December 22, 1917"  # the date as written, not corrected, stays the source's
    assert document.texts.get(position=0).body == corrected_body != original
    assert ChangeLogEntry.objects.order_by("-seq").first().seq == seq  # nothing rewritten, nothing to index


def test_the_source_changing_another_field_updates_it_and_keeps_the_correction(admin_client, tmp_path: Path):
    ingest_records(read_file(SEED))
    admin_save(admin_client, SEED_1, title="Telegram, Mao Zedong (Moscow) to the CCP Central Committee")
    changed = write_seed(tmp_path / "seed.jsonl", summary="Mao's instructions on the trade agreement.")

    report = ingest_records(read_file(changed), source=str(changed))
    assert (report.updated, report.conflicts, len(report.unchanged)) == ([SEED_1], [], 9)
    document = Document.objects.get(identifier=SEED_1)
    assert (document.title, document.summary) == (
        "Telegram, Mao Zedong (Moscow) to the CCP Central Committee", "Mao's instructions on the trade agreement.")
    assert ChangeLogEntry.objects.order_by("-seq").first().document_identifier == SEED_1


def test_a_field_both_corrected_and_changed_in_the_source_is_a_conflict_reported_once(admin_client, tmp_path: Path):
    ingest_records(read_file(SEED))
    admin_save(admin_client, SEED_1, title="Telegram, Mao Zedong (Moscow) to the CCP Central Committee")
    changed = write_seed(tmp_path / "seed.jsonl", title="Telegram, Mao Zedong to the CCP Central Committee")

    dry = ingest_records(read_file(changed), source=str(changed), dry_run=True)
    report = ingest_records(read_file(changed), source=str(changed))
    for result in (dry, report):
        assert result.conflicts == [
            Conflict(f"{changed}: {SEED_1}", SEED_1, "title", "Telegram, Mao Zedong to the CCP Central Committee")]
        assert (result.updated, len(result.unchanged)) == ([], 10)
    assert report.conflicts[0].message() == (
        "title was corrected in the admin and the source changed it too (the source now has 'Telegram, Mao Zedong "
        "to the CCP Central Committee'); the correction was kept. To take the source's value, enter it in the admin")
    assert Document.objects.get(identifier=SEED_1).title == "Telegram, Mao Zedong (Moscow) to the CCP Central Committee"

    again = ingest_records(read_file(changed), source=str(changed))
    assert (again.conflicts, again.updated, len(again.unchanged)) == ([], [], 10)  # said once, by the ingest that brought it
    assert Document.objects.get(identifier=SEED_1).title == "Telegram, Mao Zedong (Moscow) to the CCP Central Committee"


def test_once_the_curator_takes_the_sources_value_later_source_changes_apply(admin_client, tmp_path: Path):
    ingest_records(read_file(SEED))
    admin_save(admin_client, SEED_1, summary="A curator's summary.")
    agreeing = write_seed(tmp_path / "agreeing.jsonl", summary="A curator's summary.")  # the source now says the same
    assert ingest_records(read_file(agreeing)).conflicts == []
    later = write_seed(tmp_path / "later.jsonl", summary="The source's next summary.")
    report = ingest_records(read_file(later))
    assert (report.updated, report.conflicts) == ([SEED_1], [])
    assert Document.objects.get(identifier=SEED_1).summary == "The source's next summary."


def test_a_document_stored_before_digests_were_kept_takes_the_source_as_before(tmp_path: Path):
    ingest_records(read_file(SEED))
    Document.objects.update(ingested=None)  # SQL NULL, as migration 0005 leaves an existing archive
    assert Document.objects.filter(ingested__isnull=True).count() == 10
    Document.objects.filter(identifier=SEED_1).update(summary="Changed since, by someone.")
    seq = ChangeLogEntry.objects.order_by("-seq").first().seq

    report = ingest_records(read_file(SEED))
    assert (report.updated, len(report.unchanged), report.conflicts) == ([SEED_1], 9, [])
    assert Document.objects.get(identifier=SEED_1).summary == (
        "Mao gives instructions about the trade agreement about to be negotiated with the Soviet Union.")
    assert Document.objects.filter(ingested__isnull=True).count() == 0  # remembered from now on, unchanged ones too
    assert list(ChangeLogEntry.objects.filter(seq__gt=seq).values_list("document_identifier", flat=True)) == [SEED_1]


def test_a_conflict_in_a_frus_volume_keeps_the_title_and_updates_what_else_the_source_changed(admin_client, tmp_path: Path):
    ingest_records(read_file(FRUS))
    admin_save(admin_client, D5, title="Report From the Naval Attaché in Spain (Decker)")
    changed = tmp_path / FRUS.name
    changed.write_text(FRUS.read_text(encoding="utf-8").replace("5. Report From the Embassy in Spain<note", "5. Report From the American Embassy in Madrid<note", 1), encoding="utf-8")

    report = ingest_records(read_file(changed), source=str(changed))
    assert [c.field for c in report.conflicts] == ["title"]
    # the title names the sender, so the source changed the document's agents too: that is the update
    assert (report.updated, len(report.unchanged), report.curated) == ([D5], 43, [])
    assert report.changed_fields == {D5: ["agents"]}
    assert Document.objects.get(identifier=D5).title == "Report From the Naval Attaché in Spain (Decker)"


def test_corrections_kept_of_an_unchanged_source_are_reported(admin_client):
    ingest_records(read_file(FRUS))
    admin_save(admin_client, D5, title="Report From the Naval Attaché in Spain (Decker)", date_edtf="1917-12")

    report = ingest_records(read_file(FRUS), source=str(FRUS))
    assert (len(report.unchanged), report.updated, report.conflicts) == (44, [], [])
    assert [(f.where, f.reason) for f in report.curated] == [(
        f"{FRUS}: {D5}",
        "title, date_edtf kept as corrected in the admin (the source still gives what it gave before); "
        "to take the source's value again, enter it in the admin",
    )]


def test_printed_pages_corrected_in_the_admin_are_kept_and_a_change_in_the_source_is_a_conflict(admin_client):
    volume = [r for r in read_file(FRUS) if isinstance(r, DocumentRecord)]
    source = [replace(r, pages="9–14" if r.identifier == D5 else "") for r in volume]  # d5's page break 9 comes before it
    ingest_records(source)
    admin_save(admin_client, D5, pages="10–14")  # it begins on page 10

    again = ingest_records(source)
    assert (len(again.unchanged), again.updated, again.conflicts) == (44, [], [])
    assert [(f.where, f.reason) for f in again.curated] == [(
        D5,
        "pages kept as corrected in the admin (the source still gives what it gave before); "
        "to take the source's value again, enter it in the admin",
    )]
    assert Document.objects.get(identifier=D5).pages == "10–14"

    changed = [replace(r, pages="9–15") if r.identifier == D5 else r for r in source]
    report = ingest_records(changed)
    assert (report.conflicts, report.updated, len(report.unchanged)) == ([Conflict(D5, D5, "pages", "9–15")], [], 44)
    assert Document.objects.get(identifier=D5).pages == "10–14"


def test_pages_entered_in_the_admin_of_an_archive_ingested_before_it_stored_pages_are_kept(admin_client):
    # its documents' digests lack "pages" (the field came later): the source's value took the
    # curator's place at the next ingest, as if the curator had never entered it
    def ingested_before_pages() -> None:
        documents = list(Document.objects.all())
        for document in documents:
            del document.ingested["pages"]
        Document.objects.bulk_update(documents, ["ingested"])

    volume = [replace(r, pages="") for r in read_file(FRUS) if isinstance(r, DocumentRecord)]
    ingest_records(volume)
    ingested_before_pages()
    admin_save(admin_client, D5, pages="10–14")

    again = ingest_records(volume)  # the source gives no pages
    assert (len(again.unchanged), again.updated, again.conflicts, [f.where for f in again.curated]) == (44, [], [], [D5])
    assert Document.objects.get(identifier=D5).pages == "10–14"

    ingested_before_pages()
    paged = [replace(r, pages={"frus1917-72PubDip-d1": "1–3", D5: "9–14"}.get(r.identifier, "")) for r in volume]
    report = ingest_records(paged)  # the source gives pages now: those of the others go in
    assert (report.conflicts, report.updated, len(report.unchanged)) == ([Conflict(D5, D5, "pages", "9–14")], ["frus1917-72PubDip-d1"], 43)
    assert dict(Document.objects.exclude(pages="").values_list("identifier", "pages")) == {"frus1917-72PubDip-d1": "1–3", D5: "10–14"}


def test_a_long_value_of_the_source_is_shown_cut_at_a_word_with_an_ellipsis():
    title = "Memorandum of Conversation Between Secretary of State Acheson and the Ambassador of the United Kingdom (Franks)"
    message = Conflict("vol.xml: d1", "d1", "title", title).message()
    assert "(the source now has 'Memorandum of Conversation Between Secretary of State Acheson and the Ambassador…');" in message
    assert Conflict("vol.xml: d1", "d1", "title", "Telegram").message().startswith(
        "title was corrected in the admin and the source changed it too (the source now has 'Telegram');")


def test_a_change_is_shown_where_it_is_in_texts_without_spaces_and_beside_a_text_added():
    """A fresh user: a Chinese text changed near its end, a text without spaces changed at its start,
    and a translation added beside a changed transcript were each shown alike on both sides, or
    with no words at all."""
    from legation.ingest.curation import changes
    from legation.records.document_record import TextRecord

    zh = "第十三届全国人民代表大会第一次会议" * 20 + "国务院总理李克强作政府工作报告"
    old = DocumentRecord(identifier="t", title="t", texts=[TextRecord("transcript", "zh", zh)])
    new = DocumentRecord(identifier="t", title="t", texts=[TextRecord("transcript", "zh", zh.replace("国务院", "國務院"))])
    assert [c.message() for c in changes(old, new)] == [
        "texts − 'transcript (zh): …次会议第十三届全国人民代表大会第一次会议国务院总理李克强作政府工作报告', + 'transcript (zh): …次会议第十三届全国人民代表大会第一次会议國務院总理李克强作政府工作报告'"
    ]
    start = DocumentRecord(identifier="t", title="t", texts=[TextRecord("transcript", "en", "X" + "a" * 500)])
    changed = changes(start, DocumentRecord(identifier="t", title="t", texts=[TextRecord("transcript", "en", "Y" + "a" * 500)]))
    assert [(c.before, c.after) for c in changed] == [(("transcript (en): X" + "a" * 79 + "…",), ("transcript (en): Y" + "a" * 79 + "…",))]
    english = TextRecord("transcript", "en", "Telegram from Moscow. " * 40)
    added = DocumentRecord(identifier="t", title="t", texts=[TextRecord("transcript", "en", english.body + "Ends."), TextRecord("translation", "ru", "Телеграмма")])
    assert [c.message() for c in changes(DocumentRecord(identifier="t", title="t", texts=[english]), added)] == [
        "texts − 'transcript (en): …Telegram from Moscow. ', + 'transcript (en): …Telegram from Moscow. Ends.', "
        "+ 'translation (ru), 10 characters'"
    ]


def test_a_change_as_the_report_file_writes_it_says_before_and_after_of_a_value_removed_and_added_of_a_list():
    # the report's before/after of a list held what was removed and added: "before []" read as "had none" (a fresh user)
    from legation.ingest.curation import changes
    from legation.records.document_record import CollectionRef

    old = DocumentRecord(identifier="t", title="Telegram", collections=[CollectionRef("a", "Papers A")])
    new = DocumentRecord(identifier="t", title="Telegram (draft)", collections=[CollectionRef("a", "Papers A"), CollectionRef("b", "Papers B")])
    gone = DocumentRecord(identifier="t", title="Telegram (draft)", summary="A draft")
    assert [c.as_json() for c in changes(gone, new)][0] == {"field": "summary", "before": "A draft", "after": None}
    assert [c.as_json() for c in changes(old, new)] == [
        {"field": "title", "before": "Telegram", "after": "Telegram (draft)"},
        {"field": "collections", "removed": [], "added": ["Papers B"]},
    ]


def test_a_footnote_changed_added_or_renumbered_is_shown_by_its_mark_with_its_words():
    # a changed note was counted without its words ("transcript (en): 3 notes" → "3 notes, other words"), where a
    # text's change is shown where it is; real notes of FRUS 1961–63 vol. VI, d15 (Kennedy to Khrushchev, May 16, 1961)
    from legation.ingest.curation import changes
    from legation.records.document_record import Footnote
    from tests.conftest import REPO

    volume = REPO / "data" / "demo" / "frus" / "frus1961-63v06.xml.gz"
    stored = next(r for r in read_file(volume) if isinstance(r, DocumentRecord) and r.identifier == "frus1961-63v06-d15")
    text = stored.texts[0]
    notes = text.footnotes
    assert [n.n for n in notes] == ["1", "2", "3"] and len(notes[2].text) > 500

    def with_notes(footnotes: list[Footnote]) -> DocumentRecord:
        return replace(stored, texts=[replace(text, footnotes=footnotes)])

    # a word near the end of a long note: shown from a few words before it, as a text's change is
    fixed = notes[2].text.replace("despite the short notice", "in spite of the short notice")
    assert [c.as_json() for c in changes(stored, with_notes([*notes[:2], Footnote("3", fixed)]))] == [{
        "field": "texts",
        "removed": ["transcript (en), note 3: …meeting on June 3 and 4, despite the short notice, was agreeable. (Telegram 1984…"],
        "added": ["transcript (en), note 3: …meeting on June 3 and 4, in spite of the short notice, was agreeable. (Telegram…"],
    }]  # fmt: skip
    # a note added before the others, which are renumbered with their words kept, each shown with them, and one removed
    added = [Footnote("1", "See Document 6."), *(Footnote(str(int(n.n) + 1), n.text) for n in notes[:2])]
    assert [c.message() for c in changes(stored, with_notes(added))] == [
        "texts − 'transcript (en), note 1: See Document 7.', − 'transcript (en), note 2: See the March 27 memorandum of "
        "conversation in volume V.', − 'transcript (en), note 3: Following transmission of the text of this letter to "
        "Thompson, the Department of…', + 'transcript (en), note 1: See Document 6.', + 'transcript (en), note 2 (was 1): "
        "See Document 7.', + 'transcript (en), note 3 (was 2): See the March 27 memorandum of conversation in volume V.'"
    ]
    # one note inserted before the last: that one note renumbered, said in the singular and with its words (it was
    # "− 'transcript (en), notes 3'", "+ 'transcript (en), notes 4 renumbered'": a plural for one note, a line without words)
    inserted = [*notes[:2], Footnote("3", "See Document 16."), Footnote("4", notes[2].text)]
    assert [c.as_json() for c in changes(stored, with_notes(inserted))] == [{
        "field": "texts",
        "removed": ["transcript (en), note 3: Following transmission of the text of this letter to Thompson, the Department of…"],
        "added": [
            "transcript (en), note 3: See Document 16.",
            "transcript (en), note 4 (was 3): Following transmission of the text of this letter to Thompson, the Department of…",
        ],
    }]  # fmt: skip
    # a note added at the start of many: the rest renumbered alike, shown as one range (they were a line each, 40
    # lines for a note added; a range of three or more in a row, as the FRUS volumes' long texts give them)
    many = [Footnote(str(k), f"See Document {k + 100}.") for k in range(1, 41)]
    shifted = [Footnote("1", "Not printed."), *(Footnote(str(int(n.n) + 1), n.text) for n in many)]
    assert [c.as_json() for c in changes(with_notes(many), with_notes(shifted))] == [{
        "field": "texts",
        "removed": ["transcript (en), notes 1–40: 40 notes, renumbered"],
        "added": ["transcript (en), note 1: Not printed.", "transcript (en), notes 2–41 (were 1–40): the same 40 notes, their words unchanged"],
    }]  # fmt: skip
    # two renumbered alike stay a line each, and a run ends where the numbers do not follow
    gap = [*shifted[:3], *(Footnote(str(int(n.n) + 2), n.text) for n in many[2:7])]  # 1, 2, 3, then 5 to 9
    added = changes(with_notes(many[:7]), with_notes(gap))[0].as_json()["added"]
    assert added == [
        "transcript (en), note 1: Not printed.",
        "transcript (en), note 2 (was 1): See Document 101.",
        "transcript (en), note 3 (was 2): See Document 102.",
        "transcript (en), notes 5–9 (were 3–7): the same 5 notes, their words unchanged",
    ]
    # a note renumbered whose words changed too: its old mark said as well (it was "note 3: …", no word of note 2)
    retold = [Footnote("1", "See Document 6."), Footnote("2", notes[0].text), Footnote("3", notes[1].text.replace("March 27", "March 28"))]
    assert changes(stored, with_notes([*retold, Footnote("4", notes[2].text)]))[0].as_json()["added"] == [
        "transcript (en), note 1: See Document 6.",
        "transcript (en), note 2 (was 1): See Document 7.",
        "transcript (en), note 3 (was 2): See the March 28 memorandum of conversation in volume V.",
        "transcript (en), note 4 (was 3): Following transmission of the text of this letter to Thompson, the Department of…",
    ]


def test_a_note_removed_added_or_renumbered_beside_a_mended_one_is_paired_with_the_note_its_words_come_from(tmp_path: Path):
    # notes in a block that differs were paired by place: with note 2 of d8 deleted and note 3 renumbered 2 and
    # mended, the report read "note 2" rewritten into the old note 3's words and "note 3" removed (a fresh user,
    # the real volume's d8: a note on film exportation, then "Creel did not sign this copy of the letter.")
    D8 = "frus1917-72PubDip-d8"
    ingest_records(read_file(FRUS))
    volume = FRUS.read_text(encoding="utf-8")
    film = volume[volume.index('<note n="2" xml:id="d8fn2">'):]
    film = film[: film.index("</note>") + len("</note>")]

    def dry_run(edited: str) -> list[str]:
        changed = tmp_path / FRUS.name
        changed.write_text(edited.replace("did not sign this copy", "did not initial this copy", 1), encoding="utf-8")
        report = ingest_records(read_file(changed), source=str(changed), dry_run=True)
        assert report.updated == [D8]
        return [c.message() for c in report.changes[D8]]

    # the user's edit: note 2 deleted, note 3 renumbered 2, "did not sign" → "did not initial"
    removed = volume.replace(film, "", 1).replace('<note n="3" xml:id="d8fn3">', '<note n="2" xml:id="d8fn3">', 1)
    assert dry_run(removed) == [
        "texts − 'transcript (en): …upon every exporter.[2]\\n\\nSincerely,\\n\\nChairman[3]', − 'transcript (en), note 2: For the "
        "changing regulations and requirements of film exportation, see Film and…', − 'transcript (en), note 3: Creel did not "
        "sign this copy of the letter.', + 'transcript (en): …upon every exporter.\\n\\nSincerely,\\n\\nChairman[2]', "
        "+ 'transcript (en), note 2 (was 3): Creel did not initial this copy of the letter.'"
    ]
    # a note added before the mended one: that one renumbered 4, the new note 3 added (not note 3 rewritten into it)
    at = volume.index("<p>Sincerely,</p>", volume.index(film))  # d8's, after its note 2
    added = volume[:at] + '<p>Sincerely,<note n="3" xml:id="d8fn2a">See Document 7.</note></p>' + volume[at + len("<p>Sincerely,</p>") :]
    assert dry_run(added.replace('<note n="3" xml:id="d8fn3">', '<note n="4" xml:id="d8fn3">', 1)) == [
        "texts − 'transcript (en): …exporter.[2]\\n\\nSincerely,\\n\\nChairman[3]', − 'transcript (en), note 3: Creel did not "
        "sign this copy of the letter.', + 'transcript (en): …exporter.[2]\\n\\nSincerely,[3]\\n\\nChairman[4]', + 'transcript "
        "(en), note 3: See Document 7.', + 'transcript (en), note 4 (was 3): Creel did not initial this copy of the letter.'"
    ]

    # notes without spaces between words (Chinese) are alike by their characters: 来源 removed, 注 2 renumbered and mended
    from legation.ingest.curation import changes
    from legation.records.document_record import Footnote, TextRecord

    def zh(*notes: str) -> DocumentRecord:
        footnotes = [Footnote(str(k), words) for k, words in enumerate(notes, start=1)]
        return DocumentRecord(identifier="t", title="t", texts=[TextRecord(language="zh", body="正文", footnotes=footnotes)])

    assert changes(zh("来源：外交部档案馆。", "毛泽东未在此件上签字。"), zh("毛泽东未在此件上签名。"))[0].as_json() == {
        "field": "texts",
        "removed": ["transcript (zh), note 1: 来源：外交部档案馆。", "transcript (zh), note 2: 毛泽东未在此件上签字。"],
        "added": ["transcript (zh), note 1 (was 2): 毛泽东未在此件上签名。"],
    }


def test_a_conflict_gives_the_sources_new_value_whole_and_for_a_list_where_it_differs_from_the_archives(admin_client, tmp_path: Path):
    # a summary of two paragraphs was given as "" in a conflict, as only a value of one line was given; a list's
    # conflict (texts, agents) gave "" too, a value it was not, and said no word of what the source has (a fresh user)
    from legation.records.models import DocumentAgent

    ingest_records(read_file(SEED))
    admin_save(admin_client, SEED_1, summary="Mao's instructions for the trade talks.")
    DocumentAgent.objects.filter(document__identifier=SEED_1, role="recipient").delete()  # as the admin's inline leaves it
    seed = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    stalin = {"key": "person:joseph-stalin", "name": "Joseph Stalin", "role": "mentioned", "kind": "person", "names": []}
    two = "Mao gives instructions about the trade agreement.\n\nHe asks for the Soviet draft."
    changed = write_seed(tmp_path / "seed.jsonl", summary=two, agents=[*seed["agents"], stalin])

    report = ingest_records(read_file(changed), source=str(changed))
    summary, agents = report.conflicts
    assert (summary.field, summary.source_value) == ("summary", two) and summary.difference is None
    assert summary.message().startswith(
        "summary was corrected in the admin and the source changed it too (the source now has 'Mao gives instructions about "
        "the trade agreement.\\n\\nHe asks for the Soviet draft.'); the correction was kept."
    )
    assert (agents.field, agents.source_value) == ("agents", None)
    assert agents.message().startswith(
        "agents was corrected in the admin and the source changed it too (the source now also has 'Central Committee of the "
        "Chinese Communist Party (recipient)', 'Joseph Stalin (mentioned)'); the correction was kept."
    )
    assert [link.agent.name for link in DocumentAgent.objects.filter(document__identifier=SEED_1)] == ["Mao Zedong"]  # kept
    # a value the source emptied is said as none (a conflict said nothing of it)
    assert Conflict("seed.jsonl: d1", "d1", "summary", "").message().startswith(
        "summary was corrected in the admin and the source changed it too (the source now has none); the correction was kept."
    )
