"""Exact ties of the relevance order come by date, then identifier (service.fetch_page)."""

from __future__ import annotations

from collections import Counter

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.search import service
from legation.search.service import SearchRequest, search
from tests.conftest import REPO


def _date_order(records) -> list[str]:
    """Identifiers by earliest day, undated last, then FRUS document number: computed from the records."""
    return [
        r.identifier
        for r in sorted(records, key=lambda r: (not r.date_earliest, r.date_earliest or "", int(r.identifier.rsplit("-d", 1)[1])))
    ]


def _paged(index, q: str, page_size: int) -> list[str]:
    first = search(SearchRequest(q=q, page_size=page_size), index)
    pages = -(-first.total // page_size)
    return [h.identifier for page in range(1, pages + 1) for h in search(SearchRequest(q=q, page=page, page_size=page_size), index).hits]


def test_a_query_every_match_scores_alike_lists_them_by_date_then_identifier(demo_volumes) -> None:
    # collection:frus1964-68v30 listed the volume in index order (d1, d112, d113 …): every document
    # scores alike. Its 346 documents come by date, the undated last, on every page alike.
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1964-68v30.xml.gz"))
    index = demo_volumes("frus1964-68v30")
    expected = _date_order(records)
    assert len(expected) == 346 and expected[:4] == ["frus1964-68v30-d337", "frus1964-68v30-d1", "frus1964-68v30-d3", "frus1964-68v30-d4"]
    assert sum(1 for r in records if not r.date_earliest) > 10  # editorial notes, undated: last
    result = search(SearchRequest(q="collection:frus1964-68v30", page_size=100), index)
    assert len({h.score for h in result.hits}) == 1  # one score: the tie this orders
    for page_size in (100, 7):
        assert _paged(index, "collection:frus1964-68v30", page_size) == expected
    # a type sorts out documents, it does not rank them: type:telegram scored the 135 "Telegram" above the 4
    # "Circular Telegram" (a longer field), and a tie of more than TIE_WINDOW was left in index order (the
    # demo's 1,949 telegrams, a fresh user): they come by date as a query of dates alone (query.UNRANKED_FIELDS)
    telegrams = [r for r in records if r.document_type in ("Telegram", "Circular Telegram")]
    assert len(telegrams) == 139 and sum(r.document_type == "Circular Telegram" for r in telegrams) == 4
    assert _paged(index, "type:telegram", 10) == _date_order(telegrams)
    english = search(SearchRequest(q="language:en type:telegram", page_size=5), index)
    assert english.total == 139 and [h.identifier for h in english.hits] == _date_order(telegrams)[:5]
    # with a word that ranks beside it, relevance comes first
    ranked = search(SearchRequest(q="type:telegram Saigon", page_size=100), index)
    assert len({h.score for h in ranked.hits}) > 1


def test_a_tie_beyond_the_window_of_a_query_of_types_volumes_and_languages_comes_by_date(demo_volumes, monkeypatch) -> None:
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1964-68v30.xml.gz"))
    index = demo_volumes("frus1964-68v30")
    monkeypatch.setattr(service, "TIE_WINDOW", 100)
    day = {r.identifier: (not r.date_earliest, r.date_earliest or "") for r in records}
    for q in ("collection:frus1964-68v30", "language:en", "type:telegram OR type:memorandum"):
        listed = _paged(index, q, 9)
        assert len(listed) > 100 and [day[i] for i in listed] == sorted(day[i] for i in listed), q  # by date, the undated last

def test_a_tie_of_every_match_larger_than_the_window_comes_by_date_on_every_page(demo_volumes, monkeypatch) -> None:
    # place:Washington, every match of one score, was left in index order once it held more than TIE_WINDOW
    # hits (the demo's 2,573 against 1,000: page 60 by the order the files were ingested). Here the window is
    # made 100 for the volume's 239: they come by date, the 3 undated last, on every page and every page size.
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1964-68v30.xml.gz"))
    index = demo_volumes("frus1964-68v30")
    monkeypatch.setattr(service, "TIE_WINDOW", 100)
    expected = _date_order([r for r in records if r.place_sent == "Washington"])
    assert len(expected) == 239 and expected[:4] == ["frus1964-68v30-d337", "frus1964-68v30-d1", "frus1964-68v30-d3", "frus1964-68v30-d4"]
    assert expected[-3:] == ["frus1964-68v30-d30", "frus1964-68v30-d211", "frus1964-68v30-d222"]  # the undated: editorial notes
    first = search(SearchRequest(q="place:Washington", page_size=100), index)
    assert first.total == 239 and len({h.score for h in first.hits}) == 1  # one score: the tie this orders
    for page_size in (100, 9, 7):
        assert _paged(index, "place:Washington", page_size) == expected, page_size
    deep = search(SearchRequest(q="place:Washington", page=20, page_size=9), index)  # hits 171 to 180, past the window
    assert [h.identifier for h in deep.hits] == expected[171:180] and {h.score for h in deep.hits} == {first.hits[0].score}
    # with a word that ranks beside it, the ties of several scores past the window stay in index order
    ranked = _paged(index, "place:Washington OR Saigon", 50)
    assert len(ranked) == len(set(ranked)) > 239


def _paged_sorted(index, q: str, sort: str, page_size: int) -> list[str]:
    first = search(SearchRequest(q=q, sort=sort, page_size=page_size), index)
    pages = -(-first.total // page_size)
    return [
        h.identifier
        for page in range(1, pages + 1)
        for h in search(SearchRequest(q=q, sort=sort, page=page, page_size=page_size), index).hits
    ]


def test_date_sorts_and_an_empty_query_list_one_days_documents_by_identifier(demo_volumes) -> None:
    # Sorted by date, the documents of one day came in index order, newest first in reverse
    # (1967-03-15: d248 before d247; 1966-09-20: d189 before d186). They come by identifier, its
    # numbers as numbers, in either order; the undated last, so too.
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1964-68v30.xml.gz"))
    index = demo_volumes("frus1964-68v30")
    number = {r.identifier: int(r.identifier.rsplit("-d", 1)[1]) for r in records}
    oldest_first = _date_order(records)
    newest_first = [
        r.identifier
        for r in sorted(records, key=lambda r: (not r.date_earliest, _negated(r.date_earliest), number[r.identifier]))
    ]
    days = Counter(r.date_earliest for r in records if r.date_earliest)
    assert sum(n for n in days.values() if n > 1) == 75 and max(days.values()) == 4  # documents sharing their day
    for q, sort, expected in (
        ("", "relevance", oldest_first),  # no words: oldest first
        ("", "date_asc", oldest_first),
        ("", "date_desc", newest_first),
        ("collection:frus1964-68v30", "date_asc", oldest_first),
        ("collection:frus1964-68v30", "date_desc", newest_first),
    ):
        for page_size in (100, 7):
            assert _paged_sorted(index, q, sort, page_size) == expected, (q, sort, page_size)


def test_one_days_documents_come_by_identifier_however_deep_the_page(demo_volumes, monkeypatch) -> None:
    # Past the first TIE_WINDOW hits a date order left one day's documents in index order (the demo sorted
    # oldest first: from hit 1,007 on). Here the window is made 100 for the volume's 346: each day's
    # documents come by identifier on every page, the undated last among them, pages of 7 as of 100.
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1964-68v30.xml.gz"))
    index = demo_volumes("frus1964-68v30")
    monkeypatch.setattr(service, "TIE_WINDOW", 100)
    number = {r.identifier: int(r.identifier.rsplit("-d", 1)[1]) for r in records}
    oldest_first = _date_order(records)
    newest_first = [r.identifier for r in sorted(records, key=lambda r: (not r.date_earliest, _negated(r.date_earliest), number[r.identifier]))]
    assert oldest_first[300:303] == ["frus1964-68v30-d306", "frus1964-68v30-d307", "frus1964-68v30-d308"]
    for sort, expected in (("date_asc", oldest_first), ("date_desc", newest_first)):
        for page_size in (100, 7):
            assert _paged_sorted(index, "collection:frus1964-68v30", sort, page_size) == expected, (sort, page_size)
    # a day of more documents than the window (the undated, with a window of 5) stays in index order, each
    # document once over all pages
    monkeypatch.setattr(service, "TIE_WINDOW", 5)
    undated = [i for i in oldest_first if not next(r for r in records if r.identifier == i).date_earliest]
    paged = _paged_sorted(index, "collection:frus1964-68v30", "date_asc", 7)
    assert paged[: -len(undated)] == oldest_first[: -len(undated)] and sorted(paged[-len(undated) :]) == sorted(undated)


def _negated(day: str) -> tuple[int, ...]:
    """A key putting ISO days ``day`` newest first."""
    return tuple(-int(part) for part in day.split("-")) if day else ()


def test_undated_documents_come_by_identifier_on_every_path_however_many(demo_volumes) -> None:
    # year=Undated with no words listed the undated in index order (…-d323, 1951v07p2-d114, -d132, -d187,
    # -d196, -d31 …) while Berlin&year=Undated was ordered: a group of one day (the undated are one) was
    # ordered only up to 200 documents, and the demo has 497 undated. These three volumes hold 208.
    volumes = ("frus1958-60v19", "frus1961-63v05", "frus1961-63v06")
    records = [r for key in volumes for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{key}.xml.gz")]

    def natural(identifier: str) -> tuple[str, int]:  # the volumes' keys compare as text alike
        return identifier.rsplit("-d", 1)[0], int(identifier.rsplit("-d", 1)[1])

    undated = sorted((r.identifier for r in records if not r.date_earliest), key=natural)
    assert len(undated) == 208 and undated[:4] == ["frus1958-60v19-d1", "frus1958-60v19-d5", "frus1958-60v19-d8", "frus1958-60v19-d11"]
    index = demo_volumes(*volumes)
    for sort in ("relevance", "date_asc", "date_desc"):
        first = search(SearchRequest(q="", filters={"year": ["Undated"]}, sort=sort, page_size=40), index)
        assert (first.total, [h.identifier for h in first.hits]) == (208, undated[:40]), sort
        paged = [
            h.identifier
            for page in range(1, 31)
            for h in search(SearchRequest(q="", filters={"year": ["Undated"]}, sort=sort, page=page, page_size=7), index).hits
        ]
        assert paged == undated, sort
    # the whole archive browsed oldest first (914 documents, within the first 1,000): the undated
    # last, in that order too; and so with words
    dated = [r.identifier for r in sorted((r for r in records if r.date_earliest), key=lambda r: (r.date_earliest, natural(r.identifier)))]
    assert len(dated) + len(undated) == len(records) == 914
    assert _paged_sorted(index, "", "date_asc", 100) == dated + undated
    in_v05 = [i for i in undated if i.startswith("frus1961-63v05-")]
    assert len(in_v05) == 135
    words = [
        h.identifier
        for page in (1, 2)
        for h in search(SearchRequest(q="collection:frus1961-63v05", filters={"year": ["Undated"]}, sort="date_asc", page=page, page_size=100), index).hits
    ]
    assert words == in_v05
