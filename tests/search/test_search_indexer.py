"""The index on disk: upserts and deletes, the schema fingerprint, and following the change log."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest
import tantivy

from legation.records.models import ChangeLogEntry
from legation.search import indexer, schema
from legation.search.indexer import IndexBusy, IndexOutdated, SearchIndex, apply_changes, rebuild
from legation.search.service import SearchRequest, search


def _ids(index: SearchIndex, q: str = "") -> list[str]:
    return sorted(h.identifier for h in search(SearchRequest(q=q, page_size=100), index).hits)


def test_upsert_replaces_and_delete_removes(tmp_path, make_records) -> None:
    records = make_records()
    index = SearchIndex(tmp_path)
    assert index.upsert(records) == 10
    assert _ids(index) == []  # nothing visible before the commit
    index.commit()
    assert _ids(index) == sorted(r.identifier for r in records)
    changed = dataclasses.replace(records[0], summary="A wholly rewritten summary about walruses.")
    index.upsert([changed, changed])
    index.delete([records[1].identifier, "no-such-document"])
    index.commit()
    assert len(_ids(index)) == 9
    assert _ids(index, "walruses") == [records[0].identifier]
    kept = [records[0], *records[2:]]
    assert _ids(index, "title:Telegram") == sorted(r.identifier for r in kept if "Telegram" in r.title)


def test_reopening_keeps_the_documents(tmp_path, make_records) -> None:
    index = SearchIndex(tmp_path)
    index.upsert(make_records())
    index.commit(last_applied_seq=7)
    again = SearchIndex(tmp_path)
    assert len(_ids(again)) == 10
    assert again.last_applied_seq() == 7


def test_an_index_of_another_layout_asks_for_a_reindex(tmp_path, make_records) -> None:
    index = SearchIndex(tmp_path)
    index.upsert(make_records())
    index.commit(last_applied_seq=3)
    (tmp_path / indexer.STATE_FILE).write_text(json.dumps({"schema": "0000", "last_applied_seq": 3}))
    old = SearchIndex.open(tmp_path)  # opening works, so `legation reindex` can rebuild it
    assert old.outdated
    with pytest.raises(IndexOutdated, match="legation reindex"):
        search(SearchRequest(q="treaty"), old)
    with pytest.raises(IndexOutdated):
        old.upsert(make_records())
    old.recreate()
    assert not old.outdated and old.last_applied_seq() == 0 and _ids(old) == []
    fresh = SearchIndex.create_empty(tmp_path)
    assert fresh.last_applied_seq() == 0 and _ids(fresh) == []


def test_create_empty_refuses_a_folder_of_other_files(tmp_path) -> None:
    (tmp_path / "thesis.docx").write_text("not an index")
    with pytest.raises(indexer.LegationError, match="not a search index"):
        SearchIndex.create_empty(tmp_path)
    assert (tmp_path / "thesis.docx").exists()


def test_one_writer_at_a_time(tmp_path, make_records) -> None:
    first = SearchIndex(tmp_path)
    first.upsert(make_records()[:1])
    second = SearchIndex(tmp_path)
    with pytest.raises(IndexBusy, match="try again"):
        second.upsert(make_records()[1:2])
    first.commit()
    second.upsert(make_records()[1:2])  # the lock was released by the commit
    second.commit()
    assert len(_ids(second)) == 2


@pytest.mark.django_db
def test_apply_changes_follows_the_change_log(tmp_path, make_records) -> None:
    from legation.ingest.service import delete_documents, ingest_records

    records = make_records()
    ingest_records(records)
    index = SearchIndex(tmp_path)
    assert apply_changes(index, batch_size=4) == 10
    newest = ChangeLogEntry.objects.order_by("-seq").first().seq
    assert index.last_applied_seq() == newest
    assert _ids(index) == sorted(r.identifier for r in records)
    assert apply_changes(index) == 0

    ingest_records([dataclasses.replace(records[2], summary="Mao asks after the walruses of Lushun.")])
    delete_documents([records[3].identifier])
    assert apply_changes(index) == 2
    assert _ids(index, "walruses") == [records[2].identifier]
    assert records[3].identifier not in _ids(index)
    assert len(_ids(index)) == 9

    # A crash after tantivy's commit but before the state file was written: the entries are
    # applied again and nothing is duplicated.
    (tmp_path / indexer.STATE_FILE).write_text(json.dumps({"schema": indexer.schema.fingerprint(), "last_applied_seq": 0}))
    assert apply_changes(index) == ChangeLogEntry.objects.count()
    assert len(_ids(index)) == 9
    assert search(SearchRequest(q="walruses"), index).total == 1


@pytest.mark.django_db
def test_apply_changes_can_defer_commits(tmp_path, make_records) -> None:
    """With ``commit_every`` (as ``legation ingest`` follows the log) applied batches wait in the
    writer: nothing is marked applied or searchable until the commit, a later round continues
    where the last stopped, and a crash before the commit makes the next process apply them again."""
    from legation.ingest.service import ingest_records

    records = make_records()
    ingest_records(records[:6])
    index = SearchIndex(tmp_path)
    assert apply_changes(index, batch_size=4, commit_every=3600) == 6
    assert index.last_applied_seq() == 0 and _ids(SearchIndex(tmp_path)) == []
    assert index.pending is not None
    ingest_records(records[6:])
    assert apply_changes(index, commit_every=3600) == 4  # from the pending position, not the state file

    index.rollback()  # what a crash leaves: the writes and the pending position gone, the state file as committed
    again = SearchIndex(tmp_path)
    assert apply_changes(again, commit_every=3600) == 10
    assert apply_changes(again) == 0  # commit_every=0 commits what is pending
    newest = ChangeLogEntry.objects.order_by("-seq").first().seq
    assert again.pending is None and again.last_applied_seq() == newest
    assert _ids(SearchIndex(tmp_path)) == sorted(r.identifier for r in records)


@pytest.mark.django_db
def test_rebuild_indexes_every_stored_record(tmp_path, make_records) -> None:
    from legation.ingest.service import ingest_records

    records = make_records()
    ingest_records(records[:6])
    stale = SearchIndex(tmp_path)
    stale.upsert(records[6:])  # documents the database does not have
    stale.commit()
    assert rebuild(stale) == 6
    assert _ids(stale) == sorted(r.identifier for r in records[:6])
    assert stale.last_applied_seq() == ChangeLogEntry.objects.order_by("-seq").first().seq
    assert apply_changes(stale) == 0

    (tmp_path / indexer.STATE_FILE).write_text(json.dumps({"schema": "old", "last_applied_seq": 0}))
    assert rebuild(SearchIndex.open(tmp_path)) == 6  # an outdated index is recreated (as `legation reindex` does)
    assert len(_ids(SearchIndex(tmp_path))) == 6
    assert rebuild(tmp_path) == 6


def _ingest_beside_a_follower(records) -> None:
    """``ingest_records(records)`` while a follower thread polls the change log: the test database,
    SQLite in memory with a shared cache, locks a table a statement of another connection reads
    (SQLITE_LOCKED, which no busy timeout waits for), so a write meeting the follower's read fails
    at once; each batch is atomic, so it is tried again, as a file database (WAL, a busy timeout)
    would wait. Seen once in a whole run on a loaded machine."""
    import time

    from django.db import OperationalError

    from legation.ingest.service import ingest_records

    for attempt in range(20):
        try:
            ingest_records(records)
            return
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == 19:
                raise
            time.sleep(0.05)

@pytest.mark.django_db(transaction=True)
def test_the_follower_applies_new_entries_in_the_background(tmp_path, make_records) -> None:
    import time

    from legation.ingest.service import ingest_records
    from legation.search.follower import start_follower

    index = SearchIndex(tmp_path)
    stop = start_follower(index, interval=0.05)
    try:
        _ingest_beside_a_follower(make_records()[:3])
        deadline = time.monotonic() + 10
        while len(_ids(index)) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        _stopped(stop)
    assert len(_ids(index)) == 3


@pytest.mark.django_db
def test_an_index_of_another_archive_is_emptied_and_built_from_this_ones(tmp_path, make_records) -> None:
    """An index copied with a data folder, or kept by a node pointed at another database, served
    the other archive's documents and took in none of this one's (a fresh user): the index notes
    its archive's key, and one noting another, or noting none but ahead of the change log, is
    emptied and the change log applied to it from the start."""
    import uuid

    from legation.ingest.service import ingest_records
    from legation.records.models import ArchiveIdentity, archive_key

    records = make_records()
    ingest_records(records[:6])
    index = SearchIndex(tmp_path)
    assert apply_changes(index) == 6 and index.archive() == archive_key()
    # the database changed under the index (as after copy-archive, whose target makes its own key),
    # and the index holds documents this archive does not
    ArchiveIdentity.objects.update(key=uuid.uuid4())
    index.upsert(records[6:])
    index.commit()
    assert len(_ids(index)) == 10 and indexer.follows_another_archive(index)
    assert apply_changes(index) == 6
    assert _ids(index) == sorted(r.identifier for r in records[:6]) and index.archive() == archive_key()
    assert not indexer.follows_another_archive(index) and apply_changes(index) == 0
    # an index made before archives had keys: taken as it is when not ahead of the log, emptied when it is
    newest = ChangeLogEntry.objects.order_by("-seq").first().seq
    for last, emptied in ((newest, False), (newest + 100, True)):
        (tmp_path / indexer.STATE_FILE).write_text(json.dumps({"schema": schema.fingerprint(), "last_applied_seq": last}))
        assert indexer.follows_another_archive(index) is emptied
        assert indexer.follow_this_archive(index) is emptied and index.archive() == archive_key()
    apply_changes(index)
    assert _ids(index) == sorted(r.identifier for r in records[:6])
    # a rebuild notes the archive too
    (tmp_path / indexer.STATE_FILE).write_text(json.dumps({"schema": schema.fingerprint(), "last_applied_seq": newest, "archive": "another"}))
    assert rebuild(index) == 6 and index.archive() == archive_key()


@pytest.mark.django_db(transaction=True)
def test_a_follower_rebuilds_an_index_folder_deleted_while_it_runs(tmp_path, make_records) -> None:
    """``rm -rf`` of a serving node's index folder: the node went on serving the old files, took
    in nothing new and logged a traceback each round (a fresh user); the folder is made again and
    the index built from the change log."""
    import errno
    import shutil
    import time

    from legation.ingest.service import ingest_records
    from legation.search.follower import start_follower

    folder = tmp_path / "index"
    records = make_records()

    def seen(count: int) -> bool:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            # opened only once there is an index (opening makes the folder and an empty index)
            if (folder / "meta.json").exists() and len(_ids(SearchIndex.open(folder))) == count:
                return True
            time.sleep(0.05)
        return False

    stop = start_follower(SearchIndex(folder), interval=0.05, exclusive=True)
    try:
        _ingest_beside_a_follower(records[:3])
        assert seen(3)

        def gone_already(function, path, exc_info) -> None:  # as `rm -rf`: a temporary file renamed meanwhile
            if not issubclass(exc_info[0], FileNotFoundError):
                raise exc_info[1]

        for _ in range(20):  # as `rm -rf` run again: the follower may write a file into the folder as it goes
            try:
                shutil.rmtree(folder, onerror=gone_already)
                break
            except OSError as exc:
                if exc.errno != errno.ENOTEMPTY:
                    raise
        _ingest_beside_a_follower(records[3:5])
        assert seen(5)
    finally:
        _stopped(stop)


def _stopped(stop) -> None:
    """Stop the follower that ``stop`` stops, and wait for its thread to end: one still in a round
    as the test's database was flushed locked its table ("database table is locked", a whole run of
    the search tests once) and then met a database no longer allowed."""
    import threading

    stop.set()
    for thread in threading.enumerate():
        if thread.name == "legation-index-follower":
            thread.join(timeout=30)


def test_each_document_carries_its_key_number_in_a_fast_field(tmp_path, make_records) -> None:
    # The proximity bonus names its window of hits by these numbers, without reading the documents.
    records = make_records()
    index = SearchIndex(tmp_path)
    index.upsert(records)
    index.commit()
    searcher = index.searcher()
    hits = searcher.search(tantivy.Query.all_query(), limit=100).hits
    numbers = searcher.fast_field_values(schema.KEY_NUMBER_FIELD, [address for _, address in hits])
    identifiers = [searcher.doc(address).get_first(schema.KEY_FIELD) for _, address in hits]
    assert numbers == [schema.key_number(i) for i in identifiers]
    assert len(set(numbers)) == len(records) == 10
    # the first 63 bits of an 8-byte BLAKE2b digest: fixed, so every process and release agrees
    digest = hashlib.blake2b(b"frus1949v07p1-d1", digest_size=8).digest()
    assert schema.key_number("frus1949v07p1-d1") == int.from_bytes(digest, "big") >> 1 < 2**63
