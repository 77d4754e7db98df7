"""The tantivy index on disk, and keeping it in step with the records through the change log.

:class:`SearchIndex` opens (or creates) an index folder and writes to it. :func:`apply_changes`
applies the :class:`~legation.records.models.ChangeLogEntry` rows not applied yet;
:func:`rebuild` (``legation reindex``) indexes every stored record afresh.

The folder holds tantivy's files plus ``legation-index.json``: ``{"schema": <fingerprint>,
"last_applied_seq": <int>, "archive": <key>}``, the last the key of the archive whose change log
it follows (:class:`~legation.records.models.ArchiveIdentity`; an index of another is rebuilt). The sequence number is written (atomically, by rename) only after
tantivy's commit, and applying an entry is idempotent (delete by identifier, then add the record
as stored now), so a crash between the two just applies the same entries again.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy

from legation.config import config
from legation.errors import LegationError
from legation.records.chunks import chunks
from legation.records.document_record import DocumentRecord, page_numbers
from legation.search import analyzers, schema

log = logging.getLogger(__name__)

STATE_FILE = "legation-index.json"
WRITER_HEAP_BYTES = 64_000_000
BATCH_SIZE = 500


class IndexOutdated(LegationError):
    """The index folder was built with another schema or analyzer; ``legation reindex`` rebuilds it."""


class IndexBusy(LegationError):
    """Another process is writing to the index."""


class IndexInUse(LegationError):
    """The index folder is followed by a running node of another archive (it holds the folder's
    ``follower.lock``): emptying it for this archive would empty that node's index under it."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The search index folder {path} is in use by a running node of another archive (it holds follower.lock there): "
            "each archive's nodes need an index folder of their own; set LEGATION_INDEX_DIR to another folder for this one."
        )


class IndexWriteFailed(LegationError):
    """tantivy could not write the index (a full disk, most often: its writer's threads die on the
    first failed write, and every later write says only that the writer was killed). The message
    names the folder, tantivy's error and the room left on the folder's disk. What was written
    since the last commit is dropped; the change log still holds it, so the next round applies it
    again (:func:`apply_changes`)."""

    def __init__(self, path: Path, problem: str) -> None:
        try:
            room = shutil.disk_usage(path).free
        except OSError:
            room = None
        # tantivy says "No space left on device (os error 28)" for the write that failed, only that
        # the writer was killed for every write after it: less room than a segment may take is as good a sign
        said = "os error 28" in problem or "No space left" in problem
        self.disk_full = said or (room is not None and room < WRITER_HEAP_BYTES)
        free = "" if room is None else f"; {room / 1e6:,.1f} MB free on its disk"
        super().__init__(f"the search index in {path} could not be written ({problem}{free})")


@contextmanager
def _writing(index: SearchIndex) -> Iterator[None]:
    """Raise :class:`IndexWriteFailed` for tantivy's errors (``ValueError``) in the ``with`` body,
    a write to ``index``, dropping its writer: a writer whose threads died refuses every write after."""
    try:
        yield
    except ValueError as exc:
        index.rollback()
        raise IndexWriteFailed(index.path, str(exc).strip() or type(exc).__name__) from exc


def _add(doc: tantivy.Document, name: str, value: str | tantivy.PreTokenizedString) -> None:
    if isinstance(value, str):
        doc.add_text(name, value)
    else:
        doc.add_pre_tokenized_text(name, value)


def to_document(record: DocumentRecord) -> tantivy.Document:
    """The tantivy document of a record, field by field from :mod:`legation.search.schema`."""
    doc = tantivy.Document()
    for field in schema.SEARCH_FIELDS:
        shingle_field = schema.shingle_field(field)
        # texts go to the field of their language; normalization: see analyzers.normalize; unstored
        # fields (vocab too) are indexed by the simple tokenizer: see analyzers.unstored
        for name, analyzer, value in schema.index_values(field, record):
            if field.stored:
                parts = analyzers.indexable(value, analyzer)
                for part in parts:
                    _add(doc, name, part)
                # one plain part is the NFC text with nothing to fold, i.e. normalize(value): not computed twice
                normalized = parts[0] if len(parts) == 1 and isinstance(parts[0], str) else analyzers.normalize(value)
            else:
                normalized = analyzers.normalize(value)
                _add(doc, name, analyzers.unstored(normalized, analyzer))
            vocab = analyzers.unstored(normalized, schema.ANALYZER_OF[schema.VOCAB_FIELD])
            _add(doc, schema.VOCAB_FIELD, vocab)
            # each value's own shingles: none spans two values (two names, a text and its footnote)
            if shingles := analyzers.value_shingles(vocab, normalized):
                doc.add_text(shingle_field, " ".join(shingles))
    if surnames := schema.person_surnames(record):
        doc.add_text(schema.SURNAMES_FIELD, " ".join(surnames))  # folded words already: the field's analyzer keeps them
    if lowercase := schema.lowercase_words(record):
        _add(doc, schema.LOWERCASE_FIELD, analyzers.unstored(analyzers.normalize(lowercase), schema.ANALYZER_OF[schema.LOWERCASE_FIELD]))
    for facet in schema.FACETS:
        for value in facet.values(record):
            doc.add_text(facet.index_field, value)
            doc.add_integer(facet.id_field, schema.value_id(value))
    for display in schema.DISPLAY_FIELDS:
        for value in display.values(record):
            doc.add_text(display.name, value)
    doc.add_integer(schema.SAMPLE_FIELD, schema.sample_bucket(record.identifier))
    doc.add_integer(schema.KEY_NUMBER_FIELD, schema.key_number(record.identifier))
    bounds = schema.day_bounds_of(record)
    if bounds is not None:
        doc.add_integer(schema.DATE_FIELDS[0], bounds[0].toordinal())
        doc.add_integer(schema.DATE_FIELDS[1], bounds[1].toordinal())
    if (span := schema.wide_span(record)) is not None:
        doc.add_integer(schema.WIDE_SPAN_FIELD, span)
    if (pages := page_numbers(record.pages)) is not None:
        doc.add_integer(schema.PAGE_FIELDS[0], pages[0])
        doc.add_integer(schema.PAGE_FIELDS[1], pages[1])
    return doc


def finding_records(records: Iterable[DocumentRecord], batch: int = 500) -> Iterator[DocumentRecord]:
    """``records`` read from the database, each agent with the other names that find its documents
    (:func:`legation.search.schema.finding_names`): its names from authority records, and of those
    read from documents the ones that fit it, other people's surnames read from the database
    (:func:`archive_surnames`). One query for the curated names of each ``batch``
    of records' agents."""
    from dataclasses import replace
    from itertools import islice

    from legation.records.models import AgentName

    pending = iter(records)
    surnames = archive_surnames()
    while some := list(islice(pending, batch)):
        curated: dict[str, set[str]] = {}
        for keys in chunks(sorted({a.key for r in some for a in r.agents if a.names})):
            for key, name in AgentName.objects.filter(from_authority=True, agent__key__in=keys).values_list("agent__key", "name"):
                curated.setdefault(key, set()).add(name)
        for record in some:
            yield replace(record, agents=[replace(a, names=schema.finding_names(a, curated.get(a.key, ()), surnames)) for a in record.agents])


_SURNAMES: dict[tuple[int, int | None], frozenset[str]] = {}


def archive_surnames() -> frozenset[str]:
    """The surnames (:func:`legation.search.schema.surname`, folded) of the preferred names of the
    archive's people (agents of kind "person"): which words of a name read from documents are
    another person's (:func:`legation.search.schema.finding_names`). Read once for each state of
    the agents table (its number of people and highest id; a rename in the admin keeps both, and
    shows at the process's next start), since autocomplete asks at every keystroke."""
    from django.db.models import Count, Max

    from legation.records.models import Agent

    people = Agent.objects.filter(kind="person")
    state = people.aggregate(n=Count("id"), last=Max("id"))
    found = _SURNAMES.get(key := (state["n"], state["last"]))
    if found is None:
        _SURNAMES.clear()
        names = people.values_list("name", flat=True).iterator()
        found = _SURNAMES[key] = frozenset(schema.surname(n, bool(schema._SURNAME_FIRST.match(n))) for n in names) - {""}
    return found


class SearchIndex:
    """An index folder opened for searching and writing.

    ``path`` defaults to ``config().index_dir``; the folder is created when missing. Opening never
    fails for an index of another layout (older schema or analyzers): :attr:`outdated` is then
    true and searching or writing raises :class:`IndexOutdated` until :func:`rebuild` (or
    :meth:`recreate`) replaces it. Writes go through one tantivy writer, taken on the first write
    and released by :meth:`commit`; a write while another process holds it raises
    :class:`IndexBusy`.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else config().index_dir
        self.schema = schema.build_schema()
        self.index: tantivy.Index | None = None
        self._writer: tantivy.IndexWriter | None = None
        self._generation = ""
        # change-log position written to the open writer but not committed yet (see apply_changes'
        # ``commit_every``): (highest seq applied, gaps), or None when everything is committed
        self.pending: tuple[int, dict[int, float]] | None = None
        self.committed_at = time.monotonic()  # when this object last committed (or was opened)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a read-only disk, no right to: said as `legation check` says it (E013), not a traceback
            raise LegationError(
                f"The search index folder {self.path} cannot be made ({exc.strerror or exc}): give the user running Legation "
                "write access to the folder above it, or point LEGATION_INDEX_DIR at a folder it can write."
            ) from exc
        if not (self.path / "meta.json").exists():
            self._write_state({"schema": schema.fingerprint(), "last_applied_seq": 0})
        self._open_if_current()

    @classmethod
    def open(cls, path: str | Path | None = None) -> SearchIndex:
        """The index in ``path`` (default ``config().index_dir``); same as the constructor."""
        return cls(path)

    @property
    def outdated(self) -> bool:
        """True when the folder holds an index of another layout (rebuild it)."""
        if self.index is None:
            self._open_if_current()
        return self.index is None

    def _open_if_current(self) -> None:
        if self._read_state().get("schema") == schema.fingerprint():
            self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
            analyzers.register(self.index)

    def _require(self) -> tantivy.Index:
        if self.index is None:
            self._open_if_current()  # another process may have rebuilt it meanwhile
        if self.index is None:
            raise IndexOutdated(
                f"The search index in {self.path} was built by another version of Legation; "
                "run `legation reindex` to rebuild it."
            )
        return self.index

    def recreate(self) -> None:
        """Replace the folder's index by a new, empty one. Refuses (LegationError) to empty a
        folder holding files other than an index's."""
        self.rollback()
        if any(self.path.iterdir()):
            if not ((self.path / "meta.json").exists() or (self.path / STATE_FILE).exists()):
                raise LegationError(f"{self.path} holds files that are not a search index; give an empty folder.")
            # Move the old index aside in one rename, then delete it: a tantivy reader still open
            # on it may write a lock file meanwhile, which made deleting in place fail at random.
            self.index = None
            old = self.path.with_name(f"{self.path.name}.old-{os.getpid()}-{time.monotonic_ns()}")
            os.replace(self.path, old)
            shutil.rmtree(old, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)
        self._write_state({"schema": schema.fingerprint(), "last_applied_seq": 0})
        self.index = None
        self._open_if_current()

    def recreate_if_gone(self) -> bool:
        """Make a new, empty index in the folder when its index is gone (no ``meta.json``: the
        folder deleted or emptied while a server ran, which went on serving the old files and
        logged a traceback every round, taking in nothing new: a fresh user); the change log is
        then applied to it from the start. Returns True when it did."""
        if (self.path / "meta.json").exists():
            return False
        self.rollback()
        self.index = None
        self.path.mkdir(parents=True, exist_ok=True)
        _write_json(self.path / STATE_FILE, {"schema": schema.fingerprint(), "last_applied_seq": 0})
        self._open_if_current()
        log.warning("The search index in %s was gone: a new one is built from the change log.", self.path)
        return True

    @classmethod
    def create_empty(cls, path: str | Path | None = None) -> SearchIndex:
        """A new, empty index in ``path``, removing any index there first (see :meth:`recreate`)."""
        folder = Path(path) if path is not None else config().index_dir
        if folder.exists() and any(folder.iterdir()) and not ((folder / "meta.json").exists() or (folder / STATE_FILE).exists()):
            raise LegationError(f"{folder} holds files that are not a search index; give an empty folder.")
        index = cls(folder)
        index.recreate()
        return index

    # --- reading --------------------------------------------------------------------------------

    def searcher(self) -> tantivy.Searcher:
        """A searcher over the last commit (tantivy reloads on commits, also other processes').
        Raises :class:`IndexOutdated`."""
        return self._require().searcher()

    def generation(self) -> str:
        """A token that changes with every commit to this folder's index (tantivy rewrites
        ``meta.json`` on each commit: its inode, size and modification time). When it changes the
        searchers are reloaded at once, so results computed with :meth:`searcher` after this call
        are at least as new as the token: it can key cached results. Raises OSError when the
        folder holds no index."""
        stat = os.stat(self.path / "meta.json")
        token = f"{self.path}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"
        if token != self._generation:
            self._require().reload()
            self._generation = token
        return token

    def last_applied_seq(self) -> int:
        """Sequence number of the last change-log entry applied (0 when none)."""
        return int(self._read_state().get("last_applied_seq", 0))

    def last_applied_entry(self) -> str | None:
        """What the change-log entry applied last was (:func:`entry_mark`), as noted at the commit
        that applied it; None when none is noted (no entry applied, or an index of an earlier version)."""
        return self._read_state().get("last_applied_entry")

    def archive(self) -> str | None:
        """The key of the archive whose change log this index follows
        (:class:`~legation.records.models.ArchiveIdentity`); None when it has noted none (new, or
        made before archives had keys)."""
        return self._read_state().get("archive")

    def note_archive(self, key: str) -> None:
        """Note that this index follows the change log of the archive ``key``."""
        self._write_state({**self._read_state(), "archive": key})

    # --- writing --------------------------------------------------------------------------------

    def _writer_or_open(self) -> tantivy.IndexWriter:
        if self._writer is None:
            try:
                self._writer = self._require().writer(heap_size=WRITER_HEAP_BYTES, num_threads=min(4, os.cpu_count() or 1))
            except ValueError as exc:
                raise IndexBusy(f"Another process is writing to the search index in {self.path}; try again when it is done.") from exc
        return self._writer

    def upsert(self, records: Iterable[DocumentRecord]) -> int:
        """Add records, replacing any indexed document with the same identifier. Visible after
        :meth:`commit`. Returns how many records were written."""
        writer = self._writer_or_open()
        count = 0
        for record in records:
            document = to_document(record)  # outside _writing: an error of ours is no failed write
            with _writing(self):
                writer.delete_documents_by_term(schema.KEY_FIELD, record.identifier)
                writer.add_document(document)
            count += 1
        return count

    def delete(self, identifiers: Iterable[str]) -> None:
        """Remove documents by identifier (unknown identifiers are ignored). Visible after :meth:`commit`."""
        writer = self._writer_or_open()
        with _writing(self):
            for identifier in identifiers:
                writer.delete_documents_by_term(schema.KEY_FIELD, identifier)

    def clear(self) -> None:
        """Remove every document (visible after :meth:`commit`; until then searches see the old ones)."""
        writer = self._writer_or_open()
        with _writing(self):
            writer.delete_all_documents()

    def commit(self, last_applied_seq: int | None = None, applied_entry: str | None = None) -> None:
        """Make the writes visible atomically and release the writer; then, if given, record
        ``last_applied_seq`` (after the commit, so a crash in between re-applies, never skips),
        with what that entry was (``applied_entry``, :func:`entry_mark`) when given.
        Raises :class:`IndexWriteFailed` when tantivy cannot write (nothing is then recorded)."""
        if self._writer is not None:
            writer = self._writer
            with _writing(self):
                writer.commit()
            self._writer = None
            writer.wait_merging_threads()  # ends the writer, releasing the folder's lock
            self._require().reload()
        self.committed_at = time.monotonic()
        if last_applied_seq is not None:
            state = {"schema": schema.fingerprint(), "last_applied_seq": last_applied_seq}
            if applied_entry is not None:
                state["last_applied_entry"] = applied_entry
            self._write_state(state)

    def rollback(self) -> None:
        """Drop uncommitted writes and release the writer."""
        self.pending = None
        if self._writer is not None:
            writer, self._writer = self._writer, None
            try:
                writer.rollback()
                writer.wait_merging_threads()
            except ValueError:  # a writer whose threads died (IndexWriteFailed): nothing of it is kept anyway
                pass

    # --- the state file -------------------------------------------------------------------------

    def _read_state(self) -> dict:
        try:
            return json.loads((self.path / STATE_FILE).read_text())
        except (FileNotFoundError, ValueError):
            return {}

    def _write_state(self, state: dict) -> None:
        """Write the state file (atomically); the archive noted is kept unless ``state`` names one."""
        if "archive" not in state and (noted := self._read_state().get("archive")):
            state = {**state, "archive": noted}
        _write_json(self.path / STATE_FILE, state)


GAPS_FILE = "legation-index-gaps.json"
GAP_TIMEOUT_SECONDS = 600.0
GAP_SPAN = 10_000


def _read_gaps(index: SearchIndex) -> dict[int, float]:
    try:
        return {int(seq): float(seen) for seq, seen in json.loads((index.path / GAPS_FILE).read_text()).items()}
    except (FileNotFoundError, ValueError, AttributeError):
        return {}


def _write_gaps(index: SearchIndex, gaps: dict[int, float]) -> None:
    _write_json(index.path / GAPS_FILE, {str(seq): seen for seq, seen in sorted(gaps.items())})


def _write_json(path: Path, value: object) -> None:
    """Replace ``path`` with ``value`` as JSON, durably and atomically: written to a temporary file
    of this process's own beside it, flushed to disk, then renamed over ``path``. One shared
    temporary name let two servers started together on a new index folder each rename the other's
    file away, and one died with FileNotFoundError."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")  # mode as any file written
    try:
        with open(tmp, "w") as fh:
            json.dump(value, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _commit_applied(index: SearchIndex, gaps: dict[int, float], last_applied_seq: int) -> None:
    """Make what was written durable in the one order that is crash-safe: tantivy's commit, then
    the gaps file, then the state file with ``last_applied_seq``. A crash in between makes the next
    round apply entries again (harmless), never skip one."""
    index.commit()
    _write_gaps(index, gaps)
    index.commit(last_applied_seq=last_applied_seq, applied_entry=entry_mark(last_applied_seq) if last_applied_seq else None)
    index.pending = None


def another_archives(noted: str | None, last_applied_seq: int, key: str, newest_seq: int) -> bool:
    """The rule telling an index of another archive: it notes another archive's key, or it notes
    none (made before archives had keys) but has applied entries beyond this change log's newest.
    ``noted`` and ``last_applied_seq`` are the index's (its state file), ``key`` and ``newest_seq``
    the record store's (:func:`~legation.records.models.archive_key`, the change log's highest seq)."""
    return noted != key if noted is not None else last_applied_seq > newest_seq


def follows_another_archive(index: SearchIndex) -> bool:
    """Whether ``index`` follows another archive's change log (:func:`another_archives`): copied
    with a data folder, or kept by a node pointed at another database. Two queries."""
    from django.db.models import Max

    from legation.records.models import ChangeLogEntry, archive_key

    newest = ChangeLogEntry.objects.aggregate(newest=Max("seq"))["newest"] or 0
    return another_archives(index.archive(), index.last_applied_seq(), archive_key(), newest)


def entry_mark(seq: int) -> str | None:
    """The change-log entry ``seq`` of this record store as the index notes it: its document's
    identifier, operation and time (``"frus1949v07p1-d1 upsert 2026-12-04T21:15:00.123456+00:00"``),
    which another entry given the same seq after a restore cannot repeat; None when there is no such entry."""
    from legation.records.models import ChangeLogEntry

    row = ChangeLogEntry.objects.filter(seq=seq).values_list("document_identifier", "operation", "recorded_at").first()
    return None if row is None else f"{row[0]} {row[1]} {row[2].isoformat()}"


def log_rewound(last_applied_seq: int, noted: str | None, newest_seq: int, mark: str | None) -> bool:
    """The rule telling an index whose record store was put back to an earlier state (restored from
    a backup): the change log no longer holds the entry the index applied last as it was when
    applied (``noted``; ``mark``, what the store holds at that seq now, :func:`entry_mark`), or,
    when nothing was noted, its newest seq is below the one applied last. Then the index holds
    documents the store no longer has, and the store's later entries reuse seqs the index thinks
    applied: only a rebuild is right. ``newest_seq``: the change log's highest seq."""
    if last_applied_seq <= 0:
        return False
    if noted is None:
        return last_applied_seq > newest_seq
    return mark != noted


def follows_a_rewound_log(index: SearchIndex) -> bool:
    """Whether ``index``'s record store was put back to an earlier state since it applied its last
    change (:func:`log_rewound`). One query, two when an entry was noted."""
    from django.db.models import Max

    from legation.records.models import ChangeLogEntry

    last, noted = index.last_applied_seq(), index.last_applied_entry()
    if last <= 0:
        return False
    newest = ChangeLogEntry.objects.aggregate(newest=Max("seq"))["newest"] or 0
    return log_rewound(last, noted, newest, entry_mark(last) if noted is not None else None)


def follow_this_archive(index: SearchIndex) -> bool:
    """Make ``index`` one of this record store's: one that follows another archive's change log
    (:func:`follows_another_archive`) is emptied (:meth:`SearchIndex.recreate`), so that this
    archive's log is applied to it from the start; then this archive's key is noted. Returns True
    when it was emptied. Such an index answered searches with the other archive's documents (pages
    of 404s) and took in none of this one's, while ``legation check`` said it was in step (a fresh user).
    So is an index of this archive whose record store was put back to an earlier state
    (:func:`follows_a_rewound_log`): it answered with documents the restore removed, and skipped
    the new changes that reused their seqs (a fresh operator restoring a backup). Raises
    :class:`IndexInUse` rather than empty an index a running node of another archive follows; one
    a node of this archive follows is left to that node."""
    from legation.records.models import archive_key

    from legation.search.follower import followed_by_another_process

    key = archive_key()
    if index.archive() == key:
        if not follows_a_rewound_log(index) or followed_by_another_process(index):  # (that node rebuilds it)
            return False
        log.warning(
            "The search index in %s applied changes this archive's change log no longer holds (its database was put back to an "
            "earlier state, from a backup?): emptied, to be built from the log as it is.", index.path,
        )
        index.recreate()
        index.note_archive(key)
        return True
    emptied = follows_another_archive(index)
    if emptied and followed_by_another_process(index):
        raise IndexInUse(index.path)
    if emptied:
        log.warning("The search index in %s followed another archive's change log: emptied, to be built from this archive's.", index.path)
        index.recreate()
    index.note_archive(key)
    return emptied


def apply_changes(
    index: SearchIndex | None = None,
    batch_size: int = BATCH_SIZE,
    gap_timeout: float = GAP_TIMEOUT_SECONDS,
    commit_every: float = 0.0,
) -> int:
    """Apply change-log entries not applied yet, ``batch_size`` entries per commit. Each touched
    document is re-read from the database (``load_records``): indexed as stored now, or removed
    when no longer stored. Returns the number of entries applied. First, an index whose folder
    is gone is made again (:meth:`SearchIndex.recreate_if_gone`) and one that follows another
    archive's change log is emptied (:func:`follow_this_archive`): both then take the whole log.

    **Commits.** With ``commit_every`` = 0 (the default) every batch is committed, so searches see
    it at once. With ``commit_every`` > 0 (seconds), a batch is committed only when that long has
    passed since the index's last commit; until then its writes wait in the open writer and
    ``index.pending`` holds the change-log position they reach, which the next call (on the same
    :class:`SearchIndex`) continues from. ``legation ingest`` follows the log this way: each
    tantivy commit writes new segments, which then have to be merged, and committing the
    follower's small batches every second made indexing 1.5 times as costly in CPU and several
    times as slow as one commit at the end. Nothing is marked applied before it is committed, so
    a crash only makes the next round apply those entries again. Call once more with
    ``commit_every`` = 0 to commit what is pending.

    **Gaps.** ``seq`` comes from a database sequence, and sequences are not transactional: on
    PostgreSQL two writers may take seq 10 and 11 and commit 11 first, so a reader can see 11
    while 10 is still to come (SQLite serializes writers, so this cannot happen there). A follower
    that only asked for ``seq > last applied`` would skip 10 forever. So, besides the highest seq
    applied (``last_applied_seq`` in the state file), the index folder remembers every *gap*, a
    seq below it that was missing when a later one was applied, with the time it was first
    seen (``legation-index-gaps.json``). Each round first looks the gaps up again and applies
    the entries that have appeared meanwhile; a gap still empty after ``gap_timeout`` seconds
    (default 10 minutes) is forgotten: its transaction rolled back (rolled-back and crashed
    writers leave holes in sequences for good), or it stayed open longer than any ingest batch
    or admin edit does. Only gaps within ``GAP_SPAN`` seqs below an applied entry are tracked
    (a fresh index following a long log does not track holes far in the past).

    We chose this over a "safe horizon" (not advancing past a gap younger than N seconds)
    because it applies every committed entry at once, with no added delay, and an entry that
    arrives late only costs one indexed lookup per round until it shows up. Writes are ordered
    so a crash repeats work and never skips (:func:`_commit_applied`); applying an entry twice is
    harmless.
    """
    from legation.records.models import ChangeLogEntry
    from legation.records.serialize import load_records

    index = index or SearchIndex()
    if index.pending is None:  # (with writes pending, this call continues its own earlier ones)
        index.recreate_if_gone()
        follow_this_archive(index)
    last, stored = index.pending if index.pending is not None else (index.last_applied_seq(), _read_gaps(index))
    now = time.time()
    applied = 0

    def apply(entries: list[tuple[int, str]], high: int, gaps: dict[int, float]) -> None:
        touched = {identifier for _, identifier in entries}
        try:
            if touched:
                index.delete(touched)
                index.upsert(finding_records(load_records(touched)))
        except BaseException:
            index.rollback()
            raise
        index.pending = (high, dict(gaps))
        commit_if_due()

    def commit_if_due() -> None:
        if index.pending is not None and (not commit_every or time.monotonic() - index.committed_at >= commit_every):
            high, gaps = index.pending
            _commit_applied(index, gaps, high)

    def forget_gaps(gaps: dict[int, float]) -> None:
        # with writes pending, the gaps file waits for their commit: written now, it could lose a
        # gap whose late entry is applied but not committed, and a crash would then skip that entry
        if index.pending is None:
            _write_gaps(index, gaps)
        else:
            index.pending = (last, dict(gaps))

    # 1. Gaps: entries that committed after later ones were applied, and gaps too old to wait for.
    gaps = {seq: seen for seq, seen in stored.items() if seq <= last}  # above `last`: recomputed below
    if gaps:
        waiting = sorted(gaps)
        late: list[tuple[int, str]] = []
        for chunk in chunks(waiting):
            late += ChangeLogEntry.objects.filter(seq__in=chunk).values_list("seq", "document_identifier")
        for seq, _ in late:
            gaps.pop(seq, None)
        gaps = {seq: seen for seq, seen in gaps.items() if now - seen <= gap_timeout}
        for part in chunks(late, batch_size):
            apply(list(part), last, gaps)
        if not late and gaps != stored:
            forget_gaps(gaps)
        applied += len(late)
    elif stored:
        forget_gaps({})

    # 2. New entries, in seq order; holes between them become gaps.
    while True:
        entries = list(
            ChangeLogEntry.objects.filter(seq__gt=last).order_by("seq").values_list("seq", "document_identifier")[:batch_size]
        )
        if not entries:
            commit_if_due()
            return applied
        previous = last
        for seq, _ in entries:
            for missing in range(max(previous + 1, seq - GAP_SPAN), seq):
                gaps.setdefault(missing, now)
            previous = seq
        last = entries[-1][0]
        apply(entries, last, gaps)
        applied += len(entries)


def rebuild(index: SearchIndex | str | Path | None = None) -> int:
    """Index every stored record into an emptied index and mark the change log applied up to its
    newest entry at the start (entries written meanwhile are applied by the next
    :func:`apply_changes`). Seqs below that entry with no row yet (within ``GAP_SPAN``) are kept
    as gaps, as :func:`apply_changes` does: on PostgreSQL they may belong to transactions still
    open, whose documents the rebuild could not see. An index of another layout is recreated
    (``index`` may be a :class:`SearchIndex`, a folder, or None for ``config().index_dir``).
    Raises :class:`IndexInUse` for an index of another archive that a running node of it follows.
    Searches see the old content until the single final commit. Returns the number of documents
    indexed."""
    from django.db.models import Max

    from legation.records.models import ChangeLogEntry, archive_key
    from legation.records.serialize import load_records

    from legation.search.follower import followed_by_another_process

    key = archive_key()
    if not isinstance(index, SearchIndex):
        index = SearchIndex(index)
    if index.archive() not in (None, key) and followed_by_another_process(index):
        raise IndexInUse(index.path)  # another archive's running node would serve this one's documents
    newest = ChangeLogEntry.objects.aggregate(newest=Max("seq"))["newest"] or 0
    lowest = max(1, newest - GAP_SPAN)
    present = set(ChangeLogEntry.objects.filter(seq__gte=lowest, seq__lt=newest).values_list("seq", flat=True))
    now = time.time()
    gaps = {seq: now for seq in range(lowest, newest) if seq not in present}
    if index.outdated:
        index.recreate()
    try:
        index.clear()
        count = index.upsert(finding_records(load_records()))
    except BaseException:
        index.rollback()
        raise
    _commit_applied(index, gaps, newest)
    index.note_archive(key)
    return count
