"""What the page says about how it read a query (``SearchResult.notice``), on real documents."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.search import schema
from legation.search.query import DATE_FORMS, MIN_PREFIX_CHARS, RANGE_FIELDS, And, Or, Term, parse
from legation.search.service import LANGUAGE_HELP, RELAXED_NOTICE, SearchRequest, filtered_out, search
from tests.conftest import REPO
from tests.search.fixtures import LANGUAGE_ROWS, records_of

FIELDS = ", ".join([*schema.SEARCH_FIELDS_BY_NAME, *RANGE_FIELDS])


def test_a_query_read_otherwise_ends_its_sentence_before_the_next(demo_volumes) -> None:
    # q='"""' read '… so it was read as: "" The query has no words …', one sentence run into the next
    assert parse("title:(Mao OR").notice.endswith("so it was read as: title:(Mao).")
    assert parse('"Mao').notice == "The query could not be read as written (a quotation mark is not closed), so it was read as: Mao."


@pytest.mark.parametrize("q", ['"""', '""', '" "', "title:\"\"", "\u201c\u201d"])
def test_quotation_marks_around_no_words_are_said_so(demo_volumes, q) -> None:
    # '"""' read as an empty phrase: '… so it was read as: "". The query has no words …'
    result = search(SearchRequest(q=q), demo_volumes("frus1949v07p1"))
    assert result.total == 0 and result.hits == []
    assert result.notice == (
        'The query could not be read as search syntax (the quotation marks "" hold no words) and has no words to search for. '
        "Nothing matches. Type words, or clear the box to browse."
    )


def test_empty_quotation_marks_beside_words_are_left_out_and_said_so(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    result, alone = search(SearchRequest(q='Caffery ""'), index), search(SearchRequest(q="Caffery"), index)
    assert [h.identifier for h in result.hits] == [h.identifier for h in alone.hits] and result.total == alone.total > 0
    assert result.notice == 'The query could not be read as search syntax (the quotation marks "" hold no words), so its words were searched: Caffery.'


def test_a_typed_backslash_is_shown_as_typed() -> None:
    # it was shown doubled, as Python's repr writes it: '\\'
    assert parse("treaty\\").notice == (
        "The query could not be read as search syntax ('\\' is not part of the search syntax here), so its words were searched: treaty."
    )
    assert "there is no field 'a\\';" in parse("a\\:b").notice
    assert "there is no field \"o'b\";" in parse("o'b:c").notice


def test_a_question_mark_inside_a_word_is_said_to_be_no_wildcard(demo_volumes) -> None:
    # Ch?u, typed as a wildcard for one letter (as in Lucene), was searched silently as the phrase
    # "Ch u"; M?o found one document, "Mr. M. O. A. Baig", and said nothing, where Mao^10 and Mao~
    # say their ^ and ~ are no syntax here
    index = demo_volumes("frus1949v07p1")
    assert parse("Ch?u En-lai").notice == (
        "The query could not be read as search syntax ('?' is not part of the search syntax here: it stands for no letter; "
        "to find words by their beginning, end it with *, as in Ch*), so its words were searched: Ch u En-lai."
    )
    assert parse("Mao title:M?o").notice == (  # a field's value: left out alone
        "The query could not be read as written ('?' is not part of the search syntax here: it stands for no letter; "
        "to find words by their beginning, end it with *), so title:M?o was left out and it was read as: Mao."  # M* would not do: a * needs two letters before it
    )
    words, typed = search(SearchRequest(q="Pi?non"), index), search(SearchRequest(q="Pi non"), index)
    assert [h.identifier for h in words.hits] == [h.identifier for h in typed.hits]
    # a question's mark, after its last word, is punctuation, as ever
    assert parse("Who was Pignon?").notice == parse('"Pignon?"').notice == ""
    assert search(SearchRequest(q="Pignon?"), index).total == search(SearchRequest(q="Pignon"), index).total > 0


def test_a_filter_value_no_document_has_is_named_with_the_value_meant(demo_volumes) -> None:
    # type=telegram, sender=caffery or collection=frus1949v07p1 (the volume's key, as the query's
    # collection: takes it) found nothing and said nothing; with words, only "remove a filter"
    index = demo_volumes("frus1949v07p1")
    telegrams = search(SearchRequest(filters={"type": ["Telegram"]}), index).total
    assert telegrams > 0
    lower = search(SearchRequest(filters={"type": ["telegram"]}, facet_values_at="/facets/{name}"), index)
    assert lower.total == 0 and lower.explained
    assert lower.notice == (
        "No document has the type 'telegram' (a filter's value is written as the facet lists it: Telegram). "
        "The values are listed at /facets/type."
    )
    # where the values are listed is the caller's to say (the page's, the API's); a caller naming none gets no place
    unplaced = search(SearchRequest(filters={"type": ["telegram"]}), index)
    assert unplaced.notice == "No document has the type 'telegram' (a filter's value is written as the facet lists it: Telegram)."
    key = search(SearchRequest(filters={"collection": ["frus1949v07p1"]}, facet_values_at="/facets/{name}"), index)
    assert key.total == 0 and key.notice == (
        "No document has the collection 'frus1949v07p1' (a filter's value is written as the facet lists it). "
        "The values are listed at /facets/collection."
    )
    words = search(SearchRequest(q="Caffery", filters={"sender": ["jefferson caffery"], "type": ["Telegram"]}, facet_values_at="/api/facets/{name}"), index)
    assert words.total == 0 and words.notice == (
        f"{search(SearchRequest(q='Caffery'), index).total} documents match these words, but none within the filters or dates chosen: "
        "remove a filter or widen the dates. No document has the sender 'jefferson caffery' (a filter's value is written as "
        "the facet lists it: Jefferson Caffery). The values are listed at /api/facets/sender."
    )
    # a value held, left out by the other filters only, is no mistake to name
    both = search(SearchRequest(filters={"type": ["Telegram"], "year": ["Undated"]}), index)
    assert "No document has" not in both.notice
    assert search(SearchRequest(filters={"type": ["telegram", "Telegram"]}), index).total == telegrams
    long = search(SearchRequest(filters={"type": ["x" * 900]}), index)  # no pattern of it is built: tantivy refuses a long one
    # repeated cut to 200 characters: one of 3,000 came back whole, twice on the page
    assert long.total == 0 and long.notice.startswith(f"No document has the type '{'x' * 200}…' (a filter's value is written as the facet lists it)")


def test_a_year_no_document_is_dated_is_said_so_not_as_a_mistyped_value(demo_volumes) -> None:
    # year=1950 said "a filter's value is written as the facet lists it", as if 1950 were mistyped,
    # of a volume of 1949 whose facet writes years so (a fresh researcher's)
    index = demo_volumes("frus1949v07p1")
    years = [v.value for f in search(SearchRequest(), index).facets if f.name == "year" for v in f.values]
    assert "1949" in years and "1950" not in years
    found = search(SearchRequest(q="Mao", filters={"year": ["1950"]}, facet_values_at="/facets/{name}"), index)
    assert found.total == 0 and found.notice.endswith("remove a filter or widen the dates. No document is dated 1950.")
    alone = search(SearchRequest(filters={"year": ["1950"]}), index)
    assert alone.total == 0 and alone.explained and alone.notice == "No document is dated 1950."
    # a value the facet writes otherwise is still named as it writes it (the page's filters are so written already)
    assert search(SearchRequest(filters={"year": ["undated"]}), index).notice == (
        "No document has the year 'undated' (a filter's value is written as the facet lists it: Undated)."
    )


def test_a_language_no_document_has_or_no_language_code_says_so(demo_volumes) -> None:
    # language:zz found nothing and said nothing; the volume's 423 documents are all in English
    index = demo_volumes("frus1949v07p1")
    assert search(SearchRequest(q="language:en"), index).total == 423 and search(SearchRequest(q="language:en"), index).notice == ""
    zz, de, iw = (search(SearchRequest(q=q), index) for q in ("language:zz", "language:de", "treaty language:iw"))
    assert zz.total == de.total == iw.total == 0
    assert zz.notice == f"language:zz matches nothing: zz is no language code; {LANGUAGE_HELP}."
    assert de.notice == f"language:de matches nothing: no document is in the language de; {LANGUAGE_HELP}."
    assert iw.notice == f"language:iw matches nothing: no document is in the language iw (he); {LANGUAGE_HELP}."
    either = search(SearchRequest(q="language:(zz OR en)"), index)
    assert either.total == 423 and either.notice == zz.notice  # the part that matches nothing is named
    assert search(SearchRequest(q="treaty -language:zz"), index).notice == ""  # excluding it is no mistake


def test_a_single_han_or_hangul_character_is_a_whole_word_before_a_star(make_index) -> None:
    # title:周* asked for 2 letters before *: a Han character is a word of its own, as Hangul's syllables
    index = make_index(records_of(LANGUAGE_ROWS))
    zh = {"zh-2025-reform", "zh-2025-taiwan", "zh-1959-equality", "zh-2024-deficit"}
    for q, expected in (("title:国*", zh), ("title:国", zh), ("title:독*", {"ko-1964-un"})):
        result = search(SearchRequest(q=q, page_size=100), index)
        assert {h.identifier for h in result.hits} == expected and result.notice == ""
    assert "needs at least 2 letters" in parse("a*").notice


# Hostile queries as long as the box takes (MAX_QUERY_CHARS): each was read in time growing with the
# square of its length (a run of dashes lexed again after each dash; the repairs of a query that
# could not be read run again over the whole query after each slip taken out: 1,000 "(" took 150 ms).
# What they search, and say, is unchanged; here it is pinned, on the real documents.
@pytest.mark.parametrize(
    ("q", "problem"),
    [
        ("(" * 1000, "it nests more than 20 levels deep"),
        ("-" * 1000, "a - must come right before a word"),  # it said "it nests more than 20 levels deep"
        ("-" * 10, "a - must come right before a word"),
        ("-" * 2, "a - must come right before a word"),
        ('"(' * 500, "it nests more than 20 levels deep"),
        ("- " * 500, "a - must come right before a word"),
        ("\u00a0-" * 500, "a - must come right before a word"),
        ("* " * 500, f"a * needs at least {MIN_PREFIX_CHARS} letters before it, or a Chinese, Japanese or Korean character"),
        (" :" * 500, "a colon needs the name of a field before it, as in title:treaty; fields are " + FIELDS),
        # each left out in one reading, not the query read again after each
        ("date:x " * 142, f"date:x: x is not a date; {DATE_FORMS}"),
        ("date:(" + "x " * 495 + ")", f"date:x: x is not a date; {DATE_FORMS}"),
        ("-date:x OR " * 90, f"date:x: x is not a date; {DATE_FORMS}"),
    ],
)
def test_a_long_run_of_syntax_alone_says_it_has_no_words(demo_volumes, q, problem) -> None:
    result = search(SearchRequest(q=q), demo_volumes("frus1949v07p1"))
    assert result.total == 0 and result.hits == []
    assert result.notice == (
        f"The query could not be read as search syntax ({problem}) and has no words to search for. "
        "Nothing matches. Type words, or clear the box to browse."
    )


# Documents of 1949 in the demo volume on Indonesia and Indochina: each query, its bad part left out,
# finds what it finds without it (it found "documents with some of these words", the bad value's too).
@pytest.mark.parametrize(
    ("q", "without", "term", "problem"),
    [
        ("Hatta from:Livengood date:1949-02-30", "Hatta from:Livengood", "date:1949-02-30", "date:1949-02-30: 30 is not a day of February 1949, which has 28"),
        ("Sukarno date:1949-13", "Sukarno", "date:1949-13", "date:1949-13: 13 is not a month"),
        ("(Sukarno OR date:0000) Bangka", "(Sukarno) Bangka", "date:0000", "date:0000: 0000 is before the year 1, the earliest a date filter covers"),
        ('"Security Council" -date:10000 Stikker', '"Security Council" Stikker', "-date:10000", "date:10000: 10000 is not a year of four digits"),
        ("Roem date:(1949-13 OR 1949-05)", "Roem date:(1949-05)", "date:1949-13", "date:1949-13: 13 is not a month"),
        ("Vietnam OR Indochina date:1949..1949..1950", "Vietnam OR Indochina", "date:1949..1949..1950", "date:1949..1949..1950: a range has two ends, with one .. between them"),
    ],
)
def test_a_date_that_is_no_date_is_left_out_the_rest_finding_what_it_finds_alone(demo_volumes, q, without, term, problem) -> None:
    index = demo_volumes("frus1949v07p1")
    result = search(SearchRequest(q=q, page_size=100), index)
    alone = search(SearchRequest(q=without, page_size=100), index)
    assert 0 < alone.total < index.searcher().num_docs and alone.notice == ""
    assert (result.total, [h.identifier for h in result.hits]) == (alone.total, [h.identifier for h in alone.hits])
    assert result.notice == f"The query could not be read as written ({problem}; {DATE_FORMS}), so {term} was left out and it was read as: {without}."


def test_a_day_month_year_with_hyphens_is_read_and_told_as_with_slashes(demo_volumes) -> None:
    # date:05-06-1949 said "05 is not a year of four digits", not that it may be either day, as date:05/06/1949 did;
    # date:22-13-1949 "22 is not a year of four digits" (a fresh user)
    index = demo_volumes("frus1949v07p1")

    def told(q: str) -> tuple[int, str]:
        result = search(SearchRequest(q=q), index)
        return result.total, result.notice

    for sep in "/-":
        ambiguous, none = f"05{sep}06{sep}1949", f"22{sep}13{sep}1949"
        assert told(f"Sukarno date:{ambiguous}") == (
            66,
            f"The query could not be read as written (date:{ambiguous}: {ambiguous} may be 1949-06-05 or 1949-05-06: write the one meant "
            f"as YYYY-MM-DD; {DATE_FORMS}), so date:{ambiguous} was left out and it was read as: Sukarno.",
        )
        assert told(f"Sukarno date:{none}") == (
            66,
            f"The query could not be read as written (date:{none}: neither 22 nor 13 is a month; {DATE_FORMS}), so date:{none} was left "
            "out and it was read as: Sukarno.",
        )
        assert told(f"date:22{sep}12{sep}1949") == told("date:1949-12-22") == (3, "")
    # what a hyphen joins otherwise keeps its meaning: ISO months and days, two years
    assert told("date:1949-12..1950-02") == (28, "")
    assert told("date:1949-1950") == told("date:1949-50") == told("date:1949") == (416, "")


def test_a_date_in_a_group_is_read_as_the_same_date_alone(demo_volumes) -> None:
    # date:(22-12-1949 OR ~1571) said "'~' is not part of the search syntax here, so ~1571 was left out", though
    # date:~1571 alone is read (a fresh user)
    index = demo_volumes("frus1949v07p1")

    def told(q: str) -> tuple[int, str]:
        result = search(SearchRequest(q=q), index)
        return result.total, result.notice

    assert told("date:(22-12-1949 OR ~1571)") == told("date:22-12-1949") == (3, "")
    assert told("date:(~1949)") == told("date:~1949") == (416, "")
    assert told("date:(1949-05 OR [1949-06])") == (82, "") and told("date:1949-05")[0] + told("date:[1949-06]")[0] == 82
    assert told("Sukarno date:(22-13-1949 OR ~1949)") == (
        65,
        f"The query could not be read as written (date:22-13-1949: neither 22 nor 13 is a month; {DATE_FORMS}), so date:22-13-1949 was "
        "left out and it was read as: Sukarno date:(~1949).",
    )
    # a page the same: what page:~290 alone says of it
    pages = (
        "page:~290 is no page number; write page:287, or a range as page:287..290 (pages as printed, 1 to 99,999; page:..290 and page:287.. "
        "leave an end open); with collection: the pages of one volume"
    )
    assert told("page:(287 OR ~290)") == (1, f"The query could not be read as written ({pages}), so page:~290 was left out and it was read as: page:(287).")
    # a word of another field's group is still refused its ~
    assert told("Sukarno title:(~Hatta)")[1].startswith("The query could not be read as written ('~' is not part of the search syntax here)")


def test_a_field_without_a_value_among_words_is_left_out_and_not_corrected(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    alone = search(SearchRequest(q="Hatta Sukarno", page_size=100), index)
    result = search(SearchRequest(q="Hatta sender: Sukarno", page_size=100), index)
    assert (result.total, [h.identifier for h in result.hits]) == (alone.total, [h.identifier for h in alone.hits]) and alone.total
    assert result.notice == "The query could not be read as written (sender: needs a value, e.g. sender:Kennan), so sender: was left out and it was read as: Hatta Sukarno."
    assert result.did_you_mean == ""


def test_words_among_a_long_run_of_slips_are_read_as_written(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    alone = search(SearchRequest(q="Caffery"), index)
    assert alone.total > 0
    # "( ) ( ) … Caffery OR OR …": every empty group and dangling OR taken out, in one reading
    q = "( ) " * 120 + "Caffery" + " OR" * 150
    result = search(SearchRequest(q=q), index)
    assert [h.identifier for h in result.hits] == [h.identifier for h in alone.hits] and result.total == alone.total
    assert result.notice == "The query could not be read as written (a parenthesis is empty or unmatched), so it was read as: Caffery."
    nested = search(SearchRequest(q="(" * 15 + "Caffery OR" + " " + ")" * 15 + " title: - *"), index)
    assert nested.total == alone.total
    assert nested.notice == (
        "The query could not be read as written (a parenthesis is empty or unmatched), so it was read as: "
        + "(" * 15 + "Caffery" + ")" * 15 + "."
    )


def _read_as(problem: str, read_as: str) -> str:
    return f"The query could not be read as written ({problem}), so it was read as: {read_as}."


# Caffery, ambassador in Paris, is in 14 documents of the volume; 409 do not name him.
@pytest.mark.parametrize(
    ("q", "read_as", "problem", "total"),
    [
        # the repair took out AND and OR, and NOT then left Caffery out: 409 documents, all but his
        ("AND OR NOT Caffery", "and or not Caffery", "AND needs a word on each side", 4),
        ("AND OR NOT Caffery)", "and or not Caffery", "AND needs a word on each side", 4),
        ("(AND OR NOT) Caffery", "(and or not) Caffery", "AND needs a word on each side", 4),  # was Caffery, the words left out
        ("Caffery AND OR NOT", "Caffery and or not", "AND needs a word on each side", 4),  # was Caffery
        ("OR AND Caffery", "or and Caffery", "OR needs a word on each side", 6),  # was Caffery
    ],
)
def test_operators_in_a_row_with_nothing_to_join_are_searched_as_words(demo_volumes, q, read_as, problem, total) -> None:
    """Operators in a row at the start or end of the query or of a group are the words typed, all
    of them, as ``AND OR NOT`` alone has been (a fresh researcher): written in small letters, which
    the notice shows, and not said to be operators typed in small letters."""
    index = demo_volumes("frus1949v07p1")
    result = search(SearchRequest(q=q, page_size=100), index)
    words = search(SearchRequest(q=read_as, page_size=100), index)
    assert (result.total, [h.identifier for h in result.hits]) == (words.total, [h.identifier for h in words.hits])
    assert result.total == total
    assert result.notice == _read_as(problem, read_as)  # typed, "and or not Caffery" is told or and not are no operators


@pytest.mark.parametrize(
    ("q", "read_as", "problem", "total"),
    [
        ("to:(AND)", "to:(and)", "AND needs a word on each side", 1),  # "Secretary of Defense and the Joint Chiefs"?
        ("title:(AND)", "title:(and)", "AND needs a word on each side", 2),
        ("title:(OR)", "title:(or)", "OR needs a word on each side", 0),
    ],
)
def test_a_field_holding_operators_alone_searches_them_in_that_field(demo_volumes, q, read_as, problem, total) -> None:
    """``from:(OR AND)`` searched the word from, the name of the field, in 323 documents."""
    index = demo_volumes("frus1949v07p1")
    result = search(SearchRequest(q=q, page_size=100), index)
    assert parse(q).node == parse(read_as).node
    assert result.total == total == search(SearchRequest(q=read_as), index).total
    assert result.notice.startswith(_read_as(problem, read_as))
    fielded = search(SearchRequest(q="from:(OR AND)"), index)
    assert fielded.total == 0 and fielded.notice == _read_as("OR needs a word on each side", "from:(or and)") + (
        " No document has or as sender (from:); 265 documents mention or: search or without from:."
        " No document has and as sender (from:); 423 documents mention and: search and without from:."
    )


# Three documents of the volume on the United Nations (1964-68) hold no "and"; 103 no "or".
@pytest.mark.parametrize(
    ("q", "read_as", "problem", "total"),
    [
        # excluded alone, an operator's word found nothing, saying there were no words to search for
        ("NOT AND", "NOT and", "AND needs a word on each side", 3),
        ("-AND", "-and", "AND needs a word on each side", 3),
        ("-OR", "-or", "OR needs a word on each side", 103),
        ("NOT OR", "NOT or", "OR needs a word on each side", 103),
        ("Zhou -OR", "Zhou -or", "OR needs a word on each side", 7),  # was Zhou: 34
        # nothing after NOT to exclude: words, as it was, said as the others are
        ("AND NOT", "and not", "AND needs a word on each side", 322),
    ],
)
def test_an_operator_excluded_alone_is_its_word_excluded(demo_volumes, q, read_as, problem, total) -> None:
    """NOT or a dash before an operator's word that joins nothing (``NOT AND``, ``-OR``) excludes that
    word, as before the word in small letters: the researcher asked to leave something out, and it is
    all there is. ``AND NOT`` excludes nothing: its words are searched."""
    index = demo_volumes("frus1964-68v30")
    result = search(SearchRequest(q=q, page_size=100), index)
    words = search(SearchRequest(q=read_as, page_size=100), index)
    assert (result.total, [h.identifier for h in result.hits]) == (words.total, [h.identifier for h in words.hits])
    assert result.total == total
    assert result.notice == _read_as(problem, read_as)


def _searched_as_written(index, q: str, searched: str):
    """The result of ``q`` on ``index``, after checking it finds what ``searched``, the query
    written right, finds, the same documents in the same order."""
    result = search(SearchRequest(q=q, page_size=100), index)
    written = search(SearchRequest(q=searched, page_size=100), index)
    assert (result.total, [h.identifier for h in result.hits]) == (written.total, [h.identifier for h in written.hits])
    return result


@pytest.mark.parametrize(
    ("q", "searched"),
    [
        ("Caffery AND OR NOT Schuman", "Caffery -Schuman"),  # found Caffery's documents with Schuman's
        ('Caffery AND OR NOT "Bao Dai"', 'Caffery -"Bao Dai"'),  # required Bao and Dai: 11 of his 14 documents
        ("Caffery OR AND -Schuman NOT Schuman", "Caffery -Schuman"),
        ("Caffery AND OR NOT NOT Schuman", "Caffery -Schuman"),  # required Schuman: NOT NOT excludes once, as read
        ("Caffery AND OR NOT Schum*", "Caffery -Schum*"),  # excluded "Schum", a word no document holds
        ("Caffery AND OR -Foreign,Office", "Caffery -Foreign,Office"),  # as -Foreign,Office is read: was -Foreign -Office, 0
    ],
)
def test_words_excluded_in_a_query_read_as_plain_words_stay_excluded(demo_volumes, q, searched) -> None:
    """Operators in a row between words make the query unreadable, so its words are searched: a word
    or phrase after NOT or - among them was dropped, or its words required, rather than excluded."""
    index = demo_volumes("frus1949v07p1")
    result = _searched_as_written(index, q, searched)
    assert 0 < result.total < search(SearchRequest(q="Caffery"), index).total
    assert result.notice == (
        "The query could not be read as search syntax (AND needs a word on each side), so its words were searched, "
        f"with its exclusion read as search syntax: {searched}."
    )
    assert parse(q).text == searched


@pytest.mark.parametrize(
    ("q", "searched", "total"),
    [
        ("Bao AND OR NOT from:Caffery", "Bao -from:Caffery", 66),  # was left out: 77, those Caffery sent too
        ('Bao AND OR -from:"Jefferson Caffery"', 'Bao -from:"Jefferson Caffery"', 66),
        ("Bao AND OR NOT sender:Caffery", "Bao -sender:Caffery", 66),
        ("Bao AND OR NOT (Caffery OR Schuman)", "Bao -(Caffery OR Schuman)", 56),
        ("Bao AND OR NOT date:1949-06..1949-12", "Bao -date:1949-06..1949-12", 25),
    ],
)
def test_a_field_or_group_excluded_in_a_query_read_as_plain_words_stays_excluded(demo_volumes, q, searched, total) -> None:
    """A field's value or a group after NOT, in a query searched as plain words, excludes what the
    parser reads it as: it was left out (and, before, its words required and the field's name
    excluded), finding the documents it excluded."""
    index = demo_volumes("frus1949v07p1")
    result = _searched_as_written(index, q, searched)
    assert result.total == total < search(SearchRequest(q="Bao"), index).total
    assert result.notice == (
        "The query could not be read as search syntax (AND needs a word on each side), so its words were searched, "
        f"with its exclusion read as search syntax: {searched}."
    )
    assert parse(q).text == searched


@pytest.mark.parametrize(
    ("q", "left_out"),
    [
        ("Bao AND OR NOT (Caffery AND OR Schuman)", "NOT (Caffery AND OR Schuman)"),
        ("Bao AND OR NOT from:(Caffery OR)", "NOT from:(Caffery OR)"),
        ("Bao AND OR -from:(", "-from:("),
    ],
)
def test_a_field_or_group_excluded_that_cannot_be_read_is_left_out_and_said(demo_volumes, q, left_out) -> None:
    """What NOT excludes that cannot be read alone, a group or a field's value, is left out, and the
    notice names it: its words are not required, nor the field's name excluded."""
    index = demo_volumes("frus1949v07p1")
    result = search(SearchRequest(q=q, page_size=100), index)
    alone = search(SearchRequest(q="Bao", page_size=100), index)
    assert (result.total, [h.identifier for h in result.hits]) == (alone.total, [h.identifier for h in alone.hits])
    assert result.notice.startswith("The query could not be read as search syntax (")
    assert result.notice.endswith(f"), so {left_out} was left out and its words were searched: Bao.")


@pytest.mark.parametrize(
    ("q", "searched", "total"),
    [
        ("Bao AND OR from:Caffery", "Bao from:Caffery", 11),  # searched the words Bao, from and Caffery: 9
        ("Bao AND OR sender:Caffery", "Bao sender:Caffery", 11),
        ('Bao AND OR from:"Jefferson Caffery"', 'Bao from:"Jefferson Caffery"', 11),
        ("Bao AND OR date:1949-06..1949-12", "Bao date:1949-06..1949-12", 52),  # the words date, 1949, 06 and 12
    ],
)
def test_a_field_typed_in_a_query_read_as_plain_words_stays_a_field(demo_volumes, q, searched, total) -> None:
    """``from:Caffery`` in a query searched as plain words was the words from and Caffery: what
    mentions them, not what Caffery sent."""
    result = _searched_as_written(demo_volumes("frus1949v07p1"), q, searched)
    assert result.total == total
    assert result.notice == (
        f"The query could not be read as search syntax (AND needs a word on each side), so its words were searched, with its field read as search syntax: {searched}."
    )


@pytest.mark.parametrize(
    ("q", "searched", "read", "total"),
    [
        # the field was taken out of its group and required, the OR lost
        ("Bao AND OR (from:Caffery OR Schuman)", "Bao (from:Caffery OR Schuman)", "group", 21),
        ("Bao AND OR (from:Caffery OR Schuman", "Bao (from:Caffery OR Schuman)", "group", 21),
        # the group left open lost its field: the words from, Caffery and Bruce required
        ("Bao AND OR from:(Caffery OR Bruce", "Bao from:(Caffery OR Bruce)", "field", 23),
        # the phrase's beginning lost its *, Da required as a word
        ('Caffery AND OR "Bao Da*"', 'Caffery "Bao Da*"', "phrase", 11),
        ('Caffery AND OR "Bao Dai"', 'Caffery "Bao Dai"', "phrase", 11),
    ],
)
def test_a_group_or_phrase_in_a_query_read_as_plain_words_is_read_as_written(demo_volumes, q, searched, read, total) -> None:
    """A group, a field's group left open at the end and a phrase, in a query searched as plain
    words, are read as the parser reads them alone, as when typed right."""
    result = _searched_as_written(demo_volumes("frus1949v07p1"), q, searched)
    assert result.total == total
    assert parse(q).text == searched
    assert result.notice.endswith(f"so its words were searched, with its {read} read as search syntax: {searched}.")


@pytest.mark.parametrize("typed", ["from", "sender"])
def test_a_fielded_word_found_only_elsewhere_says_to_search_it_without_the_field(demo_volumes, typed) -> None:
    # Mohammad Hatta, Prime Minister of Indonesia, is in many of this volume's American documents and sends
    # none of them: the notice says so and counts the documents that mention him, as a search for the bare
    # word finds them.
    index = demo_volumes("frus1949v07p1")
    mentioning = search(SearchRequest(q="Hatta"), index).total
    result = search(SearchRequest(q=f"{typed}:Hatta"), index)
    assert mentioning > 1 and result.total == 0
    assert result.notice == (
        f"No document has Hatta as sender ({typed}:); {mentioning:,} documents mention Hatta: search Hatta without {typed}:."
    )
    assert search(SearchRequest(q="from:Hatta ZZZQXJ"), index).notice.startswith("No document has Hatta as sender (from:)")
    assert search(SearchRequest(q='title:"Secretary of State"'), index).notice == ""  # found: nothing said


def test_a_fielded_word_found_nowhere_says_so(demo_volumes) -> None:
    # place:Atlantis found nothing and said nothing: the page gave general advice ("try fewer words")
    index = demo_volumes("frus1949v07p1")
    assert search(SearchRequest(q="Atlantis"), index).total == 0
    for q, said in (
        ("place:Atlantis", "No document has Atlantis as the place it was sent from (place:), and none mentions Atlantis."),
        ('title:"Port Atlantis" Caffery', 'No document has "Port Atlantis" in its title (title:), and none mentions "Port Atlantis".'),
    ):
        result = search(SearchRequest(q=q), index)
        assert (result.total, result.notice, result.explained) == (0, said, True)
    # misspelt: said, and corrected
    result = search(SearchRequest(q="from:Cafery"), index)
    assert result.notice == "No document has Cafery as sender (from:), and none mentions Cafery." and result.did_you_mean == "from:Caffery"


def test_a_type_that_matches_nothing_names_the_types_documents_have(demo_volumes) -> None:
    # type:cable, a historian's word for a telegram, found nothing and pointed at the 219 texts saying "cable"
    from collections import Counter

    from legation.search.service import TYPES_NAMED

    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1949v07p1.xml.gz"))
    held = sorted(Counter(r.document_type for r in records if r.document_type).items(), key=lambda item: (-item[1], item[0]))
    assert len(held) > TYPES_NAMED
    types = ", ".join(f"{value} ({count:,})" for value, count in held[:TYPES_NAMED]) + f", … ({len(held)} in all)."
    index = demo_volumes("frus1949v07p1")
    mentioning = search(SearchRequest(q="cable"), index).total
    assert mentioning > 1
    assert search(SearchRequest(q="type:cable"), index).notice == (
        f"No document has cable as its type (type:); {mentioning:,} documents mention cable: search cable without type:. "
        f"The types documents have: {types}"
    )
    assert search(SearchRequest(q="type:zzyzx"), index).notice.endswith(f"and none mentions zzyzx. The types documents have: {types}")
    assert search(SearchRequest(q="type:(cable OR zzyzx)"), index).notice.count("The types documents have") == 1  # once, not for each


def test_a_name_in_a_field_is_spoken_of_as_one_name(demo_volumes) -> None:
    # "from:(Chou En-lai)" was told "No document has Chou as sender …; No document has En-lai as sender …"
    index = demo_volumes("frus1949v07p1")
    mentioning = search(SearchRequest(q="Mao Tse-tung"), index).total
    assert mentioning > 1 and search(SearchRequest(q="from:(Mao Tse-tung)"), index).total == 0
    assert search(SearchRequest(q="from:(Mao Tse-tung)"), index).notice == (
        f'No document has "Mao Tse-tung" as sender (from:); {mentioning:,} documents mention "Mao Tse-tung": '
        'search "Mao Tse-tung" without from:.'
    )
    # words typed in the field one by one are spoken of one by one
    assert search(SearchRequest(q="from:Mao from:Tse-tung"), index).notice.count("No document has") == 2


def test_the_secretary_who_signed_is_found_as_sender(demo_volumes) -> None:
    # frus1952-54v14p2 heads Acheson's telegrams "The Secretary of State to …" and memoranda "Memorandum by the
    # Secretary of State …", each signed "Acheson" or "Dean Acheson" (its list of persons: "Acheson, Dean G.,
    # Secretary of State to January 1953"): from:Acheson finds exactly those, counted here off the TEI.
    import copy
    import re

    from lxml import etree

    from legation.ingest.xml import safe_parser
    from tests.conftest import REPO

    tei = "{http://www.tei-c.org/ns/1.0}"
    root = etree.parse(str(REPO / "data" / "demo" / "frus" / "frus1952-54v14p2.xml.gz"), safe_parser()).getroot()
    signed_acheson = set()
    for div in root.iter(f"{tei}div"):
        if div.get("type") != "document" or div.find(f"{tei}head") is None:
            continue
        head = copy.deepcopy(div.find(f"{tei}head"))
        etree.strip_elements(head, f"{tei}note", with_tail=False)  # footnotes are no part of the title
        title = " ".join("".join(head.itertext()).split())  # "No. 559The Secretary of State to …": <lb/> joins
        own = [" ".join("".join(s.itertext()).split()) for c in div if c.tag == f"{tei}closer" for s in c.iter(f"{tei}signed")]
        if re.fullmatch(r"No\. \d+\s*(?:The|Memorandum by the) Secretary of State(?: to .*)?", title) and own in (["Acheson"], ["Dean Acheson"]):
            signed_acheson.add(f"frus1952-54v14p2-{div.get('{http://www.w3.org/XML/1998/namespace}id')}")
    result = search(SearchRequest(q="from:Acheson", page_size=100), demo_volumes("frus1952-54v14p2"))
    assert len(signed_acheson) == 18
    assert {h.identifier for h in result.hits} == signed_acheson and result.total == 18 and result.notice == ""


def test_a_date_range_in_the_query_is_a_filter_for_the_notice_of_nothing_within_it(demo_volumes) -> None:
    import datetime as dt

    from legation.search.service import filtered_out

    index = demo_volumes("frus1949v07p1")
    with_stalin = search(SearchRequest(q="Stalin"), index).total
    typed = search(SearchRequest(q="Stalin date:1949-12..1950-02"), index)
    chosen = search(SearchRequest(q="Stalin", start_date=dt.date(1949, 12, 1), end_date=dt.date(1950, 2, 28)), index)
    assert with_stalin and typed.total == chosen.total == 0
    assert typed.notice == chosen.notice == filtered_out(with_stalin)


def test_dates_without_words_that_match_nothing_say_so_not_to_spell_otherwise(demo_volumes) -> None:
    """``date:1970`` on an archive of 1949 said "No document matches date:1970. Try fewer words or
    another spelling." (the page's advice when nothing explains it): a query of dates alone says no
    document is dated within them, to widen them, and how many documents are undated."""
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1949v07p1.xml.gz"))
    undated = sum(not r.date_edtf for r in records)
    index = demo_volumes("frus1949v07p1")
    result = search(SearchRequest(q="date:1970"), index)
    assert (result.total, result.explained, undated) == (0, True, 6)
    assert result.notice == "No document is dated within date:1970: widen the dates; 6 documents have no date, listed as Undated in the Year facet."
    assert sum(r.document_type == "Telegram" and not r.date_edtf for r in records) == 0
    telegrams = search(SearchRequest(q="date:1970", filters={"type": ["Telegram"]}), index)
    assert telegrams.notice == "No document is dated within date:1970: widen the dates."


def test_nothing_within_the_dates_of_a_query_without_words_speaks_of_no_words(demo_volumes) -> None:
    """``date:1961 -date:1961`` said "4,659 documents match these words": it has none."""
    index = demo_volumes("frus1949v07p1")
    rest = search(SearchRequest(q="-date:1949-12"), index).total
    result = search(SearchRequest(q="date:1949-12 -date:1949-12"), index)
    assert (result.total, rest, result.explained) == (0, 395, True)
    assert result.notice == filtered_out(395, words=False) == (
        "395 documents match the query without its date ranges and filters, but none within them: remove a filter or widen the dates."
    )


def test_an_identifier_typed_of_a_volume_held_says_what_its_address_says(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    typed = search(SearchRequest(q="frus1949v07p1-d99999"), index)
    pasted = search(SearchRequest(q="https://history.state.gov/historicaldocuments/frus1949v07p1/d99999"), index)
    assert typed.total == pasted.total == 0
    assert pasted.notice == (
        "The archive holds the FRUS volume frus1949v07p1 but not its document frus1949v07p1-d99999: read it in the public edition, "
        "at the address given, or search the volume's documents, collection:frus1949v07p1."
    )
    assert typed.notice == pasted.notice.replace(  # typed, no address was given: the edition's is named
        "at the address given", "at https://history.state.gov/historicaldocuments/frus1949v07p1/d99999"
    )
    assert search(SearchRequest(q="frus1949v07p1-d1"), index).notice == ""  # found
    assert typed.explained and pasted.explained  # the page says it instead of "try fewer words"


# The demo archive holds frus1949v07p1 and 14 other volumes (data/demo/frus), not frus1945v01 nor
# frus1969-76v17 (it holds frus1969-76v12 and frus1969-76ve13). A typed identifier of a volume it
# lacks found nothing and said nothing.
@pytest.mark.parametrize(("q", "volume", "document"), [("frus1945v01-d1", "frus1945v01", "d1"), ("frus1969-76v17-d5", "frus1969-76v17", "d5")])
def test_an_identifier_typed_of_a_volume_not_held_says_the_archive_lacks_the_volume(demo_volumes, q, volume, document) -> None:
    index = demo_volumes("frus1949v07p1")
    typed = search(SearchRequest(q=q), index)
    pasted = search(SearchRequest(q=f"https://history.state.gov/historicaldocuments/{volume}/{document}"), index)
    assert typed.total == pasted.total == 0 and typed.hits == []
    assert typed.notice == (
        f"The archive does not hold the FRUS volume {volume}, so not its document {q}: read it in the public edition, "
        f"at https://history.state.gov/historicaldocuments/{volume}/{document}, or search for words of its title; "
        "the Collection facet lists the volumes it holds."
    )
    assert pasted.notice == typed.notice.replace(f"at https://history.state.gov/historicaldocuments/{volume}/{document}", "at the address given")
    assert typed.explained and pasted.explained
    # beside a word that matches, the documents with most of the words are shown, and the volume still named
    beside = search(SearchRequest(q=f"{q} Acheson"), index)
    assert beside.total == search(SearchRequest(q="Acheson"), index).total > 0 and not beside.explained
    assert beside.notice == f"{RELAXED_NOTICE} {typed.notice}"
    # in capitals, quoted or closing a sentence, as the archive's own identifiers are found
    for written in (q.upper(), f"'{q}'", f"{q}.", f"‘{q.upper()}’,"):
        assert search(SearchRequest(q=written), index).notice == typed.notice, written


@pytest.mark.parametrize("q", ["frusxyz-d1", "frus-d1", "-frus1945v01-d1", "title:frus1945v01-d1", "frus1945v01-d1*"])
def test_what_is_no_typed_identifier_of_a_frus_document_gets_no_notice_of_a_volume(demo_volumes, q) -> None:
    # no year: no volume of the public edition; excluded, in a field or a prefix: not typed as a document
    assert "FRUS volume" not in search(SearchRequest(q=q), demo_volumes("frus1949v07p1")).notice


def _edition(volume: str) -> str:
    return f"https://history.state.gov/historicaldocuments/{volume}"


@pytest.mark.parametrize(
    "q", ["frus1945v01", "FRUS1945V01.", "collection:frus1945v01", 'collection:"frus1945v01"', "frus1969-76v17", "collection:frus1969-76v17"]
)
def test_a_volume_typed_as_its_key_that_the_archive_does_not_hold_says_what_its_address_says(demo_volumes, q) -> None:
    # it found nothing and said nothing ("Try fewer words"), while the volume's address pasted said the archive lacks it
    index = demo_volumes("frus1949v07p1")
    volume = q.removeprefix("collection:").strip('".').lower()
    typed = search(SearchRequest(q=q), index)
    pasted = search(SearchRequest(q=_edition(volume)), index)
    searched_as = f"The address of the FRUS volume {volume} was searched as its documents, collection:{volume}. "
    assert typed.total == pasted.total == 0 and typed.hits == [] and pasted.notice.startswith(searched_as)
    assert typed.notice == (
        f"The archive does not hold the FRUS volume {volume}: read it in the public edition, at {_edition(volume)}, "
        "or search for words of its subject; the Collection facet lists the volumes it holds."
    )
    assert typed.notice == pasted.notice.removeprefix(searched_as).replace("at the address given", f"at {_edition(volume)}")
    assert typed.explained and pasted.explained


def test_a_volume_typed_without_its_part_searches_the_parts_the_archive_holds(demo_volumes) -> None:
    # FRUS 1949 volume VII came out in two parts, frus1949v07p1 and frus1949v07p2, each a collection of its own;
    # the volume typed, pasted or cited by its pages (which run on from one part to the next) found nothing
    both = demo_volumes("frus1949v07p1", "frus1949v07p2")
    held = {key: {r.identifier for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{key}.xml.gz")} for key in ("frus1949v07p1", "frus1949v07p2")}
    for q in ("frus1949v07", "collection:frus1949v07", "FRUS1949V07", '"frus1949v07"', 'collection:"frus1949v07"', _edition("frus1949v07")):
        result = search(SearchRequest(q=q, page_size=1), both)
        typed = "collection:frus1949v07" if "/" in q else q.lower().replace('"', "")
        assert (result.total, result.notice.removeprefix(
            "The address of the FRUS volume frus1949v07 was searched as its documents, collection:frus1949v07. "
        )) == (len(held["frus1949v07p1"] | held["frus1949v07p2"]), (
            f"The archive holds the FRUS volume frus1949v07 as its parts frus1949v07p1 and frus1949v07p2: {typed} was read as "
            "collection:(frus1949v07p1 OR frus1949v07p2)."
        )), q
    # its parts' documents come by date, one part's among the other's: the rarer part's (386 documents against
    # 423) all came first, scored higher for their collection's rarity
    dated = [(h.date_display, h.identifier) for h in search(SearchRequest(q="frus1949v07", page_size=5), both).hits]
    assert dated == [
        ("December 11, 1948", "frus1949v07p1-d86"), ("January 3, 1949", "frus1949v07p1-d95"), ("January 3, 1949", "frus1949v07p1-d96"),
        ("January 3, 1949", "frus1949v07p1-d97"), ("January 3, 1949", "frus1949v07p2-d1"),
    ]  # fmt: skip
    # excluded, it excludes both parts
    assert search(SearchRequest(q="-collection:frus1949v07", page_size=1), both).total == 0
    one = search(SearchRequest(q="frus1949v07", page_size=1), demo_volumes("frus1949v07p1"))
    assert (one.total, one.notice) == (len(held["frus1949v07p1"]), (
        "The archive holds the FRUS volume frus1949v07 as its part frus1949v07p1: frus1949v07 was read as collection:frus1949v07p1."
    ))
    # a document named without its part: each part numbers its documents from 1
    assert search(SearchRequest(q="frus1949v07-d1"), both).notice == (
        "The archive holds the FRUS volume frus1949v07 as its parts frus1949v07p1 and frus1949v07p2, which number their documents "
        "from 1 each: name the part, frus1949v07p1-d1 or frus1949v07p2-d1."
    )
    # a number neither part has (423 and 386 documents) named no part that has it; one part only, that one
    assert search(SearchRequest(q="frus1949v07-d700"), both).notice == (
        "The archive holds the FRUS volume frus1949v07 as its parts frus1949v07p1 and frus1949v07p2, which number their documents "
        "from 1 each, and none of them holds a document d700: check the number, or the part cited, in the public edition (a part "
        "the archive does not hold may have it)."
    )
    assert search(SearchRequest(q="frus1949v07-d400"), both).notice.endswith("name the part, frus1949v07p1-d400.")
    # a volume held, typed, finds its documents and says nothing
    found = search(SearchRequest(q="frus1949v07p2", page_size=1), both)
    assert (found.total, found.notice) == (len(held["frus1949v07p2"]), "")


@pytest.mark.parametrize("q", ["frusxyz", "frus", "-frus1945v01", "title:frus1945v01", "frus1945v01*", '"frus1945v01"'])
def test_what_is_no_typed_key_of_a_frus_volume_gets_no_notice_of_a_volume(demo_volumes, q) -> None:
    assert "FRUS volume" not in search(SearchRequest(q=q), demo_volumes("frus1949v07p1")).notice


# frus1949v07p1 runs from December 1948 to December 1949: Stalin is in 2 of its documents, Chiang in
# 1, none from December 1949 to February 1950, as the notice's counts show.
DATES = "date:1949-12..1950-02"


@pytest.mark.parametrize(
    ("q", "words"),
    [
        (f"Stalin ({DATES})", "Stalin"),  # the range in parentheses of its own
        (f"(Stalin {DATES})", "Stalin"),
        (f"Stalin (Acheson {DATES})", "Stalin Acheson"),  # in a group ANDed with the rest
        (f"(Stalin {DATES}) OR (Chiang {DATES})", "Stalin OR Chiang"),  # in each alternative
        (f"(Stalin {DATES}) OR Zzzqqq", "Stalin OR Zzzqqq"),  # the other alternative matches nothing anyway
        ("Stalin date:(1949-12 OR 1950-01)", "Stalin"),  # an OR of ranges alone
    ],
)
def test_a_date_range_in_a_group_or_alternative_that_every_match_meets_is_a_filter_for_the_notice(demo_volumes, q, words) -> None:
    index = demo_volumes("frus1949v07p1")
    found = search(SearchRequest(q=words), index).total
    result = search(SearchRequest(q=q), index)
    assert found > 0 and result.total == 0 and result.hits == []
    assert result.notice == filtered_out(found) and result.explained


@pytest.mark.parametrize(
    "q",
    [
        f"Stalin (Zzzqqq OR {DATES})",  # without the range its alternative would be every document: the words alone are not what it searched
        "Stalin -date:1948..1949",  # excluded: "widen the dates" would be the wrong advice
        f"Stalin (Mao {DATES})",  # no document has both Stalin and Mao, whatever its date
    ],
)
def test_a_date_range_the_matches_need_not_meet_is_not_said_to_have_left_them_out(demo_volumes, q) -> None:
    result = search(SearchRequest(q=q), demo_volumes("frus1949v07p1"))
    assert result.total == 0 and result.notice == "" and not result.explained


def test_a_date_range_in_an_alternative_that_finds_documents_says_nothing(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    result = search(SearchRequest(q=f"(Stalin {DATES}) OR Truman"), index)
    assert result.total == search(SearchRequest(q="Truman"), index).total > 0 and result.notice == "" and not result.explained


# frus1949v07p1 has 423 documents, 6 of them mention Mao.
@pytest.mark.parametrize(
    ("q", "read"),
    [
        ("--Mao", "'--Mao' was read as '-Mao'"),
        ("---Mao", "'---Mao' was read as '-Mao'"),
        ("NOT NOT Mao", "'NOT NOT Mao' was read as 'NOT Mao'"),
        ("NOT -Mao", "'NOT -Mao' was read as '-Mao'"),
        ("-NOT Mao", "'-NOT Mao' was read as '-Mao'"),
        ('--"Mao"', "'--\"Mao\"' was read as '-\"Mao\"'"),
        ("--(Mao)", "'--(Mao)' was read as '-(Mao)'"),
        ("NOT " * 30 + "Mao", "'" + "NOT " * 30 + "Mao' was read as 'NOT Mao'"),  # it nested more than 20 levels deep
    ],
)
def test_negations_in_a_row_exclude_once_and_say_so(demo_volumes, q, read) -> None:
    # --Mao was read as a double negation, Mao: it found the 6 documents the user asked to leave out
    index = demo_volumes("frus1949v07p1")
    mao, everything, excluded = (search(SearchRequest(q=w, page_size=100), index) for w in ("Mao", "", "-Mao"))
    assert (mao.total, everything.total) == (6, 423) and excluded.total == 417 and excluded.notice == ""
    result = search(SearchRequest(q=q, page_size=100), index)
    assert result.total == 417 and [h.identifier for h in result.hits] == [h.identifier for h in excluded.hits]
    assert result.notice == f"{read}: NOT and - in a row exclude what follows them, as one does; they do not cancel out."
    assert not {h.identifier for h in mao.hits} & {h.identifier for h in result.hits}


@pytest.mark.parametrize("q", ['-"Mao"', "-(Mao)", "NOT Mao", "-Mao", "China -Mao", "China --Mao"])
def test_one_negation_is_read_as_written(demo_volumes, q) -> None:
    index = demo_volumes("frus1949v07p1")
    result = search(SearchRequest(q=q, page_size=100), index)
    china, mao = ({h.identifier for h in search(SearchRequest(q=w, page_size=100), index).hits} for w in ("China", "Mao"))
    if q.startswith("China"):  # 47 documents mention China, 4 of them Mao
        assert {h.identifier for h in result.hits} == china - mao and (len(china), len(china & mao)) == (47, 4)
    else:
        assert result.total == 417
    doubled = "'--Mao' was read as '-Mao': NOT and - in a row exclude what follows them, as one does; they do not cancel out."
    assert result.notice == (doubled if "--" in q else "")


@pytest.mark.parametrize(
    ("q", "as_written", "example"),
    [
        ("- Mao", "Mao", "Mao"),
        ("-- Mao", "Mao", "Mao"),
        ("Acheson - Mao", "Acheson Mao", "Mao"),  # a dash between words, as a title writes it
        ('- "Mao Tse-tung"', '"Mao Tse-tung"', '"Mao Tse-tung"'),
        ("- - Mao", "Mao", "Mao"),
        ("Acheson - OR Mao", "Acheson OR Mao", "treaty"),
        ("- -Mao", "-Mao", "treaty"),
    ],
)
def test_a_dash_standing_alone_is_left_out_and_the_rest_read_as_written(demo_volumes, q, as_written, example) -> None:
    # "- Mao" could not be read at all, so its plain words were searched: "Acheson - "Mao Tse-tung""
    # lost its quotation marks, and a dash between words made every word required
    index = demo_volumes("frus1949v07p1")
    result, written = search(SearchRequest(q=q, page_size=100), index), search(SearchRequest(q=as_written, page_size=100), index)
    assert result.total == written.total > 0 and [h.identifier for h in result.hits] == [h.identifier for h in written.hits]
    dash = f"A dash standing alone, with a space after it, was left out; to exclude a word, write the - right before it, as in -{example}."
    assert result.notice == " ".join([dash, written.notice]).strip()


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2212"])
def test_a_dash_a_word_processor_typed_is_the_minus(demo_volumes, dash) -> None:
    """``Stalin –Mao`` (en dash, em dash, minus sign) found what ``Stalin Mao`` finds: the dash was
    read as a word's punctuation; before a word it excludes it, standing alone it is left out as
    ``Stalin - Mao`` is, said so; inside a word it stays a word's (``1949–1950``)."""
    index = demo_volumes("frus1949v07p1")
    excluded, typed = search(SearchRequest(q="Stalin -Mao", page_size=100), index), search(SearchRequest(q=f"Stalin {dash}Mao", page_size=100), index)
    assert (typed.total, typed.notice) == (excluded.total, "") and excluded.total == 2
    assert [h.identifier for h in typed.hits] == [h.identifier for h in excluded.hits]
    alone, ascii_alone = search(SearchRequest(q=f"Stalin {dash} Mao"), index), search(SearchRequest(q="Stalin - Mao"), index)
    assert (alone.total, alone.notice) == (ascii_alone.total, ascii_alone.notice) and alone.notice.startswith("A dash standing alone")
    assert parse(f"1949{dash}1950").text == f"1949{dash}1950" and parse(f"({dash}Mao)").text == "(-Mao)"


def test_a_query_of_dashes_alone_still_has_no_words(demo_volumes) -> None:
    for q in ("- -", "-- --", "-"):
        result = search(SearchRequest(q=q), demo_volumes("frus1949v07p1"))
        assert result.total == 0 and result.explained
        assert result.notice == (
            "The query could not be read as search syntax (a - must come right before a word) and has no words to search for. "
            "Nothing matches. Type words, or clear the box to browse."
        )


@pytest.mark.parametrize(
    ("q", "explained"),
    [
        ("from:Acheson", True),  # a field that matches nothing
        ("language:zz", True),
        (f"Stalin {DATES}", True),  # the dates left every match out
        ("frus1945v01-d1", True),  # a document the archive lacks
        ('"""', True),  # no words
        ("Zzzqqq", False),  # nothing to say but "try another spelling"
        ("Mao -Mao", True),  # the word left out leaves out every match (exclusion_notices)
        ("Zzzqqq -Mao", False),  # the rest finds nothing: not the exclusion's doing
    ],
)
def test_a_search_that_found_nothing_says_whether_its_notice_says_why(demo_volumes, q, explained) -> None:
    result = search(SearchRequest(q=q), demo_volumes("frus1949v07p1"))
    assert result.total == 0 and result.explained is explained and bool(result.notice) is explained
    assert not search(SearchRequest(q="language:(zz OR en)"), demo_volumes("frus1949v07p1")).explained  # found: nothing to explain


def test_the_filtered_out_notice_counts_one_document_in_the_singular():
    assert filtered_out(1).startswith("1 document matches these words, but not within the filters or dates chosen")
    assert filtered_out(1234).startswith("1,234 documents match these words, but none within")


# frus1949v07p1 runs from December 1948 to December 1949; no document's date spans from February to
# June 1949.
APART = ("1949-01..1949-02", "1949-06")


def test_two_date_ranges_typed_that_do_not_overlap_say_so_and_what_to_do(demo_volumes) -> None:
    # "date:1950-01..1950-02 date:1951" found nothing and said nothing (found by a fresh user)
    index = demo_volumes("frus1949v07p1")
    first, last = APART
    alone = [search(SearchRequest(q=f"date:{typed}"), index).total for typed in APART]
    said = (
        f"date:{first} and date:{last} do not overlap: a document meets every date range of a query, so both only when its date "
        f"spans the time between them. Keep one date range, or write date:({first} OR {last}) to find documents of either."
    )
    for q in (f"date:{first} date:{last}", f"date:{last} date:{first}", f"date:{first} (date:{last})", f"Acheson date:{first} date:{last}"):
        result = search(SearchRequest(q=q), index)
        assert (result.total, result.notice, result.explained) == (0, said, True), q
    # what it says to do finds documents: each range alone, and either (no document is in both)
    assert alone[0] and alone[1] and search(SearchRequest(q=f"date:({first} OR {last})"), index).total == sum(alone)
    # open ends, and a range read the other way round, are named as read
    assert search(SearchRequest(q="date:..1949-02 date:1949-06..1949-03"), index).notice.endswith(
        "date:..1949-02 and date:1949-03..1949-06 do not overlap: a document meets every date range of a query, so both only when its "
        "date spans the time between them. Keep one date range, or write date:(..1949-02 OR 1949-03..1949-06) to find documents of either."
    )
    # ranges that overlap, or one excluded or an alternative, say nothing of it
    for q in ("date:1949-01..1949-06 date:1949-06", f"date:{first} -date:{last}", f"date:{first} OR date:{last}", "Zzzqqq date:1949-06"):
        assert "do not overlap" not in search(SearchRequest(q=q), index).notice, q


def test_a_date_range_typed_apart_from_the_dates_chosen_says_so_and_what_to_do(demo_volumes) -> None:
    import datetime as dt

    index = demo_volumes("frus1949v07p1")
    chosen = {"start_date": dt.date(1949, 1, 1), "end_date": dt.date(1949, 2, 28)}
    for match, both in (
        ("overlap", "a document meets both only when its date spans the time between them"),
        ("within", "no document lies wholly within the dates chosen and overlaps it"),
    ):
        result = search(SearchRequest(q="Acheson date:1949-06", date_match=match, **chosen), index)
        assert (result.total, result.explained) == (0, True)
        assert result.notice == (
            f"date:1949-06 and the dates chosen (1949-01-01 to 1949-02-28) do not overlap: {both}. Keep one date range: clear the "
            "dates chosen, or take date:1949-06 out of the query."
        )
    assert search(SearchRequest(q="Acheson date:1949-06"), index).total  # what it says to do finds documents
    assert search(SearchRequest(q="Acheson", **chosen), index).total
    one_end = search(SearchRequest(q="date:1949-06", end_date=dt.date(1949, 2, 28)), index)
    assert one_end.notice.startswith("date:1949-06 and the dates chosen (up to 1949-02-28) do not overlap")
    one_end = search(SearchRequest(q="date:1949-01", start_date=dt.date(1949, 6, 1)), index)
    assert one_end.notice.startswith("date:1949-01 and the dates chosen (from 1949-06-01) do not overlap")


def test_a_lowercase_operator_that_narrows_the_search_is_said_to_be_a_word(demo_volumes) -> None:
    """``mao or stalin`` found fewer documents than ``Mao Stalin``, silently: operators are capitals,
    so "or" was a required word. The page says so when the word narrows the search (or finds
    nothing, the documents with most words shown), and says nothing when it does not."""
    index = demo_volumes("frus1961-63v06")
    counts = {q: search(SearchRequest(q=q), index).total for q in ("Kennedy Khrushchev", "Kennedy or Khrushchev", "Berlin Cuba", "Berlin and Cuba")}
    assert counts == {"Kennedy Khrushchev": 120, "Kennedy or Khrushchev": 57, "Berlin Cuba": 9, "Berlin and Cuba": 9}
    assert search(SearchRequest(q="Kennedy or Khrushchev"), index).notice == (
        "'or' was searched as a word (operators are written in capitals); to find documents with either word, write OR: Kennedy OR Khrushchev."
    )
    assert search(SearchRequest(q="Kennedy not Khrushchev"), index).notice == (
        "'not' was searched as a word (operators are written in capitals); to leave out documents holding a word, write NOT or -: "
        "Kennedy NOT Khrushchev, Kennedy -Khrushchev."
    )
    assert search(SearchRequest(q="Berlin and Cuba"), index).notice == ""  # every document with Berlin and Cuba holds "and"
    assert search(SearchRequest(q="Kennedy OR Khrushchev"), index).notice == ""


def test_two_places_or_types_required_say_a_document_has_one_and_how_to_ask_for_either(demo_volumes) -> None:
    # "place:Batavia place:Saigon" found nothing and said nothing; with the archive's names of places it
    # fell back to documents of either under "No document has all of these words".
    from legation.search.variants import VariantTable

    index = demo_volumes("frus1949v07p1")
    names = VariantTable.from_groups([["Batavia", "Jakarta", "Djakarta"], ["Saigon", "Ho Chi Minh City"]], places={"Batavia", "Saigon"})
    batavia, saigon = (search(SearchRequest(q=f"place:{p}"), index).total for p in ("Batavia", "Saigon"))
    assert (batavia, saigon) == (118, 21)  # the volume's datelines, counted off the TEI by the reader
    for table in (None, names):
        result = search(SearchRequest(q="place:Batavia Place:Saigon"), index, table)
        assert result.total == 0 and result.explained, table
        assert "A document has one place it was sent from, so none matches place:Batavia and place:Saigon; to find documents of any of " \
            "them, write place:(Batavia OR Saigon)." in result.notice
        assert RELAXED_NOTICE not in result.notice
        assert search(SearchRequest(q="place:(Batavia OR Saigon)"), index, table).total == batavia + saigon
    result = search(SearchRequest(q='type:telegram type:"memorandum of conversation"'), index)
    assert result.total == 0 and result.notice == (
        'A document has one type, so none matches type:telegram and type:"memorandum of conversation"; to find documents of '
        'any of them, write type:(telegram OR "memorandum of conversation").'
    )
    alone = [search(SearchRequest(q=f"type:{t}"), index).total for t in ("telegram", '"memorandum of conversation"')]
    assert alone[1] == 20 and search(SearchRequest(q='type:(telegram OR "memorandum of conversation")'), index).total == sum(alone)
    # a phrase ending in a prefix is named quoted, as the other notices name it
    assert "none matches place:Batavia and place:\"The Ha*\";" in search(SearchRequest(q='place:Batavia place:"The Ha*"'), index).notice
    # a place no document was sent from is named by the notice of its own, not as one of two
    assert "A document has one place" not in search(SearchRequest(q="place:Batavia place:Hatta"), index).notice


def test_words_joined_by_a_mark_that_finds_nothing_say_how_many_documents_have_them_apart(demo_volumes) -> None:
    # "Peking/Moscow" found nothing, silently (its parts are sought side by side, as "U.S.S.R"'s letters
    # are), while "Moscow Peking" finds 267 demo documents (a fresh user)
    index = demo_volumes("frus1949v07p1")
    apart = search(SearchRequest(q="Batavia Hague"), index).total
    assert apart > 0
    for joined in ("Batavia/Hague", "Batavia&Hague", "Batavia.Hague"):
        result = search(SearchRequest(q=joined), index)
        assert result.total == 0 and result.explained
        assert result.notice == (
            f"No document has “{joined}” as one word, its parts side by side; written apart (Batavia Hague), the search finds "
            f"{apart:,} documents: write them with a space between."
        )
    within = search(SearchRequest(q="Batavia/Hague", filters={"type": ["Telegram"]}), index)
    assert f"the search finds {search(SearchRequest(q='Batavia Hague', filters={'type': ['Telegram']}), index).total:,} documents" in within.notice
    # beside other words the count is the search's, said so ("3 documents have Mao and Stalin apart" of Mao-Stalin Truman,
    # which Mao Stalin alone finds in 23); none within the dates: said too (it was silent: a fresh user)
    beside = search(SearchRequest(q="Batavia-Hague Indonesia"), index)
    assert f"the search finds {search(SearchRequest(q='Batavia Hague Indonesia'), index).total:,} documents" in beside.notice
    dated = search(SearchRequest(q="Batavia-Hague date:1960"), index)
    assert dated.total == 0 and dated.notice == (
        f"No document has “Batavia-Hague” as one word, its parts side by side; written apart (Batavia Hague), {apart:,} documents "
        "have them, though none the rest of the search finds: write them with a space between, and widen the search."
    )
    # letters joined by full stops are a word's ("U.S.S.R"), and a part no document has gives no notice
    assert "as one word" not in search(SearchRequest(q="U.S.S.R.Zzqx"), index).notice
    assert "as one word" not in search(SearchRequest(q="Batavia/Zzqxv"), index).notice


def test_a_hyphenated_word_or_a_quoted_one_no_document_holds_says_how_many_have_its_parts_apart(demo_volumes) -> None:
    # "Mao-Stalin" (of "the Mao-Stalin talks") and "Peking/Moscow" quoted found nothing, silently (a fresh user)
    index = demo_volumes("frus1949v07p1")
    apart = search(SearchRequest(q="Batavia Hague"), index).total
    hyphened = search(SearchRequest(q="Batavia-Hague"), index)
    assert hyphened.total == 0 and hyphened.notice == (
        f"No document has “Batavia-Hague” as one word, its parts side by side; written apart (Batavia Hague), the search finds "
        f"{apart:,} documents: write them with a space between."
    )
    for quoted, words in (('"Batavia/Hague"', "Batavia Hague"), ('"Batavia-Hague talks"', "Batavia Hague talks")):
        having = search(SearchRequest(q=words), index).total
        result = search(SearchRequest(q=quoted), index)
        assert having > 0 and result.total == 0 and result.notice == (
            f"No document has the phrase “{quoted[1:-1]}”; {having:,} documents have its words apart: search them without the quotation "
            f"marks, and with a space between the parts of a word: {words}."
        )
    # a hyphenated word documents hold, or one of digits (a span of years), says none of this
    held = search(SearchRequest(q="co-operation"), index)
    assert held.total > 0 and "as one word" not in held.notice
    assert "as one word" not in search(SearchRequest(q="1801-1802"), index).notice
    chou = search(SearchRequest(q='"Chou En-lai Batavia"'), index)
    assert "a space between the parts" not in chou.notice


def test_dates_chosen_that_no_document_is_dated_within_say_so_as_dates_typed_do(demo_volumes) -> None:
    # start_date=1950&end_date=1950 found nothing and said nothing, while q=date:1950 says why (a fresh developer)
    index = demo_volumes("frus1949v07p1")
    typed = search(SearchRequest(q="date:1960"), index)
    undated = search(SearchRequest(filters={"year": ["Undated"]}), index).total
    chosen = search(SearchRequest(start_date=dt.date(1960, 1, 1), end_date=dt.date(1960, 12, 31)), index)
    assert typed.total == chosen.total == 0 and typed.explained and chosen.explained
    said = "widen the dates" + (f"; {undated:,} documents have no date, listed as Undated in the Year facet." if undated else ".")
    assert typed.notice == f"No document is dated within date:1960: {said}"
    assert chosen.notice == f"No document is dated within the dates chosen (1960-01-01 to 1960-12-31): {said}"
    assert search(SearchRequest(start_date=dt.date(1990, 1, 1)), index).notice.startswith("No document is dated within the dates chosen (from 1990-01-01)")
    # dates some documents are dated within, left empty by a filter beside them, are not why
    within = search(SearchRequest(start_date=dt.date(1949, 1, 1), end_date=dt.date(1949, 12, 31)), index)
    assert within.total > 0
    assert "dated within" not in search(SearchRequest(start_date=dt.date(1949, 1, 1), end_date=dt.date(1949, 12, 31), filters={"type": ["Zzq"]}), index).notice


def test_a_year_chosen_and_dates_with_no_day_in_common_say_so(demo_volumes) -> None:
    # year=1949 with the dates from 1951 found nothing and said nothing (a fresh user)
    index = demo_volumes("frus1949v07p1")
    cases = [
        (SearchRequest(filters={"year": ["1949"]}, start_date=dt.date(1951, 1, 1)),
         "The year chosen (1949) and the dates chosen (from 1951-01-01) have no day in common: a document of that year meets both "
         "only when its date spans the time between them. Clear the year chosen, or the dates."),
        (SearchRequest(q="date:1960..1961", filters={"year": ["1948", "1949"]}),
         "The years chosen (1948, 1949) and date:1960..1961 have no day in common: a document of those years meets both only when "
         "its date spans the time between them. Clear the years chosen, or the dates."),
        (SearchRequest(filters={"year": ["Undated"]}, end_date=dt.date(1949, 12, 31)),
         "Undated and the dates chosen (up to 1949-12-31) exclude each other: an undated document has no date to meet a date range. "
         "Clear one of them."),
    ]  # fmt: skip
    for request, said in cases:
        result = search(request, index)
        assert (result.total, result.explained) == (0, True) and said in result.notice, request
    # a year the dates share says nothing of it
    shared = search(SearchRequest(filters={"year": ["1949"]}, start_date=dt.date(1949, 6, 1)), index)
    assert shared.total > 0 and "no day in common" not in shared.notice


def test_an_or_beside_more_words_on_one_side_says_how_it_was_grouped(demo_volumes) -> None:
    # collection:frus1964-68v30 Telegram OR Memorandum found documents of every volume, and said
    # nothing: a fresh user took the volume to hold for both words (AND binds before OR)
    index = demo_volumes("frus1964-68v30", "frus1955-57v02")
    typed = "collection:frus1964-68v30 Telegram OR Memorandum"
    other = "collection:frus1964-68v30 (Telegram OR Memorandum)"
    result, grouped = search(SearchRequest(q=typed, page_size=100), index), search(SearchRequest(q=other, page_size=100), index)
    assert result.notice == (
        f"'{typed}' was read as '(collection:frus1964-68v30 Telegram) OR Memorandum': OR joins the words on each side of it, "
        f"as wholes; to join only the words beside it, write '{other}'."
    )
    assert any(not h.identifier.startswith("frus1964-68v30-") for h in result.hits)
    assert grouped.total < result.total and grouped.notice == ""
    assert grouped.hits and all(h.identifier.startswith("frus1964-68v30-") for h in grouped.hits)
    # sides of one length are read as the user means them, two names: nothing to say
    assert search(SearchRequest(q="Dean Rusk OR Averell Harriman"), index).notice == ""
    parsed = parse("Mao OR Stalin treaty")
    assert parsed.node == Or((Term("Mao"), And((Term("Stalin"), Term("treaty")))))
    assert parsed.notice.startswith("'Mao OR Stalin treaty' was read as 'Mao OR (Stalin treaty)': ")
    assert parse("Khrushchev Mao OR Stalin").notice.endswith("to join only the words beside it, write 'Khrushchev (Mao OR Stalin)'.")


def test_a_type_word_matching_several_types_names_them_and_how_to_keep_one(demo_volumes):
    # type:Memorandum found 1,598 demo documents, the Type facet's Memorandum 806, silently: the word
    # matches every type holding it (Memorandum of Conversation, Memorandum for the Record …)
    from collections import Counter

    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1969-76ve13.xml.gz"))
    index = demo_volumes("frus1969-76ve13")
    types = Counter(r.document_type for r in records if r.document_type and "memorandum" in r.document_type.lower().split())
    assert len(types) > 1  # Memorandum, Memorandum of Conversation …
    result = search(SearchRequest(q="type:Memorandum"), index)
    assert result.total == sum(types.values())
    listed = "; ".join(f"{name} ({count:,})" for name, count in sorted(types.items(), key=lambda t: (-t[1], t[0]))[:5])
    assert f"type:Memorandum matches every type holding the word: {listed}" in result.notice
    assert result.notice.endswith("; to keep one, choose it under Type.")
    # one type among the matches, or the type chosen in its facet: nothing to say
    assert "matches every type" not in search(SearchRequest(q='type:"Memorandum of Conversation"'), index).notice
    chosen = search(SearchRequest(q="type:Memorandum", filters={"type": ["Memorandum"]}), index)
    assert "matches every type" not in chosen.notice
