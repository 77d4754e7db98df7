"""One document type, one spelling: types written but for case and accents alike are one type,
spelled the best way any source writes it.

Sources write a type in their own case: a spreadsheet's "telegram", FRUS' "Telegram"; "aide-memoire"
typed without its accent beside FRUS' "Aide-Mémoire". The type facet counts each value as written,
so one kind of document was two values of the facet, each counting part of it, and a filter on
one missed the other's documents.

:class:`TypeSpellings` is the one place where a type read from a source, or typed in the admin,
becomes the archive's spelling of it; the ingest service applies it before it compares a record
with the stored document (as it does :func:`~legation.records.place_names.resolve_places`), so
re-ingesting an unchanged source changes nothing, and the admin's document form to the type
entered (:class:`legation.records.admin.DocumentForm`), which was saved as typed: ``TELEGRAM`` a
value of the type facet of its own. Types are one when their :func:`~legation.search.analyzers.folded_name`
is (case, accents and marks). Of their spellings the archive keeps the best (:func:`rank`: not in
capitals throughout, a capital first, then the most accents, then the most capitals), whichever
source came first: a better spelling read later respells the stored documents (their remembered
source values too, :mod:`legation.ingest.curation`, so a re-ingest of their source finds them
unchanged), and a worse one is stored as the archive's. A tie keeps the spelling the archive has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db.models import Count

from legation.printable import documents
from legation.records.chunks import chunks
from legation.records.document_record import DocumentRecord
from legation.records.models import ChangeLogEntry, Document
from legation.search.analyzers import folded_name


ONE_TYPE = (
    "document types written alike but for case or accents are one type, stored in the best of its spellings (not in "
    "capitals throughout, then a capital first, then the most accents) so that the type facet counts each once"
)  # what the ingest's note and the admin say of the rule


def respellings(pairs: Counter[tuple[str, str]], shown: int = 5) -> str:
    """``pairs`` (``(old, new)`` spelling → documents) as a note lists them, the most first:
    ``'telegram' as 'Telegram' (3 documents), … and 2 more``."""
    listed = ", ".join(f"{a!r} as {b!r} ({documents(n)})" for (a, b), n in pairs.most_common(shown))
    return listed + (f" and {len(pairs) - shown:,} more" if len(pairs) > shown else "")


def rank(spelling: str) -> tuple[bool, bool, int, int]:
    """How well ``spelling`` writes a type, higher better: not in capitals throughout
    ("MEMORANDUM"), a capital first ("Telegram" over "telegram"), the letters with accents or
    other marks kept ("Aide-Mémoire" over "Aide-Memoire"), the capitals ("Memorandum of
    Conversation" over "Memorandum of conversation")."""
    cased = [c for c in spelling if c.isupper() or c.islower()]
    shouting = len(cased) > 1 and all(c.isupper() for c in cased)
    return (not shouting, bool(cased) and cased[0].isupper(), sum(not c.isascii() for c in cased), sum(c.isupper() for c in cased))


def key_of(spelling: str) -> str:
    """What the spellings of one type share: ``folded_name`` (``"aide memoire"``), or the spelling itself when that folds to nothing."""
    return folded_name(spelling) or spelling


@dataclass
class TypeSpellings:
    """The types of one ingest and of the archive, by :func:`key_of`: ``best`` the spelling each is
    stored in, ``spellings`` every spelling the archive or the ingest has written it in;
    ``respelled`` counts the records stored in another spelling than they give, ``(as written, as
    stored)``, and ``restored`` the stored documents respelled, ``(old, new)``. ``excluded``: the
    primary key of a stored document whose type is left out of the archive's, and never respelled
    here (the one an admin form saves: its type is what the curator replaces); None for none."""

    best: dict[str, str] = field(default_factory=dict)
    spellings: dict[str, set[str]] = field(default_factory=dict)
    respelled: Counter[tuple[str, str]] = field(default_factory=Counter)
    restored: Counter[tuple[str, str]] = field(default_factory=Counter)
    excluded: int | None = None
    _read: bool = False

    def resolve(self, records: list[DocumentRecord], write: bool = True) -> list[DocumentRecord]:
        """``records`` with each type in its best spelling, the archive's or theirs
        (:func:`rank`); when theirs is better, or the archive holds a type in several spellings,
        the stored documents of the others are respelled (when ``write``; call inside the batch's
        transaction), their remembered source value with them, and logged for the search index.
        Returns copies of the records it changes, the others as they are."""
        keys = [self.add(record.document_type) for record in records]
        if write:
            self.restore(dict.fromkeys(key for key in keys if key))
        out = []
        for record, key in zip(records, keys):
            if (written := record.document_type) and (best := self.best[key]) != written:
                self.respelled[written, best] += 1
                record = replace(record, document_type=best)
            out.append(record)
        return out

    def add(self, written: str) -> str:
        """Count ``written`` among the spellings of its type, which takes it as its best spelling
        when it ranks above the archive's (:func:`rank`; a tie keeps the archive's); returns the
        type's key (:func:`key_of`), ``""`` for no type. Reads the archive's types at its first call;
        writes nothing (:meth:`restore` does)."""
        if not self._read:
            self._read_archive()
        if not written:
            return ""
        key = key_of(written)
        self.spellings.setdefault(key, set()).add(written)
        best = self.best.get(key)
        if best is None or rank(written) > rank(best):
            self.best[key] = written
        return key

    def _read_archive(self) -> None:
        """The archive's spellings but the :attr:`excluded` document's, and the best of each type's (:func:`rank`, then the most documents)."""
        counts: dict[str, Counter[str]] = {}
        for written, count in Document.objects.exclude(document_type="").exclude(pk=self.excluded).values_list("document_type").annotate(n=Count("pk")):
            counts.setdefault(key_of(written), Counter())[written] += count
        for key, spellings in counts.items():
            self.spellings[key] = set(spellings)
            self.best[key] = max(spellings, key=lambda s: (rank(s), spellings[s], s))
        self._read = True

    def restore(self, keys: Iterable[str]) -> Counter[tuple[str, str]]:
        """Respell the stored documents of the types ``keys`` written otherwise than their best
        spelling (call inside a transaction), their remembered source value with them, and log them
        for the search index; not the document :attr:`excluded`. Returns the documents so respelled,
        counted by ``(old, new)`` spelling (also added to :attr:`restored`)."""
        from legation.ingest.curation import digest  # ingest builds on records, not the other way round

        keys = list(dict.fromkeys(keys))
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
                moved.append(doc)
        Document.objects.bulk_update(moved, ["document_type", "ingested"])
        ChangeLogEntry.log_upserts(doc.identifier for doc in moved)
        for key in keys:
            self.spellings[key] = {self.best[key]}
        self.restored += done
        return done

