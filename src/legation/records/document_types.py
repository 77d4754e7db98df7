"""One document type, one spelling: types written but for case and accents alike are one type,
spelled one way in the archive.

Sources write a type in their own case: a spreadsheet's "telegram", FRUS' "Telegram"; "aide-memoire"
typed without its accent beside FRUS' "Aide-Mémoire". The type facet counts each value as written,
so one kind of document was two values of the facet, each counting part of it, and a filter on
one missed the other's documents.

:class:`TypeSpellings` is the one place where a type read from a source, or typed in the admin,
becomes the archive's spelling of it; the ingest service applies it before it compares a record
with the stored document (as it does :func:`~legation.records.place_names.resolve_places`), so
re-ingesting an unchanged source changes nothing, and the admin's document form to the type
entered (:class:`legation.records.admin.DocumentForm`). Types are one when their
:func:`~legation.search.analyzers.folded_name` is (case, accents and marks).

At ingest the type's spelling is the best of those the archive's documents and the ingest's new
documents carry (:func:`rank`): first the best written, as a careless source loses case (not in
capitals throughout, then a capital first: a sheet's "telegram" never respells FRUS' "Telegram",
however many rows it has), then the one most documents carry, so that one row's stray accent
("Telégram") does not respell the thousands of telegrams the archive spells "Telegram", then the most accents
("Aide-Mémoire" over "Aide-Memoire" carried alike), the most capitals. A document counts once, by its
spelling in the archive when it is stored: a re-ingest of stored documents outweighs nothing. The
spelling chosen respells the stored documents written otherwise (their remembered source values too,
:mod:`legation.ingest.curation`, so a re-ingest of their source finds them unchanged); a tie keeps the
archive's spelling. A dry run says which stored documents a real one would respell.

Why this order: case is lost by a whole source at once (a sheet typed in lower case throughout),
so counting its rows would let the largest careless source win; accents differ either way, lost by
a source written without them or added by a typo, which only the number of documents carrying each
tells apart. So a type all of whose stored documents are careless ("telegram") still takes the
first better-written spelling read, its accents with it ("Telégram"): the ingest notes it, naming
the documents, and the admin respells it back.

In the admin, a curator's spelling is a decision, not a vote: it becomes the type's for all its
documents (the others respelled, and respelled back when the old spelling is typed again), unless
it is worse written than the archive's ("TELEGRAM", "telegram" beside "Telegram"), which is taken for
a slip and saved as the archive spells the type (:meth:`TypeSpellings.curated`, :func:`replaces`).
The decision is stored (:class:`~legation.records.models.TypeSpelling`) and stands at every later
ingest until a curator enters another spelling: an ingest bringing more documents spelled otherwise
respelled the type back, undoing the curator's choice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from django.db.models import Count

from legation.printable import documents
from legation.records.chunks import chunks
from legation.records.document_record import DocumentRecord
from legation.records.models import ChangeLogEntry, Document, TypeSpelling
from legation.search.analyzers import folded_name


ONE_TYPE = (
    "document types written alike but for case or accents are one type, stored in one spelling so that the type facet "
    "counts each once: the best written (not in capitals throughout, then a capital first), then the one most documents "
    "carry, then the one with the most accents, unless a curator chose one"
)  # what the ingest's note says of the rule
CURATED_TYPE = (
    "Document types written alike but for case or accents are one type, so that the type facet counts each once: a "
    "spelling entered here becomes the type's for all its documents, unless it is worse written than the archive's, in "
    "capitals throughout or without the capital first the archive's has."
)  # what the admin says of it, after what it did
NAMED = 3  # stored documents a note names for each respelling


CHOSEN = "the spelling a curator chose"  # what a note says of a new spelling that is a curator's (TypeSpelling)


def respellings(
    pairs: Counter[tuple[str, str]], shown: int = 5, named: dict[tuple[str, str], list[str]] | None = None, chosen: Iterable[str] = ()
) -> str:
    """``pairs`` (``(old, new)`` spelling → documents) as a note lists them, the most first:
    ``'telegram' as 'Telegram' (3 documents), … and 2 more``; with ``named`` (the documents' identifiers
    by pair), the first :data:`NAMED` of each: ``(1,936 documents: frus1949v07p1-d1, … and 1,933 more)``;
    a new spelling of ``chosen``, the spellings curators chose (:class:`~legation.records.models.TypeSpelling`),
    said to be one: ``'Telegram' as 'Télégram' (8 documents; the spelling a curator chose)``, as no count of
    documents changes it."""
    curators = set(chosen)

    def counted(pair: tuple[str, str], n: int) -> str:
        ids = (named or {}).get(pair, [])[:NAMED]
        listed = documents(n) + (f": {', '.join(ids)}" + (f" and {n - len(ids):,} more" if n > len(ids) else "") if ids else "")
        return listed + (f"; {CHOSEN}" if pair[1] in curators else "")

    listed = ", ".join(f"{a!r} as {b!r} ({counted((a, b), n)})" for (a, b), n in pairs.most_common(shown))
    return listed + (f" and {len(pairs) - shown:,} more" if len(pairs) > shown else "")


def rank(spelling: str, documents: int = 0) -> tuple[bool, bool, int, int, int]:
    """How well ``spelling``, carried by ``documents``, writes a type, higher better: not in capitals
    throughout ("MEMORANDUM"), a capital first ("Telegram" over "telegram"), what a careless source
    loses and no number of its rows makes up for; then the documents carrying it ("Telegram" on
    thousands over one row's "Telégram"); then the letters with accents or other marks kept ("Aide-Mémoire" over
    "Aide-Memoire"), the capitals ("Memorandum of Conversation" over "Memorandum of conversation")."""
    cased = [c for c in spelling if c.isupper() or c.islower()]
    return (*care(spelling), documents, sum(not c.isascii() for c in cased), sum(c.isupper() for c in cased))


def care(spelling: str) -> tuple[bool, bool]:
    """How carefully ``spelling`` is written, higher better, :func:`rank`'s first two: not in capitals
    throughout, a capital first. ``(True, True)`` for ``Telegram``, ``(True, False)`` for ``telegram``."""
    cased = [c for c in spelling if c.isupper() or c.islower()]
    shouting = len(cased) > 1 and all(c.isupper() for c in cased)
    return (not shouting, bool(cased) and cased[0].isupper())


def best_spelling(counts: Counter[str], current: str = "") -> str:
    """The best of the spellings of one name in ``counts`` (spelling → the documents carrying it) and
    ``current``, the archive's (:func:`rank`); a tie keeps ``current``, else the first counted. The
    one rule for types and subjects (:mod:`legation.records.subject_names`)."""
    ranked = dict.fromkeys([current, *counts] if current else counts)  # the archive's first: max keeps the first of a tie
    return max(ranked, key=lambda s: rank(s, counts[s]))


def replaces(typed: str, spelling: str) -> bool:
    """Whether ``typed``, a type's spelling a curator entered, replaces ``spelling``, the archive's:
    unless it is worse written (:func:`care`), as ``TELEGRAM`` and ``telegram`` are beside
    ``Telegram``, slips that neither split the type facet nor respell the archive."""
    return care(typed) >= care(spelling)


def key_of(spelling: str) -> str:
    """What the spellings of one type share: ``folded_name`` (``"aide memoire"``), or the spelling itself when that folds to nothing."""
    return folded_name(spelling) or spelling


@dataclass
class TypeSpellings:
    """The types of one ingest and of the archive, by :func:`key_of`: ``best`` the spelling each is
    stored in; ``documents`` how many documents carry each spelling (the archive's as stored when
    first read, the ingest's new documents as their sources write them); ``spellings`` every spelling
    the archive's documents may be stored in; ``read`` the records read, counted by ``(as written,
    key)``, and ``added`` the identifiers of the new documents among them; ``moved`` the documents
    stored before the ingest that it respelled (on a dry run, that a real run would respell),
    ``{identifier: (old, new)}``. ``excluded``: the primary key of a stored document whose type is
    left out of the archive's, and never respelled here (the one an admin form saves: its type is
    what the curator replaces); None for none. ``dry_run``: :meth:`restore` respells again at each
    call, the caller rolling each back. ``chosen``: the spellings curators gave types in the admin
    (:class:`~legation.records.models.TypeSpelling`), by key, each its type's whatever the documents
    count; ``decided``: the spelling :meth:`curated` took for one, which :meth:`keep_choice` stores."""

    best: dict[str, str] = field(default_factory=dict)
    documents: dict[str, Counter[str]] = field(default_factory=dict)
    spellings: dict[str, set[str]] = field(default_factory=dict)
    read: Counter[tuple[str, str]] = field(default_factory=Counter)
    added: set[str] = field(default_factory=set)
    moved: dict[str, tuple[str, str]] = field(default_factory=dict)
    excluded: int | None = None
    dry_run: bool = False
    chosen: dict[str, str] = field(default_factory=dict)
    decided: str = ""
    _read: bool = False

    @property
    def respelled(self) -> Counter[tuple[str, str]]:
        """The records read whose type is stored in another spelling than they give, counted by
        ``(as written, as stored)``: as the type is spelled at the end, when a later batch respelled it."""
        return Counter({(written, self.best[key]): n for (written, key), n in self.read.items() if written != self.best[key]})

    @property
    def restored(self) -> Counter[tuple[str, str]]:
        """The stored documents respelled (:attr:`moved`), counted by ``(old, new)`` spelling."""
        return Counter(self.moved.values())

    def named(self) -> dict[tuple[str, str], list[str]]:
        """The identifiers of :attr:`moved` by ``(old, new)`` spelling, in the order met."""
        found: dict[tuple[str, str], list[str]] = {}
        for identifier, pair in self.moved.items():
            found.setdefault(pair, []).append(identifier)
        return found

    def resolve(self, records: list[DocumentRecord], new: Callable[[str], bool] = lambda identifier: True, dry_run: bool = False) -> list[DocumentRecord]:
        """``records`` with each type in the archive's spelling, chosen with theirs (:func:`rank`,
        each record whose identifier is ``new`` to the archive counting as a document carrying its
        spelling, once; the others as written, carrying none: the archive counts their documents);
        when another spelling than a stored document's is chosen, or the archive holds a type in
        several, the stored documents are respelled (:meth:`restore`; call inside the batch's
        transaction, rolled back for a ``dry_run``). Returns copies of the records it changes, the
        others as they are."""
        self.dry_run = dry_run
        voted: set[str] = set()
        keys = []
        for record in records:
            carries = record.identifier not in voted and new(record.identifier)
            voted.add(record.identifier)
            if carries:
                self.added.add(record.identifier)
            keys.append(key := self.add(record.document_type, int(carries)))
            if key:
                self.read[record.document_type, key] += 1
        self.restore(keys)
        out = []
        for record, key in zip(records, keys):
            if record.document_type and (best := self.best[key]) != record.document_type:
                record = replace(record, document_type=best)
            out.append(record)
        return out

    def add(self, written: str, documents: int = 1) -> str:
        """Count ``written`` among the spellings of its type, carried by ``documents`` more, the type
        taking it as its spelling when it ranks above the archive's (:func:`rank`; a tie keeps the
        archive's); returns the type's key (:func:`key_of`), ``""`` for no type. Reads the archive's
        types at its first call; writes nothing (:meth:`restore` does)."""
        if not self._read:
            self._read_archive()
        if not written:
            return ""
        key = key_of(written)
        self.spellings.setdefault(key, set()).add(written)
        counts = self.documents.setdefault(key, Counter())
        counts[written] += documents
        self.best[key] = self.chosen.get(key) or best_spelling(counts, self.best.get(key, written))
        return key

    def curated(self, typed: str) -> str:
        """The spelling the type a curator entered as ``typed`` is stored in: ``typed``, which
        :meth:`restore` then gives the type's other documents, as a curator's spelling is a decision
        for the type, weighing more than all its documents, now and at every later ingest (typing the
        old spelling back restores it; :attr:`decided`, stored by :meth:`keep_choice`); but the
        archive's when ``typed`` does not replace it (:func:`replaces`). A type the archive lacks is
        saved as typed, no decision among spellings. ``""`` for ``""``."""
        if not self._read:
            self._read_archive()
        if not typed:
            return ""
        best = self.best.get(key := key_of(typed)) or self.chosen.get(key)  # a chosen spelling outlives the type's documents
        if best is not None and typed != best and replaces(typed, best):
            self.chosen[key] = self.decided = typed
        return self.best[self.add(typed, 0)]

    def keep_choice(self) -> None:
        """Store the spelling :meth:`curated` took for a type as the curator's (:attr:`decided`), so
        that no later ingest respells the type, whatever its documents count; nothing when none."""
        if self.decided:
            TypeSpelling.objects.update_or_create(key=key_of(self.decided), defaults={"spelling": self.decided})
            self.decided = ""

    def _read_archive(self) -> None:
        """The archive's spellings but the :attr:`excluded` document's, with their documents, and the best of each type's (:func:`rank`)."""
        for written, count in Document.objects.exclude(document_type="").exclude(pk=self.excluded).values_list("document_type").annotate(n=Count("pk")):
            self.documents.setdefault(key_of(written), Counter())[written] += count
        for key, counts in self.documents.items():
            self.spellings[key] = set(counts)
            self.best[key] = max(counts, key=lambda s: (rank(s, counts[s]), s))
        self.chosen = dict(TypeSpelling.objects.values_list("key", "spelling"))
        for key, spelling in self.chosen.items():
            if key in self.best:
                self.best[key] = spelling
        self._read = True

    def restore(self, keys: Iterable[str]) -> Counter[tuple[str, str]]:
        """Respell the stored documents of the types ``keys`` written otherwise than their best
        spelling (call inside a transaction), their remembered source value with them, and log them
        for the search index; not the document :attr:`excluded`. Returns the documents so respelled,
        counted by ``(old, new)`` spelling, and adds them to :attr:`moved`. On a :attr:`dry_run`,
        whose transaction is rolled back, the next call respells them again, so that each batch
        compares its records with the documents as a real run would have stored them."""
        from legation.ingest.curation import digest  # ingest builds on records, not the other way round

        keys = list(dict.fromkeys(key for key in keys if key))
        others = {s: self.best[key] for key in keys for s in self.spellings[key] if s != self.best[key]}
        if not others:
            return Counter()
        moved, done = [], Counter()
        for chunk in chunks(sorted(others)):
            for doc in Document.objects.filter(document_type__in=chunk).exclude(pk=self.excluded).only("pk", "identifier", "document_type", "ingested"):
                old, new = doc.document_type, others[doc.document_type]
                if doc.ingested and doc.ingested.get("document_type") == digest([old]):  # as its source gave it: the source's now reads so
                    doc.ingested = {**doc.ingested, "document_type": digest([new])}
                doc.document_type = new
                done[old, new] += 1
                first = self.moved.pop(doc.identifier, (old, old))[0]
                if first != new and doc.identifier not in self.added:  # respelled back (a curator's undo), or added by the ingest: not moved
                    self.moved[doc.identifier] = (first, new)
                moved.append(doc)
        Document.objects.bulk_update(moved, ["document_type", "ingested"])
        ChangeLogEntry.log_upserts(doc.identifier for doc in moved)
        if not self.dry_run:
            for key in keys:
                self.spellings[key] = {self.best[key]}
        return done
