"""HTML pages: the search page and the document page. Each view delegates to a service."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.csrf import csrf_exempt
from django.utils.log import log_response

from legation.errors import DocumentNotFound, InvalidQuery, UnknownFacet
from legation.ingest.dates import parse_archival_date, unread_reason
from legation.printable import in_words, quoted_list, shortened, shortened_between, title_text
from legation.records.dates import display_date
from legation.records.document_record import AgentRef, DocumentRecord
from legation.records.documents import get_document, related_documents, values_named
from legation.search.indexer import IndexOutdated
from legation.search.query import MAX_QUERY_CHARS, phrase_query
from legation.search.schema import FACETS_BY_NAME, SORTS, UNDATED
from legation.search.service import (
    MAX_CONTAINS_CHARS, MAX_FACET_VALUES, MAX_FILTER_VALUES, MAX_RESULT_WINDOW, FacetResult, SearchRequest, SearchResult, YearCount, facet_size, facet_values, more_like_this,
    past_last_page, search, validate, years_not_drawn,
)
from legation.web.cache import cached_search
from legation.web.errors import DocumentPageNotFound, method_not_allowed
from legation.web.params import MAX_PAGE, SEARCH_PARAMETERS, page_number, query_string, query_strings, search_request_from, single
from legation.web.redirects import document_redirect
from legation.web.templating import url

FACET_PAGE_VALUES = 200  # values listed on a facet's page; the box narrows the rest


def read_only(view):
    """A page that only reads: GET and HEAD, any other method answered 405 with an Allow header
    (RFC 9110 §15.5.6) and a page saying so (Django's ``require_safe`` answers an empty body).
    No form here posts, so the CSRF check, which would answer 403, is off."""

    @wraps(view)
    def only_reads(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            response = method_not_allowed(request)
            log_response("Method Not Allowed (%s): %s", request.method, request.path, response=response, request=request)
            return response
        return view(request, *args, **kwargs)

    return csrf_exempt(only_reads)


DEFAULTS = SearchRequest()
"""What a search is when the address does not say: its sort and how dates match (the form leaves
these out of the address it sends, as it does empty boxes: form.js)."""


def _params(request: HttpRequest) -> dict[str, list[str]]:
    """The address's parameters, each with its values, a value given again dropped (``q=Mao&q=Mao``
    asks for Mao, ``type=Telegram&type=Telegram`` for telegrams, and the page's links carry them
    once); of several queries (``q``), the blank ones dropped too (one blank kept when all are):
    ``q=&q=Mao`` asks for Mao. Both were the dead end "q was given 2 times; send q once" (a fresh
    user, on the search and facet pages)."""
    params = {key: list(dict.fromkeys(request.GET.getlist(key))) for key in request.GET}
    if len(params.get("q", [])) > 1:
        params["q"] = [q for q in params["q"] if q.strip()] or [""]
    return params


def _link_base(params: dict[str, list[str]], *dropped: str) -> dict[str, list[str]]:
    """The parameters of ``params`` a search reads (:data:`~legation.web.params.SEARCH_PARAMETERS`)
    but ``dropped``, for the links of a page to the same search changed (facet values, histogram
    bars, sorts, pages): its query cut to what was searched (:data:`~legation.search.query.MAX_QUERY_CHARS`,
    the page saying so), so that a query of 8,000 characters is not copied into each of the page's
    hundred links (a 633 KB page), nor a parameter the page reads past (another site's tracking
    parameter; ``from=`` of 3,000 characters made a page of 193 KB)."""
    base = {k: v for k, v in params.items() if k in SEARCH_PARAMETERS and k not in dropped}
    if "q" in base:
        base["q"] = [q[:MAX_QUERY_CHARS] for q in base["q"]]
    return base


@read_only
@cached_search
def search_page(request: HttpRequest) -> HttpResponse:
    """The search page: query box, results ("Results: 1 - 10 of 57"), facets, date range, sort, paging."""
    # read past what no search reads (another site's tracking parameters), and never sent on: the
    # form kept them as hidden fields and each link carried them
    params = {name: values for name, values in _params(request).items() if name in SEARCH_PARAMETERS}
    context: dict = {
        "q": (params.get("q") or [""])[-1],
        "sorts": SORTS,
        "params": params,
        "start_date": request.GET.get("start_date", ""),
        "end_date": request.GET.get("end_date", ""),
        "sort": request.GET.get("sort", DEFAULTS.sort),
        "date_match": request.GET.get("date_match", DEFAULTS.date_match),
        "defaults": DEFAULTS,
        "refused_boxes": [],
        "dates_searched": ["", ""],
    }
    status = 200
    repeated = ""
    if len(queries := params.get("q", [])) > 1:
        # a dead end as refused: the box showed one of them, and no results (a fresh user)
        repeated = (
            f"The address gives the search box {len(queries)} queries ({quoted_list(queries)}); the results below are "
            f"those of the last, which the box holds: change it and search again for another."
        )
        params = {**params, "q": queries[-1:]}
        context["q"], status = queries[-1], 400
    context["title"] = title_text(context["q"])
    try:
        search_request = search_request_from(params, form=True)
        validate(search_request)
    except InvalidQuery as exc:
        # the form keeps what the visitor can see and change (the words, dates, sort), and of the filters
        # it sends again unseen those that are good: a search from this page sent a bad value
        # (year=1950s) back each time, and dropping them all lost the good ones (type=Telegram)
        context["error"], status = str(exc), 400
        context["params"] = params = _good_filters(params) | _good_others(params)
        # and below the message, the results of what was good in it (a typo in a date box lost them
        # all), unless the words were refused (another query's results would answer another question)
        # or the good values are too many together (51 senders, each good alone)
        search_request = _searchable(params) if "q" in params or "q" not in request.GET else None
        if search_request is None:
            context["refused_boxes"] = _refused_boxes(context, None)
            return render(request, "legation/search.html", context, status=status)
        refused = {name: dropped for name, given in _params(request).items() if (dropped := [v for v in given if v not in params.get(name, [])])}
        left_out = ", ".join(f"{_FORM_NAMES.get(name, name)} ({quoted_list(dropped)})" for name, dropped in refused.items())
        # each refused value says why, not only the first the search met ("Sort ('bogus')" said nothing)
        reasons = dict.fromkeys([context["error"], *(_refusal(name, dropped) for name, dropped in refused.items())])
        said = " ".join(f"{r.rstrip().rstrip('.')}." for r in reasons if r)
        context["error"] = f"{said} The results below leave out {left_out}."
    if repeated:
        context["error"] = f"{repeated} {context.get('error', '')}".strip()
    try:
        result = search(search_request)
    except IndexOutdated as exc:
        context["error"] = f"Search is unavailable for a moment: {exc}"
        return render(request, "legation/search.html", context, status=503)
    base = _link_base(params, "page")
    same_search = query_string(base)
    unfiltered: dict[str, None] = {"start_date": None, "end_date": None, "date_match": None, **dict.fromkeys(FACETS_BY_NAME)}
    facets = []
    for facet in result.facets:
        selected = set(search_request.filters.get(facet.name, []))
        toggled = query_strings(base, facet.name)
        values = []
        for value in facet.values:
            chosen = selected ^ {value.value}
            values.append(FacetLink(value.value, value.count, value.selected, toggled(**{facet.name: sorted(chosen) or None}), value.label or value.value))
        more_url = url("facet", facet.name) + same_search if len(facet.values) >= facet_size(FACETS_BY_NAME[facet.name]) else ""
        facets.append(FacetBox(facet, values, more_url))
    # each value narrowing the search, with the address of the search without it: on a phone the facets
    # come after the hits, so the filters in force were out of sight, and a new query kept them unseen
    chosen = [
        ChosenFilter(FACETS_BY_NAME[name].label, FACETS_BY_NAME[name].label_of(value), query_strings(base, name)(**{name: [v for v in values if v != value] or None}))
        for name, values in search_request.filters.items()
        for value in values
    ]
    last_page = result.last_page
    # the last page paging reaches: a search of very many matches pages through the first MAX_RESULT_WINDOW
    reachable = min(last_page, MAX_RESULT_WINDOW // search_request.page_size, MAX_PAGE)
    tallest = max((y.count for y in result.years), default=0) or 1
    dated = query_strings(base, "start_date", "end_date")
    histogram = [
        YearBar(_bar_label(y), y.count, round(100 * y.count / tallest), dated(**_year_range(y.year, search_request, y.years)))
        for y in result.years
    ]
    context.update(
        title=_search_title(search_request, context["start_date"], context["end_date"]),
        request_=search_request,
        result=result,
        facets=facets,
        sort=search_request.sort,
        date_match=search_request.date_match,
        histogram=histogram if len(histogram) > 1 else [],
        # the stray years the bars leave out, said under them, each year a link narrowing to it as a bar does
        not_drawn=_not_drawn(result, lambda y: dated(**_year_range(y.year, search_request))),
        # the undated matches, one click away as the years are; and the way back from a bar clicked
        # (its year's search draws no histogram, and the dates were cleared from the boxes by hand)
        undated_url=query_string(base, year=UNDATED) if result.undated else "",
        all_dates_url=query_string(base, start_date=None, end_date=None) if search_request.start_date or search_request.end_date else "",
        prev_url=query_string(base, page=str(min(search_request.page, last_page + 1) - 1)) if search_request.page > 1 else "",
        past_end=search_request.page > last_page,
        past_end_notice=past_last_page(search_request.page, last_page),
        last_page_url=query_string(base, page=str(last_page)),
        next_url=query_string(base, page=str(search_request.page + 1)) if search_request.page < last_page else "",
        first_url=query_string(base) if search_request.page > 2 else "",  # on page 2, "Previous" is the first
        final_url=query_string(base, page=str(reachable)) if search_request.page < reachable - 1 else "",
        final_page=reachable,
        last_page=last_page,
        # a correction found only outside the filters and dates leads there, as Clear all (within them it finds nothing)
        did_you_mean_url=query_string(base, q=[result.did_you_mean], **(unfiltered if result.did_you_mean_outside else {})) if result.did_you_mean else "",
        # the search without its filters and dates, as each ✕ drops one: its words, order and page size
        # kept (Clear all dropped the order, then the page size: fresh users), from its first page
        clear_url=query_string(base, **unfiltered),
        narrowed=bool(search_request.filters or search_request.start_date or search_request.end_date),
        chosen_filters=chosen,
        # the dates searched, as typed: not a box's value the search left out ("Dates from 1960 to 1950"
        # stood above results from 1960 on, under the message saying "to" was left out: a fresh user)
        dates_searched=[typed if applied else "" for typed, applied in ((context["start_date"], search_request.start_date), (context["end_date"], search_request.end_date))],
        refused_boxes=_refused_boxes(context, search_request),
    )
    return render(request, "legation/search.html", context, status=status)


def _refused_boxes(context: dict, searched: SearchRequest | None) -> list[str]:
    """The date boxes (``start_date``, ``end_date``) holding a value the search left out: each is
    marked invalid (``aria-invalid``) and described by the message saying why, for a screen reader
    and the eye alike (only a paragraph above the results said so)."""
    applied = {"start_date": searched.start_date if searched else None, "end_date": searched.end_date if searched else None}
    return [name for name, date in applied.items() if context[name].strip() and date is None]


def _search_title(request: SearchRequest, start: str = "", end: str = "") -> str:
    """What the search page's title says before "Search – Legation": the words, the filters' values
    and the dates as typed (``start``, ``end``), and the page past the first: ``Mao (Telegram, Dean
    Rusk; 1949 to Dec 1950) – page 3``; a tab, a bookmark and the history then tell one search from
    another. Each part as :func:`~legation.printable.title_text` gives it."""
    values = [value for values in request.filters.values() for value in values]
    # each value gets its share of the title, at least FILTER_CHARS, shortened in the middle: a series'
    # volumes differ at the end of their titles (every FRUS volume was "Foreign Relations of the United States…")
    share = max(FILTER_CHARS, (TITLE_CHARS - len(request.q)) // max(len(values), 1) - 2)
    narrowing = ", ".join(shortened_between(title_text(value, 10 * TITLE_CHARS), share) for value in values)
    start, end = (title_text(typed, 20) if date else "" for typed, date in ((start, request.start_date), (end, request.end_date)))
    dates = f"{start} to {end}" if start and end else f"from {start}" if start else f"to {end}" if end else ""
    within = "; ".join(part for part in (narrowing, dates) if part)
    words = title_text(request.q)
    title = shortened(f"{words} ({within})" if words and within else words or within, TITLE_CHARS)  # 50 senders were all named
    if request.page > 1:
        return f"{title} – page {request.page:,}" if title else f"Page {request.page:,}"  # not " – page 2 – Search"
    return title


TITLE_CHARS = 120  # the most of a search's title before "– page 3 – Search – Legation"
FILTER_CHARS = 40  # the least of a filter's value a search's title shows


_FORM_NAMES = {"start_date": '"From"', "end_date": '"to"', "sort": '"Sort"', "date_match": "how dates match"}
"""The search form's names for its parameters, as its labels give them: the results under an
error say which they leave out."""


def _searchable(params: dict[str, list[str]]) -> SearchRequest | None:
    """The search ``params`` ask for, or None when a search refuses them (:class:`InvalidQuery`)."""
    try:
        request = search_request_from(params, form=True)
        validate(request)
    except InvalidQuery:
        return None
    return request


def _refusal(name: str, values: list[str]) -> str:
    """Why a search refuses parameter ``name`` with ``values`` alone (the message of its
    :class:`InvalidQuery`), or ``""`` when it refuses them only beside others (a start after the end)."""
    try:
        validate(search_request_from({name: values}, form=True))
    except InvalidQuery as exc:
        return str(exc)
    return ""


def _good_others(params: dict[str, list[str]]) -> dict[str, list[str]]:
    """The parameters of ``params`` other than the facet filters (``q``, dates, sort, page …)
    that a search takes beside each other, added one at a time in the order given: of two dates
    that cannot both hold (a start after the end), the first is kept."""
    good: dict[str, list[str]] = {}
    for name, values in params.items():
        if name not in FACETS_BY_NAME and _searchable({**good, name: values}) is not None:
            good[name] = values
    return good


def _good_filters(params: dict[str, list[str]]) -> dict[str, list[str]]:
    """The facet filters of ``params`` (query-string values) each of whose values a search takes
    (:func:`legation.search.service.validate`), without the others and without any other parameter."""
    good: dict[str, list[str]] = {}
    for facet in FACETS_BY_NAME.values():
        for value in params.get(facet.name, []):
            try:
                validate(SearchRequest(filters={facet.name: [facet.canonical(value)]}))
            except InvalidQuery:
                continue
            good.setdefault(facet.name, []).append(value)
    # at most as many as a search takes: 51 senders, each good, were sent again by every search from the page
    return {name: values[:MAX_FILTER_VALUES] for name, values in good.items()}


# What the search page's template prints, as attributes rather than dict keys: Jinja2 looks
# ``item.url`` up with getattr first and tries a dict's key only after the AttributeError, and a
# page prints about 90 facet values and a histogram, several look-ups each: hundreds of exceptions.
# Not frozen: a frozen dataclass sets each field through object.__setattr__, 1.1 µs an object
# against 0.3, and a search page of the demo archive makes about 80 of them.


@dataclass(slots=True)
class FacetLink:
    """A facet value (``FacetValue``'s fields) and ``url``, the link that selects it or, when
    ``selected``, unselects it: the query string in the search page's facet box (``?q=…&type=…``),
    path and query string on the facet's own page (``/?q=…&type=…``)."""

    value: str
    count: int
    selected: bool
    url: str
    label: str = ""  # what the page shows for the value (a language's name for its code)


@dataclass(slots=True)
class ChosenFilter:
    """A value narrowing the search (``label``: its facet's, "Type"), and ``url``, the query
    string of the same search without it."""

    label: str
    value: str
    url: str


@dataclass(slots=True)
class FacetBox:
    """A facet's box: its values as :class:`FacetLink`, and ``more_url``, the facet's own page
    listing every value ("" when all are shown)."""

    facet: FacetResult
    values: list[FacetLink]
    more_url: str


@dataclass(slots=True)
class YearBar:
    """A bar of the year histogram: ``year`` its label (``1955``, or ``1530–1539`` for a bar of
    several years), ``height`` in percent of the tallest, ``url`` the query string narrowing the
    search to its years."""

    year: str
    count: int
    height: int
    url: str


def _not_drawn(result: SearchResult, address: Callable[[YearCount], str]) -> SafeString:
    """The sentence under the histogram of ``result`` saying which dated matches it leaves out
    (:func:`~legation.search.service.years_not_drawn`), each year a link to ``address(year)``;
    ``""`` when it draws them all. A histogram of one bar is not drawn: the sentence then names that bar's years."""
    def link(year: YearCount) -> str:
        return format_html('<a href="{}" rel="nofollow">{}</a>', address(year), year.year)

    alone = _bar_label(result.years[0]) if len(result.years) == 1 else ""
    # the sentence is words and numbers of its own, the links escaped by format_html
    return mark_safe(years_not_drawn(result.years_left_out, result.years_approximate, link, alone))


def _bar_label(bar) -> str:
    """A histogram bar's years as shown: ``1955``, or ``1530–1539`` for a bar of ten."""
    return str(bar.year) if bar.years == 1 else f"{bar.year}–{bar.year + bar.years - 1}"


def _year_range(year: int, request: SearchRequest, years: int = 1) -> dict[str, str]:
    """The dates a histogram bar narrows to: its ``years`` years from ``year``, within the range
    already chosen (the bar of 1955 under "from 1955-06" shows June to December 1955, as its count
    does)."""
    last = year + years - 1
    start, end = f"{year:04d}", f"{last:04d}"
    if request.start_date and year <= request.start_date.year <= last:
        start = request.start_date.isoformat()
    if request.end_date and year <= request.end_date.year <= last:
        end = request.end_date.isoformat()
    return {"start_date": start, "end_date": end}



_NUMBERED = re.compile(r"(?P<series>.+)-d(?P<n>\d+[A-Za-z]?)")  # a document of a numbered series: frus1955-57v02-d6


def _mentioned_documents(identifier: str, relations: list) -> dict[str, str]:
    """The number N of each related document held here that is of the same numbered series as
    ``identifier`` (``frus1955-57v02-d9`` relating to ``frus1955-57v02-d6``: "6"), → its page's
    address: what a "Document 6" of the texts links to (:func:`~legation.web.templating.document_links`)."""
    own = _NUMBERED.fullmatch(identifier)
    if own is None:
        return {}
    links, elsewhere = {}, set()
    for related in relations:
        if m := _NUMBERED.fullmatch(related.identifier):
            if m["series"] != own["series"]:
                elsewhere.add(m["n"].upper())
            elif related.title:
                links[m["n"].upper()] = url("document", related.identifier)
    # a number the record also refers to in another series is left unlinked: its "Document 21" may be
    # either (frus1964-68v14-d16 refers to its volume's d21 and to volume XV's; a fresh user)
    return {n: address for n, address in links.items() if n not in elsewhere}


def date_unread(date_text: str, date_edtf: str) -> str:
    """Why a document is undated when its date as written was not read, as the ingest report said
    (:func:`legation.ingest.dates.parse_archival_date`): ``"a year to come"`` (``2150``: almost
    certainly a typo, left for a curator), ``"not read as a date"`` (``December 14-13, 1964``), with why
    when it is a date in numbers, as the report says it (:func:`legation.ingest.dates.unread_reason`:
    ``"not read as a date: the year 49 has two digits, …"`` for ``22-12-49``); ``""`` when it is dated,
    or says it has no date (``undated``, ``n.d.``)."""
    if date_edtf or not date_text:
        return ""
    read = parse_archival_date(date_text)
    if read.future:
        return "a year to come"
    return "" if not read.flagged else f"not read as a date: {why}" if (why := unread_reason(date_text)) else "not read as a date"


@read_only
def document_page(request: HttpRequest, identifier: str) -> HttpResponse:
    """One document: every field, senders and recipients, source note, texts with footnotes; a
    document's transcripts and translations side by side (stacked on a narrow screen)."""
    try:
        document = get_document(identifier)
    except DocumentNotFound as exc:
        response = document_redirect(identifier, "document", request.META.get("QUERY_STRING", ""))
        if response is None:
            raise DocumentPageNotFound(str(exc), identifier) from None
        return response
    agents = {role: [a for a in document.agents if a.role == role] for role in ("sender", "recipient", "mentioned")}
    # the texts numbered as the record orders them (their notes' anchors: t1-3), the transcripts read
    # beside their translations when there are both
    numbered = list(enumerate(document.texts, 1))
    relations = related_documents(document)
    return render(
        request,
        "legation/document.html",
        {
            "doc": document,
            "title": document_title(document.title, display_date(document.date_edtf)),
            "date_display": display_date(document.date_edtf),
            "date_unread": date_unread(document.date_text, document.date_edtf),
            "languages": document_languages(document),
            "senders": agents["sender"],
            "recipients": agents["recipient"],
            "mentioned": [(a.name, _linked_to(a.name)) for a in agents["mentioned"]],
            "mentioned_label": mentioned_label(agents["mentioned"]),
            "originals": [(n, t) for n, t in numbered if t.kind != "translation"],
            "translations": [(n, t) for n, t in numbered if t.kind == "translation"],
            "relations": relations,
            "mentioned_documents": _mentioned_documents(document.identifier, relations),
            "related": more_like_this(identifier),
            "results_url": results_url(request),
            # the permalink, whatever address reached the page (a search's parameters for the way
            # back, another case redirected): one address for search engines and reference managers
            "canonical_url": request.build_absolute_uri(url("document", document.identifier)),
        },
    )


@dataclass(slots=True)
class DocumentLanguage:
    """A language a document can be read in, as its page lists it: ``code`` as stored (``ru``, the
    language facet's value, which its link selects), ``name`` as the facet shows it ("Russian"), and
    ``role``, "original", "translation" (or both, "original and translation") when the document has
    a translation, "" otherwise (one text, or several originals: nothing to tell apart)."""

    code: str
    name: str
    role: str


_TEXT_ROLES = {"transcript": "original", "translation": "translation"}  # a text's kind, as the page names its language's part


def document_languages(record: DocumentRecord) -> list[DocumentLanguage]:
    """The languages of ``record`` the language facet counts it under, in its order (the record's
    own, then its texts'), each named as the facet names it and with its part (:class:`DocumentLanguage`):
    the page said nothing of them but in the headings of the texts, and nothing at all of a
    document without text (a fresh user)."""
    facet = FACETS_BY_NAME["language"]
    translated = any(t.kind == "translation" for t in record.texts)

    def role(code: str) -> str:
        parts = [part for kind, part in _TEXT_ROLES.items() if any(t.kind == kind and t.language == code for t in record.texts)]
        return in_words(parts) if translated else ""

    return [DocumentLanguage(code, facet.label_of(code), role(code)) for code in facet.values(record)]


def mentioned_label(agents: list[AgentRef]) -> str:
    """The heading of the agents a document mentions, by their kinds (:attr:`AgentRef.kind`):
    ``"People mentioned"``, ``"Organizations mentioned"``, or ``"People and organizations
    mentioned"``. "People mentioned" headed a Dodis telegram's parties, parliaments and
    governments too (a researcher)."""
    kinds = {a.kind for a in agents}
    if kinds == {"organization"}:
        return "Organizations mentioned"
    return "People and organizations mentioned" if "organization" in kinds else "People mentioned"


def _linked_to(name: str) -> str:
    """The search for the documents linked to the agent ``name``, in any of its names:
    ``/?q=names:"Chou En-lai"`` (291 demo documents; the name typed alone also finds texts that only
    print it, 536)."""
    return url("search") + query_string({"q": [f"names:{phrase_query(name)}"]})


def document_title(title: str, date: str) -> str:
    """A document page's ``<title>``: its title (:func:`~legation.printable.title_text`, 300
    characters at most: a bookmark keeps the whole of a FRUS title) and, unless the title says it
    already (its year), its date as the page shows it: ``Memorandum of Conversation, March 4,
    1969``. 482 demo documents are titled "Memorandum of Conversation", and their tabs and
    bookmarks could not be told apart."""
    title = title_text(title, 300)
    year = re.search(r"\d{3,4}", date)
    return f"{title}, {date}" if date and year and year.group() not in title else title or date


def results_url(request: HttpRequest) -> str:
    """The search page the visitor came from, with its query string (``/?q=Moscow&type=Telegram``),
    when the request's ``Referer`` is this site's search page (browsers send it between pages of one
    origin: Django's ``SECURE_REFERRER_POLICY`` "same-origin"); ``""`` otherwise. Only the query
    string is taken from the header, behind this site's own search path: the link leads nowhere else."""
    referer = urlsplit(request.headers.get("Referer", ""))
    same_site = referer.scheme in ("http", "https") and referer.netloc == request.get_host()
    return url("search") + "?" + referer.query if same_site and referer.path == url("search") and referer.query else ""


NARROWING = ("containing", "contains")
"""The facet page's box narrowing its values, by the name its form sends, then the one it sent before."""


@read_only
@cached_search
def facet_page(request: HttpRequest, name: str) -> HttpResponse:
    """Every value of one facet for the current search (up to :data:`MAX_FACET_VALUES`, by count),
    :data:`FACET_PAGE_VALUES` a page (``page``, from 1: a page past the last shows the last, saying
    so), with a box to narrow the list (``containing``, at most :data:`MAX_CONTAINS_CHARS`
    characters, kept by the links to the other pages). 400 for a bad ``page`` or ``containing``,
    saying what to send."""
    params = _params(request)
    contains, repeated = "", ""
    if len(queries := params.get("q", [])) > 1:  # as the search page reads them: the last (it was a dead end here)
        repeated = f"The address gives the search {len(queries)} queries ({quoted_list(queries)}); the values below are those of the last."
        params = {**params, "q": queries[-1:]}
    base = _link_base(params, "page", *NARROWING)
    try:
        # the box's name: an input named "contains" hid the form's own contains() (DOM clobbering:
        # Playwright and assistive scripts calling form.contains() failed); links made before still work
        contains = single(params, NARROWING[0]) or single(params, NARROWING[1])
        number = page_number(params)  # of the facet's values, FACET_PAGE_VALUES a page, as Blacklight's facet pages go on
        result = facet_values(  # from the page's links
            search_request_from(base, form=True), name, contains=contains, limit=MAX_FACET_VALUES, named=values_named(name, contains)
        )
    except UnknownFacet as exc:  # a missing page, as /api/facets/{name} answers: the 404 page names the facets
        raise Http404(str(exc)) from None
    except InvalidQuery as exc:
        return render(request, "legation/facet.html", {"error": str(exc), "name": name}, status=400)
    selected = set(base.get(name, []))
    search_path, toggled = url("search"), query_strings(base, name)
    pages = max(1, -(-len(result.values) // FACET_PAGE_VALUES))
    past_last = number > pages  # said, and the last page shown, as a search past its last page is
    number = min(number, pages)
    first = (number - 1) * FACET_PAGE_VALUES
    values = [
        FacetLink(v.value, v.count, v.selected, search_path + toggled(**{name: sorted(selected ^ {v.value}) or None}), v.label or v.value)
        for v in result.values[first : first + FACET_PAGE_VALUES]
    ]
    hidden = [(k, v) for k, vs in base.items() for v in vs]
    # the pages of values keep the search and the box's text (Blacklight's facet.page)
    paged = query_strings({**base, **({NARROWING[0]: [contains]} if contains else {})}, "page")
    return render(
        request,
        "legation/facet.html",
        {
            "facet": result, "name": name, "values": values, "total_values": len(result.values), "contains": contains, "hidden": hidden,
            "back_url": search_path + query_string(base), "repeated": repeated, "first": first + 1,
            "past_last": (f"There are {pages:,} pages of values; the last is shown." if pages > 1 else "All the values are on one page.") if past_last else "",
            "prev_url": paged(page=str(number - 1) if number > 2 else None) if number > 1 else "",
            "next_url": paged(page=str(number + 1)) if number < pages else "",
            "contains_maxlength": MAX_CONTAINS_CHARS,
        },
        status=400 if repeated else 200,
    )  # fmt: skip
