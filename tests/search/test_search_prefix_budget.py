"""A query of many prefix* words: each is expanded once, and at most MAX_PREFIX_WORDS of them
(249 of them took 2 to 3 s a search of the demo archive), on the real documents."""

from __future__ import annotations

import itertools
import string

from legation.search.query import MAX_PREFIX_WORDS, And, Or, Term, parse
from legation.search.service import SearchRequest, search

TWO_LETTERS = ["".join(p) for p in itertools.product(string.ascii_lowercase, repeat=2)][:249]


def _same(a, b) -> None:
    assert (a.total, [h.identifier for h in a.hits]) == (b.total, [h.identifier for h in b.hits])


def test_a_repeated_prefix_word_is_searched_once(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    many = search(SearchRequest(q=" ".join(["st*"] * 249)), index)
    assert parse(" ".join(["st*"] * 249)).node == Term("st", None, True)
    _same(many, search(SearchRequest(q="st*"), index))
    assert many.notice == "" and many.total > 0
    either = " OR ".join(["co*"] * 143)
    assert len(either) == 997 and parse(either).node == Term("co", None, True)
    _same(search(SearchRequest(q=either), index), search(SearchRequest(q="co*"), index))
    # case does not make another word: ST* expands as st*
    assert parse("ST* st* Mao").node == And((Term("ST", None, True), Term("Mao")))
    assert parse("title:st* OR st*").node == Or((Term("st", "title", True), Term("st", None, True)))


def test_prefix_words_beyond_the_budget_are_searched_as_typed_and_said_so(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    q = " ".join(w + "*" for w in TWO_LETTERS)
    parsed = parse(q)
    first, rest = TWO_LETTERS[:MAX_PREFIX_WORDS], TWO_LETTERS[MAX_PREFIX_WORDS:]
    assert MAX_PREFIX_WORDS == 8 and len(q) == 995
    assert parsed.node == And((*(Term(w, None, True) for w in first), *(Term(w) for w in rest)))
    assert parsed.notice == (
        "Only the first 8 different words ending in * were searched as the words they begin; the other 241 were searched as "
        "typed, without the *: ai, aj, ak, al, am and 236 more. Search fewer words with *, or type them in full."
    )
    as_read = " ".join([*(w + "*" for w in first), *rest])
    result, expected = search(SearchRequest(q=q), index), search(SearchRequest(q=as_read), index)
    _same(result, expected)
    assert result.notice == parsed.notice + " " + expected.notice if expected.notice else result.notice == parsed.notice


def test_eight_prefix_words_are_all_expanded(demo_volumes) -> None:
    q = "Mao* Zho* Chou* Stal* Mosc* Pek* trea* All*"
    assert parse(q).notice == "" and all(t.prefix for t in parse(q).node.items)
    assert parse(q + " Kor*").notice.startswith("Only the first 8 different words ending in * were searched")
    assert parse(q + " Kor*").node.items[-1] == Term("Kor")
    # under NOT and in a field group they count too
    assert parse(q + " -(Kor*)").node.items[-1].item == Term("Kor")
    assert parse(q + " title:(Kor*)").node.items[-1] == Term("Kor", "title")
