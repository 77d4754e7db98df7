"""Autocomplete for the search box: names of people and organizations, places, and document titles.

Names come from the authority records (preferred names and variants) of agents that documents
name (as sender or recipient first, then those only mentioned: ``Ache`` → Dean G. Acheson),
places from those of places (``Lüshun`` also completes ``Port``: the authority record holds
both): one documents were sent from is searched as that, in its field, one no document was sent
from as a name the texts hold in any of its forms; titles from the index, by a
phrase-prefix query on the title field. Names and places complete the last term of what is typed
(``treaty Zho`` → ``treaty "Chou En-lai"``: :func:`legation.search.query.last_terms` reads it),
titles the whole of it.
A prefix needs two characters, or one Han, kana or Hangul character: ``周`` or ``김`` alone is a
syllable, often a whole surname (``周恩来``, ``김일성``), where ``z`` is not.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from legation.search import analyzers, schema, variants
from legation.search import query as user_query
from legation.search.indexer import SearchIndex, archive_surnames

MAX_PREFIX_CHARS = 100
MIN_PREFIX_CHARS = 2


@dataclass
class Suggestion:
    """One completion: ``kind`` is ``"name"`` (a name searched wherever documents hold it: a
    person's, an organization's, a place's no document was sent from), ``"place"`` (a place
    documents were sent from, searched as that) or ``"title"``; ``text`` the preferred
    name of a name or place (whichever of its names matched), or the title; ``query`` what choosing
    a name, a place or a title many documents hold (``title:"Memorandum of Conversation"``) puts in
    the search box, ``""`` for a title one document holds, whose choosing opens that document,
    ``identifier`` (``""`` otherwise); for a name or place: the whole box, its last term completed and what
    came before it kept (``treaty "Chou En-lai"`` for ``treaty Zho``) but the words typed just
    before it that the name holds (``"Arthur J. Goldberg"`` for ``Arthur Gold``), a name quoted
    (``"Chou En-lai"``), a place quoted in its field (``place:"St. Petersburg"``, the documents
    sent from it, as places are suggested for them), a ``-`` or a field typed before the term kept
    (``-"Chou En-lai"``, ``from:"Chou En-lai"``), the name's own quotation marks left out
    (``"Gf. Johann von Sayn [Sehin]"``: :func:`legation.search.query.phrase_query`); ``documents``
    how many documents choosing it gives: those a search for ``query`` finds in the whole archive,
    before any filter, having every term (a suggestion that finds none is not made; names in all
    their forms: ``"Chou En-lai"`` finds Zhou Enlai and 周恩来 too, ``place:"Peking"`` Beijing, as
    :func:`legation.search.service.count_matches` counts), or 1 (a title one document holds)."""

    kind: str
    text: str
    identifier: str = ""
    documents: int = 1
    query: str = ""


def suggest(prefix: str, limit: int = 8, index: SearchIndex | None = None) -> list[Suggestion]:
    """Up to ``limit`` names, then places, then titles, completing ``prefix``, the search box as
    typed so far. Names and places complete its last term (:func:`legation.search.query.last_terms`),
    the longest run of trailing words first (``treaty Port Ar``: ``Port Ar``, then ``Ar``), each
    suggestion's :attr:`Suggestion.query` the whole box it leaves (``treaty place:"Port Arthur"``),
    what comes before the term kept as typed, its ``-`` and field too (``-"Chou En-lai"``,
    ``from:"Chou En-lai"``), but for the words just before it that the name or place holds, which
    it replaces (``Arthur Gold`` → ``"Arthur J. Goldberg"``: :func:`_widest`); a name or place
    found by a longer run is not repeated by a shorter one. Case and accents are ignored, for names and places typographic apostrophes, quotation
    marks and dashes too: ``o'connor`` completes "Roderic L. O’Connor", ``hammarskjold`` "Dag
    Hammarskjöld"; a name is found by the beginning of any of its words, or of its other names'
    (``Atat``, ``Kemal Atat``: "Mustafa Kemal Atatürk"; ``Kai-shek``: "Chiang Kai-shek"), those
    found by their first word first (:func:`_names_and_places`). The names of each run are those of the agents most often sender or
    recipient, the places those most documents were sent from, each kind then listed by
    :attr:`Suggestion.documents`. Titles complete the whole box, as a phrase prefix, by relevance.
    Invisible format characters are read past as a search reads them: soft hyphens, zero-width
    spaces and byte order marks anywhere (:func:`legation.search.analyzers.drop_invisible`), direction
    marks around the box (:func:`legation.search.query.stripped`), as pasted from a right-to-left page.
    ``[]`` for a prefix too short to complete (:func:`long_enough`). ``index`` (the archive's by
    default) is searched without name variants unless it is the archive's, as
    :func:`legation.search.service.search`. Never raises for the text."""
    from legation.search.service import count_matches, default_index

    # the invisible characters a search reads past (a direction mark or byte order mark pasted
    # around a name, a soft hyphen inside it): "\u200eKhru" suggested no name, "Kh\u00adru" nothing.
    # They are read past in the words matched; the box completed keeps what was typed before the name.
    typed, prefix = prefix, _visible(prefix)
    whole = " ".join(prefix.split())[:MAX_PREFIX_CHARS]
    if not long_enough(whole):
        return []
    found: list[Suggestion] = []
    seen: set[tuple[str, str]] = set()
    names_of = variants.current() if index is None else None  # the archive's names for its own index, as search()
    searcher = None
    readings = user_query.last_terms(typed)
    visible = [" ".join(_visible(term.words).split())[:MAX_PREFIX_CHARS] for term in readings]
    for term, words, shorter in zip(readings, visible, [*visible[1:], None]):
        if len(found) >= limit or not long_enough(words) or words == shorter:
            continue  # (a reading wider by invisible characters alone: the shorter keeps them in the box)
        matched = {(kind, text): by_first for kind, text, by_first in _names_and_places(words, limit - len(found), term) if (kind, text) not in seen}
        run = [Suggestion(kind, text) for kind, text in matched]
        if not run:
            continue
        index = index or default_index()
        searcher = searcher or index.searcher()
        for item in run:
            seen.add((item.kind, item.text))
            item.query = _widest(readings, term, item).completed(item.text, item.kind)
            # the documents with every term of the new box: not those of the most-words fallback a
            # search shows when none has them (treaty Port "Arthur J. Goldberg": 1,228 documents
            # with some of the words, 0 with all), and no suggestion that finds none
            item.documents = count_matches(item.query, index, names_of, searcher, relaxed=False)
        found += sorted(
            (item for item in run if item.documents), key=lambda s: (not matched[s.kind, s.text], s.kind != "name", -s.documents, s.text)
        )
    words = analyzers.folded(whole)
    if words and long_enough(words[-1]) and len(found) < limit:
        index = index or default_index()
        searcher = searcher or index.searcher()
        # The query language's own prefix search: "Cable, Ma" is the phrase "cable ma*" in titles.
        query = user_query.to_tantivy(user_query.Term(" ".join(words), field="title", prefix=True), index.schema, searcher)
        titles: set[str] = set()
        for _, address in searcher.search(query, limit=3 * limit).hits if query is not None else []:
            doc = searcher.doc(address)
            title = doc.get_first("title") or ""
            if title and title not in titles:
                titles.add(title)
                found.append(_title_suggestion(title, doc.get_first(schema.KEY_FIELD) or "", index, names_of, searcher))
            if len(found) >= limit:
                break
    return found


def _title_suggestion(title: str, identifier: str, index: SearchIndex, names_of, searcher) -> Suggestion:  # type: ignore[no-untyped-def]
    """A title's suggestion: choosing it opens document ``identifier`` when its title is the only
    one holding ``title``; else it is a search, ``title:"…"`` (:attr:`Suggestion.query`), of the
    documents whose titles hold it (:attr:`Suggestion.documents`): "Memorandum of Conversation"
    opened one of the 482 demo documents of that title, chosen by nothing the reader saw."""
    from legation.search.service import count_matches

    query = f"title:{user_query.phrase_query(title)}"
    documents = count_matches(query, index, names_of, searcher, relaxed=False)
    if documents > 1:
        return Suggestion("title", title, documents=documents, query=query)
    return Suggestion("title", title, identifier=identifier)


def _visible(text: str) -> str:
    """``text`` without the invisible characters a search reads past: soft hyphens, zero-width spaces and byte
    order marks anywhere (:func:`legation.search.analyzers.drop_invisible`), direction marks around it
    (:func:`legation.search.query.stripped`)."""
    return user_query.stripped(analyzers.drop_invisible(text))


def _widest(readings: list[user_query.LastTerm], term: user_query.LastTerm, item: Suggestion) -> user_query.LastTerm:
    """The reading of the box (one of ``readings``, longest first, :func:`legation.search.query.last_terms`)
    that ``item``, found by ``term``, replaces: the longest whose words before ``term``'s are all
    words of ``item``'s name, whole or, of two letters or more, their beginnings
    (:func:`_begins_one_of`; case and accents ignored), and that a suggestion of its kind may
    complete; ``term`` itself when none is. ``Arthur Gold`` (and ``Art Gold``) completes as ``"Arthur J. Goldberg"``, not
    ``Arthur "Arthur J. Goldberg"``: no name begins "Arthur Gold", but the name found by ``Gold``
    holds the Arthur typed; ``treaty Zho`` still as ``treaty "Chou En-lai"``."""
    named = set(analyzers.folded(item.text))
    for reading in readings:
        if reading is term:
            break
        typed_before = reading.words[: len(reading.words) - len(term.words)]
        typed = set(analyzers.folded(typed_before))
        if typed and all(_begins_one_of(word, named) for word in typed) and reading.completes(item.kind):  # no word at all (a zero-width space) is kept
            return reading
    return term


def _begins_one_of(word: str, named: set[str]) -> bool:
    """Whether ``word`` (folded) is one of the ``named`` words, or, of two letters or more, begins
    one: a name typed in part before the word being completed (``Art Gold`` for Arthur J. Goldberg)."""
    return word in named or (len(word) >= 2 and any(name.startswith(word) for name in named))


def _names_and_places(words: str, limit: int, term: user_query.LastTerm) -> list[tuple[str, str, bool]]:
    """Up to ``limit`` (kind, preferred name, found by its first word) of the names, then the
    places, whose name or one of whose variants begins with ``words``
    (:func:`legation.records.models.names_starting`), then, while fewer than ``limit``, of those
    with another word beginning so (:func:`legation.records.models.names_with_a_word_starting`:
    ``Atat`` → Mustafa Kemal Atatürk, ``Tse-tung`` → Mao Tse-tung; a surname found a name only
    when a source gave it inverted, "Dulles, John Foster"), each of a kind that may complete
    ``term`` (:meth:`~legation.search.query.LastTerm.completes`), a name or place found once. (One
    query of both readings, its matches by the first word first, took longer than two:
    benchmarks/search/suggest.py.)"""
    from legation.records.models import names_starting, names_with_a_word_starting

    found: list[tuple[str, str, bool]] = []
    for by_first, matching in ((True, names_starting), (False, names_with_a_word_starting)):
        if len(found) >= limit:
            break
        named = {text for _, text, _ in found}
        found += [(kind, text, by_first) for kind, text in _matching(matching(words), limit, term) if text not in named][: limit - len(found)]
    return found


def _matching(starting: Q, limit: int, term: user_query.LastTerm) -> list[tuple[str, str]]:
    """Up to ``limit`` (kind, preferred name) of the names, then the places, whose name or one of
    whose variants ``starting`` selects, of the kinds that may complete ``term``: the agents most
    often sender or recipient first, then those most often only mentioned; the places most
    documents were sent from, then those none was sent from (an authority record's), as kind
    ``"name"``: the name searched wherever documents hold it, not the place sent from."""
    from legation.records.models import Agent, AgentName, Place, PlaceName

    # Agents and places whose name or one of whose variants ``starting`` selects (case, accents and
    # typographic punctuation ignored: records.models.names_starting, an index range), the names and
    # the variants each through a subquery: joining the variants would multiply each by every document
    # link before the count (the demo's 1,119 agents: 40-120 ms a prefix by the join), and the
    # preferred name's range written beside the links made SQLite read every link first (2-3 times as
    # slow on the demo; see benchmarks/README.md).
    found: list[tuple[str, str]] = []
    if term.completes("name"):
        corresponding = Q(document_links__role__in=["sender", "recipient"])
        names = (
            Agent.objects.filter(Q(pk__in=Agent.objects.filter(starting).values("pk")) | Q(pk__in=_named_so(AgentName.objects.filter(starting))))
            .annotate(
                documents=Count("document_links__document", distinct=True, filter=corresponding),
                linked=Count("document_links__document", distinct=True),
            )
            .filter(linked__gt=0)
            .order_by("-documents", "-linked", "name")
            .values_list("name", flat=True)
            .distinct()[:limit]
        )
        found += [("name", name) for name in dict.fromkeys(names)]
    if term.completes("place") and len(found) < limit:
        places = (
            Place.objects.filter(Q(pk__in=Place.objects.filter(starting).values("pk")) | Q(pk__in=PlaceName.objects.filter(starting).values("place_id")))
            .annotate(sent_from=Count("documents", distinct=True))
            .order_by("-sent_from", "name")
            .values_list("name", "sent_from")
            .distinct()[: limit - len(found)]
        )
        named = {text for _, text in found}
        # a place no document was sent from (an authority record's Lüshun) is a name the texts may
        # hold in any of its forms, searched as such; a suggestion whose search finds none is not made
        found += [("place" if sent else "name", name) for name, sent in dict.fromkeys(places) if name not in named]
    return found


MAX_VARIANTS_READ = 2000  # other names beginning as typed, read to choose those that name their agent


def _named_so(variants) -> list[int]:
    """The agents of the other names ``variants`` (an ``AgentName`` query set) that are their names
    as search reads them (:func:`legation.search.schema.finding_names`): a name an authority record
    gives, or one read from documents that fits the agent. ``James She`` offered James S. Lay Jr.,
    whom one FRUS document tags as James Shen (a fresh user)."""
    from legation.records.document_record import AgentRef

    rows = variants.values_list("agent_id", "name", "from_authority", "agent__name", "agent__kind", "agent__key")[:MAX_VARIANTS_READ]
    surnames = archive_surnames()
    return list(
        dict.fromkeys(
            agent
            for agent, name, curated, preferred, kind, key in rows
            if curated or schema.finding_names(AgentRef(key=key, name=preferred, kind=kind, names=[name]), (), surnames)
        )
    )


def long_enough(prefix: str) -> bool:
    """Whether ``prefix`` is worth completing: :data:`MIN_PREFIX_CHARS` characters, or a single
    Han, kana or Hangul character (the analyzers make each of those a word of its own)."""
    if len(prefix) >= MIN_PREFIX_CHARS:
        return True
    return len(prefix) == 1 and analyzers.OWN_WORD_CHAR.match(prefix) is not None
