"""The curators' admin: a document's EDTF date edited in the form sets the first and last possible
days that date filters and the histogram use, and an invalid EDTF is refused with a hint."""

from __future__ import annotations

import datetime as dt

from django.forms.models import model_to_dict

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

    form = form_class(data=_form_data(form_class, document, date_edtf="1962-02"), instance=document)
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


def test_related_documents_must_be_a_list_of_identifiers(seed_archive, rf, admin_user):
    from django.contrib.admin.sites import site

    admin = site._registry[Document]
    document = Document.objects.get(identifier="seed-sino-soviet-01")
    request = rf.post("/")
    request.user = admin_user
    form_class = admin.get_form(request, document)

    for value, message in (
        ('"seed-sino-soviet-02"', "Enter a JSON list of document identifiers"),
        ('["seed sino soviet 02"]', "is not a document identifier"),
        ('{"a": 1}', "Enter a JSON list of document identifiers"),
    ):
        form = form_class(data=_form_data(form_class, document, relations=value), instance=document)
        assert not form.is_valid() and message in str(form.errors["relations"]), value
    empty = form_class(data=_form_data(form_class, document, relations=""), instance=document)
    assert empty.is_valid(), empty.errors
    assert empty.save().relations == []  # an empty box: no related documents, not null
    good = form_class(data=_form_data(form_class, document, relations='["seed-sino-soviet-02"]'), instance=document)
    assert good.is_valid(), good.errors
    good.save()
    document.refresh_from_db()
    assert document.relations == ["seed-sino-soviet-02"]


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
