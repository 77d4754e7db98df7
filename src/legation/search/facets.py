"""Facet filters and counts over tantivy's raw-text fast fields (``facet_<name>``).

Counts come from one terms aggregation over every match (not just the page). Measured on the
31,667 FRUS documents (2 cores): five facets over all documents take 3.3 ms p50 with raw-text fast
fields and the same with tantivy facet fields, while per-term counting (``terms_with_prefix`` with
a filter query) takes 6.7 ms; raw-text fields win on simplicity (plain string keys, plain term
filters).

The aggregation counts each value's number (:func:`legation.search.schema.value_id`, in the
integer fast field ``facet_<name>_id``), named from the values counted before
(:data:`VALUE_NAMES`): an aggregation over the strings themselves looks every value it counts up
in each segment's zstd-compressed term dictionary, which for a few thousand matches was most of its
cost (100,000 documents, 6 segments, the senders of "government"'s 1,477 matches: 0.70 ms by
strings, 0.07 by numbers; seven facets 3.2 ms against 0.7).

An aggregation walks every match, so its cost grows with their number: seven facets over the
496,000 matches of ``department`` in a synthetic archive of 1,000,000 documents take 68-79 ms of
CPU, over all 1,000,000 documents 124-158 ms. Above :data:`SAMPLE_ABOVE` matches (as a pilot sample
estimates them, when the facets are counted before the total is known: :func:`sample_of`) the counts are
therefore estimated from a uniform random sample of about :data:`SAMPLE_TARGET` of them
(:class:`Sample`: the documents in the first buckets of :func:`legation.search.schema.sample_bucket`)
and scaled up, as Elasticsearch's ``random_sampler`` aggregation does; results say so. A value
holding a share *p* of the matches is then counted within about ±2·√((1-p)/(p·20,000)): ±14 %
for 1 %, ±4 % for 10 %.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import tantivy
from tantivy import FieldType, Occur, Query

from legation.search import analyzers
from legation.search.schema import SAMPLE_BUCKETS, SAMPLE_FIELD, FacetField, value_id

# Terms per segment that each segment reports before merging (at least ten times the size asked
# for). A value outside a segment's top terms loses that segment's documents from its count (the
# demo's unfiltered page showed a sender with 47 documents who has 48), so counts meant to be exact
# (not on a sample) over an index of several segments ask every segment for all its terms
# (EXACT_SEGMENT_SIZE). That costs little more than the top 200: the walk over the matches is
# most of an aggregation, not the terms it reports (100,000 documents, 2 segments, 384 queries:
# 4.6 ms a query against 4.0). Counting with 200 first and again with all terms where tantivy
# reported a possible error (doc_count_error_upper_bound), as before, walked the matches twice
# for half the queries: facets took p50 8.4, p95 52 ms, against 6.7 and 30 in one pass, with the
# same counts. One segment's counts are exact whatever it reports (a merged index); a sample's
# are estimates anyway.
SEGMENT_SIZE = 200
EXACT_SEGMENT_SIZE = 1 << 20


SAMPLE_ABOVE = 50_000  # matches; above this many, facets are counted on a sample
SAMPLE_TARGET = 20_000  # matches the sample aims to hold


@dataclass(frozen=True)
class Sample:
    """The documents in sample buckets ``0 .. buckets - 1`` (of
    :data:`~legation.search.schema.SAMPLE_BUCKETS`): about ``buckets / SAMPLE_BUCKETS`` of any
    set of documents, chosen by a hash of their identifiers. ``only``: the query matching them."""

    buckets: int
    only: Query

    @property
    def scale(self) -> float:
        """What a count in the sample is multiplied by to estimate the count in all matches."""
        return SAMPLE_BUCKETS / self.buckets

    def restrict(self, query: Query) -> Query:
        """``query``, matching only documents of the sample (scores unchanged)."""
        return Query.boolean_query([(Occur.Must, query), (Occur.Must, self.only)])


def sample_for(idx_schema: tantivy.Schema, matches: int) -> Sample | None:
    """The sample to count facets on for ``matches`` matching documents: ``None`` (count them
    all) up to :data:`SAMPLE_ABOVE`, else the fewest buckets expected to hold
    :data:`SAMPLE_TARGET` matches."""
    if matches <= SAMPLE_ABOVE:
        return None
    buckets = math.ceil(SAMPLE_BUCKETS * SAMPLE_TARGET / matches)
    return None if buckets >= SAMPLE_BUCKETS else _buckets(idx_schema, buckets)


def _buckets(idx_schema: tantivy.Schema, buckets: int) -> Sample:
    """The sample of the documents in the first ``buckets`` buckets."""
    bucket = Query.range_query(idx_schema, SAMPLE_FIELD, FieldType.Integer, 0, buckets - 1)
    return Sample(buckets, Query.const_score_query(bucket, 0.0))


PILOT_BUCKETS = 1  # of SAMPLE_BUCKETS: the pilot sample (1/256 of the documents) that estimates how many match
PILOT_MARGIN = 0.3  # an estimate up to this far above SAMPLE_ABOVE (30 %) counts the facets of every match
PILOT_MATCHES = 100  # a pilot is asked only if it holds this many matches at SAMPLE_ABOVE (a standard error ≤ 10 %)


def sample_of(
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    query: Query,
    matches: int | None = None,
    within: Callable[[Sample], Query] | None = None,
) -> Sample | None:
    """The sample to count the facets of ``query``'s matches on (:func:`sample_for`), from their
    number ``matches`` when known, else without counting them all: the matches in a pilot sample
    of :data:`PILOT_BUCKETS` bucket(s), scaled up, estimate it. ``within(sample)``: ``query`` with
    the documents of a sample sought phrase by phrase, as the facets are then counted
    (:func:`legation.search.service._words_in`): the pilot ANDed with the whole query alone left
    tantivy checking a phrase's positions in every document holding its words (1,000,000
    documents: 34 ms for the pilot of ``"Secretary of State"``). Counting every match walks them
    all (at 1,000,000 documents up to 40 ms for a common word, as long as the facets themselves
    on the critical path of a search); the pilot reads about 1/256 of them. The estimate holds
    about 1/256 of the matches, so near :data:`SAMPLE_ABOVE` (50,000 matches: about 195 in the
    pilot, a standard error of 7 %) it may err: an estimate up to :data:`PILOT_MARGIN` above it
    counts every match's facets exactly, which costs little more than counting the matches to
    decide did (matches 48,942 to 60,024 at 1,000,000 documents: 22 ms of counting, then the
    facets), so no search the rule would count exactly is estimated; above that margin, the
    sample's size follows the estimate (a sample of about :data:`SAMPLE_TARGET` matches, give or
    take a few per cent). An archive of at most :data:`SAMPLE_ABOVE` documents is never sampled,
    and asks no pilot; nor is a pilot asked when it would hold fewer than :data:`PILOT_MATCHES` at
    the threshold (thresholds set lower)."""
    if matches is None:
        if searcher.num_docs <= SAMPLE_ABOVE:
            return None
        if SAMPLE_ABOVE * PILOT_BUCKETS / SAMPLE_BUCKETS >= PILOT_MATCHES:
            pilot = _buckets(idx_schema, PILOT_BUCKETS)
            estimate = count(searcher, pilot.restrict(query if within is None else within(pilot))) * pilot.scale
            return None if estimate <= SAMPLE_ABOVE * (1 + PILOT_MARGIN) else sample_for(idx_schema, round(estimate))
        matches = count(searcher, query)
    return sample_for(idx_schema, matches)


def facet_filter(idx_schema: tantivy.Schema, facet: FacetField, values: Iterable[str]) -> Query:
    """Documents having any of ``values`` (exact strings) in ``facet``."""
    terms = [Query.term_query(idx_schema, facet.index_field, v) for v in dict.fromkeys(values)]
    return terms[0] if len(terms) == 1 else Query.boolean_query([(Occur.Should, t) for t in terms])


def top_values(
    searcher: tantivy.Searcher,
    query: Query,
    facets: Iterable[FacetField],
    size: int,
    sizes: dict[str, int] | None = None,
    sample: Sample | None = None,
    containing: str = "",
) -> dict[str, list[tuple[str, int]]]:
    """The ``size`` most frequent values of each facet among documents matching ``query``:
    ``{facet name: [(value, count), …]}``, by count descending, ties in a reader's order of what
    the list shows (:func:`by_count`, :meth:`FacetField.label_of`), so the values a tie at the last
    leaves out are those a reader would find last. ``sizes`` gives some
    facets another size (facet name → size), all still counted in one pass over the matches, and
    exactly unless on a sample (see :data:`SEGMENT_SIZE`). With ``sample``, the counts are those in
    the sample times :attr:`Sample.scale`, rounded (estimates). ``containing``: only values holding
    this text, ignoring case (:func:`include_pattern`), among all values, not only the most frequent.

    The values are counted by their numbers (:attr:`FacetField.id_field`), which are named from
    :data:`VALUE_NAMES`; a facet with a number not named yet is counted again by its strings
    (as :func:`text_top_values`), which names them."""
    facets = list(facets)
    if not facets:
        return {}
    if containing:
        return text_top_values(searcher, query, facets, size, sizes, sample, containing)
    wanted = {f.name: (sizes or {}).get(f.name, size) for f in facets}
    counted, scale, every_term = _walked(searcher, query, sample)
    spec = {f.name: _terms(f.id_field, wanted[f.name], every_term, TIE_MARGIN) for f in facets}
    result = searcher.aggregate(counted, spec)
    tops: dict[str, list[tuple[str, int]]] = {}
    unnamed: list[FacetField] = []
    for f in facets:
        buckets = [(b["key"], b["doc_count"]) for b in result[f.name]["buckets"]]
        n = wanted[f.name]
        # the values shown: those counted at least as often as the n-th, whose ties by_count cuts
        last = buckets[n - 1][1] if len(buckets) >= n else 0
        shown = [(key, count) for key, count in buckets if count >= last]
        names = [VALUE_NAMES.get(key) for key, _ in shown]
        if None in names or (len(buckets) == n + TIE_MARGIN and buckets[-1][1] == last):  # a tie past those asked for
            unnamed.append(f)
            continue
        values = ((name, round(count * scale)) for name, (_, count) in zip(names, shown, strict=True))
        tops[f.name] = by_count(values, f.label_of)[:n]  # type: ignore[arg-type]
    if unnamed:  # counted by their strings, TIE_MARGIN values more, named from then on
        by_text = text_top_values(searcher, query, unnamed, size, {f.name: wanted[f.name] + TIE_MARGIN for f in unnamed}, sample)
        tops.update({name: values[: wanted[name]] for name, values in by_text.items()})
    return tops


TIE_MARGIN = 40  # values a count by numbers asks for past those wanted, so ties at the last are cut by by_count


class ValueNames:
    """Facet values by their numbers (:func:`legation.search.schema.value_id`), as counted by
    :func:`text_top_values`: each value once seen is kept for the life of the process (a value's
    number never changes; at most one entry per value an index holds, tens of bytes each). Read
    from any thread; written under a lock."""

    def __init__(self) -> None:
        self._names: dict[int, str] = {}
        self._lock = threading.Lock()

    def get(self, number: int) -> str | None:
        """The value numbered ``number``, or ``None`` when none counted so far has it."""
        return self._names.get(number)

    def learn(self, values: Iterable[str]) -> None:
        """Remember the numbers of ``values``."""
        learnt = {value_id(v): v for v in values}
        with self._lock:
            self._names.update(learnt)


VALUE_NAMES = ValueNames()


def text_top_values(
    searcher: tantivy.Searcher,
    query: Query,
    facets: list[FacetField],
    size: int,
    sizes: dict[str, int] | None = None,
    sample: Sample | None = None,
    containing: str = "",
) -> dict[str, list[tuple[str, int]]]:
    """:func:`top_values` counted by the facets' strings (``facet_<name>``), whose values it
    teaches :data:`VALUE_NAMES`: a terms aggregation that looks each value counted up in every
    segment's compressed term dictionary. Needed for ``containing`` (a pattern over the strings)."""
    if len(containing) > PATTERN_CHARS:
        return _top_values_containing_long(searcher, query, facets, size, sizes or {}, sample, containing)
    query, scale, every_term = _walked(searcher, query, sample)
    only = {"include": include_pattern(containing)} if containing else {}
    spec = {f.name: _terms(f.index_field, (sizes or {}).get(f.name, size), every_term, **only) for f in facets}
    result = searcher.aggregate(query, spec)
    VALUE_NAMES.learn(b["key"] for agg in result.values() for b in agg["buckets"])
    return {
        f.name: by_count(((b["key"], round(b["doc_count"] * scale)) for b in result[f.name]["buckets"]), f.label_of)
        for f in facets
    }


def _walked(searcher: tantivy.Searcher, query: Query, sample: Sample | None) -> tuple[Query, float, bool]:
    """What a facet count's aggregation walks (``query``, on the documents of ``sample`` when
    given), what its counts are multiplied by, and whether each segment must report every value
    (exact counts over several segments: :data:`EXACT_SEGMENT_SIZE`)."""
    if sample is None:
        return query, 1.0, searcher.num_segments > 1
    return sample.restrict(query), sample.scale, False


def _terms(field: str, size: int, every_term: bool, more: int = 0, **options: object) -> dict:
    """A terms aggregation of ``field``'s ``size`` most frequent values (and ``more`` after them),
    each segment reporting every value (``every_term``) or ten times ``size`` (:data:`SEGMENT_SIZE`)."""
    segment_size = EXACT_SEGMENT_SIZE if every_term else max(SEGMENT_SIZE, size * 10)
    return {"terms": {"field": field, "size": size + more, "segment_size": segment_size, **options}}


# The characters of a text sought whose include pattern tantivy compiles: it refuses a pattern past
# 1,000 states, which 48 letters "o" (76 forms each, folded alike) or 60 of "Secretary of State …"
# exceed, and 40 of the former do not.
PATTERN_CHARS = 32
LONG_TEXT_CANDIDATES = 10  # times the values asked for, sought by a long text's start


def _top_values_containing_long(
    searcher: tantivy.Searcher,
    query: Query,
    facets: list[FacetField],
    size: int,
    sizes: dict[str, int],
    sample: Sample | None,
    containing: str,
) -> dict[str, list[tuple[str, int]]]:
    """:func:`top_values` of the values holding a text longer than :data:`PATTERN_CHARS`: those
    holding its start, through the pattern (more of them, :data:`LONG_TEXT_CANDIDATES` times),
    then those holding the whole text, sought in hand as :func:`include_pattern` seeks it."""
    wanted = {f.name: sizes.get(f.name, size) for f in facets}
    candidates = top_values(
        searcher, query, facets, max(1000, LONG_TEXT_CANDIDATES * size),
        {name: max(1000, LONG_TEXT_CANDIDATES * n) for name, n in wanted.items()}, sample, containing[:PATTERN_CHARS],
    )
    folded = analyzers.letters_folded(containing)
    return {
        name: [(v, n) for v, n in values if folded in analyzers.letters_folded(v)][: wanted[name]] for name, values in candidates.items()
    }


_DASH_CLASS = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in analyzers.DASHES) + "]"  # any dash (analyzers.letters_folded)


def include_pattern(text: str) -> str:
    """The terms aggregation's ``include`` regular expression (Rust ``regex`` syntax, matched
    against the whole value) for the values holding ``text``, ignoring case and the accents the
    index folds (:func:`legation.search.analyzers.same_letters`): ``hammarskjold`` finds
    "Hammarskjöld", ``Gomułka`` "Gomulka"; any dash any other (``1964-1968`` "1964–1968"). ASCII
    punctuation is escaped, which that syntax allows, but ``<`` and ``>``: escaped, they are word boundaries."""

    def one(c: str) -> str:
        if c in analyzers.DASHES:  # "1964-1968" finds "1964–1968", as search and suggest read dashes alike
            return _DASH_CLASS
        if c.isascii() and not c.isalnum() and not c.isspace():
            return c if c in "<>" else f"\\{c}"
        letters = analyzers.same_letters(c)
        return f"[{letters}]" if len(letters) > 1 else c

    return "(?is).*" + "".join(one(c) for c in text) + ".*"


def count(searcher: tantivy.Searcher, query: Query) -> int:
    """Number of documents matching ``query``. Scored, tantivy would weigh every match for the one
    hit a search must ask for (``limit=1``): at 1,000,000 documents the pilot of ``the of and``
    (2,956 matches) took 24 ms scored, 10 ms with the query's score constant."""
    return searcher.search(Query.const_score_query(query, 0.0), limit=1, count=True).count


def by_count(values: Iterable[tuple[str, int]], label: Callable[[str], str] | None = None) -> list[tuple[str, int]]:
    """``values`` (``(value, count)``) the most frequent first, those counted alike in a reader's
    order of what the list shows (``label`` of a value, the value itself by default): ignoring
    case and accents (:func:`legation.search.analyzers.letters_folded`), so "All Diplomatic and
    Consular Posts" comes before "All Diplomatic Posts" and "Ömer Ünlü" before "Zeynep Şahin"
    (their code points put capitals and accented letters last), then as written."""

    def key(vc: tuple[str, int]) -> tuple[int, str, str, str]:
        shown = label(vc[0]) if label is not None else vc[0]
        return (-vc[1], analyzers.letters_folded(shown), shown, vc[0])

    return sorted(values, key=key)


def in_order(facet: FacetField, values: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``values`` (``(value, count)``) in the order a facet list shows them: by count (:func:`by_count`,
    ties by what the list shows: a language's name, not its code) or, for an ordered facet, by
    value: ``1948, 1949, 1951 … Undated``."""
    if not facet.ordered:
        return by_count(values, facet.label_of)
    return sorted(values, key=lambda vc: (not vc[0].isdigit(), int(vc[0]) if vc[0].isdigit() else 0, vc[0]))
