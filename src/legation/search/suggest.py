"""Autocomplete for the search box: names of people and organizations, places, and document titles.

Names come from the authority records (preferred names and variants) of agents that documents
name as sender or recipient, places from those of places documents were sent from (``Lüshun``
also completes ``Port``: the authority record holds both); titles from the index, by a
phrase-prefix query on the title field.
A prefix needs two characters, or one Han, kana or Hangul character: ``周`` or ``김`` alone is a
syllable, often a whole surname (``周恩来``, ``김일성``), where ``z`` is not.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from legation.search import analyzers, schema
from legation.search import query as user_query
from legation.search.indexer import SearchIndex

MAX_PREFIX_CHARS = 100
MIN_PREFIX_CHARS = 2


@dataclass
class Suggestion:
    """One completion: ``kind`` is ``"name"``, ``"place"`` or ``"title"``; ``text`` what to put
    in the box (the preferred name of a name or place, whichever of its names matched);
    ``identifier`` the document, for titles (``""`` otherwise); ``documents`` how many documents
    name the agent as sender or recipient, or were sent from the place, or 1 (titles)."""

    kind: str
    text: str
    identifier: str = ""
    documents: int = 1


def suggest(prefix: str, limit: int = 8, index: SearchIndex | None = None) -> list[Suggestion]:
    """Up to ``limit`` names, then places, then titles, completing ``prefix`` (case and accents
    ignored for titles; case ignored for names and places), each kind by number of documents.
    ``[]`` for a prefix too short to complete (:func:`long_enough`)."""
    from legation.records.models import Agent, Place
    from legation.search.service import default_index

    prefix = " ".join(prefix.split())[:MAX_PREFIX_CHARS]
    if not long_enough(prefix):
        return []
    names = (
        Agent.objects.filter(Q(name__istartswith=prefix) | Q(names__name__istartswith=prefix))
        .filter(document_links__role__in=["sender", "recipient"])
        .annotate(documents=Count("document_links__document", distinct=True))
        .order_by("-documents", "name")
        .values_list("name", "documents")
        .distinct()[:limit]
    )
    found = [Suggestion("name", name, documents=count) for name, count in names]
    if len(found) < limit:
        places = (
            Place.objects.filter(Q(name__istartswith=prefix) | Q(names__name__istartswith=prefix))
            .annotate(sent_from=Count("documents", distinct=True))
            .filter(sent_from__gt=0)
            .order_by("-sent_from", "name")
            .values_list("name", "sent_from")
            .distinct()[: limit - len(found)]
        )
        found += [Suggestion("place", name, documents=count) for name, count in places]
    words = analyzers.folded(prefix)
    if words and long_enough(words[-1]) and len(found) < limit:
        index = index or default_index()
        searcher = index.searcher()
        # The query language's own prefix search: "Cable, Ma" is the phrase "cable ma*" in titles.
        query = user_query.to_tantivy(user_query.Term(" ".join(words), field="title", prefix=True), index.schema, searcher)
        seen: set[str] = set()
        for _, address in searcher.search(query, limit=3 * limit).hits if query is not None else []:
            doc = searcher.doc(address)
            title = doc.get_first("title") or ""
            if title and title not in seen:
                seen.add(title)
                found.append(Suggestion("title", title, identifier=doc.get_first(schema.KEY_FIELD) or ""))
            if len(found) >= limit:
                break
    return found


def long_enough(prefix: str) -> bool:
    """Whether ``prefix`` is worth completing: :data:`MIN_PREFIX_CHARS` characters, or a single
    Han, kana or Hangul character (the analyzers make each of those a word of its own)."""
    if len(prefix) >= MIN_PREFIX_CHARS:
        return True
    return len(prefix) == 1 and analyzers.OWN_WORD_CHAR.match(prefix) is not None
