"""The document page in Chromium, reached from the results as a researcher reaches it: every field,
the text paragraph by paragraph with its notes, a translation beside its transcript, the links to
the sender's documents and to documents like it. Expected values come from the fixture files."""

from __future__ import annotations

from urllib.parse import quote

from tests.browser.archive import BY_ID, LETTER_RECORD, RECORDS, containing, paragraphs, shown_date
from tests.browser.pages import count_text, hit_ids, params, results, search


def field(page, name: str) -> str:
    """The text of one field of the document's field list (the <dd> after <dt>name</dt>)."""
    return page.locator(f'dl.fields dt:text-is("{name}") + dd').inner_text()


def shown_paragraphs(section) -> list[str]:
    return [" ".join(p.split()) for p in section.locator(".body p").all_inner_texts()]


def test_a_hit_opens_its_document_with_every_field_its_text_and_its_notes(page) -> None:
    search(page, "propaganda")
    identifier = hit_ids(page)[0]
    record = BY_ID[identifier]
    with page.expect_navigation():
        page.locator("li.hit h3 a").first.click()
    assert page.url.endswith(f"/documents/{quote(identifier)}")
    assert page.locator("h1").inner_text() == record.title
    date = shown_date(record)  # the tab tells the many documents of one title apart by their dates
    assert date[-4:] not in record.title and page.title() == f"{record.title}, {date} – Legation"
    assert field(page, "Date").startswith(shown_date(record))
    assert field(page, "Type") == record.document_type
    for role, name in (("sender", "From"), ("recipient", "To")):
        names = [a.name for a in record.agents if a.role == role]
        assert (field(page, name) if names else "") == "; ".join(names)
    assert field(page, "Identifier") == identifier
    assert page.locator("dl.fields a[rel=external]").get_attribute("href") == record.source_url
    assert page.locator("section.source-note p").inner_text() == record.source_note
    (text,) = record.texts
    section = page.locator("section.text")
    assert section.get_attribute("lang") == text.language == "en"
    assert shown_paragraphs(section) == paragraphs(text.body)
    notes = section.locator(".footnotes li").all_inner_texts()
    assert [" ".join(n.split()) for n in notes] == [" ".join(f"{f.n or '*'} {f.text}".split()) for f in text.footnotes]
    # a note's marker in the text leads to the note, and the note's mark back to the marker
    marked = [f for f in text.footnotes if f.n and f"[{f.n}]" in text.body]
    assert marked, "the document chosen has notes marked in its text"
    note = marked[0]
    page.locator(f'a.note-ref[href="#t1-{note.n}"]').first.click()
    assert page.url.endswith(f"#t1-{note.n}")
    assert " ".join(page.locator(".footnotes li:target").inner_text().split()) == " ".join(f"{note.n} {note.text}".split())
    page.locator(".footnotes li:target a.mark").click()
    assert page.url.endswith(f"#t1-ref-{note.n}") and page.locator("a.note-ref:target").inner_text() == f"[{note.n}]"


def test_a_letter_shows_its_transcript_and_its_translation(page) -> None:
    letter = LETTER_RECORD
    assert [r.identifier for r in containing("vizier")] == [letter.identifier]
    search(page, "grand vizier")
    assert count_text(page) == results(1, 1)
    with page.expect_navigation():
        page.get_by_role("link", name=letter.title).click()
    assert page.locator("h1").inner_text() == letter.title
    transcript, translation = letter.texts
    assert (transcript.kind, translation.kind) == ("transcript", "translation")
    for text, heading in ((transcript, "Transcript (Ottoman Turkish)"), (translation, "Translation (English)")):  # named, not "(ota)"
        section = page.locator(f'section.text[lang="{text.language}"]')
        assert section.locator("h2").inner_text() == heading
        assert shown_paragraphs(section) == paragraphs(text.body)
    # read side by side: the translation to the right of the transcript, their tops level
    left, right = (page.locator(f'section.text[lang="{t.language}"]').bounding_box() for t in (transcript, translation))
    assert right["x"] >= left["x"] + left["width"] and abs(right["y"] - left["y"]) < 1
    # on a phone one below the other, each as wide as the screen allows, the page no wider than it
    page.set_viewport_size({"width": 375, "height": 812})
    left, right = (page.locator(f'section.text[lang="{t.language}"]').bounding_box() for t in (transcript, translation))
    assert right["y"] >= left["y"] + left["height"] and right["x"] == left["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_sender_link_lists_the_senders_documents(page) -> None:
    record = BY_ID["frus1917-72PubDip-d2"]
    (sender,) = [a.name for a in record.agents if a.role == "sender"]
    page.goto(f"/documents/{record.identifier}")
    with page.expect_navigation():
        page.locator('dl.fields dt:text-is("From") + dd').get_by_role("link", name=sender).click()
    assert params(page) == {"sender": [sender]}
    theirs = [r for r in RECORDS if any(a.role == "sender" and a.name == sender for a in r.agents)]
    assert count_text(page) == results(1, len(theirs))
    assert sorted(hit_ids(page)) == sorted(r.identifier for r in theirs)
    assert page.locator('section.facet[data-facet="sender"] li.selected .value').all_inner_texts() == [sender]


def test_more_like_this_leads_to_another_document(page) -> None:
    page.goto("/documents/frus1917-72PubDip-d2")
    related = page.locator("section.related li a")
    assert related.count() > 0
    href = related.first.get_attribute("href")
    other = BY_ID[href.removeprefix("/documents/")]
    assert other.identifier != "frus1917-72PubDip-d2"
    assert related.first.inner_text() == other.title
    with page.expect_navigation():
        related.first.click()
    assert page.locator("h1").inner_text() == other.title


def test_a_missing_document_gets_a_page_that_says_so(page) -> None:
    response = page.goto("/documents/frus1917-72PubDip-d999")
    assert "frus1917-72PubDip-d999" not in BY_ID
    assert response.status == 404
    assert "frus1917-72PubDip-d999" in page.locator("main").inner_text()
    page.watched.expect_status(404, response.url)  # the one error expected; any other fails the test


def test_on_a_phone_no_document_page_is_wider_than_the_screen(page) -> None:
    """Long source notes, addresses and identifiers wrap: at 375 px a page was 604 px wide."""
    page.set_viewport_size({"width": 375, "height": 812})
    for record in RECORDS:
        page.goto(f"/documents/{record.identifier}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (record.identifier, width)


def test_a_person_mentioned_and_the_place_sent_lead_to_their_documents(page) -> None:
    # they were plain text, while From, To, Type, Collection and Subjects were links (a fresh user)
    record = BY_ID["frus1917-72PubDip-d7"]
    page.goto(f"/documents/{record.identifier}")
    mentioned = [a.name for a in record.agents if a.role == "mentioned"]
    assert field(page, "People mentioned") == "; ".join(mentioned)
    name = "Arthur Bullard"
    linked = sorted(r.identifier for r in RECORDS if any(a.name == name for a in r.agents))
    with page.expect_navigation():
        page.locator('dl.fields dt:text-is("People mentioned") + dd').get_by_role("link", name=name, exact=True).click()
    assert params(page) == {"q": [f'names:"{name}"']}
    assert count_text(page) == results(1, len(linked)) and set(hit_ids(page)) <= set(linked)
    page.go_back()
    sent_there = sorted(r.identifier for r in RECORDS if r.place_sent == record.place_sent)
    with page.expect_navigation():
        page.locator('dl.fields dt:text-is("Place sent") + dd').get_by_role("link", name=record.place_sent).click()
    assert params(page) == {"place": [record.place_sent]}
    assert count_text(page) == results(1, len(sent_there)) and set(hit_ids(page)) <= set(sent_there)


def test_the_way_back_to_the_results_is_kept_from_one_document_to_the_next(page) -> None:
    # "← Back to the results" became "← Search", an empty search, after one "More like this" (a fresh researcher)
    search(page, "propaganda")
    searched = page.url.removeprefix(page.url.split("/?")[0])
    with page.expect_navigation():
        page.locator("li.hit h3 a").first.click()
    back = page.locator("p.back a")
    assert (back.inner_text(), back.get_attribute("href")) == ("← Back to the results", searched)
    related = page.locator("section.related a")
    assert related.count() > 0, "the document chosen has documents like it"
    with page.expect_navigation():
        related.first.click()
    assert (back.inner_text(), back.get_attribute("href")) == ("← Back to the results", searched)
    with page.expect_navigation():  # and when it follows the link, the results it left
        back.click()
    assert page.url.endswith(searched) and hit_ids(page)
    # a tab that has shown no results offers the search page, as before
    fresh = page.context.browser.new_context(base_url=page.url.split("/?")[0])
    other = fresh.new_page()
    other.goto(f"/documents/{quote(hit_ids(page)[0])}")
    assert (other.locator("p.back a").inner_text(), other.locator("p.back a").get_attribute("href")) == ("← Search", "/")
    fresh.close()
