"""The change log on PostgreSQL: seqs are taken when rows are written but become visible when their
transaction commits, so a later seq can be seen before an earlier one. The follower must apply
both (see the docstring of :func:`legation.search.indexer.apply_changes`)."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection, transaction

from legation.records.models import ChangeLogEntry
from legation.search import indexer
from legation.search.indexer import SearchIndex, apply_changes
from tests.conftest import FIXTURES
from tests.databases import postgres_url

pytestmark = pytest.mark.django_db(transaction=True)
needs_postgres = pytest.mark.skipif(
    not postgres_url(),
    reason="needs PostgreSQL (LEGATION_DATABASE_URL): SQLite serializes writers, so seqs always commit in order",
)


def seed_records() -> list:
    from legation.ingest.readers.jsonl import read_jsonl

    return list(read_jsonl(FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"))


def _ids(index: SearchIndex, query: str = "*") -> set[str]:
    searcher = index.searcher()
    hits = searcher.search(index.index.parse_query(query, ["summary"]), limit=100).hits
    return {searcher.doc(address)["identifier"][0] for _, address in hits}


def edit(identifier: str, summary: str) -> int:
    """What an admin edit does: change the stored document and log it, in the current transaction."""
    from legation.records.models import Document

    assert Document.objects.filter(identifier=identifier).update(summary=summary) == 1
    return ChangeLogEntry.objects.create(document_identifier=identifier, operation="upsert").seq


class OpenTransaction(threading.Thread):
    """Edit a document in a transaction on a connection of its own, and keep it open (seq taken,
    row invisible to others) until :meth:`finish` commits or rolls it back."""

    def __init__(self, identifier: str, summary: str, commit: bool = True) -> None:
        super().__init__(daemon=True)
        self.identifier, self.summary, self.commit = identifier, summary, commit
        self.written, self.release = threading.Event(), threading.Event()
        self.seq = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            try:
                with transaction.atomic():
                    self.seq = edit(self.identifier, self.summary)
                    self.written.set()
                    self.release.wait(30)
                    if not self.commit:
                        raise _Rollback
            except _Rollback:
                pass
        except BaseException as exc:  # reported by finish()
            self.error = exc
            self.written.set()
        finally:
            connection.close()

    def finish(self) -> None:
        self.release.set()
        self.join(30)
        assert self.error is None, self.error


class _Rollback(Exception):
    pass


@pytest.fixture
def followed(tmp_path):
    """Three seed documents stored and applied to an index in ``tmp_path``."""
    from legation.ingest.service import ingest_records

    records = seed_records()[:3]
    ingest_records(records)
    index = SearchIndex(tmp_path)
    assert apply_changes(index) == 3
    return index, [r.identifier for r in records]


@needs_postgres
def test_an_earlier_seq_committed_after_a_later_one_is_still_applied(tmp_path, followed) -> None:
    index, (first, second, third) = followed

    slow = OpenTransaction(first, "Walruses of Lushun.")  # takes seq n, commits last
    slow.start()
    assert slow.written.wait(30)
    with transaction.atomic():
        later = edit(second, "Penguins of Dairen.")  # takes seq n+1, commits first
    assert later > slow.seq

    assert apply_changes(index) == 1
    assert _ids(index, "penguins") == {second} and _ids(index, "walruses") == set()
    assert index.last_applied_seq() == later
    assert str(slow.seq) in json.loads((tmp_path / indexer.GAPS_FILE).read_text())

    slow.finish()  # seq n becomes visible now, below the last applied seq
    assert apply_changes(index) == 1
    assert _ids(index, "walruses") == {first}
    assert str(slow.seq) not in json.loads((tmp_path / indexer.GAPS_FILE).read_text())
    assert index.last_applied_seq() == later

    with transaction.atomic():
        edit(third, "More walruses.")
    assert apply_changes(index) == 1
    assert _ids(index, "walruses") == {first, third}
    assert apply_changes(index) == 0


@needs_postgres
def test_a_rolled_back_writer_leaves_a_gap_that_is_forgotten_after_the_timeout(tmp_path, followed) -> None:
    index, (first, second, _) = followed
    doomed = OpenTransaction(first, "Walruses of Lushun.", commit=False)
    doomed.start()
    assert doomed.written.wait(30)
    with transaction.atomic():
        edit(second, "Penguins of Dairen.")
    doomed.finish()  # rolled back: its seq never appears

    assert apply_changes(index) == 1
    assert str(doomed.seq) in json.loads((tmp_path / indexer.GAPS_FILE).read_text())
    assert apply_changes(index) == 0  # still waiting for it (within the timeout)
    assert str(doomed.seq) in json.loads((tmp_path / indexer.GAPS_FILE).read_text())
    assert apply_changes(index, gap_timeout=0) == 0
    assert json.loads((tmp_path / indexer.GAPS_FILE).read_text()) == {}
    assert _ids(index, "penguins") == {second} and _ids(index, "walruses") == set()


def test_an_entry_appearing_below_the_last_applied_seq_is_applied_on_any_store(tmp_path, followed) -> None:
    """The same bookkeeping without concurrency: hide a logged row, apply, then bring it back."""
    index, (first, second, _) = followed
    with transaction.atomic():
        hidden = edit(first, "Walruses of Lushun.")
        edit(second, "Penguins of Dairen.")
    row = ChangeLogEntry.objects.get(seq=hidden)
    row.delete()
    assert apply_changes(index) == 1
    assert str(hidden) in json.loads((tmp_path / indexer.GAPS_FILE).read_text())
    ChangeLogEntry.objects.create(seq=hidden, document_identifier=first, operation="upsert")
    assert apply_changes(index) == 1
    assert _ids(index, "walruses") == {first} and _ids(index, "penguins") == {second}
    assert str(hidden) not in json.loads((tmp_path / indexer.GAPS_FILE).read_text())


@needs_postgres
def test_a_rebuild_keeps_waiting_for_a_writer_still_open_below_its_newest_seq(tmp_path, followed) -> None:
    index, (first, second, _) = followed
    slow = OpenTransaction(first, "Walruses of Lushun.")  # seq n, invisible to the rebuild
    slow.start()
    assert slow.written.wait(30)
    with transaction.atomic():
        later = edit(second, "Penguins of Dairen.")  # seq n+1, the newest the rebuild sees

    assert indexer.rebuild(index) == 3
    assert index.last_applied_seq() == later
    assert _ids(index, "penguins") == {second} and _ids(index, "walruses") == set()
    assert str(slow.seq) in json.loads((tmp_path / indexer.GAPS_FILE).read_text())

    slow.finish()
    assert apply_changes(index) == 1
    assert _ids(index, "walruses") == {first}


def test_a_database_put_back_to_an_earlier_state_has_the_index_rebuilt(tmp_path, followed) -> None:
    """A fresh operator restored a database backup under a running node: the index kept the
    documents of changes the restore undid, skipped the new changes that reused their seqs, and
    ``legation check`` said it was in step. The index notes the entry it applied last; when the
    log no longer holds it as it was, the index is emptied and built from the log as it is."""
    from legation.records.models import Document

    index, (first, second, third) = followed
    before = Document.objects.get(identifier=second).summary
    with transaction.atomic():
        undone = edit(second, "Penguins of Dairen.")
    assert apply_changes(index) == 1 and _ids(index, "penguins") == {second}
    assert index.last_applied_entry() == indexer.entry_mark(undone)
    assert not indexer.follows_a_rewound_log(index)

    with transaction.atomic():  # the restore: the database as it was before that edit ...
        Document.objects.filter(identifier=second).update(summary=before)
        ChangeLogEntry.objects.filter(seq=undone).delete()
    assert indexer.follows_a_rewound_log(index)  # (its newest seq is now below the one applied)
    with transaction.atomic():  # ... and a new change after it, given the same seq
        assert Document.objects.filter(identifier=third).update(summary="Walruses of Lushun.") == 1
        ChangeLogEntry.objects.create(seq=undone, document_identifier=third, operation="upsert")
    assert indexer.follows_a_rewound_log(index)

    apply_changes(index)
    assert _ids(index, "penguins") == set() and _ids(index, "walruses") == {third}
    assert len(_ids(index)) == 3 and index.last_applied_seq() == undone
    assert not indexer.follows_a_rewound_log(index)
    assert apply_changes(index) == 0


def test_an_index_noting_no_entry_is_taken_as_rewound_only_past_the_newest_seq() -> None:
    """An index of an earlier version noted no entry: only a newest seq below its own tells."""
    assert indexer.log_rewound(5, None, 4, None) and not indexer.log_rewound(5, None, 5, None)
    assert not indexer.log_rewound(0, None, 0, None)
    assert indexer.log_rewound(5, "a upsert t", 9, "b upsert u") and not indexer.log_rewound(5, "a upsert t", 9, "a upsert t")
    assert indexer.log_rewound(5, "a upsert t", 4, None)

