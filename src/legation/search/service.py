"""Search: plain request in, plain result out. The HTML pages, the JSON API and the CLI call this.

:func:`search` runs a chain of small steps, each usable alone: :func:`validate` → parse
(:func:`legation.search.query.parse`) → :func:`filter_queries` → sort and page (:func:`fetch_page`)
→ :func:`legation.search.snippets.best_snippets` / :func:`make_hit`, while :func:`facets_and_years`
(:func:`count_facets`, :func:`year_histogram`) runs beside them in another thread
(:mod:`legation.search.parallel`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TypeVar

import tantivy
from tantivy import Occur, Order, Query

from legation.config import config
from legation.errors import InvalidQuery, UnknownFacet
from legation.printable import documents, in_words, number_runs, quoted, shortened
from legation.records.dates import display_date
from legation.records.document_record import PAGES
from legation.records.frus_edition import FRUS_EDITION
from legation.records.languages import is_language_tag, language_tag
from legation.records.place_names import places_written_alike
from legation.search import facets as facet_counts
from legation.search import query as user_query
from legation.search import analyzers, follower, parallel, schema, snippets, spelling, variants
from legation.search.indexer import SearchIndex

MAX_PAGE_SIZE = 100
MAX_FILTER_VALUES = 50  # values of one facet a request may select: every facet link of a page repeats them
# values a facet lists, the most frequent: ten, as Elasticsearch's terms aggregation and Blacklight's
# facet lists; a long facet's page lists up to MAX_FACET_VALUES and its box finds any value
FACET_SIZE = 10
ORDERED_FACET_SIZE = 100  # values an ordered facet lists (years: a century), see facet_size()
MAX_RESULT_WINDOW = 100_000  # deepest result reachable by paging (tantivy keeps offset+limit hits in memory)
SUMMARY_CHARS = 300
DATE_FILTER = "date"  # key of the date range in filter_queries()
NO_WORDS_NOTICE = (
    "The query has no words to search for (a word is letters or digits; one of more than 40 letters may be left out); "
    "nothing matches. Type words, or clear the box to browse."
)
NOTHING_MATCHES = "Nothing matches. Type words, or clear the box to browse."
FEW_RESULTS = 5  # at or below this many hits, a spelling correction is offered
# documents from which a search counts its facets in another thread beside the page (search/parallel.py):
# at 1,000,000 facets are half a search (20 ms at the median); at 5,000 (the demo) under 1 ms, less
# than handing them to a thread costs
PARALLEL_FROM = 50_000


def catching_up(behind: int) -> str:
    """The notice of a search while the index has ``behind`` change-log entries yet to take in
    (:func:`legation.search.follower.entries_behind`)."""
    changes = "change" if behind == 1 else "changes"
    return (
        f"The search index is still taking in {behind:,} recent {changes} (an ingest or edits), so these results may "
        "leave some documents out; search again in a moment for all of them."
    )


RELAXED_NOTICE = "No document has all of these words; showing documents with some of them, those with the most first."
RELAXED_SORTED_NOTICE = "No document has all of these words; showing documents with some of them."  # in date order
# a query holding FRUS citations and other words: the citations find, the words rank (query.most_words_query's cited)
_PROSE_PUNCTUATION = ".,;:!?()[]\"'"  # around a word of prose pasted (a footnote), not part of it

CITED_RANKED_NOTICE = "The other words of the query rank the documents the citations name, those with the most of them first."


def past_last_page(page: int, last_page: int, ask: str = "") -> str:
    """What to say of a ``page`` of results past the ``last_page``, in the search page, the API's
    ``notice`` and ``legation search`` alike: ``ask`` is how each asks for the last page
    (``page=3``, ``--page 3``), left out where a link to it follows."""
    said = f"Page {page:,} is past the last page of results, page {last_page:,}"
    return f"{said}: ask for {ask}." if ask else f"{said}."


def filtered_out(count: int, words: bool = True) -> str:
    """The notice for words that match ``count`` (≥ 1) documents, none of them within the filters or
    dates; for a query without ``words`` (``date:1961 -date:1961``, ``-Mao``), the rest of the query:
    it said "4,659 documents match these words" of a query that has none."""
    what = "these words" if words else "the query without its date ranges and filters"
    matches = f"1 document matches {what}, but not" if count == 1 else f"{count:,} documents match {what}, but none"
    return f"{matches} within {'the filters or dates chosen' if words else 'them'}: remove a filter or widen the dates."


def undated_out(node: user_query.Node | None, undated: int, chosen: str = "") -> str:
    """The notice for a query of date ranges and no words (``date:1950``) that finds nothing,
    ``undated`` of whose documents (those the filters leave) have no date: no document is dated
    within the ranges; widen them, or look among the undated. It said "Try fewer words or another
    spelling" of a query without words. ``chosen``: the dates chosen instead, in words (the boxes'
    ``1950-01-01 to 1950-12-31``, which said nothing)."""
    ranges = f"the dates chosen ({chosen})" if chosen else " and ".join(f"date:{_typed_range(r)}" for r in _required_ranges(node)) or "the dates given"
    said = f"No document is dated within {ranges}: widen the dates"
    if undated:
        have = "1 document has" if undated == 1 else f"{undated:,} documents have"
        said += f"; {have} no date, listed as {schema.UNDATED} in the Year facet"
    return said + "."


@dataclass
class SearchRequest:
    """What to search. ``filters``: facet name → selected values (values of one facet OR'ed,
    facets AND'ed). ``start_date``/``end_date``: keep documents whose date range overlaps
    [start, end] (either may be None; undated documents are then excluded), or lie wholly
    inside it when ``date_match`` is ``"within"``. ``sort``: a name
    from :data:`legation.search.schema.SORTS`; relevance without words means oldest first; hits
    tied in the order (one score, one day) come by date, then identifier (:func:`fetch_page`).
    ``page`` counts from 1; ``page_size`` is 1..100. ``facet_values_at``: where the caller lists a
    facet's values, ``{name}`` standing for the facet's name (the search page's ``/facets/{name}``,
    the API's ``/api/facets/{name}``), which a notice of a filter's value no document has names;
    "" names none."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    date_match: str = "overlap"
    facet_values_at: str = ""


DATE_MATCHES = ("overlap", "within")


@dataclass
class YearCount:
    """Matches dated in ``years`` years from ``year`` (a bar of the histogram: one year, or, over
    a span wider than MAX_HISTOGRAM_YEARS, a run of years; a document whose date spans several
    years counts in each)."""

    year: int
    count: int
    years: int = 1


@dataclass
class Hit:
    """One result. ``summary`` is the document's summary or, failing that, the opening of its
    text, unless a snippet shows that opening already (``""`` then); ``title_html`` and
    ``summary_html`` are the title and the summary whole, HTML-escaped, with the words of the
    query they hold in ``<mark>…</mark>`` as a snippet marks them
    (:func:`legation.search.snippets.marked_html`). ``snippet_html`` an HTML-escaped passage of the text (or summary) with the matched
    words in ``<mark>…</mark>`` ("" when no word of the query occurs there); ``snippets_html``
    that passage and, for a long text, up to two more elsewhere in it, best first
    (:func:`legation.search.snippets.best_snippets`; ``[]`` when there is none). ``score`` is the
    relevance score (BM25 with field boosts), ``0.0`` when the results are sorted by date.
    What shows why a hit matched when neither its title, its summary nor its snippets mark a
    word: ``named``, the document's agents the query names (:func:`named_agents`: a document that
    mentions "Chou", linked by its editors to Chou En-lai, found by ``"Zhou Enlai"``), and failing
    those ``subjects_html``, a passage of each of its subjects holding a word of the query, marked
    as a snippet (:func:`subject_passages`: a FRUS chapter's heading, shown nowhere else); else ``[]``;
    and failing those ``source_html``, a passage of its archival source (the source note, its
    repositories) holding a word of the query ("… Repeated to <mark>Seoul</mark> …"); else ``[]``.
    ``pages``: the printed pages of its collection that print it (``"289–291"``), ``""`` when not known."""

    identifier: str
    title: str
    title_html: str
    date_display: str
    date_edtf: str
    document_type: str
    summary: str
    summary_html: str
    snippet_html: str
    snippets_html: list[str]
    senders: list[str]
    recipients: list[str]
    collections: list[str]
    score: float
    named: list[NamedAgent] = field(default_factory=list)
    subjects_html: list[str] = field(default_factory=list)
    source_html: list[str] = field(default_factory=list)
    pages: str = ""

    @property
    def pages_cited(self) -> str:
        """:attr:`pages` as a citation writes them: ``"p. 290"``, ``"pp. 289–291"``; ``""`` when not known."""
        if not self.pages:
            return ""
        ranged = PAGES.fullmatch(self.pages)
        return f"pp. {self.pages}" if ranged is not None and ranged.group(2) else f"p. {self.pages}"

    @property
    def snippets_repeat_summary(self) -> bool:
        """Whether every snippet is a passage of the summary shown whole (a hit matched in its
        summary alone, whose passages are sought there last): the page shows it once."""
        return bool(self.snippets_html) and bool(self.summary_html) and all(
            s.removeprefix("… ").removesuffix(" …") in self.summary_html for s in self.snippets_html
        )

    @property
    def marked(self) -> bool:
        """Whether the title, the summary or a snippet marks a word of the query: the page shows why the hit matched."""
        return "<mark>" in self.title_html or "<mark>" in self.summary_html or any("<mark>" in s for s in self.snippets_html)


@dataclass
class NamedAgent:
    """A person or body of a hit that the query names, as the reason it matched where no snippet
    marks a word (:func:`named_agents`): its preferred name and its ``role`` in the document
    (``sender``, ``recipient`` or ``mentioned``)."""

    name: str
    role: str


@dataclass
class FacetValue:
    """A facet's value, how many matches have it, whether the search selects it, and ``label``, what
    a page shows for it (the value itself, but for a language code: its name)."""

    value: str
    count: int
    selected: bool
    label: str = ""


@dataclass
class FacetResult:
    """One facet's top values by count among all matches, plus every selected value; those of an
    ordered facet (the year) in their own order (:func:`facet_size`). ``approximate``: the counts
    are estimates from a random sample of the matches, as there are more than
    :data:`legation.search.facets.SAMPLE_ABOVE` (a selected value missing from the sample is
    still counted exactly)."""

    name: str
    label: str
    values: list[FacetValue]
    approximate: bool = False


@dataclass
class SearchResult:
    """A page of results. ``start``/``end``: 1-based positions of the first and last hit on the
    page (0, 0 when the page is empty). ``notice``: a message about how the query was read ("" if
    as written). ``query_echo``: the query text actually searched. ``years``: the year histogram
    of all matches, every year from the first to the last (zeros included); ``undated``: matches
    without a date; ``years_left_out``: the dated matches the histogram does not draw, each year
    with its count (a stray date far from every other: :func:`year_histogram`), earliest first, ``[]``
    when it draws them all (:func:`years_not_drawn` says it in words); ``years_approximate``: these
    are estimates from a random sample of the matches (see :class:`FacetResult`). ``did_you_mean``: the query with misspelt words corrected, when
    it found few documents ("" otherwise), one that finds documents within the search's filters and
    dates, else, ``did_you_mean_outside``, one that finds them only without those. ``explained``: nothing matched (``total`` 0) and ``notice``
    says why (no words to search; the words match only outside the filters or dates; two date
    ranges every match must meet do not overlap (:func:`date_conflict_notices`); a field, a
    ``language:``, a document or a FRUS volume that matches nothing, named), so that general advice
    ("try fewer words") would contradict it; ``False`` otherwise."""

    total: int
    page: int
    page_size: int
    start: int
    end: int
    hits: list[Hit]
    facets: list[FacetResult]
    notice: str = ""
    query_echo: str = ""
    years: list[YearCount] = field(default_factory=list)
    undated: int = 0
    did_you_mean: str = ""
    did_you_mean_outside: bool = False  # did_you_mean finds documents only without the request's filters and dates
    years_approximate: bool = False
    explained: bool = False
    years_left_out: list[YearCount] = field(default_factory=list)

    @property
    def last_page(self) -> int:
        """The number of the last page of results (1 when nothing matched)."""
        return max(1, -(-self.total // self.page_size))

    @property
    def past_end(self) -> bool:
        """Something matched, but ``page`` is past :attr:`last_page`: the page holds no hit."""
        return self.total > 0 and self.page > self.last_page

    def notice_asking(self, ask: str) -> str:
        """:attr:`notice`, followed when :attr:`past_end` by :func:`past_last_page` with ``ask``
        (``"page=3"``, ``"--page 3"``: how the caller asks for a page), for the answers that have no
        link to the last page (the API, ``legation search``)."""
        if not self.past_end:
            return self.notice
        return " ".join([self.notice, past_last_page(self.page, self.last_page, ask)]).strip()


# --- steps --------------------------------------------------------------------------------------


def validate(request: SearchRequest) -> None:
    """Raise :class:`InvalidQuery` naming the bad value and the accepted ones."""
    if not isinstance(request.q, str):
        raise InvalidQuery("q must be text.")
    for name, values in request.filters.items():
        if name not in schema.FACETS_BY_NAME:
            raise InvalidQuery(f"There is no filter {quoted(name)}; use one of: {', '.join(schema.FACETS_BY_NAME)}.")
        if isinstance(values, str) or not all(isinstance(v, str) for v in values):
            raise InvalidQuery(f"The filter {quoted(name)} takes a list of text values.")
        facet = schema.FACETS_BY_NAME[name]
        if facet.value_pattern and (wrong := next((v for v in values if v and not re.fullmatch(facet.value_pattern, v)), None)):
            raise InvalidQuery(f"{name} is {quoted(wrong)}, which is no value of the {facet.label.lower()} facet; give {facet.value_help}.")
        if len(values) > MAX_FILTER_VALUES:
            raise InvalidQuery(
                f"The filter {name!r} was given {len(values):,} values; choose at most {MAX_FILTER_VALUES} "
                "(values of one filter combine with OR)."
            )
    if request.sort not in schema.SORTS_BY_NAME:
        raise InvalidQuery(f"There is no sort {quoted(request.sort)}; use one of: {', '.join(schema.SORTS_BY_NAME)}.")
    if not isinstance(request.page, int) or request.page < 1:
        raise InvalidQuery(f"page is {quoted(request.page)}; give a whole number from 1.")
    if not isinstance(request.page_size, int) or not 1 <= request.page_size <= MAX_PAGE_SIZE:
        raise InvalidQuery(f"page_size is {quoted(request.page_size)}; give a whole number from 1 to {MAX_PAGE_SIZE}.")
    for label, value in (("start_date", request.start_date), ("end_date", request.end_date)):
        if value is not None and not isinstance(value, dt.date):
            raise InvalidQuery(f"{label} must be a date (YYYY-MM-DD).")
    if request.date_match not in DATE_MATCHES:
        raise InvalidQuery(f"date_match is {quoted(request.date_match)}; use overlap (the default) or within.")
    if request.start_date and request.end_date and request.start_date > request.end_date:
        raise InvalidQuery(
            f"The start date {request.start_date.isoformat()} is after the end date {request.end_date.isoformat()}; swap them."
        )


def filter_queries(idx_schema: tantivy.Schema, request: SearchRequest) -> dict[str, Query]:
    """One query per active filter: facet name → its values OR'ed, and ``"date"`` → the range."""
    filters = {}
    for name, values in request.filters.items():
        values = [v for v in values if v]
        if values:
            filters[name] = facet_counts.facet_filter(idx_schema, schema.FACETS_BY_NAME[name], values)
    if request.start_date or request.end_date:
        filters[DATE_FILTER] = user_query.date_overlap_query(
            idx_schema, request.start_date, request.end_date, within=request.date_match == "within"
        )
    return filters


def combine(text_query: Query | None, filters: list[Query]) -> Query:
    """``text_query`` AND every filter; filters do not change scores."""
    clauses = [(Occur.Must, text_query)] if text_query is not None else []
    clauses += [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filters]
    if not clauses:
        return Query.all_query()
    return clauses[0][1] if len(clauses) == 1 and text_query is not None else Query.boolean_query(clauses)


MAX_HISTOGRAM_YEARS = 400  # bars of the histogram at most
BAR_YEARS = (1, 2, 5, 10, 20, 50, 100, 1000)  # years a bar may span, the fewest that keep the bars within MAX_HISTOGRAM_YEARS
HISTOGRAM_SIZE = 10 * MAX_HISTOGRAM_YEARS  # year values asked for, histogram and outliers
HISTOGRAM_FACET = "year"


def _with_chosen(
    searcher: tantivy.Searcher, idx_schema: tantivy.Schema, facet: schema.FacetField, values: list[tuple[str, int]], chosen: Sequence[str], base: Query
) -> list[tuple[str, int]]:
    """``values`` (value, count) of ``facet`` with each value of ``chosen`` they lack, counted
    exactly among the matches of ``base`` (one no match has: 0): the search's facets and a facet's
    own list (:func:`facet_values`) show every value selected, so that it can be seen and cleared."""
    listed = {value for value, _ in values}
    return values + [
        (value, facet_counts.count(searcher, combine(base, [facet_counts.facet_filter(idx_schema, facet, [value])])))
        for value in dict.fromkeys(chosen)
        if value and value not in listed
    ]


def facet_size(facet: schema.FacetField) -> int:
    """How many values of ``facet`` a search lists, the most frequent: :data:`FACET_SIZE`, or for
    an ordered facet :data:`ORDERED_FACET_SIZE`, so that a list of years in order skips none (one
    that left out the rarer years would read as if they had no documents)."""
    return ORDERED_FACET_SIZE if facet.ordered else FACET_SIZE


def count_facets(
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    text_query: Query | None,
    filters: dict[str, Query],
    selected: dict[str, list[str]],
    sample: facet_counts.Sample | None = None,
    words_in: Callable[[facet_counts.Sample], Query | None] | None = None,
) -> tuple[list[FacetResult], list[tuple[str, int]] | None]:
    """Every facet of the schema with its top values among all matches (:func:`facet_size`), plus
    its selected values; counted on ``sample`` when given (very many matches:
    :func:`legation.search.facets.sample_for`). A facet with a selection is counted without its
    own filter, so its other values show how many documents choosing them too would add (values
    of one facet OR). ``words_in(sample)``: ``text_query`` with a sample's documents sought phrase
    by phrase (:func:`_words_in`), counted instead of ``text_query`` on a sample.

    Also returns the counts of every year among all matches, for :func:`year_histogram`, when
    they come out of the same pass over the matches, that is when no year is selected (``None``
    otherwise): one aggregation instead of two, as each walks every match, the largest cost of a
    search for a common word."""
    chosen_by_facet = {name: list(dict.fromkeys(v for v in values if v)) for name, values in selected.items()}

    def in_sample(some: facet_counts.Sample | None, others: list[Query]) -> Query:
        return combine(text_query if some is None or words_in is None else words_in(some), others)

    full = in_sample(sample, list(filters.values()))
    unselected = [f for f in schema.FACETS if not chosen_by_facet.get(f.name)]
    sizes = {f.name: HISTOGRAM_SIZE if f.name == HISTOGRAM_FACET else facet_size(f) for f in unselected}
    tops = facet_counts.top_values(searcher, full, unselected, FACET_SIZE, sizes=sizes, sample=sample)
    year_counts = tops.get(HISTOGRAM_FACET)
    if year_counts is not None:
        tops[HISTOGRAM_FACET] = year_counts[: facet_size(schema.FACETS_BY_NAME[HISTOGRAM_FACET])]
    results = []
    for facet in schema.FACETS:
        chosen = chosen_by_facet.get(facet.name) or []
        approximate = sample is not None
        if chosen:
            others = [q for name, q in filters.items() if name != facet.name]
            base = combine(text_query, others)
            base_sample = facet_counts.sample_of(searcher, idx_schema, base)
            approximate = base_sample is not None
            counted = in_sample(base_sample, others)
            values = facet_counts.top_values(searcher, counted, [facet], facet_size(facet), sample=base_sample)[facet.name]
            values = _with_chosen(searcher, idx_schema, facet, values, chosen, base)
        else:
            values = tops[facet.name]
        values = facet_counts.in_order(facet, values)
        values_out = [FacetValue(v, c, v in chosen, facet.label_of(v)) for v, c in values]
        results.append(FacetResult(facet.name, facet.label, values_out, approximate))
    return results, year_counts


def year_histogram(
    searcher: tantivy.Searcher,
    query: Query,
    counts: list[tuple[str, int]] | None = None,
    sample: facet_counts.Sample | None = None,
) -> tuple[list[YearCount], int]:
    """Every year from the earliest to the latest among matches of ``query`` with its count
    (gaps filled with zeros), in bars of several years when the span is wider than
    :data:`MAX_HISTOGRAM_YEARS` (1530, 1540, … for bars of ten), and the undated count.
    ``counts``: the year facet's counts over the same matches, when already at hand
    (:func:`count_facets`); else they are counted, on ``sample`` when given. Also returns the years
    left off as strays (see below), each with its count, earliest first: the bars and the undated
    count leave them out, and a page says so (:func:`years_not_drawn`)."""
    if counts is None:
        year = schema.FACETS_BY_NAME[HISTOGRAM_FACET]
        counts = facet_counts.top_values(searcher, query, [year], HISTOGRAM_SIZE, sample=sample)[HISTOGRAM_FACET]
    by_year = {int(value): n for value, n in counts if value.isdigit()}
    undated = dict(counts).get(schema.UNDATED, 0)
    if not by_year:
        return [], undated, []
    years = sorted(by_year)
    # A stray date (2999 for 1950) would squeeze the real years into a corner: an end year more
    # than MAX_HISTOGRAM_YEARS from every other, holding one document (one of the sample: its
    # count is the sample's scale), is left off. A year of several documents so far off is a
    # period the archive holds (letters of 1547 beside telegrams of 1949): the span is then
    # drawn in bars of several years (BAR_YEARS), each counting all its years, so no dated match
    # is left out.
    one = sample.scale if sample is not None else 1

    def gap(end: int) -> int:  # years between an end year and the next
        return abs(years[end] - years[1 if end == 0 else -2])

    while len(years) > 1 and (strays := [end for end in (0, -1) if gap(end) > MAX_HISTOGRAM_YEARS and by_year[years[end]] <= one]):
        # the farther-flung end; of two as far (two years only), the one holding fewer documents
        years.pop(min(strays, key=lambda end: (-gap(end), by_year[years[end]])))
    first, last = years[0], years[-1]
    left_out = [YearCount(year, n) for year, n in sorted(by_year.items()) if not first <= year <= last]
    width = next((w for w in BAR_YEARS if (last // w - first // w + 1) <= MAX_HISTOGRAM_YEARS), BAR_YEARS[-1])
    if width == 1:
        return [YearCount(year, by_year.get(year, 0)) for year in range(first, last + 1)], undated, left_out
    starts = range(first - first % width, last + 1, width)
    return [YearCount(start, sum(by_year.get(y, 0) for y in range(start, start + width)), width) for start in starts], undated, left_out


def years_not_drawn(
    left_out: Sequence[YearCount], approximate: bool = False, year: Callable[[YearCount], str] = lambda y: str(y.year), alone: str = ""
) -> str:
    """What a page says under a histogram that leaves out the stray years ``left_out``
    (:func:`year_histogram`), each year as ``year`` writes it (a page: a link narrowing to it):
    ``"1 document dated 1066 is not drawn (more than 400 years from the other dates)."``, ``"3
    documents dated 1066 and 2999 are not drawn (…)."`` (``"About 40 documents …"`` when
    ``approximate``: counted on a sample); ``""`` when none is left out. Found by the search all the
    same, they vanished from the bars without a word, which then fell short of the total (a fresh user).
    ``alone``: the one bar left (``"1950"``, ``"1530–1539"``) when no histogram is drawn for it, and nothing
    then said the strays were there: ``"1 document dated 1066 is more than 400 years from the other dated
    matches, all of 1950."``."""
    if not left_out:
        return ""
    count = sum(y.count for y in left_out)
    said = f"{'About ' if approximate else ''}{documents(count)} dated {in_words([year(y) for y in left_out])} {'is' if count == 1 else 'are'}"
    if alone:
        return f"{said} more than {MAX_HISTOGRAM_YEARS} years from the other dated matches, all of {alone}."
    return f"{said} not drawn (more than {MAX_HISTOGRAM_YEARS} years from the other dates)."


RESCORE_WINDOW = 50  # best hits the proximity bonus re-ranks (as Elasticsearch's rescore window_size)
TIE_WINDOW = 1_000  # hits of a relevance order whose exact ties are put in date order, and most documents of one day so put (see fetch_page)
TIE_PEEK = 20  # hits fetched past a page, to see where its last tie ends without a second search
# matches of a query up to which fetch_page asks whether all score alike (_lowest_score: tantivy ranks every
# match to give the last, 0.27 µs a match, 23 ms for 86,734 at 100,000 documents); past it, a tie reaching
# beyond TIE_WINDOW stays in index order
ALIKE_CHECKED = 50_000


def fetch_page(
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    query: Query,
    sort: schema.SortOption,
    page: int,
    page_size: int,
    bonus: ProximityBonus | None = None,
) -> tuple[int, list]:
    """Total matches and the page's ``(score or sort key, DocAddress)`` pairs. A page past the
    last is empty. Raises :class:`InvalidQuery` for a page beyond :data:`MAX_RESULT_WINDOW`
    results that still has matches.

    ``bonus`` (relevance order only) re-ranks the best :data:`RESCORE_WINDOW` hits
    (:meth:`ProximityBonus.rerank`); later hits keep their order, so pages neither repeat nor
    skip a hit. Scoring the bonus (a phrase) on these hits only, not on every
    match, keeps a search for common words fast: "Department of State" over 1,000,000 documents
    took 319 ms with the bonus on every match, 44 ms without.

    Hits tied in their order come by date, earliest first, undated last, then by identifier, as
    Elasticsearch's and Solr's ``sort`` with a tie-breaking field and a unique one last (``score
    desc, date asc, id asc``); tantivy left them in index order. A date order's days and a query
    every match of which scores alike (``place:Washington``, 2,573 of one score in the demo; a
    query of at most :data:`ALIKE_CHECKED` matches) are so ordered on every page, however deep
    (:func:`_in_day_order`); other ties of the relevance
    order (short documents alike) only when wholly within the first :data:`TIE_WINDOW` hits (and
    on one side of the bonus's window, :func:`in_tie_order`), so each is ordered alike on every
    page it spans; the rest stay in index order. A page fetches :data:`TIE_PEEK` hits more than
    it shows, and a tie still going on there up to the window."""
    offset = (page - 1) * page_size
    if offset + page_size > MAX_RESULT_WINDOW:
        total = facet_counts.count(searcher, query)
        if offset < total:
            raise InvalidQuery(
                f"Only the first {MAX_RESULT_WINDOW:,} results can be paged through; "
                "narrow the search with words, filters or dates, or change the sort."
            )
        return total, []
    end = offset + page_size
    if sort.field is not None:
        return _in_day_order(searcher, idx_schema, query, sort, offset, end)
    if offset >= TIE_WINDOW:
        top = searcher.search(query, limit=1, count=True)
        if top.hits and top.count <= ALIKE_CHECKED and _lowest_score(searcher, query, top.count) == top.hits[0][0]:
            return _alike_by_date(searcher, idx_schema, query, top.hits[0][0], offset, end, bonus)
        result = searcher.search(query, limit=page_size, offset=offset, count=True)
        return result.count, list(result.hits)
    rerank = bonus is not None and offset < RESCORE_WINDOW
    result = searcher.search(query, limit=max(end + TIE_PEEK, RESCORE_WINDOW if rerank else 0), count=True)
    total, hits = result.count, list(result.hits)
    if len(hits) > 1 and hits[0][0] == hits[-1][0] and (len(hits) == total or total <= ALIKE_CHECKED and _lowest_score(searcher, query, total) == hits[0][0]):
        return _alike_by_date(searcher, idx_schema, query, hits[0][0], offset, end, bonus)
    if len(hits) < total and end <= len(hits) and hits[-1][0] == hits[end - 1][0]:  # the page's last tie goes on
        hits = list(searcher.search(query, limit=max(end, TIE_WINDOW) + 1, count=False).hits)
    if rerank:
        hits = bonus.rerank(searcher, hits)  # type: ignore[union-attr]
    return total, in_tie_order(searcher, hits, total, offset, end, RESCORE_WINDOW if bonus is not None else None)[offset:end]


def _lowest_score(searcher: tantivy.Searcher, query: Query, total: int) -> float | None:
    """The score of the last of the ``total`` matches of ``query`` in relevance order (``None``
    for none): one hit asked for, though tantivy ranks every match to find it (0.03 ms for the
    demo's 2,573 of ``place:Washington``)."""
    last = searcher.search(query, limit=1, offset=max(total - 1, 0), count=False).hits
    return last[0][0] if last else None


def _alike_by_date(
    searcher: tantivy.Searcher, idx_schema: tantivy.Schema, query: Query, score: float, offset: int, end: int, bonus: ProximityBonus | None
) -> tuple[int, list]:
    """:func:`fetch_page`'s total and hits ``offset`` to ``end`` of a ``query`` every match of which
    scores ``score``: one tie, put by date as the sort ``date_asc`` (:func:`_in_day_order`), each hit
    given ``score``; ``bonus`` re-ranks the first :data:`RESCORE_WINDOW` of them (ties keep their
    date order), as it does the best of any ranked search."""
    rerank = bonus is not None and offset < RESCORE_WINDOW
    first, last = (0, max(end, RESCORE_WINDOW)) if rerank else (offset, end)
    total, hits = _in_day_order(searcher, idx_schema, query, schema.SORTS_BY_NAME["date_asc"], first, last)
    hits = [(score, address) for _, address in hits]
    if rerank:
        return total, bonus.rerank(searcher, hits)[offset:end]  # type: ignore[union-attr]
    return total, hits


def _in_day_order(searcher: tantivy.Searcher, idx_schema: tantivy.Schema, query: Query, sort: schema.SortOption, offset: int, end: int) -> tuple[int, list]:
    """Total matches of ``query`` and its hits ``offset`` to ``end`` (``(day, DocAddress)``) in the
    date order ``sort``: by earliest day (:data:`~legation.search.schema.DATE_FIELDS`), undated last
    in either direction (as tantivy puts documents without the field), the documents of one day
    (the undated are one) by identifier, its numbers as numbers (:func:`_natural`), as
    Elasticsearch's ``sort`` on a date then a unique tie-breaker.

    Reads :data:`TIE_PEEK` hits on either side of the page; a day of the page reaching past them
    (the undated, hundreds in the demo) is read whole by a search for that day and counted from
    the matches before it (:func:`_one_day`), so every page, however deep, orders it alike: no
    hit repeated or skipped between pages."""
    first_read = max(0, offset - TIE_PEEK)
    order = Order.Desc if sort.descending else Order.Asc
    result = searcher.search(query, limit=end + TIE_PEEK - first_read, offset=first_read, count=True, order_by_field=sort.field, order=order)
    total, hits = result.count, list(result.hits)
    page, first = [], 0
    while first < len(hits) and first_read + first < end:
        last = first + 1
        while last < len(hits) and hits[last][0] == hits[first][0]:
            last += 1
        if first_read + last > offset:  # the day holds a place on the page
            whole: tuple[int, list] | None = (first_read + first, hits[first:last])
            if (first == 0 and first_read > 0) or (last == len(hits) and first_read + last < total):  # it goes on past the hits read
                whole = _one_day(searcher, idx_schema, query, sort, hits[first][0])
            at, day = whole or (first_read + first, hits[first:last])  # a day too large to read whole: in index order
            if whole is not None and len(day) > 1:
                day = _by_identifier(searcher, day)
            page += day[max(offset - at, 0) : end - at]
        first = last
    return total, page


def _one_day(searcher: tantivy.Searcher, idx_schema: tantivy.Schema, query: Query, sort: schema.SortOption, day: int | None) -> tuple[int, list] | None:
    """Where the matches of ``query`` of one ``day`` (``None``: the undated) begin in the date order
    ``sort`` (how many matches come before them) and those matches (``(day, DocAddress)``, in no
    order): two counts and one search, each of the matches of that day or before it. ``None`` for
    a day of more than :data:`TIE_WINDOW` matches (the undated of an archive without dates), left
    in index order, alike on every page: their identifiers are read from the documents, about
    7 ms for the demo's 497 undated."""
    dated = Query.exists_query(sort.field)
    if day is None:
        same = Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, dated)])
        before = dated
    else:
        same = Query.range_query(idx_schema, sort.field, tantivy.FieldType.Integer, day, day)
        earlier = (day + 1, None) if sort.descending else (None, day - 1)
        before = Query.range_query(idx_schema, sort.field, tantivy.FieldType.Integer, *earlier)
    those = combine(Query.const_score_query(query, 0.0), [same])
    size = facet_counts.count(searcher, those)
    if size > TIE_WINDOW:
        return None
    return facet_counts.count(searcher, combine(query, [before])), [(day, a) for _, a in searcher.search(those, limit=max(size, 1), count=False).hits]


def in_tie_order(searcher: tantivy.Searcher, hits: list, total: int, start: int = 0, end: int | None = None, split: int | None = None) -> list:
    """``hits`` (``(score, address)`` in relevance order, from the first of all ``total``
    matches) with each run of one score (a tie) holding a position from ``start`` to ``end`` (the page shown;
    ``None``: to the last) in date order: earliest day first
    (:data:`~legation.search.schema.DATE_FIELDS`, as the sort ``date_asc``), undated last, then by
    identifier, its numbers as numbers (``…-d2`` before ``…-d10``), however many share a day. A tie
    is ordered only when ``hits`` show where it ends within :data:`TIE_WINDOW` hits, and ``split``
    (the bonus's window) ends a tie."""
    ordered = list(hits)
    first = 0
    while first < len(hits):
        last = first + 1
        while last < len(hits) and last != split and hits[last][0] == hits[first][0]:
            last += 1
        complete = last < len(hits) or len(hits) == total
        if last - first > 1 and last > start and complete and last <= TIE_WINDOW:
            ordered[first:last] = _by_date_and_identifier(searcher, hits[first:last], start - first, (end or len(hits)) - first)
        if end is not None and last >= end:
            break
        first = last
    return ordered


def _by_date_and_identifier(searcher: tantivy.Searcher, tie: list, start: int, end: int) -> list:
    """The hits of one tie (:func:`in_tie_order`) by earliest day, undated last, then identifier:
    the identifiers read only for the days holding a position from ``start`` to ``end`` (a page)."""
    days = searcher.fast_field_values(schema.DATE_FIELDS[0], [address for _, address in tie])
    by_day = sorted(zip(days, tie), key=lambda pair: (pair[0] is None, pair[0] or 0))
    ordered, first = [], 0
    while first < len(by_day):
        last = first + 1
        while last < len(by_day) and by_day[last][0] == by_day[first][0]:
            last += 1
        same_day = [hit for _, hit in by_day[first:last]]
        if len(same_day) > 1 and first < end and last > start:
            # every identifier of the group is read, however large (at most TIE_WINDOW): the
            # 497 undated documents of the demo's year=Undated, read in about 7 ms
            same_day = _by_identifier(searcher, same_day)
        ordered += same_day
        first = last
    return ordered


def _by_identifier(searcher: tantivy.Searcher, hits: list) -> list:
    """``hits`` (``(key, DocAddress)``) by their documents' identifiers, numbers as numbers
    (:func:`_natural`), read from the stored documents."""
    return sorted(hits, key=lambda hit: _natural(searcher.doc(hit[1])[schema.KEY_FIELD][0]))


_DIGITS = re.compile(r"(\d+)")


def _natural(identifier: str) -> tuple[tuple[str, int], ...]:
    """A sort key of ``identifier`` reading its runs of digits as numbers: ``frus1964-68v30-d2``
    before ``frus1964-68v30-d10``: (text, number) pairs, -1 for text without a number after it."""
    parts = _DIGITS.split(identifier)  # text, number, text, number …, text ("" at either end)
    key = tuple((parts[i], int(parts[i + 1])) for i in range(0, len(parts) - 1, 2))
    return key + ((parts[-1], -1),) if parts[-1] else key


@dataclass
class ProximityBonus:
    """The bonus of :func:`fetch_page`: the ``phrases``
    (:func:`legation.search.query.proximity_phrases`) of a query, in the index of ``idx_schema``."""

    phrases: list[Query]
    idx_schema: tantivy.Schema

    def rerank(self, searcher: tantivy.Searcher, hits: list[tuple[float, tantivy.DocAddress]]) -> list:
        """``hits`` (``(score, address)``, best first) with the first :data:`RESCORE_WINDOW`
        re-ranked by score plus :data:`~legation.search.query.PROXIMITY_BOOST` times the phrases'
        scores, computed for those documents only (found by their
        :func:`~legation.search.schema.key_number`, read from its fast field: reading 50 stored
        documents for their identifiers took 1 ms of a demo search's 6.5); ties keep their order.

        One search per phrase, not one for all: a document must be sought in each phrase, and
        seeking in a union of phrase queries reads on through every later document holding the
        words apart (28 ms for "Department of State" at 1,000,000 documents, against 0.7 ms
        for one phrase)."""
        window, rest = hits[:RESCORE_WINDOW], hits[RESCORE_WINDOW:]
        if len(window) < 2:
            return hits
        numbers = searcher.fast_field_values(schema.KEY_NUMBER_FIELD, [address for _, address in window])
        # The documents by one term query each, scored 1.0 as tantivy's term_set_query scores them:
        # that query read the field's values for every document of the index (0.37 ms a phrase
        # over the demo's 4,915 documents, against 0.1 ms for the 50 term queries).
        each = [(Occur.Should, Query.term_query(self.idx_schema, schema.KEY_NUMBER_FIELD, n)) for n in numbers]
        those = Query.const_score_query(Query.boolean_query(each), 1.0)
        extra: dict[tuple[int, int], float] = {}
        for phrase in self.phrases:
            for score, a in searcher.search(Query.boolean_query([(Occur.Must, those), (Occur.Must, phrase)]), limit=len(window)).hits:
                extra[a.segment_ord, a.doc] = extra.get((a.segment_ord, a.doc), 0.0) + score
        boost = user_query.PROXIMITY_BOOST
        rescored = [(score + boost * extra.get((a.segment_ord, a.doc), 0.0), a) for score, a in window]
        return sorted(rescored, key=lambda hit: -hit[0]) + rest


def _opening(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first ``limit`` characters of ``text`` (whitespace collapsed), cut at a word, with "…"
    (:func:`legation.printable.shortened`).
    Give it only the start of a long text (texts run to 100,000s of characters). The whitespace of
    a quarter more than ``limit`` is collapsed first, and of the whole ``text`` only when that
    leaves too little (17.7 → 7 µs a FRUS hit)."""
    for size in (limit + limit // 4, len(text)):
        head = " ".join(text[:size].split())
        if len(head) > limit or size >= len(text):
            break
    return shortened(head, limit)


NAME_FIELDS = (None, "names", "from", "to")  # the fields whose words a name of the query is sought in
_AGENT_ROLES = (("senders", "sender"), ("recipients", "recipient"), ("mentioned", "mentioned"))


def names_sought(node: user_query.Node | None) -> list[tuple[list[str], bool]]:
    """The words and phrases of the query ``node`` a name could hold, for :func:`named_agents`
    (worked out once a search): those to highlight, name variants included (``"Zhou Enlai"``
    searched as "Chou En-lai" too), in the default or a name field (:data:`NAME_FIELDS`), each
    as its folded words (:func:`legation.search.analyzers.folded`) and whether it is a ``prefix*``."""
    return [
        (analyzers.folded(leaf.text), isinstance(leaf, user_query.Term) and leaf.prefix)
        for leaf in user_query.leaves(user_query.positive_only(node))
        if leaf.field in NAME_FIELDS
    ]


def named_agents(doc: dict[str, list], sought: list[tuple[list[str], bool]]) -> list[NamedAgent]:
    """The agents of a stored document (``tantivy.Document.to_dict()``: its ``senders``,
    ``recipients`` and ``mentioned``, preferred names) whose name holds one of the query's words or
    phrases ``sought`` (:func:`names_sought`) as whole folded words in that order (a ``prefix*``
    word as the start of one), or whose other names do (:data:`~legation.search.schema.OTHER_NAMES_FIELD`:
    those of its authority record and those the document's edition gives, as the index holds
    them all; ``Zhou`` or ``毛`` alone names "Chou En-lai" or "Mao Tse-tung", ``Generalissimo``
    "Chiang Kai-shek"). The reason a document matched when its texts do not show it: its editors
    linked a bare "Chou" to the person, or the name is only its sender's. In document order of
    roles, each name once."""
    others = {name: rest for value in doc.get(schema.OTHER_NAMES_FIELD, []) for name, *rest in [value.split("\t")]}
    found: list[NamedAgent] = []
    for stored, role in _AGENT_ROLES:
        for name in doc.get(stored, []):
            forms = [analyzers.folded(n) for n in (name, *others.get(name, ()))]
            if any(_holds(w, part, prefix) for w in forms for part, prefix in sought if part) and all(a.name != name for a in found):
                found.append(NamedAgent(name, role))
    return found


def _holds(words: list[str], part: list[str], prefix: bool) -> bool:
    """Whether ``words`` hold ``part`` as a run (its last word the start of one when ``prefix``),
    or a run of them spells ``part`` with their syllables joined (``kaishek`` in Chiang Kai-shek,
    as the search finds a name typed so: :mod:`legation.search.variants`)."""
    n = len(part)
    for i in range(len(words) - n + 1):
        if words[i : i + n - 1] == part[:-1] and (words[i + n - 1].startswith(part[-1]) if prefix else words[i + n - 1] == part[-1]):
            return True
    letters = "".join(part)
    for i in range(len(words)):
        joined = words[i]
        for word in words[i + 1 :]:
            joined += word
            if joined == letters or (prefix and joined.startswith(letters)):
                return True
            if not letters.startswith(joined):
                break
    return False


def make_hit(
    doc: dict[str, list],
    score: float,
    snippets_html: list[str],
    highlighters: dict[str, snippets.Highlighter] | None = None,
    starts: Sequence[tuple[str, int]] = (),
) -> Hit:
    """A :class:`Hit` from a stored document (``tantivy.Document.to_dict()``) and its snippets
    (``starts``: the field and UTF-8 byte offset each begins at, from
    :func:`legation.search.snippets.best_snippets`); its title and summary marked by
    ``highlighters`` (:func:`snippets_for`), the summary by the field it comes from (the summary,
    or the first text it opens with, unless a snippet begins inside that opening)."""

    def first(name: str) -> str:
        return str(doc.get(name, [""])[0]) if doc.get(name) else ""

    title, summary, summarized = first("title"), first("summary"), "summary"
    # a passage beginning inside the text's opening shows most of it (from its first byte, or a few
    # words on): the opening as the summary too printed the same words twice. Collapsing whitespace
    # only shortens the opening, so a passage beginning before its length in bytes begins inside it.
    if not summary:
        opening = _opening(" ".join(part[: 4 * SUMMARY_CHARS] for name in schema.TEXT_FIELDS for part in doc.get(name, [])))
        opened = next((name for name in schema.TEXT_FIELDS if doc.get(name)), "summary")
        opening_bytes = len(opening.encode())
        if not any(name == opened and start < opening_bytes for name, start in starts):
            summary, summarized = opening, opened
    lights = highlighters or {}
    return Hit(
        identifier=first(schema.KEY_FIELD),
        title=title,
        title_html=snippets.marked_html(title, lights.get("title")),
        date_display=display_date(first("date_edtf")),
        date_edtf=first("date_edtf"),
        document_type=first("document_type"),
        summary=summary,
        summary_html=snippets.marked_html(summary, lights.get(summarized)),
        snippet_html=snippets_html[0] if snippets_html else "",
        snippets_html=snippets_html,
        senders=list(doc.get("senders", [])),
        recipients=list(doc.get("recipients", [])),
        collections=list(doc.get("collections", [])),
        score=score,
        pages=first("pages"),
    )


MAX_SUBJECTS = 100  # subjects of one document read at most (subjects_of)


def subjects_of(searcher: tantivy.Searcher, idx_schema: tantivy.Schema, identifier: str) -> list[str]:
    """The subjects of the document ``identifier``, in alphabetical order. The index stores
    them nowhere (the ``subject`` field is searched, not stored): they are read from the subject
    facet's column, which holds each as written, by one aggregation over that document
    (tens of µs), only for a hit that shows no other reason for matching."""
    facet = schema.FACETS_BY_NAME["subject"]
    one = Query.term_query(idx_schema, schema.KEY_FIELD, identifier)
    found = searcher.aggregate(one, {"values": {"terms": {"field": facet.index_field, "size": MAX_SUBJECTS}}})
    return sorted(bucket["key"] for bucket in found["values"]["buckets"])


def subject_passages(
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    identifier: str,
    highlighter: snippets.Highlighter,
    weights: snippets.Weights,
    known: dict[str, list[str]],
) -> list[str]:
    """A passage of each subject of the document ``identifier`` (:func:`subjects_of`) holding a
    word of the query, marked by the subject field's ``highlighter`` as a snippet is
    (:func:`legation.search.snippets.best_snippets`: a FRUS chapter's heading of 900 characters
    is cut around "<mark>Chou</mark> <mark>En-Lai</mark>"), at most
    :data:`~legation.search.snippets.MAX_SNIPPETS`. ``weights`` as the search's snippets share
    them; ``known``: each subject's passage (or none) found for a hit before, as the hits of one
    search share it, since a chapter's heading is the subject of each of its documents. The field
    is read by the simple tokenizer (unstored, :func:`legation.search.schema.index_analyzer`),
    which does not cut Han, kana or Hangul into words: those are not marked in a subject."""
    found: list[str] = []
    for value in subjects_of(searcher, idx_schema, identifier):
        if value not in known:
            known[value] = snippets.best_snippets({"subject": [value]}, [highlighter], searcher, most=1, weights=weights)
        found += known[value]
        if len(found) == snippets.MAX_SNIPPETS:
            break
    return found


@lru_cache(maxsize=4)
def _open_index(path: str) -> SearchIndex:
    return SearchIndex(path)


def default_index() -> SearchIndex:
    """The index in ``config().index_dir``, opened once per process."""
    return _open_index(str(config().index_dir))


@dataclass
class _TextQuery:
    """The query's words as the search runs them (internal to the chain)."""

    parsed: user_query.ParsedQuery
    node: user_query.Node | None
    query: Query | None
    notice: str
    expanded: variants.Expansions
    bonus: ProximityBonus | None = None
    nothing_to_search: bool = False  # typed, but nothing searchable: the notice says so (NO_WORDS_NOTICE)
    apart: bool = False  # its runs of Han, kana or Hangul are sought with punctuation between their characters (runs_apart)


def text_query(
    request: SearchRequest, index: SearchIndex, searcher: tantivy.Searcher, names: variants.VariantTable | None
) -> _TextQuery:
    """Parse the query, expand names to their other forms, prepare the proximity bonus (relevance
    order); a query with nothing searchable matches nothing (an empty box matches everything)."""
    parsed = user_query.parse(request.q)
    if request.date_match == "within" and parsed.node is not None:  # date: in the query matches as the boxes' dates do
        parsed = dataclasses.replace(parsed, node=_dates_within(parsed.node))
    as_parts, parts_notices = volumes_as_parts(parsed.node, index.schema, searcher)
    if parts_notices:
        parsed = dataclasses.replace(parsed, node=as_parts, notice=" ".join([parsed.notice, *parts_notices]).strip())
    node, expanded = names.expand(parsed.node) if names is not None else (parsed.node, variants.Expansions())
    query = user_query.to_tantivy(node, index.schema, searcher)
    typed = variants.as_written(parsed.node, node) if expanded else parsed.node  # "Chiang Kaishek" ranked as "Chiang Kai-shek"
    phrases = user_query.proximity_phrases(typed, index.schema, searcher) if request.sort == "relevance" and query else []
    bonus = ProximityBonus(phrases, index.schema) if phrases else None
    notice = parsed.notice
    nothing_to_search = bool(user_query.stripped(request.q)) and query is None
    if nothing_to_search:
        # Typed something, but nothing searchable (symbols, emoji, words over 40 letters): show
        # nothing rather than the whole archive, and say why.
        query = Query.empty_query()
        # parse() already says when the syntax left no words; then only what to do is added
        # (a query of control characters alone: no words, nothing said yet)
        notice = " ".join([notice, NOTHING_MATCHES if parsed.node is None and parsed.notice else NO_WORDS_NOTICE]).strip()
    return _TextQuery(parsed, node, query, notice, expanded, bonus, nothing_to_search)


def runs_apart(words: _TextQuery, idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> tuple[Query, str] | None:
    """For a search whose words (``words``) found nothing as written: the query seeking each run of
    Han, kana or Hangul characters of :data:`~legation.search.query.MIN_APART_CHARS` or more (not
    under a NOT) with punctuation or spaces allowed between its characters
    (:func:`legation.search.query.sought_apart`), and the notice saying so, naming those runs;
    ``None`` when the query has no such run, or the archive holds no document the query so read
    finds (filters aside: the search then says they left them out). A Chinese sentence pasted from
    another edition, punctuated otherwise or not at all, found nothing, silently
    (``幅度低得多而人民生活``, of a report writing ``幅度低得多，而人民生活``); a Korean one found
    thousands of speeches with some of its words (``… 각하 내외분그리고 …``, of a speech writing
    ``내외분,그리고``), where its own speech is found now."""
    runs = [leaf.text for leaf in user_query.leaves(user_query.positive_only(words.node)) if user_query.sought_apart(leaf)]
    if not runs:
        return None
    apart = user_query.to_tantivy(words.node, idx_schema, searcher, apart=True)
    if apart is None or not (found := facet_counts.count(searcher, apart)):
        return None
    named = ", ".join(map(user_query.shown, dict.fromkeys(runs)))
    return apart, (
        f"Nothing was found as written; with punctuation or spaces allowed between the characters of {named}, as editions "
        f"punctuate a sentence differently, {documents(found)} {'has' if found == 1 else 'have'} the words."
    )


def _dates_within(node: user_query.Node) -> user_query.Node | None:
    """``node`` with each of its date ranges (``date:1949-12``) matching the documents whose dates
    lie wholly inside it (a request's ``date_match=within``) rather than overlap it."""
    return user_query.rewritten(node, lambda part: dataclasses.replace(part, within=True) if isinstance(part, user_query.DateRange) else part)


def volumes_as_parts(
    node: user_query.Node | None, idx_schema: tantivy.Schema, searcher: tantivy.Searcher
) -> tuple[user_query.Node | None, list[str]]:
    """``node`` with each FRUS volume the archive holds only as parts (``frus1949v07``, published as
    ``frus1949v07p1`` and ``frus1949v07p2``), typed as its key or as ``collection:<key>`` (as a
    pasted address of the volume and a FRUS citation are read), replaced by the parts it holds,
    ORed, and a sentence for each saying so; ``(node, [])`` when there is none. A citation of such a
    volume by its pages names no part (the parts' pages run on, 1–598 and 601–1220), and a volume
    typed or pasted so found nothing."""
    notes: list[str] = []

    def replaced(item: user_query.Node) -> user_query.Node:
        if not (isinstance(item, user_query.Term | user_query.Phrase) and item.field in (None, user_query.COLLECTION_FIELD)):
            return item
        if isinstance(item, user_query.Term) and item.prefix:
            return item
        address = user_query.volume_address(item.text)
        if address is None or _holds_volume(address.volume, idx_schema, searcher):
            return item
        parts = _parts_held(address.volume, idx_schema, searcher)
        if not parts:
            return item
        field, typed = user_query.COLLECTION_FIELD, address.text if item.field is None else f"{item.field}:{address.text}"
        notes.append(
            f"The archive holds the FRUS volume {address.volume} as {'its parts' if len(parts) > 1 else 'its part'} {in_words(parts)}: "
            f"{typed} was read as {field}:" + (f"({' OR '.join(parts)})." if len(parts) > 1 else f"{parts[0]}.")
        )
        terms = tuple(user_query.Term(part, user_query.COLLECTION_FIELD) for part in parts)
        return terms[0] if len(terms) == 1 else user_query.Or(terms)

    if node is None:
        return None, []
    node = user_query.rewritten(node, replaced)  # a look at each word: a volume's key is sought in the index only when typed
    return node, list(dict.fromkeys(notes))


def filter_value_notices(
    filters: dict[str, list[str]],
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    listed_at: str = "",
    names: variants.VariantTable | None = None,
) -> list[str]:
    """A sentence for each filter value no document has (``type=telegram``, ``collection=frus1949v07p1``):
    a filter takes a value exactly as its facet lists it, and a value that differs only in case or
    marks from one listed (``Telegram``), from another name of a place listed (``peking``:
    Beijing), or, for a facet of names, from another name ``names`` (the authority records) give a
    person or body listed (``recipient=Zhou Enlai``: Chou En-lai), is named, and where the caller lists the facet's values,
    ``listed_at`` (:attr:`SearchRequest.facet_values_at`), when given. A step of an ordered facet
    written as it writes them (``year=1950``) is no mistake either: no document is dated so, said
    so. Values some document has, left out by the other filters or the words, are not named."""
    notices = []
    for name, values in filters.items():
        facet = schema.FACETS_BY_NAME[name]
        listed: list[str] | None = None  # the facet's values, read once, when a value is not held
        for value in dict.fromkeys(v for v in values if v):
            if facet_counts.count(searcher, facet_counts.facet_filter(idx_schema, facet, [value])):
                continue
            if facet.ordered and re.fullmatch(facet.value_pattern, value) and facet.canonical(value) == value:  # a year as the facet writes it
                notices.append(f"No document is {value.lower()}." if value in facet.words else f"No document is dated {value}.")
                continue
            if listed is None:  # compared here: a pattern of the value (top_values' containing) is refused past 1,000 states
                listed = [v for v, _ in facet_counts.top_values(searcher, Query.all_query(), [facet], MAX_FACET_VALUES)[name]]
            folded = analyzers.letters_folded(value)
            meant = [v for v in listed if analyzers.letters_folded(v) == folded]
            if facet.name == "place":  # another name of a place, in another case (peking: Beijing)
                meant += [v for v in places_written_alike(value) if v in listed and v not in meant]
            elif facet.named and names is not None:  # another name of a person or body (Zhou Enlai: Chou En-lai)
                meant += [v for v in names.groups.get(tuple(analyzers.folded(value)), ()) if v in listed and v not in meant]
            meant = meant[:3]
            where = f" The values are listed at {listed_at.format(name=name)}." if listed_at else ""
            notices.append(
                f"No document has the {name} {user_query.shown(value)} (a filter's value is written as the facet lists it"
                f"{': ' + ', '.join(meant) if meant else ''}).{where}"
            )
    return notices


def lowercase_operator_notices(
    node: user_query.Node | None,
    filters: dict[str, Query],
    total: int,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    names: variants.VariantTable | None,
) -> list[str]:
    """A sentence for each of ``or``, ``and``, ``not`` typed in lower case between two words of
    ``node`` (an :class:`~legation.search.query.And` of words, as typed), when the query finds
    fewer documents with it than without it (``total`` against a count of the rest, within
    ``filters``), or finds none (the documents with most words are shown then, the word among
    them): it was searched as a word, since operators are capitals, and the sentence says how to
    write what was likely meant. ``mao or stalin`` found 21 documents, fewer than ``Mao
    Stalin``'s 23, silently; a word that finds as many (``war and peace``, where every document
    holding war and peace holds "and") says nothing."""
    items = node.items if isinstance(node, user_query.And) else ()
    typed = {
        k: item.text
        for k, item in enumerate(items[1:-1], 1)
        if isinstance(item, user_query.Term) and item.field is None and not item.prefix and item.at >= 0
        and item.text.upper() in user_query.OPERATORS and item.text != item.text.upper()
    }
    if not typed:
        return []
    if total:
        rest = tuple(item for k, item in enumerate(items) if k not in typed)
        query = user_query.to_tantivy(_expanded(rest[0] if len(rest) == 1 else user_query.And(rest), names), idx_schema, searcher)
        if query is None or facet_counts.count(searcher, combine(query, list(filters.values()))) <= total:
            return []
    notes = []
    for k, word in typed.items():
        before, after = (_typed_word(items[k - 1]), _typed_word(items[k + 1]))
        meant = {
            "OR": f"to find documents with either word, write OR: {before} OR {after}",
            "AND": "every word is required already: leave it out",
            "NOT": f"to leave out documents holding a word, write NOT or -: {before} NOT {after}, {before} -{after}",
        }[word.upper()]
        notes.append(f"{user_query.shown(word)} was searched as a word (operators are written in capitals); {meant}.")
    return list(dict.fromkeys(notes))


def _typed_word(node: user_query.Node) -> str:
    """A word or phrase of a query as a notice's example writes it, ``…`` for anything else."""
    if isinstance(node, user_query.Phrase):
        return user_query.phrase_query(node.text, node.field)
    if isinstance(node, user_query.Term):
        return f"{node.field + ':' if node.field else ''}{node.text}{'*' if node.prefix else ''}"
    return "…"


LANGUAGE_HELP = (
    "language: takes a language code as BCP 47 writes it (en, de, fr, zh-Hant; a withdrawn code such as iw "
    "is read as its current one, he)"
)


def language_notices(node: user_query.Node | None, idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> list[str]:
    """A sentence for each ``language:`` word of ``node`` (but under NOT, and ``prefix*``) that
    matches no document, saying why (``zz`` is no language code, by the IANA registry:
    :func:`legation.records.languages.is_language_tag`; or no document is in that language) and
    what the field takes (:data:`LANGUAGE_HELP`); it found nothing, silently."""
    notes = []
    for leaf in user_query.leaves(node):
        if leaf.field != "language" or isinstance(leaf, user_query.Term) and leaf.prefix:
            continue
        query = user_query.to_tantivy(leaf, idx_schema, searcher)
        if query is None or facet_counts.count(searcher, query) == 0:
            code = leaf.text.strip()
            typed = f'"{code}"' if isinstance(leaf, user_query.Phrase) else code
            if is_language_tag(code):
                current = language_tag(code)
                why = f"no document is in the language {code}" + (f" ({current})" if current.lower() != code.lower() else "")
            else:
                why = f"{code} is no language code"
            notes.append(f"language:{typed} matches nothing: {why}; {LANGUAGE_HELP}.")
    return list(dict.fromkeys(notes))


def address_notices(addresses: tuple[user_query.Address, ...], idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> list[str]:
    """A sentence for each document or FRUS volume pasted as its address (:func:`legation.search.query.read_address`)
    that the archive does not hold, saying so and what to do (read it at the address, in the public
    edition; search its volume, or words of its title; a volume held only as parts of it, such as
    ``frus1949v07`` published in two, is searched in them, :func:`volumes_as_parts`): a pasted address
    of what is missing found nothing, silently, or (a FRUS volume read as its words) the whole
    archive. Typed identifiers and volume keys come as addresses too (:func:`identifier_addresses`).
    Addresses of another site's pages are searched as their words and get none here."""
    notes: list[str] = []
    named = {a.volume for a in addresses if a.identifier and a.volume}  # a document's notice speaks of its volume too
    missing: dict[str, list[user_query.Address]] = {}  # a volume held: its documents not held, said in one sentence
    for address in addresses:
        volume, identifier = address.volume, address.identifier
        number = identifier[len(volume) + 1 :] if identifier and volume else ""  # "d117" of frus1955-57v02-d117
        if identifier and user_query.identifiers_like(identifier, idx_schema, searcher, pasted=True):
            continue
        if not identifier and volume in named:
            continue
        if identifier and not volume:
            notes.append(f"No document has the identifier {identifier} of the address given: check the address, or search for words of its title.")
        elif volume and _holds_volume(volume, idx_schema, searcher):
            if identifier:
                if volume not in missing:
                    notes.append(volume)  # its place, filled below
                missing.setdefault(volume, []).append(address)
        elif volume and (parts := _parts_held(volume, idx_schema, searcher)):
            if not identifier:
                continue  # read as collection:<volume>, searched in its parts (volumes_as_parts)
            held = [f"{part}-{number}" for part in parts if user_query.identifiers_like(f"{part}-{number}", idx_schema, searcher)]
            numbering = (
                f"The archive holds the FRUS volume {volume} as its part{'s' if len(parts) > 1 else ''} {in_words(parts)}, which "
                f"number{'' if len(parts) > 1 else 's'} {'their' if len(parts) > 1 else 'its'} documents from 1 each"
            )
            if held:
                notes.append(f"{numbering}: name the part, {' or '.join(held)}.")
            else:  # frus1949v07-d700: neither part of 423 and 386 documents has it
                notes.append(
                    f"{numbering}, and {'none of them holds' if len(parts) > 1 else 'it does not hold'} a document {number}: check the "
                    "number, or the part cited, in the public edition (a part the archive does not hold may have it)."
                )
        elif volume:
            what = f"the FRUS volume {volume}, so not its document {identifier}" if identifier else f"the FRUS volume {volume}"
            notes.append(
                f"The archive does not hold {what}: read it in the public edition, {_edition_address(address)}, or search for words of its "
                f"{'title' if identifier else 'subject'}; the Collection facet lists the volumes it holds."
            )
    return list(dict.fromkeys(_documents_not_held(note, missing[note]) if note in missing else note for note in notes))


def _documents_not_held(volume: str, absent: list[user_query.Address]) -> str:
    """The sentence saying that the archive holds the FRUS volume ``volume`` but not the documents
    of ``absent`` (addresses of its documents, pasted, typed or cited), one for them all, their
    numbers as runs (``Documents 400–420`` of a volume of 324 said it 21 times), and what to do:
    read them in the public edition (the address given, the document's or the volume's there),
    or search the volume. No volume has a document 0 (its numbers start at 1), which no address
    then shows."""
    numbers = sorted({a.identifier[len(volume) + 2 :] for a in absent}, key=lambda n: (not n.isdigit(), int(n) if n.isdigit() else 0, n))
    others = [a for a in absent if a.identifier != f"{volume}-d0"]
    search = f"search the volume's documents, {user_query.COLLECTION_FIELD}:{volume}"
    if not others:
        return (
            f"The archive holds the FRUS volume {volume}, whose documents are numbered from 1: no volume has a document 0 "
            f"({volume}-d0). Check the number cited, or {search}."
        )
    if len(numbers) == 1:
        return f"The archive holds the FRUS volume {volume} but not its document {others[0].identifier}: read it in the public edition, {_edition_address(others[0])}, or {search}."
    runs = number_runs([int(n) for n in numbers if n.isdigit()]) + [n for n in numbers if not n.isdigit()]
    counted = f" ({len(numbers)} documents)" if len(runs) < len(numbers) else ""
    zero = "no volume has a document 0 (their numbers start at 1), so check the numbers cited; " if len(others) < len(absent) else ""
    them = "it" if len({a.identifier for a in others}) == 1 else "them"
    typed = all(a.text == a.identifier for a in others)
    where = (
        _edition_address(others[0]) if them == "it" else f"at {FRUS_EDITION}{volume}" if typed else "at the addresses given"
    )
    return (
        f"The archive holds the FRUS volume {volume} but not its documents {in_words(runs)}{counted}: {zero}read "
        f"{'the other' if zero and them == 'it' else 'the others' if zero else them} in the public edition, {where}, or {search}."
    )


# How a notice says a word is sought in a field: "No document has Acheson as sender (from:)".
_AS_FIELD = {"from": "as sender", "to": "as recipient", "type": "as its type", "place": "as the place it was sent from"}


def field_notices(
    q: str,
    node: user_query.Node | None,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    names: variants.VariantTable | None,
    read: str = "",
) -> list[str]:
    """A sentence for each word or phrase of ``node`` sought in a field (``from:Acheson``; not
    ``language:``, which :func:`language_notices` explains, nor under NOT) that matches nothing
    there while documents have it elsewhere, counting them and saying to search it without the
    field, named as typed in ``q`` (``sender:`` or ``from:``). For a search that found nothing:
    the FRUS volumes write "Secretary of State" as sender, not Acheson, and "Try fewer words"
    did not say so. A value no document has anywhere is said so too (``place:Atlantis``), and a
    ``type:`` matching nothing names the types documents have (:func:`_types_held`). The words of
    a group in one field (``from:(Chou En-lai)``, standing side by side
    in ``read``, the query as read) are spoken of as one name."""
    notes = []
    type_notes: set[str] = set()  # a type: matched nothing: the types held are named
    for leaf in _field_units(node, read):
        field = leaf.items[0].field if isinstance(leaf, user_query.And) else leaf.field  # type: ignore[union-attr]
        if field in (None, "language", user_query.DATE_FIELD):
            continue
        fielded = user_query.to_tantivy(_expanded(leaf, names), idx_schema, searcher)
        if fielded is not None and facet_counts.count(searcher, fielded):
            continue
        if isinstance(leaf, user_query.And):
            plain: user_query.Node = user_query.And(tuple(user_query.Term(word.text) for word in leaf.items))  # type: ignore[union-attr]
        else:
            plain = type(leaf)(leaf.text) if isinstance(leaf, user_query.Phrase) else user_query.Term(leaf.text, None, leaf.prefix)
        shown = _shown_unit(leaf)
        unfielded = user_query.to_tantivy(_expanded(plain, names), idx_schema, searcher)
        mentioning = facet_counts.count(searcher, unfielded) if unfielded is not None else 0
        typed = _typed_field(q, field)
        label = _AS_FIELD.get(field, f"in its {schema.SEARCH_FIELDS_BY_NAME[field].label.lower()}")
        mention = "document mentions" if mentioning == 1 else "documents mention"
        if mentioning:
            note = f"No document has {shown} {label} ({typed}:); {mentioning:,} {mention} {shown}: search {shown} without {typed}:."
        elif field == user_query.COLLECTION_FIELD and user_query.volume_address(getattr(leaf, "text", "")):
            continue  # a FRUS volume's key: address_notices says whether the archive holds it, or its parts
        else:
            note = f"No document has {shown} {label} ({typed}:), and none mentions {shown}."
        notes.append(note)
        if field == "type":
            type_notes.add(note)
    notes = list(dict.fromkeys(notes))
    if type_notes:  # once, after the last of type: (type:(cable OR memo) listed them twice)
        last = max(i for i, note in enumerate(notes) if note in type_notes)
        notes[last] += _types_held(searcher)
    return notes


def phrase_notices(
    node: user_query.Node | None,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    names: variants.VariantTable | None,
    filters: Sequence[Query] = (),
) -> list[str]:
    """A sentence for each quoted phrase of several words of ``node`` (ending in a ``prefix*`` or
    not; not in a field, not under NOT) that no document has while the whole search (``node`` within ``filters``) with that
    phrase's words apart finds some, counting them and saying to search them without the quotation
    marks: for a search that found nothing, ``"Chou En-lai Moscow treaty"`` got "Try fewer words",
    when the advice that works is to drop the quotes (a fresh user). The count is of that search, the
    rest of the query and the filters kept (it counted the phrase's words alone: 9 where the search
    without quotes found none). Likewise for a word whose parts a mark joins (:func:`_joined_words`:
    ``Peking/Moscow``, sought as its parts side by side, found nothing, silently), or a hyphen
    (``Mao-Stalin``, of "the Mao-Stalin talks"), saying how many documents have them apart and to
    write them with a space between; quoted (``"Peking/Moscow"``), its parts are the phrase's words."""
    notes = []
    for leaf in user_query.leaves(user_query.positive_only(node)):
        if isinstance(leaf, user_query.Term) and (joined := _joined_words(leaf, hyphen=True)):  # "Peking/Moscow": one word, its parts side by side
            if not _count_within(leaf, idx_schema, searcher, names, ()):
                apart = user_query.And(tuple(map(user_query.Term, joined)))
                said = f"No document has “{leaf.text}” as one word, its parts side by side; written apart ({' '.join(joined)}), "
                if having := _count_within(_replaced(node, leaf, apart), idx_schema, searcher, names, filters):
                    notes.append(f"{said}the search finds {documents(having)}: write them with a space between.")
                elif alone := _count_within(apart, idx_schema, searcher, names, ()):  # "Mao-Stalin date:1949": none within the dates
                    notes.append(f"{said}{documents(alone)} {'has' if alone == 1 else 'have'} them, though none the rest of the search finds: "
                                 "write them with a space between, and widen the search.")  # fmt: skip
            continue
        if not isinstance(leaf, user_query.Phrase | user_query.Term) or leaf.field is not None or analyzers.too_long(leaf.text):
            continue
        ending_in_prefix = isinstance(leaf, user_query.Term)  # "Khrushchev Formo*", a phrase too
        if not (ending_in_prefix and user_query.several_words(leaf) or isinstance(leaf, user_query.Phrase)):
            continue  # (a word no document holds: parse() names it)
        # its words, and the parts of a word a mark joins ("Peking/Moscow" quoted: Peking, Moscow), or a hyphen
        # when no document has the word ("Mao-Stalin talks"; not "Chou En-lai")
        words = [part for word in leaf.text.split() for part in _parts_apart(word, idx_schema, searcher, names)]
        if len(words) < 2:
            continue
        phrased = user_query.to_tantivy(_expanded(leaf, names), idx_schema, searcher)
        if phrased is None or facet_counts.count(searcher, phrased):
            continue
        parts = [user_query.Term(w) for w in words[:-1]] + [user_query.Term(words[-1], None, ending_in_prefix)]
        having = _count_within(_replaced(node, leaf, user_query.And(tuple(parts))), idx_schema, searcher, names, filters)
        if having:
            have = "document has" if having == 1 else "documents have"
            phrase = leaf.text + ("*" if ending_in_prefix else "")
            apart = "" if words == leaf.text.split() else f", and with a space between the parts of a word: {' '.join(words)}{'*' if ending_in_prefix else ''}"
            notes.append(f"No document has the phrase “{phrase}”; {having:,} {have} its words apart: search them without the quotation marks{apart}.")
    return list(dict.fromkeys(notes))


def exclusion_notices(
    node: user_query.Node | None,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    names: variants.VariantTable | None,
    filters: Sequence[Query] = (),
) -> list[str]:
    """For a search that found nothing, a sentence for each word or phrase it leaves out
    (``-treaties``, ``NOT "Port Arthur"``, beside the words it seeks) that leaves out every
    document the rest of it finds (within ``filters``), saying how many; for a word, that it is
    left out in all its forms, as a word sought is found in them, and, when that leaves some, the
    search with the word quoted, left out only as written (``treaty -treaties`` found nothing,
    silently: treaty and treaties share the stem "treati"; ``treaty -"treaties"`` finds 644 demo
    documents). ``[]`` for anything else. ``names`` as for :func:`search`."""
    if not isinstance(node, user_query.And) or not user_query.has_positive_terms(node):
        return []

    def having(items: tuple[user_query.Node, ...]) -> int:
        return _count_within(items[0] if len(items) == 1 else user_query.And(items), idx_schema, searcher, names, filters)

    notes = []
    for k, item in enumerate(node.items):
        left_out = item.item if isinstance(item, user_query.Not) else None
        if not isinstance(left_out, user_query.Term | user_query.Phrase):
            continue
        rest = node.items[:k] + node.items[k + 1 :]
        if not (found := having(rest)):
            continue  # the rest finds nothing either: not this exclusion's doing
        those = "the 1 document" if found == 1 else f"all {found:,} documents"
        note = f"-{_typed_word(left_out)} leaves out {those} the rest of the search finds."
        if isinstance(left_out, user_query.Term) and not left_out.prefix and len(analyzers.folded(left_out.text)) == 1:
            as_written = user_query.Phrase(left_out.text, left_out.field)  # a quoted word: as written (query._exact)
            if quoted := having((*rest, user_query.Not(as_written))):
                note += (
                    " A word left out is left out in all its forms, as a word searched for is found in all of them:"
                    f" to leave out only the word as written, quote it: -{_typed_word(as_written)} ({documents(quoted)})."
                )
        notes.append(note)
    return list(dict.fromkeys(notes))


def _parts_apart(word: str, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, names: variants.VariantTable | None) -> list[str]:
    """``word`` of a quoted phrase as words apart: the parts a mark joins (:func:`_joined_words`),
    or a hyphen when no document holds the word (``Mao-Stalin``), else ``[word]``."""
    typed = user_query.Term(word)
    if joined := _joined_words(typed):
        return joined
    if (joined := _joined_words(typed, hyphen=True)) and not _count_within(typed, idx_schema, searcher, names, ()):
        return joined
    return [word]


_JOINER = re.compile(r"[^\w'’\-\s]+")  # what joins the parts of "Peking/Moscow", "Mao&Stalin": not a hyphen or an apostrophe
_HYPHEN = re.compile(r"-+")


def _joined_words(leaf: user_query.Term, hyphen: bool = False) -> list[str]:
    """The parts of an unfielded word typed with them joined by a mark other than a hyphen or an
    apostrophe (``Peking/Moscow`` → ``["Peking", "Moscow"]``), each a word of its own; ``[]`` for
    any other word (``En-lai``, ``O'Neill``, ``U.S.S.R``: its parts are letters, not words). With
    ``hyphen``, by a hyphen too (``Mao-Stalin`` → ``["Mao", "Stalin"]``), but not parts of digits
    alone (``1949-1950``): for a hyphenated word no document holds, since most are words
    (``Kim Il-sung``, ``Sino-Soviet``)."""
    if leaf.field is not None or leaf.prefix or len(analyzers.folded(leaf.text)) < 2:
        return []
    parts = [p for part in _JOINER.split(leaf.text) for p in (_HYPHEN.split(part) if hyphen else [part]) if p]
    if hyphen and any(p.isdigit() for p in parts):
        return []
    return parts if len(parts) > 1 and all(len(analyzers.folded(p)) >= 1 and len(p) > 1 for p in parts) else []


def _count_within(
    node: user_query.Node | None, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, names: variants.VariantTable | None, filters: Sequence[Query]
) -> int:
    """How many documents the query ``node`` finds within ``filters``, its names in all their
    forms; 0 for a query of nothing to search."""
    query = user_query.to_tantivy(_expanded(node, names), idx_schema, searcher) if node is not None else None
    return facet_counts.count(searcher, combine(query, list(filters))) if query is not None else 0


def _replaced(node: user_query.Node | None, old: user_query.Node, new: user_query.Node) -> user_query.Node | None:
    """``node`` with each ``old`` in it (compared by value) replaced by ``new``."""
    return user_query.rewritten(node, lambda part: new if part == old else part)


TYPES_NAMED = 8
"""The types :func:`field_notices` names when a ``type:`` matches nothing, the most frequent first."""


def _types_held(searcher: tantivy.Searcher) -> str:
    """`` The types documents have: telegram (2,010), memorandum (1,598), … (12 in all).``: a
    ``type:`` value is a word of these, and ``type:cable`` or ``type:memo`` finds nothing."""
    facet = schema.FACETS_BY_NAME["type"]
    held = facet_counts.top_values(searcher, Query.all_query(), [facet], MAX_FACET_VALUES)[facet.name]
    if not held:
        return ""
    shown = ", ".join(f"{value} ({count:,})" for value, count in held[:TYPES_NAMED])
    more = f", … ({len(held):,} in all)" if len(held) > TYPES_NAMED else ""
    return f" The types documents have: {shown}{more}."


ONE_VALUED = ("place", "type")
"""The fields of which a document has one value: one place it was sent from, one type."""


def one_value_notices(
    q: str, node: user_query.Node | None, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, names: variants.VariantTable | None, read: str = ""
) -> list[str]:
    """A sentence for each field of :data:`ONE_VALUED` that ``node`` requires two values of
    (``place:Moscow place:Peking``, each matching documents alone), saying that a document has one
    and how to ask for either: ``place:(Moscow OR Peking)``. For a search that found nothing; the
    values named as typed (within ``read``, the query as read), the field as typed in ``q``; a
    value that matches nothing alone is :func:`field_notices`' to name. ``names`` as for
    :func:`search`."""
    units: dict[str, list[str]] = {}
    for unit in _field_units(node if isinstance(node, user_query.And) else None, read):
        field = unit.items[0].field if isinstance(unit, user_query.And) else unit.field  # type: ignore[union-attr]
        if field in ONE_VALUED and unit in node.items:  # type: ignore[union-attr]
            alone = user_query.to_tantivy(_expanded(unit, names), idx_schema, searcher)
            if alone is None or not facet_counts.count(searcher, alone):
                continue
            units.setdefault(field, []).append(_shown_unit(unit))
    notes = []
    for field, values in units.items():
        if len(values := list(dict.fromkeys(values))) > 1:
            typed = _typed_field(q, field)
            label = "place it was sent from" if field == "place" else schema.SEARCH_FIELDS_BY_NAME[field].label.lower()
            both = " and ".join(f"{typed}:{v}" for v in values)
            notes.append(f"A document has one {label}, so none matches {both}; to find documents of any of them, write {typed}:({' OR '.join(values)}).")
    return notes


def _shown_unit(unit: user_query.Node) -> str:
    """A unit of :func:`_field_units` as a notice names it, without its field: a group's words or a
    phrase quoted (``"Mao Tse-tung"``, ``"Port Ar*"``: a phrase ending in a prefix), a word as typed
    (``Mosk*``)."""
    if isinstance(unit, user_query.And):
        return user_query.phrase_query(" ".join(word.text for word in unit.items))  # type: ignore[union-attr]
    text = unit.text + ("*" if getattr(unit, "prefix", False) else "")  # type: ignore[union-attr]
    return user_query.phrase_query(text) if isinstance(unit, user_query.Phrase) or " " in unit.text else text  # type: ignore[union-attr]


def _field_units(node: user_query.Node | None, read: str) -> Iterator[user_query.Node]:
    """What :func:`field_notices` speaks of, in order: each word and phrase under AND and OR (not
    under NOT), but the words of a group in one field standing side by side in ``read`` (the query
    as read: ``from:(Chou En-lai)``, the :class:`And` of its words), which together name one
    thing, a sender, not two; ``from:Mao from:Stalin`` are two."""
    words = node.items if isinstance(node, user_query.And) else ()
    if len(words) > 1 and all(
        isinstance(word, user_query.Term) and word.field is not None and word.field == words[0].field and not word.prefix and word.at >= 0  # type: ignore[union-attr]
        for word in words
    ) and all(read[a.at + len(a.text) : b.at].isspace() for a, b in zip(words, words[1:])):  # type: ignore[union-attr]
        yield node  # type: ignore[misc]
    elif isinstance(node, user_query.And | user_query.Or):
        for item in node.items:
            yield from _field_units(item, read)
    elif isinstance(node, user_query.Term | user_query.Phrase):
        yield node


def _expanded(node: user_query.Node, names: variants.VariantTable | None) -> user_query.Node:
    """``node`` with its names in all their forms, as the search seeks them."""
    return names.expand(node)[0] or node if names is not None else node


_FIELD_PREFIX = re.compile(r"(?<![\w])([^\W\d_]+):")


def _typed_field(q: str, field: str) -> str:
    """The name ``field`` was typed under in ``q`` (``sender`` for ``from``, case as typed), else ``field``."""
    for name in _FIELD_PREFIX.findall(q):
        if schema.FIELD_ALIASES.get(name.lower(), name.lower()) == field:
            return name
    return field


def date_conflict_notices(node: user_query.Node | None, request: SearchRequest) -> list[str]:
    """A sentence for each pair of date ranges that every match must meet and that have no day in
    common, naming them and what to do: two typed in the query (``date:1950-01..1950-02
    date:1951``: the range that ends first and the one that starts last), and one typed and the dates
    chosen (``start_date``, ``end_date``). A document meets two such ranges only when its date spans
    the days between them (a range typed is met by overlap), or never (the dates chosen met
    ``within``): a search that found nothing for that said nothing, or to widen the dates. The
    ranges counted are those :func:`_undated` takes out (ANDed with the rest, in a group or not),
    not those of an OR or under NOT. ``[]`` when they overlap."""
    ranges = list(_required_ranges(node))
    notes = []
    if ranges:
        ends_first = min(ranges, key=lambda r: r.end or dt.date.max)
        starts_last = max(ranges, key=lambda r: r.start or dt.date.min)
        if not _overlap(ends_first, starts_last):
            first, last = _typed_range(ends_first), _typed_range(starts_last)
            notes.append(
                f"date:{first} and date:{last} do not overlap: a document meets every date range of a query, so both only when its date "
                f"spans the time between them. Keep one date range, or write date:({first} OR {last}) to find documents of either."
            )
    if request.start_date or request.end_date:
        chosen = user_query.DateRange(request.start_date, request.end_date)
        if (apart := next((r for r in ranges if not _overlap(r, chosen)), None)) is not None:
            both = (
                "no document lies wholly within the dates chosen and overlaps it"
                if request.date_match == "within"
                else "a document meets both only when its date spans the time between them"
            )
            typed = _typed_range(apart)
            notes.append(
                f"date:{typed} and the dates chosen ({_chosen_dates(request)}) do not overlap: {both}. Keep one date range: "
                f"clear the dates chosen, or take date:{typed} out of the query."
            )
    return notes + _year_conflicts(ranges, request)


def _year_conflicts(ranges: list[user_query.DateRange], request: SearchRequest) -> list[str]:
    """A sentence when the years chosen in the year facet (``year=1949``) have no day in common with
    the dates chosen or a date range typed (``start_date=1951``), or Undated is the one year chosen
    beside them: the search found nothing and said nothing (a fresh user's). A document of a year
    meets such dates only when its date spans the time between them."""
    chosen_years = request.filters.get("year", [])
    dates = [(f"date:{_typed_range(r)}", r) for r in ranges]  # (as named, range)
    if request.start_date or request.end_date:
        dates.insert(0, (f"the dates chosen ({_chosen_dates(request)})", user_query.DateRange(request.start_date, request.end_date)))
    if not chosen_years or not dates:
        return []
    if chosen_years == [schema.UNDATED]:
        return [f"Undated and {dates[0][0]} exclude each other: an undated document has no date to meet a date range. Clear one of them."]
    years = sorted(int(y) for y in chosen_years if y.isdigit() and 0 < int(y) <= dt.MAXYEAR)
    spans = [user_query.DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in years]
    for name, dates_range in dates:
        if spans and not any(_overlap(span, dates_range) for span in spans):
            shown = ", ".join(map(str, years))
            one = len(years) == 1
            return [
                f"The year{'' if one else 's'} chosen ({shown}) and {name} have no day in common: a document of "
                f"{'that year' if one else 'those years'} meets both only when its date spans the time between them. "
                f"Clear the year{'' if one else 's'} chosen, or the dates."
            ]
    return []


def page_notices(node: user_query.Node | None, filters: list[Query], idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> list[str]:
    """For a search that found nothing: a sentence when the page ranges its matches must meet
    (``page:5000``, as a FRUS citation by pages is read) are why: ranges that do not overlap
    (``page:290 page:500``); else what the rest of the query finds within the ``filters``, and, when
    it names a collection (a FRUS volume cited), on which pages those documents are printed (the
    first and last page of any of them), so that a page misread or misprinted in a citation can be
    put right; ``[]`` when the query holds no such range or its rest finds nothing too."""
    ranges = list(_required_ranges(node, user_query.PageRange))
    if not ranges:
        return []
    typed, them = " and ".join(f"page:{r.text}" for r in ranges), "it" if len(ranges) == 1 else "them"
    if max(r.first or 1 for r in ranges) > min(r.last or user_query.MOST_PAGE for r in ranges):
        return [
            f"{typed} do not overlap: a document meets every page range of a query, so all only when its pages span them. "
            f"Keep one, or write page:({' OR '.join(r.text for r in ranges)}) to find documents printed on any."
        ]
    rest = _without_ranges(node, user_query.PageRange)
    query = combine(user_query.to_tantivy(rest, idx_schema, searcher) if rest is not None else None, filters)
    count = facet_counts.count(searcher, query)
    if not count:
        return []
    matches = "1 document matches" if count == 1 else f"{count:,} documents match"
    paged = Query.boolean_query([(Occur.Must, query), (Occur.Must, user_query.page_overlap_query(idx_schema, 1, None))])
    first = searcher.search(paged, limit=1, count=False, order_by_field=schema.PAGE_FIELDS[0], order=Order.Asc).hits
    if not first:
        return [
            f"{matches} the query without {typed}, but the archive holds no printed pages of {'it' if count == 1 else 'them'}: a volume "
            f"published online only has none (cite its documents by number); of a printed one, ingest its files again (the FRUS reader "
            f"keeps each document's pages since 2026-12; a CSV or JSON Lines file needs a pages column); or take {typed} out."
        ]
    if not any(leaf.field == user_query.COLLECTION_FIELD for leaf in user_query.leaves(rest)):
        return [f"No document the query finds is printed on {typed}, though {matches.lower()} the query without {them}: take {typed} out."]
    last = searcher.search(paged, limit=1, count=False, order_by_field=schema.PAGE_FIELDS[1], order=Order.Desc).hits
    span = f"page {first[0][0]}" if first[0][0] == last[0][0] else f"pages {first[0][0]}\u2013{last[0][0]}"
    return [
        f"No document the query finds is printed on {typed}: {matches.lower()} the query without {them}, printed on {span}; "
        f"look for the page among them, or take {typed} out."
    ]


_R = TypeVar("_R", bound=user_query.Range)


def _required_ranges(node: user_query.Node | None, kind: type[_R] = user_query.DateRange) -> Iterator[_R]:  # type: ignore[assignment]
    """The ranges of ``kind`` (of dates, or :class:`~legation.search.query.PageRange`) of ``node``
    every match must overlap: alone, or ANDed with the rest."""
    if isinstance(node, kind):
        yield node
    elif isinstance(node, user_query.And):
        for item in node.items:
            yield from _required_ranges(item, kind)


def _overlap(a: user_query.DateRange, b: user_query.DateRange) -> bool:
    """Whether the ranges ``a`` and ``b`` share a day (an open end, ``None``, shares every day beyond)."""
    return (a.start is None or b.end is None or a.start <= b.end) and (b.start is None or a.end is None or b.start <= a.end)


def _typed_range(found: user_query.DateRange) -> str:
    """``found`` as typed after ``date:`` (``1950-01..1950-02``), else as its days (``1950-01-01..1950-02-28``)."""
    return found.text or "..".join(day.isoformat() if day else "" for day in (found.start, found.end))


def _chosen_dates(request: SearchRequest) -> str:
    """The dates chosen in ``request``, in words: ``1950-01-01 to 1950-02-28``, ``from 1950-01-01``, ``up to 1950-02-28``."""
    start, end = request.start_date, request.end_date
    if start and end:
        return f"{start.isoformat()} to {end.isoformat()}"
    return f"from {start.isoformat()}" if start else f"up to {end.isoformat()}"  # type: ignore[union-attr]


def _sampled(
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    text_query: Query | None,
    filters: list[Query],
    words_in: Callable[[facet_counts.Sample], Query | None],
) -> tuple[facet_counts.Sample | None, bool]:
    """The sample the facets of ``text_query``'s matches within ``filters`` are counted on
    (:func:`legation.search.facets.sample_of`, its pilot asked as the facets are: ``words_in``,
    :func:`_words_within`), and whether any document matches: told by that pilot when it estimates
    many (a sample), else by counting them, then few."""
    query = combine(text_query, filters)
    sample = facet_counts.sample_of(searcher, idx_schema, query, within=lambda some: combine(words_in(some), filters))
    return sample, sample is not None or facet_counts.count(searcher, query) > 0


def _matches_any(
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    text_query: Query | None,
    filters: dict[str, Query],
    words_in: Callable[[facet_counts.Sample], Query | None],
) -> bool:
    """Whether any document matches ``text_query`` within ``filters`` (:func:`_sampled`)."""
    return _sampled(searcher, idx_schema, text_query, list(filters.values()), words_in)[1]


def _words_alone(words: _TextQuery, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, filters: dict[str, Query]) -> tuple[bool, Query | None, int]:
    """Of a search whose words, filters and dates match nothing: whether its query holds a date
    range, the query of its words without those ranges (:func:`_without_dates`), and how many
    documents these words match without the filters and ranges (0 when there are none to leave
    out). When some do, the filters or dates are why nothing was found, and the search says so
    rather than fall back to documents with most of the words (:func:`_most_words`)."""
    dated, bare_words = _without_dates(words, idx_schema, searcher)
    return dated, bare_words, facet_counts.count(searcher, bare_words) if bare_words is not None and (filters or dated) else 0


def _without_dates(words: _TextQuery, idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> tuple[bool, Query | None]:
    """Whether the query holds a date range that its matches must meet (:func:`_undated`:
    ``Stalin date:1949-12..1950-02``, ``Stalin (date:1949-12..1950-02)``, ``(Stalin date:…) OR
    (Truman date:…)``), and the query of its words without those ranges (``words.query`` when it
    holds none; ``None`` when no words are left): what "N documents match these words" counts. The
    words without the ranges find every match of the query and more, so when the query finds
    nothing and they find N, the ranges are why."""
    node = _without_ranges(words.node)
    if node is words.node:
        return False, words.query
    return True, None if node is None else user_query.to_tantivy(node, idx_schema, searcher)


def _without_ranges(node: user_query.Node | None, kind: type[user_query.Range] = user_query.DateRange) -> user_query.Node | None:
    """``node`` without the ranges of ``kind`` (of dates, or of pages) whose removal can only widen
    what it finds, ``None`` when nothing else is left: a range ANDed with the rest, in a group or
    not; an OR's ranges only when each of its alternatives loses its own, or all are ranges
    (``date:(1949 OR 1950)``): left in an alternative of dates alone (``Stalin OR date:1950``), the
    OR would find every document without it, and the words alone are not what it searched. Ranges
    under NOT stay (taking one out narrows). ``node`` itself (``is``) when no range is taken out."""
    if isinstance(node, kind):
        return None
    if not isinstance(node, user_query.And | user_query.Or):
        return node
    items = [_without_ranges(item, kind) for item in node.items]
    if all(new is old for new, old in zip(items, node.items)):
        return node
    kept = tuple(item for item in items if item is not None)
    if not kept:
        return None
    if isinstance(node, user_query.Or) and len(kept) < len(items):
        return node  # an alternative of dates alone: the OR is no narrower for them
    return kept[0] if len(kept) == 1 else type(node)(kept)


def identifier_addresses(node: user_query.Node | None) -> tuple[user_query.Address, ...]:
    """The words of ``node`` typed as a document or volume of the public FRUS edition
    (``frus1949v07p1-d99999``, ``frus1945v01-d1``; ``frus1945v01``, or ``collection:frus1945v01``),
    read as that document's or volume's address (:func:`legation.search.query.identifier_address`,
    :func:`~legation.search.query.volume_address`) so that :func:`address_notices` says what it
    says of the address pasted (the archive does not hold the document, or its volume), for a search
    that found nothing. Only words typed (not read from an address pasted), not under NOT nor ending
    in ``*``; a volume's key in the collection field, quoted or not, but no other field's word, nor
    a quoted one elsewhere."""
    found = []
    for leaf in user_query.leaves(node):
        if leaf.at < 0 or getattr(leaf, "prefix", False):
            continue  # not typed: read from a pasted address, whose notice address_notices gives already
        if leaf.field == user_query.COLLECTION_FIELD:
            address = user_query.volume_address(leaf.text)
        elif leaf.field is None and isinstance(leaf, user_query.Term):
            address = user_query.identifier_address(leaf.text) or user_query.volume_address(leaf.text)
        else:
            address = None
        if address is not None:
            found.append(address)
    return tuple(found)


def _edition_address(address: user_query.Address) -> str:
    """Where the public FRUS edition has the document or volume of ``address``: "at the address given"
    when one was pasted, else (a document's identifier or a volume's key typed) its address there,
    history.state.gov/historicaldocuments/<volume>[/<document>]."""
    if address.text != (address.identifier or address.volume):
        return "at the address given"
    document = f"/{address.identifier[len(address.volume) + 1 :]}" if address.identifier else ""
    return f"at {FRUS_EDITION}{address.volume}{document}"


def _parts_held(volume: str, idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> list[str]:
    """The keys of the parts of the FRUS volume ``volume`` that the archive holds as collections of
    their own (``frus1949v07p1``, ``frus1949v07p2`` of ``frus1949v07``, published in two parts),
    in the order of their numbers; read off the identifiers of their documents, ``<part>-d<number>``
    (the collection field cuts a key at its hyphens, ``frus1952-54v14p2``, so its words cannot list
    them), and each checked to be a collection held."""
    part = re.compile(re.escape(volume) + r"p\d+")
    keys = {identifier.rsplit("-d", 1)[0] for identifier, _ in searcher.terms_with_prefix(schema.KEY_FIELD, volume + "p")}
    return sorted((key for key in keys if part.fullmatch(key) and _holds_volume(key, idx_schema, searcher)), key=_natural)


def _holds_volume(volume: str, idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> bool:
    """Whether a document of the archive belongs to the FRUS volume ``volume`` (its collection, by key)."""
    query = user_query.to_tantivy(user_query.Term(volume, user_query.COLLECTION_FIELD), idx_schema, searcher)
    return query is not None and facet_counts.count(searcher, query) > 0


def _searched_fields(node: user_query.Node | None) -> set[str]:
    """Names of the search fields the words of ``node`` are searched in."""
    if isinstance(node, user_query.And | user_query.Or):
        return set().union(*(_searched_fields(item) for item in node.items))
    if isinstance(node, user_query.Term | user_query.Phrase):
        return {node.field} if node.field else {f.name for f in schema.DEFAULT_FIELDS}
    return set()  # a date range; negations are gone (positive_only)


SNIPPET_FIELDS = (*schema.TEXT_FIELDS, "summary")  # where passages are sought, in this order (best_snippets)
MARKED_FIELDS = ("title", "subject", "source")  # marked beside the passages: the title whole, a subject's passage (subject_passages), the source's


def snippets_for(
    searcher: tantivy.Searcher, index: SearchIndex, node: user_query.Node | None, query: Query | None = None, apart: bool = False
) -> dict[str, snippets.Highlighter]:
    """One highlighter per stored text field, the summary, the title and the subjects
    (:data:`SNIPPET_FIELDS`, :data:`MARKED_FIELDS`), by field name, marking the query's positive words
    (names in all their forms); none when nothing is to be highlighted. A field no word of the
    query searches (``from:Kissinger``, ``title:treaty``) gets none: it could not highlight
    anything, and would still read every hit's whole text. ``query``: ``node`` as searched
    (:func:`text_query`), used as it is when ``node`` excludes nothing and seeks nothing by
    shingles, which no text field holds (highlighting takes a query's words, whatever their AND
    and OR; :func:`_not_highlighted_as_searched`), which spares building it again. ``apart``: the
    search sought the runs of Han, kana or Hangul that :func:`legation.search.query.sought_apart`
    allows with punctuation or spaces between their characters (:func:`runs_apart`): they are
    marked where the text has them so."""
    positive = user_query.positive_only(node)
    reusable = query is not None and not _excludes(node) and not any(map(_not_highlighted_as_searched, user_query.leaves(positive)))
    highlight = query if reusable else user_query.to_tantivy(positive, index.schema, searcher, highlighting=True)
    if highlight is None:
        return {}
    searched = _searched_fields(positive)
    texts = [leaf.text for leaf in user_query.leaves(positive)]
    words = list(dict.fromkeys(w for text in texts for w in analyzers.folded(text)))
    apart_texts = [leaf.text for leaf in user_query.leaves(positive) if user_query.sought_apart(leaf)] if apart else []
    runs_apart = snippets.own_word_runs(apart_texts, apart=True)
    runs = tuple(dict.fromkeys([*snippets.own_word_runs(texts), *runs_apart]))
    phrased, parted, prefixed, free = _phrases_and_free_words(positive)
    prefix_words = [leaf.text for leaf in user_query.leaves(positive) if isinstance(leaf, user_query.Term) and leaf.prefix and leaf.text not in prefixed]
    prefixes = tuple(dict.fromkeys(w for text in prefix_words for w in analyzers.folded(text)))
    free_words = tuple(leaf.text for leaf in free if not leaf.prefix)
    stem_forms = _stem_forms(positive, searcher)
    highlighters = {}
    for name in (*SNIPPET_FIELDS, *MARKED_FIELDS):
        if ("text" if name in schema.TEXT_FIELDS else name) in searched:
            highlighters[name] = snippets.Highlighter(
                name,
                partial(_generator, searcher, highlight, index.schema, name),
                words=tuple(words),
                runs=runs,
                runs_apart=runs_apart,
                phrase_texts=tuple(phrased),
                parted_texts=tuple(parted),
                prefix_phrase_texts=tuple(prefixed),
                free_words=free_words,
                free_prefixes=prefixes,
                analyzer=schema.ANALYZER_OF[name],
                stem_forms=stem_forms if schema.ANALYZER_OF[name] in (analyzers.STEMMED_NAME, analyzers.ENGLISH_TEXT_NAME) else (),
            )
    return highlighters


def _stem_forms(node: user_query.Node | None, searcher: tantivy.Searcher) -> tuple[tuple[str, frozenset[str]], ...]:
    """Of each unfielded word of ``node`` that finds its English stem in some forms only
    (:func:`legation.search.query.stem_forms_found`), the stem and those forms, of all such words of
    that stem together (``Cooper cooperation``: Cooper and cooperate …): what snippets mark."""
    found: dict[str, set[str]] = {}
    for leaf in user_query.leaves(node):
        if isinstance(leaf, user_query.Term) and leaf.field is None and not leaf.prefix:
            if (stem_forms := user_query.stem_forms_found(leaf.text, searcher)) is not None:
                found.setdefault(stem_forms[0], set()).update(stem_forms[1])
    return tuple((stem, frozenset(forms)) for stem, forms in found.items())


def _phrases_and_free_words(node: user_query.Node | None) -> tuple[list[str], list[str], list[str], list[user_query.Term]]:
    """The words of ``node`` (positive words only) by how their snippets mark them
    (:func:`legation.search.snippets.in_phrases`): the texts of its quoted phrases (``"Port
    Arthur"``, a name's other form ``"Chou En-lai"``; a quoted word too, ``"treaties"``, found and
    so marked as written, but for case and accents, not as "treaty"), of its words of several parts
    (``Sino-Soviet``, ``secretary_of``, not a ``prefix*`` nor a run of Han, kana or Hangul, which
    snippets mark by their runs) and of its phrases ending in a prefix (``"Port Ar*"``, ``En-l*``),
    whose words are marked only where they stand together; and its other words, marked wherever
    they stand. None of the first three, nothing to tell apart: ``[], [], [], []``."""
    leaves = list(user_query.leaves(node))
    phrased = [leaf.text for leaf in leaves if isinstance(leaf, user_query.Phrase) and analyzers.folded(leaf.text)]
    several = [leaf for leaf in leaves if isinstance(leaf, user_query.Term) and len(analyzers.folded(leaf.text)) > 1]
    parted = [leaf.text for leaf in several if not leaf.prefix and not user_query.by_shingles(leaf)]
    prefixed = [leaf.text for leaf in several if leaf.prefix]
    if not phrased and not parted and not prefixed:
        return [], [], [], []
    together = {*parted, *prefixed}
    free = [leaf for leaf in leaves if isinstance(leaf, user_query.Term) and leaf.text not in together]
    return phrased, parted, prefixed, free


def _not_highlighted_as_searched(leaf: user_query.Node) -> bool:
    """Whether the search seeks ``leaf`` by a query tantivy's snippet generator takes no words
    from: by shingles (:func:`legation.search.query.by_shingles`), or a phrase ending in a prefix
    (a regular expression over the terms)."""
    several_prefix = isinstance(leaf, user_query.Term) and leaf.prefix and len(analyzers.folded(leaf.text)) > 1
    return several_prefix or user_query.by_shingles(leaf)


def _excludes(node: user_query.Node | None) -> bool:
    """Whether ``node`` has a NOT (whose words must not be highlighted)."""
    if isinstance(node, user_query.And | user_query.Or):
        return any(_excludes(item) for item in node.items)
    return isinstance(node, user_query.Not)


def _generator(searcher: tantivy.Searcher, query: Query, idx_schema: tantivy.Schema, field: str) -> tantivy.SnippetGenerator:
    """tantivy's snippet generator marking ``query``'s words in ``field``, over the whole text
    (:data:`legation.search.snippets.WHOLE_TEXT`)."""
    generator = tantivy.SnippetGenerator.create(searcher, query, idx_schema, field)
    generator.set_max_num_chars(snippets.WHOLE_TEXT)
    return generator


def _words_in(
    node: user_query.Node | None,
    relaxed: bool,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    sample: facet_counts.Sample,
    cited: tuple[bool, frozenset[str]] = (False, frozenset()),
) -> Query | None:
    """The query of the words ``node`` (the most-words query when ``relaxed``) with the documents
    of ``sample`` sought phrase by phrase (:func:`legation.search.query.to_tantivy`'s ``within``):
    what the facets of a search over very many matches count, the whole still ANDed with the
    sample by :func:`legation.search.facets.top_values`. The sample ANDed with the whole query
    alone left tantivy checking every phrase's positions in every document holding its words: at
    1,000,000 documents the facets of ``"Prime Minister"`` took 66 ms, now 25."""
    if relaxed:
        return user_query.most_words_query(node, idx_schema, searcher, within=sample.only, cited=cited[0], cited_documents=cited[1])
    return user_query.to_tantivy(node, idx_schema, searcher, within=sample.only)


def _words_within(
    text_query: Query | None,
    node: user_query.Node | None,
    relaxed: bool,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    cited: tuple[bool, frozenset[str]] = (False, frozenset()),
) -> Callable[[facet_counts.Sample], Query | None]:
    """For a sample, :func:`_words_in`; ``text_query`` itself when the words give no query to seek
    it in (``???``: nothing to search, ``text_query`` matching nothing), never every document.
    Built once a sample: a search's facets and its year histogram count the same one (building it
    took 0.5–3 ms at 1,000,000 documents)."""
    built: dict[int, Query | None] = {}

    def words_in(sample: facet_counts.Sample) -> Query | None:
        if sample.buckets not in built:
            pushed = _words_in(node, relaxed, idx_schema, searcher, sample, cited=cited)
            built[sample.buckets] = text_query if pushed is None else pushed
        return built[sample.buckets]

    return words_in


def name_form_notices(
    node: user_query.Node | None,
    expanded: variants.Expansions,
    total: int,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    names: variants.VariantTable | None,
) -> list[str]:
    """The sentences saying which words of ``node`` (as parsed; ``expanded`` what
    :meth:`~legation.search.variants.VariantTable.expand` found in it) were sought, or left out,
    with the other names the authority records give them, and how to search one form as written.

    - "Also searched for other forms of these names (Formosa: Taiwan, 台湾)." and "Also excluded
      …" for the names expanded, when the search found documents or excluded a name
      (``Formosa -Taiwan`` found nothing: Taiwan and Formosa are one record's names, each excluded
      in all of them);
    - then how to search a form as written: a name is one in all its forms, quoted or not (quotes
      hold its words together), but ``text:`` and ``title:`` are not names' fields, so
      ``text:Formosa -text:Taiwan`` searches the texts for the forms as written (324 demo
      documents); sender, recipient, place and the names linked hold the authority records' names,
      so no search finds them as a document writes them, and the sentence says so when the query
      used those fields;
    - for an unfielded word of another name of a person or body and of none of its own
      (``Zedong``, :attr:`~legation.search.variants.VariantTable.other_name_words`), that it finds
      (or, excluded, leaves out) the documents linked to that person, whether or not they write
      it, how many texts write it and the ``text:`` search for them (no demo document writes
      Zedong: ``Zedong`` found 162 documents, ``Mao -Zedong`` left out 163, unexplained); said
      only when some document is linked to one who bears it (``names:`` finds it): no demo
      document is linked to Sun Yat-sen, and ``Zhongshan treaty``, finding 1,099 by ``treaty``,
      said that ``Zhongshan`` found his.

    ``[]`` without authority records (``names`` None)."""
    if names is None:
        return []
    notes = []
    excluded = expanded.excluded
    if expanded and (total or excluded):
        searched = {typed: others for typed, others in expanded if typed not in excluded}
        left_out = {typed: others for typed, others in expanded if typed in excluded}
        for said, forms_of in (("Also searched for", searched), ("Also excluded", left_out)):
            if forms_of:  # a name typed twice ("Moscow OR Moscow") is named once
                # a name as typed, without the punctuation a sentence pasted around it ("Khrushchev," of a footnote)
                forms = "; ".join(
                    f"{typed.strip(_PROSE_PUNCTUATION) or typed}: {', '.join(others[:4])}{' …' if len(others) > 4 else ''}" for typed, others in forms_of.items()
                )
                notes.append(f"{said} other forms of these names ({forms}).")
        written = " ".join(
            f"{'-' if typed in excluded else ''}text:{_as_typed(typed.strip(_PROSE_PUNCTUATION) or typed)}"
            for typed in dict.fromkeys(typed for typed, _ in expanded)
            if not typed.endswith("*")
        )
        named_fields = sorted(_fields_of(node) & set(variants.NAME_FIELDS))
        note = "A name is searched in all the forms its authority record gives, quoted or not"
        if written:
            note += f"; text: (or title:) searches the texts (or titles) for one form as written: {written}"
        if named_fields:
            note += (
                f"; {', '.join(f'{f}:' for f in named_fields)} hold the names the authority records give, so no search"
                " finds a sender, recipient, place or name linked as a document writes it"
            )
        notes.append(note + ".")
    for leaf, left in _unfielded_words(node):
        if leaf.prefix or not (left or total) or not (words := analyzers.folded(leaf.text)) or len(words) != 1 or words[0] not in names.other_name_words:
            continue
        if not _count_within(user_query.Term(leaf.text, "names"), idx_schema, searcher, None, ()):
            continue  # no document is linked to one who bears it (Sun Zhongshan, an authority record's Sun Yat-sen, in none)
        pairs = names.other_name_words[words[0]]
        whose = " or ".join(f"{own} (another of whose names is {other})" for own, other in pairs[:3]) + (" …" if len(pairs) > 3 else "")
        writing = _count_within(user_query.Term(leaf.text, "text"), idx_schema, searcher, None, ())
        said = f"-{leaf.text} leaves out" if left else f"{leaf.text} finds"
        typed = f"{'-' if left else ''}text:{leaf.text}"
        texts = (
            f"{documents(writing)} write it in {'its' if writing == 1 else 'their'} texts: {typed} {'leaves out' if left else 'finds'} only {'it' if writing == 1 else 'those'}"
            if writing
            else f"no document writes it in its texts ({typed} {'leaves out' if left else 'finds'} none)"
        )
        notes.append(f"{said} the documents linked to {whose} in the authority records, whether or not they write it; {texts}.")
    return list(dict.fromkeys(notes))


def _as_typed(name: str) -> str:
    """A name as a query writes it: quoted when it has several words (``"Chou En-lai"``)."""
    return f'"{name}"' if len(name.split()) > 1 else name


def _fields_of(node: user_query.Node | None) -> set[str]:
    """The fields named in ``node``, under AND, OR and NOT (``to:``'s name ``to``)."""
    if isinstance(node, user_query.And | user_query.Or):
        return set().union(*(_fields_of(item) for item in node.items))
    if isinstance(node, user_query.Not):
        return _fields_of(node.item)
    return {node.field} if isinstance(node, user_query.Term | user_query.Phrase) and node.field else set()


def _unfielded_words(node: user_query.Node | None, left: bool = False) -> Iterator[tuple[user_query.Term, bool]]:
    """Each word of ``node`` typed without a field, with whether a NOT leaves it out."""
    if isinstance(node, user_query.And | user_query.Or):
        for item in node.items:
            yield from _unfielded_words(item, left)
    elif isinstance(node, user_query.Not):
        yield from _unfielded_words(node.item, not left)
    elif isinstance(node, user_query.Term) and node.field is None:
        yield node, left


FACET_WORDS_SHOWN = 5
"""The values :func:`facet_word_notices` names, the most frequent first."""


def facet_word_notices(node: user_query.Node | None, facets: list[FacetResult], chosen: dict[str, list[str]]) -> list[str]:
    """For each ``type:`` or ``collection:`` word or phrase every match must have (``type:Memorandum``,
    alone or beside other words) whose facet, among the matches (``facets``, as the search counted
    them: no search more), holds several values, a sentence naming them with their counts, the
    most frequent :data:`FACET_WORDS_SHOWN` first, and saying to choose one in the facet: a field's
    word matches every value holding it (``type:Memorandum`` found 1,598 demo documents, the Type
    facet's Memorandum 806, with Memorandum of Conversation, Memorandum for the Record …), where the
    facet's filter takes one value whole. Not for a facet chosen in ``chosen`` (its filter keeps
    the values it names), nor ``language:``, a document counting under each language of its texts."""
    items = node.items if isinstance(node, user_query.And) else (node,)
    by_name = {f.name: f for f in facets}
    notes = []
    for item in items:
        if not isinstance(item, user_query.Term | user_query.Phrase) or item.field not in ("type", "collection") or item.field in chosen:
            continue
        if (facet := by_name.get(item.field)) is None or len(values := [v for v in facet.values if v.count]) < 2:
            continue
        about = "about " if facet.approximate else ""
        listed = "; ".join(f"{v.label or v.value} ({about}{v.count:,})" for v in values[:FACET_WORDS_SHOWN])
        more = " …" if len(values) > FACET_WORDS_SHOWN else ""
        notes.append(
            f"{_typed_word(item)} matches every {facet.label.lower()} holding {'its words' if isinstance(item, user_query.Phrase) else 'the word'}:"
            f" {listed}{more}; to keep one, choose it under {facet.label}."
        )
    return list(dict.fromkeys(notes))


def _archive_names(index: SearchIndex | None, names: variants.VariantTable | None) -> variants.VariantTable | None:
    return variants.current() if names is None and index is None else names


def _finds(request: SearchRequest, index: SearchIndex, searcher: tantivy.Searcher, names, filters: dict[str, Query], q: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a document has every word of ``q``, searched as ``request`` searches its words,
    within ``filters`` (:func:`filter_queries`; ``{}``: anywhere): whether a spelling suggestion
    finds any (told by the pilot sample when it finds many: a common name corrected,
    `Khrushchev`, took up to 7 ms to count at 1,000,000 documents)."""
    asked = text_query(dataclasses.replace(request, q=q, sort="date_asc"), index, searcher, names)  # no proximity bonus
    return _matches_any(searcher, index.schema, asked.query, filters, _words_within(asked.query, asked.node, False, index.schema, searcher))


def search(
    request: SearchRequest, index: SearchIndex | None = None, names: variants.VariantTable | None = None
) -> SearchResult:
    """Run a search. Raises :class:`InvalidQuery` for a bad request value (never for the query
    text: an unreadable query is searched as plain words, and ``notice`` says so).

    ``names`` expands names in the query to their other forms; it defaults to the archive's
    authority records when searching the archive's own index (``index`` None)."""
    validate(request)
    names = _archive_names(index, names)
    index = index or default_index()
    searcher = index.searcher()
    words = text_query(request, index, searcher, names)
    notice = words.notice
    filters = filter_queries(index.schema, request)
    # A footnote pasted whole: its citations find the documents, its other words only rank them
    cited = _most_words(words, index, searcher) if words.parsed.cited and words.query is not None else None
    if cited is not None:
        words.query = cited
        notice = " ".join([notice, CITED_RANKED_NOTICE]).strip()
    query = combine(words.query, list(filters.values()))
    # In a large archive the facets and the year histogram are counted in another thread while this one
    # ranks the page and reads its snippets (search/parallel.py), those of the most-words fallback too;
    # in a small one, here after the page, whose total they then need not count again.
    beside = searcher.num_docs >= PARALLEL_FROM
    counting = (
        parallel.start(facets_and_years, searcher, index.schema, words.query, words.node, filters, request.filters, cited is not None, None, _cited(words))
        if beside
        else None
    )

    scored = request.sort == "relevance" and user_query.ranks(words.parsed.node)  # else by date, as a browse
    sort = schema.SORTS_BY_NAME["date_asc" if request.sort == "relevance" and not scored else request.sort]
    total, page = fetch_page(searcher, index.schema, query, sort, request.page, request.page_size, words.bonus)
    if total == 0 and cited is None and (apart := runs_apart(words, index.schema, searcher)) is not None:
        # a Chinese, Japanese or Korean sentence found nothing as written: sought again, punctuation allowed
        words.query, said = apart
        words.apart = True
        query = combine(words.query, list(filters.values()))
        total, page = fetch_page(searcher, index.schema, query, sort, request.page, request.page_size, words.bonus)
        notice = " ".join([notice, said]).strip()
        if counting is not None:  # the facets of the documents now found, not of none
            counting.result()
            counting = parallel.start(
                facets_and_years, searcher, index.schema, words.query, words.node, filters, request.filters, cited is not None, None, _cited(words)
            )
    nothing_found = total == 0  # before the most-words fallback; only then are the notices below looked for
    # (not for the prose around a citation, where "and" and "not" are words: cited)
    operators = lowercase_operator_notices(words.parsed.node, filters, total, index.schema, searcher, names) if cited is None else []
    notice = " ".join([notice, *operators]).strip()
    # Only when the words themselves match nothing: if they match outside the filters or dates,
    # the filters are why nothing was found, and relaxing the words would mislead; that is said.
    # A date range typed in the query (date:1949-12..1950-02) is a filter as much as the dates chosen.
    dated, bare_words, words_alone = _words_alone(words, index.schema, searcher, filters) if total == 0 else (False, None, 0)
    # date ranges that cannot both be met are why, rather than dates too narrow
    conflicts = date_conflict_notices(words.parsed.node, request) if total == 0 else []
    if words_alone and not conflicts:
        notice = " ".join([notice, filtered_out(words_alone, user_query.has_positive_terms(_without_ranges(words.parsed.node)))]).strip()
    dates_alone = []  # date ranges without words, and no document within them: why nothing was found
    if total == 0 and dated and bare_words is None and not conflicts:
        undated = combine(None, [facet_counts.facet_filter(index.schema, schema.FACETS_BY_NAME["year"], [schema.UNDATED]), *filters.values()])
        dates_alone.append(undated_out(words.parsed.node, facet_counts.count(searcher, undated)))
    elif total == 0 and words.query is None and DATE_FILTER in filters and not conflicts and not facet_counts.count(searcher, filters[DATE_FILTER]):
        # the dates chosen in the boxes, no words, and no document within them: said as of dates typed
        others = [f for name, f in filters.items() if name != DATE_FILTER]
        undated = combine(None, [facet_counts.facet_filter(index.schema, schema.FACETS_BY_NAME["year"], [schema.UNDATED]), *others])
        dates_alone.append(undated_out(None, facet_counts.count(searcher, undated), _chosen_dates(request)))
    relaxed = cited if cited is not None else _most_words(words, index, searcher) if total == 0 and not words_alone else None
    if relaxed is not None and cited is None:
        # No document has every word: show those with most of them rather than nothing.
        words.query = relaxed
        query = combine(relaxed, list(filters.values()))
        if counting is not None:
            counting.result()  # the facets of no match, soon counted; not left running
            # and those of the documents shown, beside their page as any search's: counted after it,
            # they were most of the fallback's time (at 1,000,000 documents, `were 测`: 13 of 43 ms)
            counting = parallel.start(
                facets_and_years, searcher, index.schema, relaxed, words.node, filters, request.filters, True, None, _cited(words)
            )
        total, page = fetch_page(searcher, index.schema, query, sort, request.page, request.page_size)
        if total:
            notice = " ".join([notice, RELAXED_NOTICE if sort.field is None else RELAXED_SORTED_NOTICE]).strip()
    # the sentences that say why nothing was found, when nothing was (explained): each names what in
    # the query matches nothing, or what the filters or dates left out
    reasons = [*language_notices(words.parsed.node, index.schema, searcher), *conflicts, *dates_alone]
    if nothing_found and not words_alone:
        reasons += field_notices(request.q, words.parsed.node, index.schema, searcher, names, words.parsed.text)
        reasons += one_value_notices(request.q, words.parsed.node, index.schema, searcher, names, words.parsed.text)
        reasons += phrase_notices(words.parsed.node, index.schema, searcher, names, list(filters.values()))
        reasons += exclusion_notices(words.parsed.node, index.schema, searcher, names, list(filters.values()))
    if nothing_found:
        reasons += filter_value_notices(request.filters, index.schema, searcher, request.facet_values_at, names)
        # not when the pages hold documents the filters or dates leave out (said above), nor when those of the
        # pages cited, without the prose pasted around the citation, were found by it
        if not total and not words_alone:
            reasons += page_notices(words.parsed.node, list(filters.values()), index.schema, searcher)
    typed = identifier_addresses(words.parsed.node)
    if not nothing_found:  # but the documents cited that the archive lacks beside those found ("Documents 5 and 500")
        typed = tuple(a for a in typed if a.identifier in words.parsed.cited_documents)
    addresses = words.parsed.addresses + typed
    if addresses:
        reasons += address_notices(addresses, index.schema, searcher)
    notice = " ".join([notice, *reasons]).strip()
    explained = total == 0 and bool(words_alone or reasons or words.nothing_to_search)
    notice = " ".join([notice, *name_form_notices(words.parsed.node, words.expanded, total, index.schema, searcher, names)]).strip()
    if behind := follower.entries_behind():  # a server catching up with an ingest: say so, as `legation search` does
        notice = " ".join([notice, catching_up(behind)]).strip()

    highlighters = snippets_for(searcher, index, words.node, words.query, words.apart)
    passaged = [highlighters[name] for name in SNIPPET_FIELDS if name in highlighters]
    hits, weights, subjects = [], {}, {}
    sought: list[tuple[list[str], bool]] | None = None  # the query's names, read at the first hit that needs them
    for key, address in page:
        doc = searcher.doc(address).to_dict()
        starts: list[tuple[str, int]] = []
        found = snippets.best_snippets(doc, passaged, searcher, weights=weights, starts=starts)
        hits.append(hit := make_hit(doc, float(key) if sort.field is None else 0.0, found, highlighters, starts))
        if words.node is not None and not hit.marked:
            sought = names_sought(words.node) if sought is None else sought
            hit.named = named_agents(doc, sought)
            if not hit.named and "subject" in highlighters:
                hit.subjects_html = subject_passages(searcher, index.schema, hit.identifier, highlighters["subject"], weights, subjects)
            if not hit.named and not hit.subjects_html and "source" in highlighters:
                hit.source_html = snippets.best_snippets(doc, [highlighters["source"]], searcher, most=1, weights=weights)

    few = total <= FEW_RESULTS or relaxed is not None and cited is None  # the fallback ran: some word matched nothing
    known = {typed for typed, _ in words.expanded}  # names found in their other forms are spelt right
    suggestion, outside = "", False
    if request.q and few:
        vocabulary = (str(index.path), searcher.num_docs, searcher.num_segments)  # the index as it stands, near enough for spelling
        # within the request's filters and dates, which the suggestion's link keeps
        finds = functools.partial(_finds, request, index, searcher, names, filters)
        suggestion = spelling.did_you_mean(words.parsed, searcher, index.schema, keep=known, index_key=vocabulary, finds=finds)
        if not suggestion and filters:
            # none found within the filters and dates: one found outside them is offered all the same,
            # said so (Kissingr within 1949 was offered nothing, though the archive spells Kissinger)
            unfiltered = dataclasses.replace(request, filters={}, start_date=None, end_date=None)
            finds_outside = functools.partial(_finds, unfiltered, index, searcher, names, {})
            suggestion = spelling.did_you_mean(words.parsed, searcher, index.schema, keep=known, index_key=vocabulary, finds=finds_outside)
            outside = bool(suggestion)
    offset = (request.page - 1) * request.page_size
    if counting is not None:
        facets, years, undated, left_out, sample = counting.result()
    else:
        facets, years, undated, left_out, sample = facets_and_years(
            searcher, index.schema, words.query, words.node, filters, request.filters, relaxed is not None, total, _cited(words)
        )
    if total and relaxed is None:  # not the fallback's, which need not hold every word typed
        notice = " ".join([notice, *facet_word_notices(words.parsed.node, facets, request.filters)]).strip()
    return SearchResult(
        total=total,
        page=request.page,
        page_size=request.page_size,
        start=offset + 1 if hits else 0,
        end=offset + len(hits) if hits else 0,
        hits=hits,
        facets=facets,
        notice=notice,
        query_echo=words.parsed.text,
        years=years,
        undated=undated,
        did_you_mean=suggestion,
        did_you_mean_outside=outside,
        years_approximate=sample is not None,
        explained=explained,
        years_left_out=left_out,
    )


def facets_and_years(
    searcher: tantivy.Searcher,
    idx_schema: tantivy.Schema,
    text_query: Query | None,
    node: user_query.Node | None,
    filters: dict[str, Query],
    selected: dict[str, list[str]],
    relaxed: bool = False,
    total: int | None = None,
    cited: tuple[bool, frozenset[str]] = (False, frozenset()),
) -> tuple[list[FacetResult], list[YearCount], int, list[YearCount], facet_counts.Sample | None]:
    """The facets (:func:`count_facets`), the year histogram, undated count and years it leaves out
    (:func:`year_histogram`) of the matches of ``text_query`` (the query of the words ``node``)
    within ``filters``, and the sample they were counted on (``None``: every match; one sample for
    both). ``total``: how many matches there are, estimated when not given
    (:func:`legation.search.facets.sample_of`); ``relaxed``:
    ``text_query`` is the most-words fallback, or the words ranking a citation's documents (``cited``:
    :func:`_cited`). Reads the index alone, never the database, so it may
    run in another thread (:func:`search`)."""
    query = combine(text_query, list(filters.values()))
    words_in = _words_within(text_query, node, relaxed, idx_schema, searcher, cited)
    sample = facet_counts.sample_of(searcher, idx_schema, query, total, lambda some: combine(words_in(some), list(filters.values())))
    facets, year_counts = count_facets(searcher, idx_schema, text_query, filters, selected, sample, words_in)
    counted = query if sample is None else combine(words_in(sample), list(filters.values()))
    years, undated, left_out = year_histogram(searcher, counted, year_counts, sample)
    return facets, years, undated, left_out, sample


def _cited(words: _TextQuery) -> tuple[bool, frozenset[str]]:
    """Whether the query's FRUS citations rank by its other words, and the documents they cite (for
    :func:`legation.search.query.most_words_query`)."""
    return words.parsed.cited, words.parsed.cited_documents


def _most_words(words: _TextQuery, index: SearchIndex, searcher: tantivy.Searcher) -> Query | None:
    """The query that searches documents with most of the words when none has them all
    (:func:`legation.search.query.most_words_query`), unless the user wrote AND; ``None`` then,
    or for a query that is no list of plain words."""
    return None if words.parsed.explicit_and else user_query.most_words_query(
        words.node, index.schema, searcher, cited=words.parsed.cited, cited_documents=words.parsed.cited_documents
    )


def count_matches(
    q: str,
    index: SearchIndex | None = None,
    names: variants.VariantTable | None = None,
    searcher: tantivy.Searcher | None = None,
    relaxed: bool = True,
) -> int:
    """How many documents a search for ``q`` alone finds (no filter, no dates): the
    :attr:`SearchResult.total` of ``search(SearchRequest(q=q))``, names in all their forms and,
    with ``relaxed``, the most-words fallback included (without it, the documents that have
    every term, 0 when none has), without ranking, facets or snippets. ``names`` and ``index`` as
    for :func:`search`; ``searcher``: one already open on ``index``. Never raises for the text."""
    names = _archive_names(index, names)
    index = index or default_index()
    searcher = searcher or index.searcher()
    words = text_query(SearchRequest(q=q, sort="date_asc"), index, searcher, names)  # no proximity bonus: it ranks, never counts
    total = facet_counts.count(searcher, combine(words.query, []))
    if total == 0 and (apart := runs_apart(words, index.schema, searcher)) is not None:
        total = facet_counts.count(searcher, apart[0])
    if relaxed and total == 0 and (most := _most_words(words, index, searcher)) is not None:
        total = facet_counts.count(searcher, most)
    return total


def more_like_this(identifier: str, limit: int = 5, index: SearchIndex | None = None) -> list[Hit]:
    """Up to ``limit`` documents whose words (title, summary, text) are most like those of the
    document ``identifier``, best first, the document itself left out; ``[]`` when it is not
    indexed. Words in more than a tenth of the archive, or a quarter of the documents in the
    language of its text (:func:`_documents_in_its_language`: "und" in German letters among English
    telegrams), are ignored, as are words seen fewer than twice in the document (tantivy's
    MoreLikeThis query)."""
    index = index or default_index()
    searcher = index.searcher()
    own = Query.term_query(index.schema, schema.KEY_FIELD, identifier)
    found = searcher.search(own, limit=1).hits
    if not found:
        return []
    similar = Query.more_like_this_query(
        found[0][1],
        min_doc_frequency=2,
        max_doc_frequency=max(10, min(searcher.num_docs // 10, _documents_in_its_language(searcher, found[0][1]) // 4)),
        min_term_frequency=2,
        max_query_terms=25,
        min_word_length=3,
    )
    query = Query.boolean_query([(Occur.Must, similar), (Occur.MustNot, own)])
    return [make_hit(searcher.doc(address).to_dict(), score, []) for score, address in searcher.search(query, limit=limit).hits]


LANGUAGE_SAMPLE_CHARS = 2000  # of a text, read for the commonest word of its language (_documents_in_its_language)


def _documents_in_its_language(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> int:
    """About how many documents have text in the language of the text at ``address`` (the fewest,
    for texts in several): what "a word most documents have" is measured against. A German letter
    in an archive of English telegrams has "und" and "der" in most documents of its language and
    in few of the archive: measured against the archive, they made German letters of any age and
    subject "like" each other. Estimated by the document frequency of the commonest word of the
    text's first :data:`LANGUAGE_SAMPLE_CHARS` characters in its language's index field (a word
    such as "und" or "the" is in nearly every text of a language); every document when the text
    is in a language without a field of its own (schema.TEXT_LANGUAGES) or there is none."""
    stored = searcher.doc(address).to_dict()
    counts = [
        max((searcher.doc_freq(lang.field, term) for term in set(analyzers.terms(" ".join(stored[lang.field])[:LANGUAGE_SAMPLE_CHARS], lang.analyzer))), default=0)
        for lang in schema.TEXT_LANGUAGES
        if lang.codes and stored.get(lang.field)
    ]
    return max(min(counts, default=searcher.num_docs), 1)


MAX_FACET_VALUES = 1000
MAX_CONTAINS_CHARS = 1_000  # the text a facet's values are narrowed by (the facet page's box, the API's contains): no value is longer


@dataclass
class FacetValues(FacetResult):
    """What :func:`facet_values` finds: a :class:`FacetResult`, and with ``count_all``
    ``distinct_values``, how many distinct values the facet has among the matches, whether or
    not they hold the text sought, counting at most :data:`MAX_FACET_VALUES` (``None`` unasked)."""

    distinct_values: int | None = None


def facet_values(
    request: SearchRequest,
    name: str,
    contains: str = "",
    limit: int = 200,
    index: SearchIndex | None = None,
    *,
    count_all: bool = False,
    named: Iterable[str] = (),
) -> FacetValues:
    """Values of one facet among the matches of ``request``, by count: the first ``limit`` (at
    most :data:`MAX_FACET_VALUES`) of those containing ``contains`` (case-insensitive), sought
    among all values (not only the most frequent: a rare name can be found by typing it); in a
    facet of names (:attr:`~legation.search.schema.FacetField.named`) also those whose authority
    record has another name containing it (``moskva``: Moscow), and those of ``named``, which it
    names otherwise (the collections whose key holds it, ``frus1955``:
    :func:`legation.records.documents.values_named`; not among more than :data:`MAX_FACET_VALUES`
    values, sought by tantivy).
    For long facets (people, places) whose top values the search page shows. ``count_all`` also
    counts the facet's values whatever they contain (:attr:`FacetValues.distinct_values`), on the
    same matches: one more count of the facet, not a second search. Raises :class:`UnknownFacet`
    (an :class:`InvalidQuery`) for an unknown facet, :class:`InvalidQuery` for a bad request or a
    ``contains`` of more than :data:`MAX_CONTAINS_CHARS` characters (the same message on the page
    and in the API: the page echoed 3,000 characters, the API refused them in its own words)."""
    validate(request)
    if len(contains) > MAX_CONTAINS_CHARS:
        raise InvalidQuery(
            f"The text the values are to contain is {len(contains):,} characters long, longer than the {MAX_CONTAINS_CHARS:,} accepted: "
            "type a part of the value, a few letters are enough."
        )
    if name not in schema.FACETS_BY_NAME:
        raise UnknownFacet(f"There is no facet {quoted(name)}; use one of: {', '.join(schema.FACETS_BY_NAME)}.")
    names = _archive_names(index, None)
    index = index or default_index()
    searcher = index.searcher()
    words = text_query(request, index, searcher, names)
    filters = filter_queries(index.schema, request)
    words_in = _words_within(words.query, words.node, False, index.schema, searcher)
    # the matches the search shows: those its citations find, ranked by the other words, or, when
    # no document has every word, those with most of them (search)
    others = [q for key, q in filters.items() if key != name]  # a facet is counted without its own filter (count_facets)
    relaxed = _most_words(words, index, searcher) if words.parsed.cited and words.query is not None else None
    if relaxed is None:
        # the pilot of the facet's sample tells whether the words match (without the facet's own
        # filter: then, when they do, asked again with it)
        sample, matched = _sampled(searcher, index.schema, words.query, others, words_in)
        if matched and name in filters:
            matched = _matches_any(searcher, index.schema, words.query, filters, words_in)
        if not matched:
            relaxed = None if _words_alone(words, index.schema, searcher, filters)[2] else _most_words(words, index, searcher)
    if relaxed is not None:
        words.query = relaxed
        words_in = _words_within(relaxed, words.node, True, index.schema, searcher, _cited(words))
        sample = _sampled(searcher, index.schema, relaxed, others, words_in)[0]
    base = combine(words.query, others)
    facet = schema.FACETS_BY_NAME[name]
    if sample is not None:
        base = combine(words_in(sample), others)
    # composed, as values are stored: "Lu" + U+0308 (ü typed as u and a combining mark) found no Lüshun
    needle, size = unicodedata.normalize("NFC", contains).strip(), min(limit, MAX_FACET_VALUES)
    every = None  # every value among the matches, when counted (up to MAX_FACET_VALUES)
    if needle or (count_all and size < MAX_FACET_VALUES):
        every = facet_counts.top_values(searcher, base, [facet], MAX_FACET_VALUES, sample=sample)[name]
    if needle and len(every) < MAX_FACET_VALUES:
        # All values are in hand: the text is sought among them here. tantivy's `include` pattern
        # costs 10-40 ms on the demo's senders (its automaton of every letter folded alike).
        folded = analyzers.letters_folded(needle)
        alike = names.holding(folded) if facet.named and names is not None else set()
        alike |= set(named)  # "frus1955": the volumes of 1955–57, by their keys
        values = [  # a value as shown counts too: "Ottoman" finds the language ota, shown "Ottoman Turkish"
            (v, n) for v, n in every if folded in analyzers.letters_folded(v) or v in alike or folded in analyzers.letters_folded(facet.label_of(v))
        ][:size]
    else:
        values = facet_counts.top_values(searcher, base, [facet], size, sample=sample, containing=needle)[name]
    distinct = len(every if every is not None else values) if count_all else None
    chosen = set(request.filters.get(name, []))
    if not needle:  # every selected value, as the search's facets list it
        values = _with_chosen(searcher, index.schema, facet, values, request.filters.get(name, []), combine(words.query, others))
    listed = facet_counts.in_order(facet, values)
    return FacetValues(facet.name, facet.label, [FacetValue(v, c, v in chosen, facet.label_of(v)) for v, c in listed], sample is not None, distinct)
