"""Control characters in the query separate words, as a space does, on the real documents: Mao\\x00Zhou
found nothing and said nothing, while Mao\\tZhou found Mao's and Zhou's documents."""

from __future__ import annotations

import pytest

from legation.search.query import parse
from legation.search.service import NO_WORDS_NOTICE, SearchRequest, search
from legation.web.params import search_request_from

SEPARATORS = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f", "\x0b", "\x1c"]


@pytest.mark.parametrize("control", SEPARATORS)
def test_a_control_character_between_words_separates_them(demo_volumes, control) -> None:
    index = demo_volumes("frus1949v07p1")
    spaced = search(SearchRequest(q="Mao Zhou"), index)
    result = search(search_request_from({"q": [f"Mao{control}Zhou"]}), index)  # as the page and the API read it
    assert spaced.total > 0
    assert (result.total, [h.identifier for h in result.hits], result.notice) == (spaced.total, [h.identifier for h in spaced.hits], spaced.notice)
    assert result.query_echo == "Mao Zhou"


@pytest.mark.parametrize("q", [*SEPARATORS, "\x00\x85\x7f", " \x85 "])
def test_control_characters_alone_are_no_words(demo_volumes, q) -> None:
    index = demo_volumes("frus1949v07p1")
    request = search_request_from({"q": [q]})
    assert request.q == q.strip(" ")
    result = search(request, index)
    assert (result.total, result.hits, result.notice) == (0, [], NO_WORDS_NOTICE)
    assert parse(q).node is None and parse(q).notice == ""


def test_spaces_around_a_query_are_still_taken_off() -> None:
    assert search_request_from({"q": ["\t Mao \u00a0\n"]}).q == "Mao"
    assert search_request_from({"q": [" \t "]}).q == ""


@pytest.mark.parametrize("q", ["\u200b", "\ufeff", "\u00ad", "\u2060", "\u200e", "\u202e", " \u200b\u200f "])
def test_invisible_characters_alone_are_an_empty_box(demo_volumes, q) -> None:
    # a zero-width space, a byte order mark or a direction mark alone found nothing ("no words to search
    # for"), where a space alone lists every document: the box shows nothing either way (a fresh developer)
    index = demo_volumes("frus1949v07p1")
    empty = search(SearchRequest(q=""), index)
    for request in (search_request_from({"q": [q]}), SearchRequest(q=q)):  # the page's, the service's own
        result = search(request, index)
        assert (result.total, result.notice) == (empty.total, empty.notice) and empty.total > 400
    assert search_request_from({"q": [f"\u200bMao\u200e"]}).q == "Mao"


# soft hyphen, word joiner, byte order mark: what a name pasted from a web page or a PDF carries, and
# what ingest drops from every text (analyzers.drop_invisible); a zero-width space is read both ways
INVISIBLE = ["\u00ad", "\u2060", "\ufeff"]


@pytest.mark.parametrize("invisible", INVISIBLE)
def test_an_invisible_character_inside_a_word_is_dropped_as_from_the_documents(demo_volumes, invisible) -> None:
    """``Khru\\u00adshchev`` found the 3 documents that hold "Khru-shchev" (a fresh user's report),
    ``ma\\u200bo`` nothing: the query kept what ingest drops."""
    index = demo_volumes("frus1961-63v06")
    plain = search(SearchRequest(q="Khrushchev Kennedy"), index)
    result = search(search_request_from({"q": [f"Khru{invisible}shchev Ken{invisible}nedy{invisible}"]}), index)
    assert plain.total > 100
    assert (result.total, [h.identifier for h in result.hits], result.notice) == (plain.total, [h.identifier for h in plain.hits], plain.notice)
    assert result.query_echo == "Khrushchev Kennedy"


def test_a_zero_width_space_between_letters_is_read_as_nothing_and_as_a_space(demo_volumes) -> None:
    """``Mao\u200bStalin`` found nothing: the query dropped the space Unicode reads as a break (and
    the index's tokenizers too), making one word no document has; ``Khru\u200bshchev`` must still
    find Khrushchev, as ingest drops the character from the texts it reads."""
    index = demo_volumes("frus1961-63v06")
    apart, joined = search(SearchRequest(q="Kennedy Khrushchev"), index), search(SearchRequest(q="KennedyKhrushchev"), index)
    assert (apart.total, joined.total) == (120, 0)
    assert search(SearchRequest(q="Kennedy\u200bKhrushchev"), index).total == 120
    assert search(SearchRequest(q="Khru\u200bshchev Kennedy\u200b"), index).total == 120
    assert parse("\u200bMao\u200b\u200bStalin\u200b").text == "Mao\u200bStalin"  # at a word's edge it joins nothing; a run is one


def test_a_zero_width_joiner_a_script_needs_stays() -> None:
    """Inside a Persian word the zero-width non-joiner is part of its spelling, as ingest keeps it."""
    assert parse("می\u200cخواهم").text == "می\u200cخواهم"


@pytest.mark.parametrize("emoji", ["\u2764\ufe0f", "\u263a\ufe0f", "\u2708\ufe0f"])
def test_an_emoji_with_its_variation_selector_is_no_word(demo_volumes, emoji) -> None:
    # "Mao ❤️" (a heart and VS16) said "No document has all of these words": the selector was a word of its own
    index = demo_volumes("frus1949v07p1")
    plain = search(SearchRequest(q="Mao"), index)
    result = search(SearchRequest(q=f"Mao {emoji}"), index)
    assert plain.total > 0 and (result.total, result.notice) == (plain.total, plain.notice)
    assert search(SearchRequest(q=emoji), index).notice == NO_WORDS_NOTICE
