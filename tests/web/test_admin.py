"""The curators' admin: a document's EDTF date edited in the form sets the first and last possible
days that date filters and the histogram use, and an invalid EDTF is refused with a hint."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from django.forms.models import model_to_dict

from legation.records.document_record import AgentRef, CollectionRef, DocumentRecord
from legation.records.models import Document


def _form_data(form_class, document: Document, **changes) -> dict:
    data = {k: v for k, v in model_to_dict(document, fields=list(form_class.base_fields)).items() if v is not None}
    data["subjects"] = [s.pk for s in data.get("subjects", [])]
    data["collections"] = [c.pk for c in data.get("collections", [])]
    data["repositories"] = [r.pk for r in data.get("repositories", [])]
    return {**data, **changes}


def test_editing_the_edtf_date_moves_the_document_in_date_filters(seed_archive, rf, admin_user, client):
    from django.contrib.admin.sites import site

    admin = site._registry[Document]
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    request = rf.post("/")
    request.user = admin_user
    form_class = admin.get_form(request, document)

    form = form_class(data=_form_data(form_class, document, date_text="February 1962", date_edtf="1962-02"), instance=document)
    assert form.is_valid(), form.errors
    admin.save_model(request, admin.save_form(request, form, change=True), form, change=True)
    document.refresh_from_db()
    assert (document.date_earliest, document.date_latest) == (dt.date(1962, 2, 1), dt.date(1962, 2, 28))

    undated = form_class(data=_form_data(form_class, document, date_edtf=""), instance=document)
    assert undated.is_valid(), undated.errors
    assert undated.save().date_earliest is None

    bad = form_class(data=_form_data(form_class, document, date_edtf="1962-13"), instance=document)
    assert not bad.is_valid() and "leave it empty for an undated document" in str(bad.errors["date_edtf"])


def test_the_change_page_shows_the_derived_days_read_only(seed_archive, admin_client):
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    page = admin_client.get(f"/admin/records/document/{document.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200 and 'name="date_edtf"' in html
    assert 'name="date_earliest"' not in html and "Date earliest" in html


def _document_form(rf, admin_user, identifier: str = "seed-sino-soviet-01"):
    """The document ``identifier`` and the admin's form class for it, as a change page makes it."""
    from django.contrib.admin.sites import site

    document = Document.objects.get(identifier=identifier)
    request = rf.post("/")
    request.user = admin_user
    return document, site._registry[Document].get_form(request, document)


def test_related_documents_must_be_a_list_of_identifiers(seed_archive, rf, admin_user):
    document, form_class = _document_form(rf, admin_user)

    for value, message in (
        ('"seed-sino-soviet-02"', "Enter a JSON list of document identifiers"),
        ('["seed sino soviet 02"]', "is not a document identifier"),
        ('{"a": 1}', "Enter a JSON list of document identifiers"),
        # the document itself, in any case, or more than a document may have, were saved, and the
        # archive's export then failed to ingest (a fresh user)
        ('["seed-sino-soviet-01"]', "is this document itself"),
        ('["SEED-SINO-SOVIET-01"]', "is this document itself"),
        (json.dumps([f"d-{n}" for n in range(20_001)]), "20,001 related documents are more than the 20,000 a document may have"),
    ):
        form = form_class(data=_form_data(form_class, document, relations=value), instance=document)
        assert not form.is_valid() and message in str(form.errors["relations"]), value
    empty = form_class(data=_form_data(form_class, document, relations=""), instance=document)
    assert empty.is_valid(), empty.errors
    assert empty.save().relations == []  # an empty box: no related documents, not null
    good = form_class(data=_form_data(form_class, document, relations='["seed-sino-soviet-02", "seed-sino-soviet-03", "seed-sino-soviet-02", "SEED-SINO-SOVIET-03"]'), instance=document)
    assert good.is_valid(), good.errors
    good.save()
    document.refresh_from_db()
    assert document.relations == ["seed-sino-soviet-02", "seed-sino-soviet-03"]  # each once, as ingest keeps them


def test_a_stored_documents_identifier_cannot_be_changed_and_a_new_one_must_be_valid(seed_archive, admin_client):
    """The identifier is the permalink: renaming it in the admin left the old one in the search
    index, linking to a 404; one with a slash or a space made the document unreachable."""
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    page = admin_client.get(f"/admin/records/document/{document.pk}/change/").content.decode()
    assert 'name="identifier"' not in page and "seed-sino-soviet-01" in page  # shown, not editable

    add = admin_client.get("/admin/records/document/add/").content.decode()
    assert 'name="identifier"' in add
    for bad in ("new id/with slash", "a b", "..", "a?b"):
        answer = admin_client.post("/admin/records/document/add/", {
            "identifier": bad, "title": "A note", "language": "en", "relations": "[]",
            "texts-TOTAL_FORMS": 0, "texts-INITIAL_FORMS": 0, "agent_links-TOTAL_FORMS": 0, "agent_links-INITIAL_FORMS": 0,
        })  # fmt: skip
        assert answer.status_code == 200 and "Enter an identifier of 1–200 characters" in answer.content.decode(), bad
    assert not Document.objects.filter(title="A note").exists()


# The date as written and the EDTF date, posted through the real admin change form (seed-sino-soviet-01 is
# dated "1949-12-22", EDTF 1949-12-22): they are kept saying one date, as ingest keeps them.


def _post_change(client, document: Document, **changes):
    """Post the admin's change form of ``document`` as a browser sends it, with ``changes``; returns the answer."""
    import json

    from django.contrib.admin.sites import site

    form_class = site._registry[Document].form
    data = _form_data(form_class, document, **changes)
    data["relations"] = json.dumps(data.get("relations") or [])
    data.update({"texts-TOTAL_FORMS": 0, "texts-INITIAL_FORMS": 0, "agent_links-TOTAL_FORMS": 0, "agent_links-INITIAL_FORMS": 0})
    return client.post(f"/admin/records/document/{document.pk}/change/", data, follow=True)


def _found_in(client, month: str) -> list[str]:
    """The identifiers the search API finds dated within ``month`` (YYYY-MM), after the index follows the change log."""
    from legation.search.follower import follow_once

    follow_once()
    answer = client.get(f"/api/search?start_date={month}&end_date={month}&page_size=100")
    return [hit["identifier"] for hit in answer.json()["hits"]]


def test_a_date_as_written_changed_alone_is_read_again_and_the_index_follows(seed_archive, admin_client):
    from legation.records.models import ChangeLogEntry

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    last = ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    answer = _post_change(admin_client, document, date_text="14 February 1950")
    assert answer.status_code == 200 and answer.redirect_chain, answer.content.decode()[:2000]
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf) == ("14 February 1950", "1950-02-14")
    assert (document.date_earliest, document.date_latest) == (dt.date(1950, 2, 14), dt.date(1950, 2, 14))
    assert list(ChangeLogEntry.objects.filter(seq__gt=last).values_list("document_identifier", "operation")) == [
        ("seed-sino-soviet-01", "upsert")
    ]
    assert "seed-sino-soviet-01" in _found_in(admin_client, "1950-02")
    assert "seed-sino-soviet-01" not in _found_in(admin_client, "1949-12")


def test_a_date_as_written_made_less_precise_alone_keeps_the_edtf_date_within_it_as_ingest_does(seed_archive, admin_client):
    # "November 12, 1949." beside 1949-11-12, the text changed to "November 1949": the admin made the EDTF date
    # 1949-11 (the whole month), where ingest keeps an editor's day within the text's days (a fresh curator)
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    document.date_text, document.date_edtf = "November 12, 1949.", "1949-11-12"
    document.save()
    answer = _post_change(admin_client, document, date_text="November 1949")
    assert answer.status_code == 200 and answer.redirect_chain, answer.content.decode()[:2000]
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest) == ("November 1949", "1949-11-12", dt.date(1949, 11, 12))
    # a text reading as other days still moves the date with it
    _post_change(admin_client, document, date_text="December 1949")
    document.refresh_from_db()
    assert (document.date_edtf, document.date_earliest, document.date_latest) == ("1949-12", dt.date(1949, 12, 1), dt.date(1949, 12, 31))


def test_printed_pages_that_are_no_pages_are_refused_by_their_field_and_pages_are_saved_for_the_index(seed_archive, admin_client):
    # what ingest refuses in a source ("pp. 12") saved here would make the archive's export fail to ingest again
    from legation.records.models import ChangeLogEntry

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    rule = 'give the page that prints it, 287, or the first and last joined by a dash, 287–289 (no "p." or "pp."), or leave it empty'
    refused = {
        "12, 14": rule, "12–14–16": rule, "pp. 12, 14": rule,
        "0": f"pages are numbered from 1 to 99,999; {rule}",
        # typed the wrong way round it was found on page 91 and page 100, not on 290
        "291–289": "the range ends before it starts; write its first page first (289–291), or correct the page misprinted",
    }  # fmt: skip
    for bad, problem in refused.items():
        answer = _post_change(admin_client, document, pages=bad)
        page = html.unescape(answer.content.decode())
        assert answer.status_code == 200 and not answer.redirect_chain, bad
        error = re.search(r'<ul class="errorlist" id="id_pages_error"><li>(.*?)</li></ul>', page)
        assert error and error[1] == f"“{bad}”: {problem}.", bad
    document.refresh_from_db()
    assert document.pages == ""
    last = ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    saved = _post_change(admin_client, document, pages=" 287–289 ")
    assert saved.redirect_chain, saved.content.decode()[:2000]
    document.refresh_from_db()
    assert document.pages == "287–289"
    assert list(ChangeLogEntry.objects.filter(seq__gt=last).values_list("document_identifier", "operation")) == [("seed-sino-soviet-01", "upsert")]
    # as a citation writes them (it was refused: "no p. or pp."), saved as pages
    assert _post_change(admin_client, document, pages="pp. 1,099–1,101").redirect_chain
    document.refresh_from_db()
    assert document.pages == "1099–1101"


def test_the_warning_on_a_date_in_numbers_left_unread_says_why_as_the_report_does(seed_archive, admin_client):
    # 22-12-49 said "could not be read as a date" alone, where the ingest report, the page and the search say why (a fresh user)
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    for text, why in (
        ("22-12-49", "the year 49 has two digits, and its century would be a guess: write the year in four digits"),
        ("05/06/1949", "05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("1949/IV.31", "31 is not a day of April 1949, which has 30"),
    ):
        answer = _post_change(admin_client, document, date_text=text)
        page = html.unescape(answer.content.decode())
        assert answer.redirect_chain and f"The date as written, “{text}”, could not be read as a date ({why}): the document is kept undated" in page
        document.refresh_from_db()
        assert (document.date_text, document.date_edtf, document.date_earliest) == (text, "", None)


def test_a_date_as_written_that_reads_as_no_date_leaves_the_document_undated_with_a_warning(seed_archive, admin_client):
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    answer = _post_change(admin_client, document, date_text="am Tag nach Martini")
    page = html.unescape(answer.content.decode())
    assert answer.redirect_chain and "could not be read as a date: the document is kept undated" in page
    assert "Write it as 1950-02-14, 14 February 1950 or 14.02.1950, or enter its EDTF date" in page
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest, document.date_latest) == ("am Tag nach Martini", "", None, None)
    assert "seed-sino-soviet-01" not in _found_in(admin_client, "1949-12")

    future = _post_change(admin_client, document, date_text="2150-12-22")
    assert "is in a year to come (a typo, as 2150 for 1950?)" in html.unescape(future.content.decode())
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest) == ("2150-12-22", "", None)

    dated = _post_change(admin_client, document, date_edtf="1949-12-22")  # the curator dates what no reader could
    assert dated.redirect_chain and "undated" not in dated.content.decode()
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest) == ("2150-12-22", "1949-12-22", dt.date(1949, 12, 22))


def test_an_edtf_date_disagreeing_with_the_date_as_written_is_refused_on_its_field(seed_archive, admin_client):
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    for changes in ({"date_edtf": "1962-02"}, {"date_text": "Feb. 1950", "date_edtf": "1950-03"}):
        answer = _post_change(admin_client, document, **changes)
        page = html.unescape(answer.content.decode())
        assert answer.status_code == 200 and not answer.redirect_chain, changes
        assert "Correct the date as written too, so that the document's page and its date filters say one date" in page
        document.refresh_from_db()
        assert (document.date_text, document.date_edtf, document.date_earliest) == ("1949-12-22", "1949-12-22", dt.date(1949, 12, 22))
    [message] = [m for m in page.split("errorlist") if "is not the date written" in m]
    assert "1950-03 (March 1950) is not the date written in “date as written”, “Feb. 1950”, which reads as 1950-02 (February 1950)" in message

    bad = _post_change(admin_client, document, date_text="March 1950", date_edtf="1950-13")
    assert not bad.redirect_chain and "leave it empty for an undated document" in bad.content.decode()

    both = _post_change(admin_client, document, date_text="ca. März 1950", date_edtf="1950-03-15?")  # within it: a curator's precision
    assert both.redirect_chain
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest) == ("ca. März 1950", "1950-03-15?", dt.date(1950, 3, 15))
    assert "seed-sino-soviet-01" in _found_in(admin_client, "1950-03")


def _listed(page) -> list[str]:
    """The identifiers of an admin list of documents, in its order."""
    return re.findall(r'<th class="field-identifier"><a href="[^"]*">([^<]+)</a></th>', page.content.decode())


def test_searching_the_admin_for_an_identifier_lists_that_document_first(demo_volume_archive, admin_client):
    # ?q=frus1949v07p1-d1 listed the 111 documents holding those letters by date, the document itself 18th
    from legation.ingest.readers.tei_frus import read_frus_volume
    from tests.conftest import REPO

    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1949v07p1.xml.gz"))
    holding = {r.identifier for r in records if any("frus1949v07p1-d1" in (v or "").lower() for v in (r.identifier, r.title, r.summary))}
    assert len(holding) == 111  # d1, d10 … d19, d100 … d199
    by_date = sorted(Document.objects.filter(identifier__in=holding), key=lambda d: (d.date_earliest or dt.date.min, d.identifier))
    assert [d.identifier for d in by_date].index("frus1949v07p1-d1") > 0  # not first by date alone
    for q in ("frus1949v07p1-d1", "FRUS1949V07P1-D1", '"frus1949v07p1-d1"', "  frus1949v07p1-d1 "):
        page = admin_client.get("/admin/records/document/", {"q": q})
        listed = _listed(page)
        assert page.status_code == 200 and "111 results" in page.content.decode(), q
        assert listed[0] == "frus1949v07p1-d1" and len(listed) == 100 and set(listed) <= holding, q
        everything = listed + _listed(admin_client.get("/admin/records/document/", {"q": q, "p": "2"}))
        assert sorted(everything) == sorted(holding), q  # the second page holds the rest, the first not again
    # the rest keep the model's order, by date then identifier, as a search naming no identifier has it
    plain = _listed(admin_client.get("/admin/records/document/", {"q": "frus1949v07p1-d1 frus1949v07p1"}))
    first = _listed(admin_client.get("/admin/records/document/", {"q": "frus1949v07p1-d1"}))
    assert first[1:] == [i for i in plain if i != "frus1949v07p1-d1"][:99]


def test_a_language_that_is_no_code_is_refused_saying_what_to_write(seed_archive, rf, admin_user):
    # "klingon" was saved, and the document's page then marked its text lang="und"
    document, form_class = _document_form(rf, admin_user)
    bad = form_class(data=_form_data(form_class, document, language="klingon"), instance=document)
    assert not bad.is_valid()
    assert bad.errors["language"] == [
        "“klingon” is no language code; write a BCP 47 language tag, an ISO 639 code with optional script or region "
        "(en, de, fr, ru, zh-Hant, ota for Ottoman Turkish; und when the language is unknown)."
    ]
    for typed, stored in (("ru", "ru"), ("zh_hant", "zh-Hant"), ("iw", "he"), ("ota", "ota")):
        form = form_class(data=_form_data(form_class, document, language=typed), instance=document)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["language"] == stored


def test_a_text_language_that_is_no_code_is_refused(seed_archive):
    from django.forms import modelform_factory

    from legation.records.admin import TextForm
    from legation.records.models import Text

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    text = Text.objects.create(document=document, kind="translation", language="ru", body="Телеграмма", position=1)
    form_class = modelform_factory(Text, form=TextForm, fields="__all__")  # as the inline makes it
    data = {k: v for k, v in model_to_dict(text, fields=list(form_class.base_fields)).items() if v is not None}
    data["footnotes"] = "[]"
    bad = form_class(data={**data, "language": "klingon"}, instance=text)
    assert not bad.is_valid() and "“klingon” is no language code; write a BCP 47 language tag" in bad.errors["language"][0]
    good = form_class(data={**data, "language": "zh_hant"}, instance=text)
    assert good.is_valid(), good.errors
    assert good.cleaned_data["language"] == "zh-Hant"


def _text_form(**changes):
    from django.forms import modelform_factory

    from legation.records.admin import TextForm
    from legation.records.models import Text

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    text = Text.objects.create(document=document, kind="translation", language="ru", body="Телеграмма", position=1)
    form_class = modelform_factory(Text, form=TextForm, fields="__all__")  # as the inline makes it
    data = {k: v for k, v in model_to_dict(text, fields=list(form_class.base_fields)).items() if v is not None}
    return form_class(data={**data, "footnotes": "[]", **changes}, instance=text)


def test_footnotes_of_another_shape_are_refused_on_their_field(seed_archive):
    # {"a": 1} was saved, and every node's index stopped at the document; export, reindex and copy-archive failed
    nested = "[" * 3000 + "]" * 3000
    for footnotes, said in [
        ('{"a": 1}', "The footnotes are an object, not a list."),
        ('["a", 1, null]', 'Footnote 1 is "a".'),
        ('[{"n": "1"}]', 'Footnote 1 is {"n": "1"}.'),
        ('[{"n": {"x": 1}, "text": 5}]', 'Footnote 1 is {"n": {"x": 1}, "text": 5}.'),
        ('[{"n": "1", "text": "a\\u0000b"}]', "Footnote 1: Footnote holds the control character U+0000"),
        ('[{"n": "1", "text": "' + "x" * 100_001 + '"}]', "Footnote 1: Footnote is 100,001 characters, more than the 100,000 allowed"),
        (nested, "This JSON is nested too deeply to read; enter it as the help below the box shows."),
        ('"abc"', "The footnotes are a text, not a list."),
        # a key given twice was saved with its last value, where ingest refuses it
        ('[{"n": "1", "text": "a", "text": "b"}]', 'The key "text" is given twice in one object: JSON keeps only the last value'),
    ]:
        form = _text_form(footnotes=footnotes)
        assert not form.is_valid() and form.errors["footnotes"][0].startswith(said), (footnotes[:40], form.errors)
    good = _text_form(footnotes='[{"n": "1", "text": "See the telegram of 2 January."}]')
    assert good.is_valid(), good.errors
    assert good.cleaned_data["footnotes"] == [{"n": "1", "text": "See the telegram of 2 January."}]
    assert _text_form(footnotes="").is_valid() and _text_form(body="a\x1bb").errors["body"][0].startswith("Text holds the control character U+001B")


def test_a_document_field_over_ingests_limit_or_with_a_control_character_is_refused(seed_archive, rf, admin_user):
    # a title of 200,000 characters was saved, and the archive's own export then failed to ingest
    from django.contrib.admin.sites import site

    form_class = site._registry[Document].form
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    for changes, field, said in [
        ({"title": "T" * 2_001}, "title", "Title is 2,001 characters, more than the 2,000 allowed"),
        ({"summary": "S" * 20_001}, "summary", "Summary is 20,001 characters, more than the 20,000 allowed"),
        ({"title": "Telegram \x1b[31m"}, "title", "Title holds the control character U+001B"),
    ]:
        form = form_class(data=_form_data(form_class, document, **changes), instance=document)
        assert not form.is_valid() and form.errors[field][0].startswith(said), form.errors
    assert form_class(data=_form_data(form_class, document, title="T" * 2_000), instance=document).is_valid()


def test_a_value_typed_with_combining_accents_is_stored_composed_as_ingest_stores_it(seed_archive):
    # "Te\u0301le\u0301gram" (é as e and a combining accent) was stored so: the facet listed it, a filter typed with
    # the one-character é found none, and the note said "'Télégram' as 'Télégram'" (a fresh user)
    from django.contrib.admin.sites import site

    form_class = site._registry[Document].form
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    typed = "Te\u0301le\u0301gram"
    form = form_class(data=_form_data(form_class, document, document_type=typed, title="Bogota\u0301"), instance=document)
    assert form.is_valid(), form.errors
    saved = form.save()
    assert (saved.document_type, saved.title) == ("T\u00e9l\u00e9gram", "Bogot\u00e1")


def test_a_title_of_invisible_characters_alone_is_refused_and_fields_are_named_as_the_form_shows_them(seed_archive, rf, admin_user):
    # a title of a zero-width space (or a right-to-left override) alone was saved: the page's heading showed nothing,
    # and a CSV export of the document failed to ingest ("title is empty"); errors named the fields as the
    # database does ("Date_text holds …"), and a JSON box said "Enter a valid JSON." alone (a fresh curator)
    from django.contrib.admin.sites import site

    from legation.records.document_record import DocumentRecord, RecordError

    form_class = site._registry[Document].form
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    for title in ("\u200b", "\u202e", " \u00ad\u200e "):
        form = form_class(data=_form_data(form_class, document, title=title), instance=document)
        assert not form.is_valid() and form.errors["title"] == [
            "The title is empty but for invisible characters (such as a zero-width space, U+200B); every document needs a title."
        ]
        with pytest.raises(RecordError, match="title is empty but for invisible characters"):
            DocumentRecord(identifier="x-1", title=title, date_edtf="1949").validate()  # as ingest takes one
    assert form_class(data=_form_data(form_class, document, title="\u200bTelegram"), instance=document).is_valid()
    # nor any other value of invisible characters alone (a type of a zero-width space was a blank facet value), nor an
    # identifier holding one; and a date as written is read as ingest reads it, without them (a fresh user)
    for field, value in (("document_type", "\u200b"), ("place_written", "\u202e"), ("summary", "\u2060")):
        form = form_class(data=_form_data(form_class, document, **{field: value}), instance=document)
        assert not form.is_valid() and form.errors[field][0].endswith(
            "is empty but for invisible characters (such as a zero-width space, U+200B): write its text, or leave it empty."
        ), form.errors
    for identifier in ("\u200b", "hc\u200bid", "\u202ehc-rtl"):
        new = form_class(data=_form_data(form_class, document, identifier=identifier))
        assert not new.is_valid() and "invisible ones (such as a zero-width space, U+200B)" in new.errors["identifier"][0]
    dated = form_class(data=_form_data(form_class, document, date_text="Nov\u200b 1949"), instance=document)
    assert dated.is_valid() and dated.cleaned_data["date_edtf"] == "1949-11"
    form = form_class(data=_form_data(form_class, document, date_text="May\x1b 1950"), instance=document)
    assert not form.is_valid() and form.errors["date_text"][0].startswith("Date as written holds the control character U+001B")
    form = form_class(data=_form_data(form_class, document, relations='["a-1",'), instance=document)
    assert not form.is_valid() and form.errors["relations"] == [
        "This is not valid JSON (Expecting value at line 1, column 8); enter it as the help below the box shows."
    ]


def test_bad_footnotes_posted_through_the_admin_are_refused_and_the_index_keeps_following(seed_archive, admin_client):
    import json

    from django.contrib.admin.sites import site

    from legation.records.models import Text
    from legation.search.follower import follow_once

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    text = Text.objects.create(document=document, kind="translation", language="ru", body="Телеграмма", position=1)
    form_class = site._registry[Document].form
    data = _form_data(form_class, document)
    data["relations"] = json.dumps(data.get("relations") or [])
    inline = {"id": text.pk, "document": document.pk, "kind": "translation", "language": "ru", "body": "Телеграмма", "position": 1}
    data.update({f"texts-0-{k}": v for k, v in inline.items()})
    data.update({"texts-TOTAL_FORMS": 1, "texts-INITIAL_FORMS": 1, "agent_links-TOTAL_FORMS": 0, "agent_links-INITIAL_FORMS": 0})
    refused = admin_client.post(f"/admin/records/document/{document.pk}/change/", {**data, "texts-0-footnotes": '{"a": 1}'})
    assert refused.status_code == 200 and "The footnotes are an object, not a list." in html.unescape(refused.content.decode())
    assert Text.objects.get(pk=text.pk).footnotes == []
    # drawn again with what was sent: 2,000 nested brackets and a lone surrogate were 500s there (a fresh user's)
    deep = "[" * 2000 + "]" * 2000
    for field, value, said in [
        ("texts-0-footnotes", deep, "This JSON is nested too deeply to read"),
        ("relations", deep, "This JSON is nested too deeply to read"),
        ("texts-0-footnotes", '[{"n": "1", "text": "\\ud800"}]', "Footnote 1: Footnote holds"),
        ("relations", '["\\ud800"]', "related document"),
    ]:
        answer = admin_client.post(f"/admin/records/document/{document.pk}/change/", {**data, field: value})
        assert answer.status_code == 200 and said in html.unescape(answer.content.decode()), (field, value[:20])
    saved = admin_client.post(f"/admin/records/document/{document.pk}/change/", {**data, "texts-0-footnotes": '[{"n": "1", "text": "A note."}]'})
    assert saved.status_code == 302 and Text.objects.get(pk=text.pk).footnotes == [{"n": "1", "text": "A note."}]
    assert follow_once() >= 1  # the change is applied to the index, the record read whole


def test_a_choice_that_is_no_number_is_a_form_error_not_a_500(seed_archive, admin_client):
    # place_sent=abc: "Field 'id' expected a number but got 'abc'", a 500 drawing the form again
    import json

    from django.contrib.admin.sites import site

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    data = _form_data(site._registry[Document].form, document)
    data["relations"] = json.dumps(data.get("relations") or [])
    data.update({"texts-TOTAL_FORMS": 0, "texts-INITIAL_FORMS": 0, "agent_links-TOTAL_FORMS": 0, "agent_links-INITIAL_FORMS": 0})
    for field, value in [("place_sent", "abc"), ("place_sent", "9" * 30), ("subjects", ["abc"]), ("collections", ["1x"]), ("repositories", ["9" * 30])]:
        answer = admin_client.post(f"/admin/records/document/{document.pk}/change/", {**data, field: value})
        page = html.unescape(answer.content.decode())
        assert answer.status_code == 200 and ("Select a valid choice" in page or "is not a valid value" in page), field


def test_names_of_agents_places_subjects_and_collections_refuse_what_no_record_may_hold(seed_archive, admin_client):
    # an agent's name saved with U+0007 made the archive's export fail to ingest again (a fresh user)
    from legation.records.models import Agent, Collection, Place, Subject

    agent = Agent.objects.filter(kind="person").first()
    page = admin_client.post(
        f"/admin/records/agent/{agent.pk}/change/",
        {"name": "Dean\x07 Acheson", "kind": agent.kind, "key": agent.key, **_empty_inlines("names", "other_keys")},
    )
    assert page.status_code == 200 and "Preferred name holds the control character U+0007" in html.unescape(page.content.decode())
    agent.refresh_from_db()
    assert "\x07" not in agent.name
    for model, field, extra in ((Place, "name", {}), (Subject, "name", {}), (Collection, "title", {"key": "c-1"})):
        made = model.objects.create(**{field: "Fine", **extra})
        name = model._meta.model_name
        inlines = _empty_inlines("names") if model is Place else {}
        page = admin_client.post(f"/admin/records/{name}/{made.pk}/change/", {field: "Bad\x1b[31m", **extra, **inlines})
        assert page.status_code == 200 and "holds the control character U+001B" in page.content.decode(), name
        made.refresh_from_db()
        assert getattr(made, field) == "Fine"


def _empty_inlines(*prefixes: str) -> dict:
    """The management form of each inline formset, holding no form: what an unchanged change page posts."""
    return {k: v for p in prefixes for k, v in {f"{p}-TOTAL_FORMS": "0", f"{p}-INITIAL_FORMS": "0", f"{p}-MIN_NUM_FORMS": "0", f"{p}-MAX_NUM_FORMS": "1000"}.items()}


def _found(client, **params) -> list[str]:
    """The identifiers the search API finds for ``params``, after the index follows the change log."""
    from legation.search.follower import follow_once

    follow_once()
    return sorted(hit["identifier"] for hit in client.get("/api/search", {**params, "page_size": 100}).json()["hits"])


def test_renaming_or_deleting_a_subject_collection_repository_or_place_reindexes_its_documents(seed_archive, admin_client):
    # a subject renamed or deleted, or a collection's title changed, left the index finding the
    # documents under the old name, and the facet listing it, until `legation reindex` (a fresh user)
    from legation.records.models import ChangeLogEntry, Collection, Place, Repository, Subject

    first, second = Document.objects.filter(identifier__in=["seed-sino-soviet-01", "seed-sino-soviet-02"]).order_by("identifier")
    subject, repository = Subject.objects.create(name="alliance"), Repository.objects.create(name="Repo one")
    place = Place.objects.create(name="Peiping")
    for document in (first, second):
        document.subjects.add(subject)
        document.repositories.add(repository)
        document.place_sent = place
        document.save()
    ChangeLogEntry.log_upserts([first.identifier, second.identifier])
    both = [first.identifier, second.identifier]
    assert _found(admin_client, subject="alliance") == both and _found(admin_client, q="Repo") == both

    page = admin_client.post(f"/admin/records/subject/{subject.pk}/change/", {"name": "alliance (treaty)"}, follow=True)
    assert page.redirect_chain, page.content.decode()[:2000]
    assert _found(admin_client, subject="alliance (treaty)") == both and _found(admin_client, subject="alliance") == []
    assert admin_client.post(f"/admin/records/subject/{subject.pk}/delete/", {"post": "yes"}, follow=True).redirect_chain
    assert _found(admin_client, subject="alliance (treaty)") == [] and not Subject.objects.filter(pk=subject.pk).exists()

    admin_client.post(f"/admin/records/repository/{repository.pk}/change/", {"name": "Bundesarchiv"}, follow=True)
    assert _found(admin_client, q="Bundesarchiv") == both and _found(admin_client, q="Repo") == []
    logged = ChangeLogEntry.objects.count()  # saved unchanged: nothing to re-index
    assert admin_client.post(f"/admin/records/repository/{repository.pk}/change/", {"name": "Bundesarchiv"}, follow=True).redirect_chain
    assert ChangeLogEntry.objects.count() == logged

    admin_client.post(f"/admin/records/place/{place.pk}/change/", {"name": "Beijing", **_empty_inlines("names")}, follow=True)
    assert _found(admin_client, place="Beijing") == both and _found(admin_client, place="Peiping") == []

    collection = Collection.objects.get(key="seed-sino-soviet-treaty-talks")
    everything = _found(admin_client, collection=collection.title)
    assert len(everything) > 2
    admin_client.post(f"/admin/records/collection/{collection.pk}/change/", {"key": collection.key, "title": "Treaty talks"}, follow=True)
    assert _found(admin_client, collection="Treaty talks") == everything == _found(admin_client, q="collection:treaty")
    # the bulk deletion of the list's action, too
    action = {"action": "delete_selected", "_selected_action": [collection.pk], "post": "yes"}
    assert admin_client.post("/admin/records/collection/", action, follow=True).redirect_chain
    assert _found(admin_client, collection="Treaty talks") == [] and _found(admin_client, q="collection:treaty") == []


def test_the_change_log_cannot_be_edited_or_deleted_in_the_admin(seed_archive, admin_client):
    # its entries could be deleted, and a node building its index from the log then left those
    # documents out for good (a fresh user)
    from legation.records.models import ChangeLogEntry

    entry = ChangeLogEntry.objects.order_by("seq").first()
    listed = admin_client.get("/admin/records/changelogentry/")
    assert listed.status_code == 200 and entry.document_identifier in listed.content.decode()
    assert "delete_selected" not in listed.content.decode()
    assert admin_client.get(f"/admin/records/changelogentry/{entry.pk}/delete/").status_code == 403
    assert admin_client.post(f"/admin/records/changelogentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    action = {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    admin_client.post("/admin/records/changelogentry/", action)
    assert ChangeLogEntry.objects.filter(pk=entry.pk).exists()


def test_a_new_date_as_written_with_the_edtf_date_emptied_is_read_from_the_text(seed_archive, admin_client):
    # both changed in one save left the document undated without a word (a fresh user)
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    answer = _post_change(admin_client, document, date_text="ca. 1950", date_edtf="")
    assert answer.redirect_chain and "could not be read" not in html.unescape(answer.content.decode())
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest) == ("ca. 1950", "1950~", dt.date(1950, 1, 1))

    unread = _post_change(admin_client, document, date_text="32.13.1950", date_edtf="")
    assert "could not be read as a date (13 is not a month): the document is kept undated" in html.unescape(unread.content.decode())
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest) == ("32.13.1950", "", None)


def test_an_edtf_date_in_a_year_to_come_is_refused_as_ingest_reads_none(seed_archive, admin_client):
    # 2150 was saved, and the archive's export then read back undated (a fresh user)
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    for edtf in ("2150", "1950/2150", "2150-03-01"):
        answer = _post_change(admin_client, document, date_text="", date_edtf=edtf)
        page = html.unescape(answer.content.decode())
        assert not answer.redirect_chain and "is in a year to come (a typo, as 2150 for 1950?)" in page, edtf
        assert "leave it empty for an undated document" in page
    document.refresh_from_db()
    assert (document.date_edtf, document.date_earliest) == ("1949-12-22", dt.date(1949, 12, 22))


def test_a_collection_key_differing_from_anothers_in_case_alone_is_refused_and_a_filter_names_its_own(seed_archive, admin_client):
    # HOLDINGS was saved beside holdings, and ?collection=holdings then found HOLDINGS's documents (a fresh user)
    from legation.records.models import ChangeLogEntry, Collection

    existing = Collection.objects.get(key="seed-sino-soviet-treaty-talks")
    page = admin_client.post("/admin/records/collection/add/", {"key": "SEED-Sino-Soviet-Treaty-Talks", "title": "Other"})
    said = html.unescape(page.content.decode())
    assert page.status_code == 200 and f"The collection “{existing.title}” has the key seed-sino-soviet-treaty-talks" in said
    assert not Collection.objects.filter(title="Other").exists()
    assert admin_client.post("/admin/records/collection/add/", {"key": "other-talks", "title": "Other"}).status_code == 302
    # case beyond ASCII, which SQLite's LIKE does not fold; and a title that is another's key, or the reverse
    Collection.objects.create(key="été-1", title="Summer")
    for data, said in (
        ({"key": "ÉTÉ-1", "title": "Summer twin"}, "The collection “Summer” has the key été-1"),
        ({"key": "x-coll", "title": "seed-sino-soviet-treaty-talks"}, "seed-sino-soviet-treaty-talks is another collection's key"),
        ({"key": "summer", "title": "Winter"}, "Another collection is titled “Summer”"),
    ):
        page = admin_client.post("/admin/records/collection/add/", data)
        assert page.status_code == 200 and said in html.unescape(page.content.decode()), data
    assert not Collection.objects.filter(title__in=["Summer twin", "Winter"]).exists()

    # twins made otherwise (an ingest of another source's keys): each key names its own collection
    twin = Collection.objects.create(key="SEED-SINO-SOVIET-TREATY-TALKS", title="Twin")
    document = Document.objects.get(identifier="seed-sino-soviet-03")
    document.collections.set([twin])

    ChangeLogEntry.log_upserts([document.identifier])
    everything = _found(admin_client, collection=existing.title)
    assert document.identifier not in everything and len(everything) > 1
    assert _found(admin_client, collection="seed-sino-soviet-treaty-talks") == everything
    assert _found(admin_client, collection="SEED-SINO-SOVIET-TREATY-TALKS") == [document.identifier]
    assert _found(admin_client, collection="Seed-Sino-Soviet-Treaty-Talks") == []  # names neither alone: as typed, no such value
    # twins in case beyond ASCII: each key names its own (ÉTÉ-1 found été-1's documents, a fresh user)
    summer, other = Collection.objects.create(key="été-2", title="Summer two"), Collection.objects.create(key="ÉTÉ-2", title="Summer three")
    first, second = Document.objects.filter(identifier__in=["seed-sino-soviet-04", "seed-sino-soviet-05"]).order_by("identifier")
    first.collections.add(summer)
    second.collections.add(other)
    ChangeLogEntry.log_upserts([first.identifier, second.identifier])
    assert _found(admin_client, collection="été-2") == [first.identifier] and _found(admin_client, collection="ÉTÉ-2") == [second.identifier]


def test_a_documents_delete_page_names_what_goes_with_it(seed_archive, admin_client):
    # it listed "Document_collections object (8)", "DocumentAgent object (15)", "Text object (11)" (a fresh user)
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    page = html.unescape(admin_client.get(f"/admin/records/document/{document.pk}/delete/").content.decode())
    assert " object (" not in page
    assert "Mao Zedong, sender of seed-sino-soviet-01" in page
    assert f"seed-sino-soviet-01 in {document.collections.get().title}" in page


def test_an_edtf_date_emptied_alone_leaves_the_document_undated_and_says_what_the_text_reads_as(seed_archive, admin_client):
    # emptying the EDTF date while the text said "January 8, 1955" undated it without a word (a fresh user)
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    assert _post_change(admin_client, document, date_text="January 8, 1955", date_edtf="1955-01-08").redirect_chain
    document.refresh_from_db()
    answer = _post_change(admin_client, document, date_edtf="")
    said = html.unescape(answer.content.decode())
    assert answer.redirect_chain and "The document is now undated, though its date as written, “January 8, 1955”, reads as 1955-01-08" in said
    document.refresh_from_db()
    assert (document.date_text, document.date_edtf, document.date_earliest) == ("January 8, 1955", "", None)
    long_year = _post_change(admin_client, document, date_edtf="Y12150")  # EDTF's long year: past 9999
    assert not long_year.redirect_chain and "is in a year to come" in html.unescape(long_year.content.decode())


def test_a_subject_renamed_in_the_admin_takes_the_documents_ingested_later_under_its_old_name(seed_archive, admin_client):
    # "East and Southeast Asia" renamed, then a document of that subject deleted and its volume ingested again:
    # the document came back under a new subject of the old name, and the facet listed both (a fresh curator)
    import dataclasses

    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord
    from legation.records.models import Subject
    from legation.records.serialize import load_records

    (record,) = load_records(["seed-sino-soviet-01"])
    ingest_records([dataclasses.replace(record, subjects=["East and Southeast Asia"])])
    subject = Subject.objects.get(name="East and Southeast Asia")
    assert subject.name_in_sources == "East and Southeast Asia"
    page = admin_client.post(f"/admin/records/subject/{subject.pk}/change/", {"name": "Asia, East and Southeast"})
    assert page.status_code == 302, page.content.decode()[:2000]
    subject.refresh_from_db()
    assert (subject.name, subject.name_in_sources) == ("Asia, East and Southeast", "East and Southeast Asia")
    later = DocumentRecord(identifier="later-1", title="A later telegram", date_edtf="1950", subjects=["East and Southeast Asia"]).validate()
    assert ingest_records([later]).added == ["later-1"]
    assert list(Subject.objects.values_list("name", flat=True)) == ["Asia, East and Southeast"]
    assert list(Document.objects.get(identifier="later-1").subjects.values_list("name", flat=True)) == ["Asia, East and Southeast"]
    assert _found(admin_client, subject="Asia, East and Southeast") == ["later-1", "seed-sino-soviet-01"]
    # a source giving the new name joins it too; another name makes another subject, its name in sources its own
    ingest_records([dataclasses.replace(later, identifier="later-2", subjects=["Asia, East and Southeast", "Korea"])])
    assert sorted(Subject.objects.values_list("name", "name_in_sources")) == [
        ("Asia, East and Southeast", "East and Southeast Asia"), ("Korea", "Korea")
    ]


# A document's type, typed in the admin in another case than the archive spells that type: it was saved
# as typed, and "TELEGRAM" was a value of the type facet of its own until the next ingest naming the type.
# Ingest stores a type in the archive's best spelling (legation.records.document_types); so does the admin.


def _type_facet(client) -> dict[str, int]:
    from legation.search.follower import follow_once

    follow_once()
    answer = client.get("/api/search?page_size=1")
    return {value["value"]: value["count"] for facet in answer.json()["facets"] if facet["name"] == "type" for value in facet["values"]}


CURATED = (
    "Document types written alike but for case or accents are one type, so that the type facet counts each once: a spelling "
    "entered here becomes the type's for all its documents, unless it is worse written than the archive's, in capitals "
    "throughout or without the capital first the archive's has."
)


def _messages(answer) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<li class="warning">(.*?)</li>', answer.content.decode(), re.S)]


def test_a_type_typed_in_another_case_in_the_admin_is_saved_as_the_archive_spells_it_and_the_curator_told(seed_archive, admin_client):
    assert _type_facet(admin_client) == {"Telegram": 7, "Cable": 3}
    document = Document.objects.get(identifier="seed-sino-soviet-02")  # a cable
    answer = _post_change(admin_client, document, document_type="TELEGRAM")
    assert answer.redirect_chain, answer.content.decode()[:2000]
    document.refresh_from_db()
    assert document.document_type == "Telegram"
    assert _messages(answer) == [f"The type “TELEGRAM” was saved as “Telegram”, as the archive spells that type. {CURATED}"]
    assert _type_facet(admin_client) == {"Telegram": 8, "Cable": 2}
    # a type the archive lacks keeps its spelling, unsaid; so does a type left as it was
    answer = _post_change(admin_client, document, document_type="démarche")
    document.refresh_from_db()
    assert (document.document_type, _messages(answer)) == ("démarche", [])
    assert _type_facet(admin_client) == {"Telegram": 7, "Cable": 2, "démarche": 1}
    # the document's own spelling is no archive's: the only "démarche" written better is saved so
    _post_change(admin_client, document, document_type="Démarche")
    document.refresh_from_db()
    assert document.document_type == "Démarche"


def test_a_better_spelling_typed_in_the_admin_respells_the_archive_as_ingest_would(seed_archive, admin_client, tmp_path):
    import csv

    from legation.ingest.readers.csv_dc import read_csv
    from legation.ingest.service import ingest_records
    from legation.records.models import ChangeLogEntry

    sheet = tmp_path / "typed.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([["identifier", "title", "type"], ["typed-1", "A memorandum", "memorandum"], ["typed-2", "Another", "memorandum"]])
    assert ingest_records(read_csv(sheet), source=str(sheet)).added == ["typed-1", "typed-2"]
    assert _type_facet(admin_client)["memorandum"] == 2
    last = ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    answer = _post_change(admin_client, document, document_type="Memorandum")
    assert answer.redirect_chain, answer.content.decode()[:2000]
    assert dict(Document.objects.filter(identifier__in=["seed-sino-soviet-01", "typed-1", "typed-2"]).values_list("identifier", "document_type")) == {
        "seed-sino-soviet-01": "Memorandum", "typed-1": "Memorandum", "typed-2": "Memorandum",
    }  # fmt: skip
    assert _messages(answer) == [
        f"The archive's other documents of the type were respelled “Memorandum”, 'memorandum' as 'Memorandum' (2 documents). {CURATED}"
    ]  # no undo: "memorandum" typed back is saved "Memorandum"
    assert set(ChangeLogEntry.objects.filter(seq__gt=last).values_list("document_identifier", flat=True)) == {"seed-sino-soviet-01", "typed-1", "typed-2"}
    facet = _type_facet(admin_client)
    assert facet["Memorandum"] == 3 and "memorandum" not in facet
    # the sheet again: its documents unchanged, no correction of a curator's among them
    again = ingest_records(read_csv(sheet), source=str(sheet))
    assert (again.updated, again.unchanged, again.curated, again.conflicts) == ([], ["typed-1", "typed-2"], [], [])


def test_an_accent_typed_in_the_admin_respells_the_type_and_typing_the_old_spelling_back_restores_it(seed_archive, admin_client):
    # "Télégram" typed as one document's type respelled every "Telegram" (the most accents won), and "Telegram" typed
    # back was "saved as 'Télégram'": a typo no curator could undo (a fresh user). A curator's spelling is the type's
    # for all its documents, and the one it replaced, typed back, is again
    from django.db.models import Count

    from legation.ingest.readers.jsonl import read_jsonl
    from legation.ingest.service import ingest_records
    from tests.conftest import FIXTURES

    def types() -> dict[str, int]:
        return dict(Document.objects.values_list("document_type").annotate(n=Count("pk")))

    def reingested() -> tuple:
        again = ingest_records(read_jsonl(FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"))
        return again.updated, len(again.unchanged), again.curated, again.conflicts

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    answer = _post_change(admin_client, document, document_type="Télégram")
    assert answer.redirect_chain, answer.content.decode()[:2000]
    assert _messages(answer) == [
        "The archive's other documents of the type were respelled “Télégram”, 'Telegram' as 'Télégram' (6 documents): to undo "
        f"it, enter “Telegram” as this document's type. {CURATED}"
    ]
    assert types() == {"Télégram": 7, "Cable": 3}
    assert _type_facet(admin_client) == {"Télégram": 7, "Cable": 3}
    assert reingested() == ([], 10, [], [])  # the source again: the curator's spelling stands, nothing to report
    assert types() == {"Télégram": 7, "Cable": 3}

    answer = _post_change(admin_client, document, document_type="Telegram")  # the undo the message names
    assert _messages(answer) == [
        "The archive's other documents of the type were respelled “Telegram”, 'Télégram' as 'Telegram' (6 documents): to undo "
        f"it, enter “Télégram” as this document's type. {CURATED}"
    ]
    assert types() == {"Telegram": 7, "Cable": 3}
    assert _type_facet(admin_client) == {"Telegram": 7, "Cable": 3}
    assert reingested() == ([], 10, [], [])

    # a slip stays a slip: worse written than the archive's, it is saved as the archive spells the type, alone
    answer = _post_change(admin_client, document, document_type="telégram")
    document.refresh_from_db()
    assert (document.document_type, types()) == ("Telegram", {"Telegram": 7, "Cable": 3})
    assert _messages(answer) == [f"The type “telégram” was saved as “Telegram”, as the archive spells that type. {CURATED}"]


def test_a_spelling_a_curator_gave_a_type_stands_when_a_later_ingest_brings_more_documents_spelled_otherwise(seed_archive, admin_client):
    # a curator's "Télégram" became the type's for its 7 documents; an ingest then bringing 8 new ones spelled "Telegram"
    # outnumbered it and respelled all 15 back: the curator's choice undone by a vote (and its dry run said so)
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord

    document = Document.objects.get(identifier="seed-sino-soviet-01")
    assert _post_change(admin_client, document, document_type="Télégram").redirect_chain
    later = [DocumentRecord(identifier=f"later-{n}", title=f"A later telegram {n}", document_type="Telegram").validate() for n in range(8)]
    dry = ingest_records(later, dry_run=True)
    assert dry.types.moved == {} and "a real run would respell" not in " ".join(dry.all_notes())  # the --report's types_respelled: none
    real = ingest_records(later)
    assert (real.types.moved, len(real.added)) == ({}, 8)
    assert "'Telegram' as 'Télégram' (8 documents; the spelling a curator chose)" in " ".join(real.all_notes())
    assert _type_facet(admin_client) == {"Télégram": 15, "Cable": 3}
    # until a curator changes it: "Telegram" typed back is the type's again, for every later ingest too
    assert _post_change(admin_client, document, document_type="Telegram").redirect_chain
    assert _type_facet(admin_client) == {"Telegram": 15, "Cable": 3}
    more = [DocumentRecord(identifier=f"more-{n}", title=f"More {n}", document_type="Télégram").validate() for n in range(20)]
    assert ingest_records(more).types.moved == {}
    assert _type_facet(admin_client) == {"Telegram": 35, "Cable": 3}


def test_a_subject_a_curator_renamed_takes_the_names_read_in_another_case_and_keeps_its_name(seed_archive, admin_client):
    # "trade" beside a renamed subject was a subject of its own: the facet listed one heading twice
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord
    from legation.records.models import Subject

    ingest_records([DocumentRecord(identifier="first-1", title="A telegram", subjects=["East and Southeast Asia"]).validate()])
    subject = Subject.objects.get(name="East and Southeast Asia")
    assert admin_client.post(f"/admin/records/subject/{subject.pk}/change/", {"name": "Asia, East and Southeast"}).status_code == 302
    read = ["EAST AND SOUTHEAST ASIA", "east and southeast asia", "ASIA, EAST AND SOUTHEAST", "East and Southeast Asia"]
    report = ingest_records([DocumentRecord(identifier=f"later-{n}", title=f"Later {n}", subjects=[name]).validate() for n, name in enumerate(read)])
    assert len(report.added) == 4 and not report.failed
    assert list(Subject.objects.values_list("name", "name_in_sources")) == [("Asia, East and Southeast", "East and Southeast Asia")]
    assert _found(admin_client, subject="Asia, East and Southeast") == ["first-1", "later-0", "later-1", "later-2", "later-3"]
    # a curator naming another subject so but for case is told, not given a second value of the facet
    other = Subject.objects.create(name="Korea", name_in_sources="Korea")
    answer = admin_client.post(f"/admin/records/subject/{other.pk}/change/", {"name": "EAST AND SOUTHEAST ASIA"})
    assert answer.status_code == 200 and "has this name but for case or accents" in html.unescape(answer.content.decode())
    assert Subject.objects.get(pk=other.pk).name == "Korea"


def _suggested(client, q: str) -> list[str]:
    return [s["text"] for s in client.get("/api/suggest", {"q": q}).json()]


def test_deleting_documents_in_the_admin_deletes_what_they_alone_used_as_a_reingest_does(seed_archive, admin_client, client, tmp_path):
    # a document deleted in the admin, alone or by the list's "delete selected", left its sender, its place, subject
    # and repository behind, of no document: in the admin's lists, and the sender's surname among the archive's, which
    # decide the names that find other people's documents (a fresh curator). Deleted now as a re-ingest or
    # --delete-missing deletes them, and the curator told; what a curator or an authority file gave a name stays, as do
    # the records other documents use and the collection; the index follows, and nothing public shows them.
    from legation.ingest.service import ingest_records
    from legation.records.authorities import load_authorities
    from legation.records.models import Agent, ChangeLogEntry, Collection, Place, Repository, Subject
    from legation.search.indexer import archive_surnames
    from legation.search.schema import surname

    mao = Document.objects.get(identifier="seed-sino-soviet-01").agent_links.get(role="sender").agent
    collection = {"key": "withdrawn-letters", "title": "Withdrawn letters"}
    sender = {"key": "person:ivan-zakharovich-vyshnevetsky", "name": "Ivan Zakharovich Vyshnevetsky", "role": "sender", "kind": "person"}
    letters = [
        DocumentRecord(
            identifier=f"withdrawn-{n}", title=f"Withdrawn letter {n}", collections=[CollectionRef(**collection)], place_sent="Port Zakharov",
            subjects=["Withdrawn matters"], repositories=["Zakharov family papers"],
            agents=[AgentRef(**sender, names=[]), AgentRef(key=mao.key, name=mao.name, kind="person", role="recipient")]
            + ([AgentRef(key="person:curated-kuznetsova", name="Olga Kuznetsova", kind="person", role="mentioned")] if n == 3 else []),
        ).validate()
        for n in (1, 2, 3)
    ]  # fmt: skip
    ingest_records(letters[:1])
    authority = tmp_path / "people.jsonl"
    authority.write_text('{"kind": "person", "key": "person:curated-kuznetsova", "name": "Olga Kuznetsova", "names": ["O. Kuznetsova"]}\n', encoding="utf-8")
    load_authorities(authority)
    assert _found(client, q="Withdrawn") == ["withdrawn-1"]
    assert "Port Zakharov" in _suggested(client, "Port Zak") and surname(sender["name"], False) in archive_surnames()

    page = admin_client.post(f"/admin/records/document/{Document.objects.get(identifier='withdrawn-1').pk}/delete/", {"post": "yes"}, follow=True)
    assert page.redirect_chain
    assert not Agent.objects.filter(key=sender["key"]).exists() and Agent.objects.filter(pk=mao.pk).exists()
    assert not (Place.objects.filter(name="Port Zakharov").exists() or Subject.objects.filter(name="Withdrawn matters").exists())
    assert not Repository.objects.filter(name="Zakharov family papers").exists() and Collection.objects.filter(key=collection["key"]).exists()
    said = " ".join(html.unescape(page.content.decode()).split())
    assert (
        "Also deleted, as no document uses them any more and no authority file nor curator gave them anything to keep (an "
        "agent's curated name or other key, a place's other name, a subject's name given in the admin): 1 agent, 1 place, 1 "
        "subject, 1 repository. (1) the agent 'Ivan Zakharovich Vyshnevetsky' (person:ivan-zakharovich-vyshnevetsky). (2) the "
        "place 'Port Zakharov'. (3) the subject 'Withdrawn matters'. (4) the repository 'Zakharov family papers'."
    ) in said
    assert ChangeLogEntry.objects.filter(document_identifier="withdrawn-1", operation="delete").exists()
    assert _found(client, q="Withdrawn") == [] and _suggested(client, "Port Zak") == []
    assert surname(sender["name"], False) not in archive_surnames()

    ingest_records(letters[1:])
    ids = list(Document.objects.filter(identifier__in=["withdrawn-2", "withdrawn-3"]).values_list("pk", flat=True))
    action = {"action": "delete_selected", "_selected_action": ids, "post": "yes"}
    listed = admin_client.post("/admin/records/document/", action, follow=True)
    assert listed.redirect_chain and not Document.objects.filter(pk__in=ids).exists()
    assert not Agent.objects.filter(key=sender["key"]).exists() and Agent.objects.filter(key="person:curated-kuznetsova").exists()
    assert not Place.objects.filter(name="Port Zakharov").exists() and _found(client, q="Withdrawn") == []
    assert "1 agent, 1 place, 1 subject, 1 repository" in html.unescape(listed.content.decode())
