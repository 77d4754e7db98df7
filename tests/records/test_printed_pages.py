"""A document's printed pages (DocumentRecord.pages): what is kept, and what a citation finds it by."""

from __future__ import annotations

import pytest

from legation.records.document_record import DocumentRecord, RecordError, page_numbers, pages_as_written

RULE = 'give the page that prints it, 287, or the first and last joined by a dash, 287–289 (no "p." or "pp."), or leave it empty'


@pytest.mark.parametrize(
    ("pages", "numbers"),
    [
        ("287", (287, 287)),
        ("287–289", (287, 289)),
        ("287-289", (287, 289)),
        ("287 — 289", (287, 289)),  # any dash, spaced or not
        # a range abridged as ranges are printed: it was stored as pages 76 to 1474, found on page 290 and not on 1475
        ("1474–76", (1474, 1476)),
        ("289–91", (289, 291)),
        ("xii–xiv", None),  # the front matter's Roman pages: kept, found by no page:
        ("A4", None),
        ("", None),
    ],
)
def test_the_pages_a_citation_finds_a_document_by(pages, numbers) -> None:
    DocumentRecord(identifier="d", title="t", pages=pages).validate()
    assert page_numbers(pages) == numbers


@pytest.mark.parametrize(
    ("pages", "problem"),
    [
        ("pp. 12", RULE),
        ("12, 14", RULE),
        ("0", f"pages are numbered from 1 to 99,999; {RULE}"),
        ("100000", f"pages are numbered from 1 to 99,999; {RULE}"),
        ("291–289", "the range ends before it starts; write its first page first (289–291), or correct the page misprinted"),
    ],
)
def test_pages_no_citation_could_find_are_refused_saying_what_to_write(pages, problem) -> None:
    with pytest.raises(RecordError) as refused:
        DocumentRecord(identifier="d", title="t", pages=pages).validate()
    assert str(refused.value) == f"d: pages {pages!r}: {problem}"


@pytest.mark.parametrize(
    ("written", "pages"),
    [
        ("pp. 287–289", "287–289"),
        ("p. 287", "287"),
        ("Pages 287-289", "287-289"),
        ("pp. xii–xiv", "xii–xiv"),
        ("pp 12-14", "12-14"),  # without the period (helper-136: refused)
        ("p 5", "5"),
        ("1,099–1,101", "1099–1101"),
        (" 287 ", "287"),
        # what is no pages stays as written, for the rule to refuse
        ("pp. 287, 290", "pp. 287, 290"),
        ("12,5", "12,5"),
        ("page", "page"),
    ],
)
def test_pages_as_a_table_or_a_form_writes_them(written, pages) -> None:
    assert pages_as_written(written) == pages
