"""Search parameters from a URL query string, for the HTML page and the JSON API alike.

Names: ``q``, one parameter per facet of :data:`legation.search.schema.FACETS` (repeatable:
``type=Telegram&type=Letter``; a collection's key or a place's other name selects it, as the query's
``collection:`` and ``place:`` do: :func:`legation.records.documents.as_listed`), ``start_date``/``end_date`` (YYYY, YYYY-MM or YYYY-MM-DD),
``date_match`` (``overlap``, the default, or ``within``), ``sort``, ``page`` (from 1) and
``page_size`` (1–100).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from urllib.parse import quote_plus

from django.urls import reverse

from legation.errors import InvalidQuery
from legation.printable import quoted, quoted_list
from legation.ingest.dates import archival_day_bounds, either_order, parse_archival_date, unread_reason
from legation.records.dates import open_ends, parse_date_bound
from legation.search.query import stripped
from legation.search.schema import FACETS, ascii_digits
from legation.search.service import SearchRequest

MAX_PAGE = 10_000

# The longest request line `legation serve` reads: gunicorn's largest bounded limit_request_line
# (its 0 means no bound at all, which would let a client fill a worker's memory).
MAX_REQUEST_LINE = 8190
# The largest header (name, colon, value) and the most headers `legation serve` reads: gunicorn's
# defaults, said here so that the answer to a request over them (431) can name them.
MAX_HEADER_BYTES = 8190
MAX_HEADERS = 100
# The search box's maxlength. Browsers count it in UTF-16 code units, and one unit percent-encodes
# to at most 9 bytes of the URL (a CJK character: 3 UTF-8 bytes, "%E4%B8%AD"); 1,000 bytes are left
# for the method, path, protocol and the form's other parameters, so whatever the box holds, in
# any script, reaches Legation rather than the server's own "414 URI Too Long".
QUERY_BOX_MAXLENGTH = (MAX_REQUEST_LINE - 1000) // 9


# A whole number as a query string writes it: digits, a sign at most. Python's int() reads more:
# 2_0 as 20, which no one means as a page number.
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def is_whole_number(value: str) -> bool:
    """Whether ``value`` (its spaces around left out) is a whole number in digits, of any script
    (:func:`ascii_digits`): ``2``, ``-1``, ``２``; not ``2_0``, ``2.0``."""
    return WHOLE_NUMBER.fullmatch(ascii_digits(value.strip())) is not None


def _int(value: str, name: str, low: int, high: int) -> int:
    if not is_whole_number(value):
        raise InvalidQuery(f"{name} must be a whole number from {low} to {high}, not {quoted(value)}.")
    number = int(ascii_digits(value))
    if not low <= number <= high:
        raise InvalidQuery(f"{name} must be a whole number from {low} to {high}, not {quoted(value)}.")
    return number


def page_number(params: Mapping[str, Sequence[str]]) -> int:
    """The ``page`` of ``params``, 1 to :data:`MAX_PAGE`, 1 when absent or blank; raises
    :class:`InvalidQuery` saying what to send otherwise."""
    value = single(params, "page").strip()
    return _int(value, "page", 1, MAX_PAGE) if value else 1


def single(params: Mapping[str, Sequence[str]], name: str) -> str:
    """The value of a parameter that takes one (``sort``, ``page`` …), ``""`` when it is absent.
    Given more than once (``sort=date_asc&sort=date_desc``) it is refused with :class:`InvalidQuery`:
    which one was meant cannot be known, and picking one would answer another question than asked.
    The same value given again (``q=Mao&q=Mao``, as a link built by pasting parameters together
    makes) asks one question, and is taken (it was refused: a fresh user)."""
    values = list(dict.fromkeys(params.get(name) or [""]))
    if len(values) > 1:
        given = quoted_list(values)
        raise InvalidQuery(f"{name} was given {len(values)} times ({given}); it takes one value: send {name} once.")
    return values[0] or ""


SEARCH_PARAMETERS = frozenset({"q", "start_date", "end_date", "date_match", "sort", "page", "page_size", *(f.name for f in FACETS)})
"""The parameters a search reads (:func:`search_request_from`); a page's links carry these alone."""


# What the search page's form calls the date parameters, for its messages: "From [1949-12] to [1950]"
FORM_LABELS = {"start_date": '"From"', "end_date": '"to"'}


def date_bound(text: str, *, end: bool, archival: bool = False) -> dt.date:
    """A date range's bound as a day (:func:`legation.records.dates.parse_date_bound`: ``1949``,
    ``1949-12``, ``1949-12-22``; a year or month is its first day as a start, its last as an end).
    ``archival``: a text of another form is read as ingest reads an archive's dates
    (:func:`legation.ingest.dates.archival_day_bounds`: ``Dec 1949``, ``22 Dec. 1949``,
    ``22.XII.1949``, ``1950s``), its earliest or latest possible day; one open on the side asked for
    (``before 1958`` as a start, ``after 1958`` as an end: EDTF ``[..1957]``, ``[1959..]``) has none,
    and is refused. Raises ValueError, saying
    which forms are accepted (with ``archival``, those too: :data:`ARCHIVAL_DATE_FORMS`), when the
    text is no date."""
    try:
        return parse_date_bound(text, end=end)
    except ValueError as exc:
        if not archival:
            raise
        if (bounds := archival_day_bounds(text)) is None:
            if (both := either_order(text)) is not None:  # 01/02/1951, 01-02-1951
                raise ValueError(f"{quoted(text.strip())} may be {both[0]} or {both[1]}; write the one meant as YYYY-MM-DD") from None
            if (problem := unread_reason(text)) is not None:  # 22-13-1949: no month either way round; c. 22-12-49
                raise ValueError(f"{quoted(text.strip())} is not a real date: {problem}; {ARCHIVAL_DATE_FORMS}") from None
            what = str(exc).rpartition("; write ")[0]  # "'1950-13' is not a real date" (the value may hold a ";")
            raise ValueError(f"{what}; {ARCHIVAL_DATE_FORMS}") from None
        # "before 1958" in "From" has no first day: its one known end, 1957, was searched from (and
        # "after 1958" in "to" searched to 1959), under "Dates from before 1958" (a researcher)
        if open_ends(parse_archival_date(text).edtf)[end]:
            this, other = ("latest", "start_date") if end else ("earliest", "end_date")
            raise ValueError(
                f"{quoted(text.strip())} has no {this} day to search {'to' if end else 'from'}; write one, or leave the box "
                f"empty ({quoted(text.strip())} belongs in {FORM_LABELS[other]})"
            ) from None
        return bounds[1] if end else bounds[0]


# what the search page's date boxes take, for their messages (the API's are parse_date_bound's own)
ARCHIVAL_DATE_FORMS = "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12, or a date as archives write it: Dec 1949, 22.XII.1949, 1950s"


def search_request_from(params: Mapping[str, Sequence[str]], default_page_size: int = 10, form: bool = False) -> SearchRequest:
    """Build a :class:`SearchRequest` from query-string values (each a list of strings).

    Raises :class:`InvalidQuery` naming the parameter and the accepted values, also for a
    parameter other than a filter given more than once (:func:`single`). ``form``: the values
    come from the search page's form, whose date boxes are read as archives write dates too
    (:func:`date_bound`) and named by their labels in messages (:data:`FORM_LABELS`:
    ``"From": '1950-13' is not a real date …``); the API keeps to the forms its description
    publishes, and names its parameters.
    """

    from legation.records.documents import as_listed  # models: read once Django is set up

    def one(name: str) -> str:
        return single(params, name).strip()

    # a value's spaces around it are no part of it (type=%20Telegram found nothing): no value begins or ends in one
    filters = {f.name: [f.canonical(v.strip()) for v in params.get(f.name, []) if v.strip()] for f in FACETS}
    called = FORM_LABELS if form else {}
    bounds: dict[str, dt.date | None] = {}
    for name in ("start_date", "end_date"):
        value = one(name)
        try:
            bounds[name] = date_bound(value, end=name == "end_date", archival=form) if value else None
        except ValueError as exc:
            raise InvalidQuery(f"{called.get(name, name)}: {exc}") from None
    start_date, end_date = bounds["start_date"], bounds["end_date"]
    if start_date and end_date and start_date > end_date:
        start, end = called.get("start_date", "start_date"), called.get("end_date", "end_date")
        raise InvalidQuery(f"{start} ({one('start_date')}) is after {end} ({one('end_date')}); swap them or widen the range.")
    return SearchRequest(
        q=stripped(single(params, "q")),  # a query of control characters alone is typed, and has no words
        filters=as_listed({name: values for name, values in filters.items() if values}),
        start_date=start_date,
        end_date=end_date,
        sort=one("sort") or "relevance",
        date_match=one("date_match") or "overlap",
        page=page_number(params),
        page_size=_int(one("page_size"), "page_size", 1, 100) if one("page_size") else default_page_size,
        facet_values_at=facet_values_at(page=form),
    )


def facet_values_at(page: bool) -> str:
    """Where the caller's own interface lists a facet's values, ``{name}`` standing for the facet's
    name: the search page's ``/facets/{name}`` (``page``), else the API's ``/api/facets/{name}``;
    an answer names the place its reader can follow (the API's JSON, not a page). From the routes,
    so a site served under a path prefix names its own."""
    return reverse("facet" if page else "api:facet", kwargs={"name": "-"}).removesuffix("-") + "{name}"


def query_string(params: Mapping[str, Sequence[str]], **changes: Sequence[str] | str | None) -> str:
    """``?…`` for the same search with some parameters replaced (a value of None removes one):
    ``params`` in their order, a replaced one in its place, a new one last, empty values dropped,
    encoded as ``urlencode`` does.

    Facet toggles, sort links and paging are built here so templates hold no URL logic.
    """
    return query_strings(params, *changes)(**changes)


def query_strings(params: Mapping[str, Sequence[str]], *names: str) -> Callable[..., str]:
    """A function of ``names`` (every one given each time, None to remove it) returning
    ``query_string(params, **changes)``, for links that differ in those parameters only:
    ``query_strings(base, "type")(type=["Letter"])``.

    The other parameters are encoded and joined once rather than for each link: a search page
    links each facet value and histogram bar (about 110 links) to its search with one or two
    parameters changed. The changed ones keep their place among ``params``, or go last in the
    order of ``names``, as in :func:`query_string`."""
    kept = {k: [v for v in vs if v] for k, vs in params.items()}
    # The query string as runs of unchanged pairs, each joined ("&"-separated), and the names to
    # fill in between them: ["q=treaty", "type", "start_date=1950"].
    pieces: list[str] = []
    slots: set[int] = set()
    run: list[str] = []
    for name in [*kept, *(n for n in names if n not in kept)]:
        if name in names:
            if run:
                pieces.append("&".join(run))
                run = []
            slots.add(len(pieces))
            pieces.append(name)
        else:
            run += [_pair(name, v) for v in kept[name]]
    if run:
        pieces.append("&".join(run))

    def link(**changes: Sequence[str] | str | None) -> str:
        parts = []
        for i, piece in enumerate(pieces):
            if i not in slots:
                parts.append(piece)
            elif (value := changes[piece]) is not None:
                parts += [_pair(piece, v) for v in ([value] if isinstance(value, str) else value) if v]
        return "?" + "&".join(parts) if parts else "?"

    return link


@lru_cache(maxsize=4096)
def _pair(name: str, value: str) -> str:
    """``name=value`` as ``urlencode`` writes it (``quote_plus``). A search page builds a hundred
    links (facet values, histogram bars, sort, paging) from the same few parameters, so each
    pair is encoded once: encoding every link afresh took a fifth of the page's time."""
    return f"{quote_plus(name)}={quote_plus(value)}"
