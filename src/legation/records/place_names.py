"""One place, one record: a place name that is another place's variant becomes that place.

Sources name one place differently (FRUS: "Peking" in one volume, "Beijing" in others), and an
authority file says which names are one place (``{"kind": "place", "name": "Beijing", "names":
["Peking", "Peiping"]}``, :mod:`legation.records.authorities`). Places are matched by name, so
without this a document sent from "Peking" would keep a place of its own beside "Beijing": two
values of the place facet, each counting part of the same city's documents.

:func:`resolve_places` is the one place where a place name read from a source becomes the preferred
name of the place it is a variant of; the ingest service applies it before it compares a record with
the stored document, so re-ingesting an unchanged source changes nothing. :func:`merge_place` makes
a place stored under a variant's name part of the place the authority file names.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from legation.records.chunks import chunks
from legation.records.document_record import UNSTORABLE_CHARACTERS, DocumentRecord
from legation.records.models import Document, Place, PlaceName
from legation.search.analyzers import folded_name


def preferred_places(names: set[str] | list[str]) -> dict[str, str]:
    """``{name: preferred name of the place it is a variant of}`` for those of ``names`` that no
    place has as its own name and that are a variant (:class:`PlaceName`, as written) of exactly one
    place. A variant two places share ("Georgetown") names neither: it stays a place of its own."""
    return _variant_of_one(_places_named(names)[1])


def _variant_of_one(owners: dict[str, set[str]]) -> dict[str, str]:
    """``{name: place}`` for the names of ``owners`` (name → the places it is a variant of) that one place alone has."""
    return {name: next(iter(places)) for name, places in owners.items() if len(places) == 1}


def _places_named(names: set[str] | list[str]) -> tuple[set[str], dict[str, set[str]]]:
    """Of ``names``, those that are a place's own name, and of the others the places each is a
    variant of, as written (chunked queries)."""
    wanted = sorted(set(names))
    own = {n for chunk in chunks(wanted) for n in Place.objects.filter(name__in=chunk).values_list("name", flat=True)}
    owners: dict[str, set[str]] = defaultdict(set)
    for chunk in chunks([n for n in wanted if n not in own]):
        for name, place in PlaceName.objects.filter(name__in=chunk).values_list("name", "place__name"):
            owners[name].add(place)
    return own, owners


def places_written_alike(name: str) -> list[str]:
    """The names of the places whose own name or a variant is ``name`` but for case, accents and
    marks (:func:`~legation.search.analyzers.folded_name`: ``peking`` → ``["Beijing"]``), own
    names first, by name; ``[]`` when none is. For saying which value a filter that matched
    nothing meant (a filter takes a place as its facet lists it)."""
    folded = folded_name(name)
    if not folded or UNSTORABLE_CHARACTERS.search(folded):
        return []
    own = sorted(Place.objects.filter(name_folded=folded).values_list("name", flat=True))
    variants = sorted(PlaceName.objects.filter(name_folded=folded).values_list("place__name", flat=True))
    return list(dict.fromkeys(own + variants))


def resolve_places(records: list[DocumentRecord]) -> list[DocumentRecord]:
    """``records`` with each place a variant of a stored place (:func:`preferred_places`) replaced
    by that place's preferred name, the name as the source writes it kept as ``place_written``
    ("Peking, October 21, 1971" is sent from Beijing, shown as written), the rest as they are."""
    names = {r.place_sent for r in records if r.place_sent}
    own, owners = _places_named(names)
    preferred = _variant_of_one(owners)
    written = {name: name for name in preferred}
    for name, (place, as_written) in _written_otherwise(names - own - owners.keys()).items():
        preferred[name], written[name] = place, as_written
    if not preferred:
        return records
    return [
        replace(r, place_sent=preferred[r.place_sent], place_written=r.place_written or written[r.place_sent]) if r.place_sent in preferred else r
        for r in records
    ]


def _written_otherwise(names: set[str]) -> dict[str, tuple[str, str]]:
    """``{name: (place, the name as the archive writes it)}`` for those of ``names`` (that no place
    or variant has as written: :func:`_places_named`) that one place alone has but for case and accents
    (:func:`~legation.search.analyzers.folded_name`: a spreadsheet's ``batavia``, ``JAKARTA``): the
    place, and its variant so written (``"Batavia"``) or ``""`` for its own name. Others are left out."""
    folded = {key: n for n in names if (key := folded_name(n))}
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for chunk in chunks(sorted(folded)):
        for key, place in Place.objects.filter(name_folded__in=chunk).values_list("name_folded", "name"):
            found[folded[key]].add((place, ""))
        for key, place, variant in PlaceName.objects.filter(name_folded__in=chunk).values_list("name_folded", "place__name", "name"):
            found[folded[key]].add((place, variant))
    return {name: next(iter(places)) for name, places in found.items() if len(places) == 1}


def merge_place(into: Place, old: Place) -> list[str]:
    """Merge ``old`` into ``into`` (call inside a transaction): the documents sent from ``old`` are
    sent from ``into`` (``old``'s name kept as the place as they write it, ``place_written``), ``old``'s name and its variants become variants of ``into``, and ``old`` is
    deleted. Returns the identifiers of the documents moved; the caller logs them, and has the
    documents remember the names now read as ``into`` (:func:`remember_resolved`)."""
    documents = list(Document.objects.filter(place_sent=old).only("pk", "identifier", "place_written"))
    for doc in documents:
        doc.place_sent = into
        doc.place_written = doc.place_written or old.name  # as its source writes it (resolve_places)
    Document.objects.bulk_update(documents, ["place_sent", "place_written"])
    known = {into.name, *into.names.values_list("name", flat=True)}
    names = [n for n in dict.fromkeys([old.name, *old.names.values_list("name", flat=True)]) if n not in known]
    old.delete()  # its variants go with it (cascade)
    PlaceName.objects.bulk_create(PlaceName(place=into, name=n) for n in names)
    return sorted(doc.identifier for doc in documents)


def remember_resolved(preferred: dict[str, str]) -> None:
    """Documents whose source last gave a place name now read as another place (``{name given:
    preferred name}``, :func:`preferred_places`) remember, as what their source gave, the preferred
    name (:mod:`legation.ingest.curation`): that is what the source now resolves to
    (:func:`resolve_places`), and the name it gave as the place as written. So a document whose place was as its source gave it stays so, and one
    whose place a curator corrected (to another city) stays corrected without a conflict: the source
    did not change. Call inside a transaction."""
    from legation.ingest.curation import digest  # ingest builds on records, not the other way round

    given = {digest([name]): (digest([name_now]), digest([name])) for name, name_now in preferred.items() if name != name_now}
    documents = [
        doc for chunk in chunks(sorted(given)) for doc in Document.objects.filter(ingested__place_sent__in=chunk).only("pk", "ingested")
    ]
    for doc in documents:
        place, written = given[doc.ingested["place_sent"]]
        doc.ingested = {**doc.ingested, "place_sent": place, "place_written": written}
    Document.objects.bulk_update(documents, ["ingested"])
