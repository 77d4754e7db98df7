"""Keep a serving process's search index in step with the change log, from a background thread.

``legation serve`` calls :func:`start_follower`: every ``interval`` seconds the thread runs
:func:`legation.search.indexer.apply_changes` on the index the search service uses, so pages see
new and deleted documents within seconds of an ingest or an admin edit, also one made by another
process. A round that finds the index busy (another process writing) is skipped; other errors are
logged and the next round tries again.

Several processes serving one index folder (the workers of ``legation serve --workers N``) each
start a follower with ``exclusive=True``: only the one holding the lock file ``follower.lock`` in the
index folder (an ``flock``, released by the system when its process ends) applies entries; the
others just search, seeing its commits. If the holder dies, another worker takes the lock at its
next round. So one process writes the index at a time, with no extra process to supervise.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from legation.search.indexer import IndexBusy, IndexInUse, IndexWriteFailed, SearchIndex, apply_changes

log = logging.getLogger(__name__)
DEFAULT_INTERVAL_SECONDS = 2.0


def follow_once(index: SearchIndex | None = None, commit_every: float = 0.0) -> int:
    """One round on ``index`` (default: the search service's): apply pending entries; returns
    how many (0 when the index is busy). ``commit_every``: see :func:`apply_changes` (0: commit
    what was applied, and anything left pending by earlier rounds)."""
    from legation.search.service import default_index

    try:
        return apply_changes(index or default_index(), commit_every=commit_every)
    except IndexBusy:
        return 0


LOCK_FILE = "follower.lock"


_held: dict[Path, int] = {}  # index folder → the descriptor of its lock, for each folder this process follows


def take_follower_lock(index: SearchIndex) -> int | None:
    """Try to become the one follower of ``index``'s folder; returns the lock's file descriptor
    (keep it open to keep the lock; give it back with :func:`release_follower_lock`), or None when
    another process holds it."""
    index.path.mkdir(parents=True, exist_ok=True)  # a folder deleted while serving: made again, and the index in it
    fd = os.open(index.path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    _held[index.path] = fd
    return fd


def release_follower_lock(index: SearchIndex, fd: int) -> None:
    """Give back the lock :func:`take_follower_lock` took (closing ``fd``)."""
    if _held.get(index.path) == fd:
        del _held[index.path]
    os.close(fd)


def followed_by_another_process(index: SearchIndex) -> bool:
    """Whether another running process follows ``index``'s folder (holds its ``follower.lock``):
    a node of the same archive keeps it in step, but a node of another archive sharing the folder
    would have its index emptied under it (a fresh operator). Asks the lock without keeping it;
    False when this process holds it, or the folder has none."""
    if index.path in _held or not (index.path / LOCK_FILE).exists():
        return False
    fd = os.open(index.path / LOCK_FILE, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # (closing releases a lock taken here)
    return False


def _lock_still_held(index: SearchIndex, fd: int) -> bool:
    """Whether the lock file ``fd`` holds is still the folder's: not when the folder was deleted (and
    made again by another worker, whose lock file is a new one), so that two processes do not
    both take themselves for the follower."""
    try:
        return os.fstat(fd).st_ino == os.stat(index.path / LOCK_FILE).st_ino
    except OSError:
        return False


_behind = 0  # change-log entries the index had yet to apply at this process's last follower round
_newest = 0  # the change log's newest entry then
_target: SearchIndex | None = None  # the index measured


def entries_behind() -> int:
    """How many change-log entries the search index has yet to apply (and commit) of those the
    change log held at the last round of this process's follower: more than 0 while a server
    catches up with an ingest that ran while it was down, or one running now, so a search may
    leave documents out; 0 when in step, or when no follower runs in this process (``legation
    search`` checks for itself). While behind, counted down as the index commits (its state file,
    read again): the worker applying the entries measures only between rounds, and a round of
    catching up takes minutes, so two workers of one node said 7,951 and 3,951 by turns."""
    if not _behind or _target is None:
        return 0
    return max(0, _newest - _target.last_applied_seq())


def _measure(target: SearchIndex) -> None:
    """Set :func:`entries_behind` from the change log's newest entry and the index's last applied
    one (one query of the database and a read of the index's state file)."""
    global _behind, _newest, _target
    from django.db.models import Max

    from legation.records.models import ChangeLogEntry

    newest = ChangeLogEntry.objects.aggregate(newest=Max("seq"))["newest"] or 0
    _newest, _target = newest, target
    _behind = max(0, newest - target.last_applied_seq())


def _follow(target: SearchIndex, stop: threading.Event, interval: float, exclusive: bool, commit_every: float = 0.0) -> None:
    """The follower thread's loop: a round every ``interval`` seconds until ``stop`` is set;
    ``commit_every`` as in :func:`apply_changes`. Every round, in every process, measures
    :func:`entries_behind` (the process that applies entries, before and after applying them)."""
    from django.db import connection

    from legation.errors import database_down, first_line, lasting_fault_advice

    lock: int | None = None
    down = False  # the database out of reach at the last round: said once, not each round
    in_use = False  # the folder another archive's node follows, at the last round: said once
    while not stop.is_set():
        try:
            if lock is not None and not _lock_still_held(target, lock):
                release_follower_lock(target, lock)
                lock = None
            if exclusive and lock is None:
                lock = take_follower_lock(target)
            if lock is not None or not exclusive:
                _measure(target)  # before a round that may take minutes: a server started behind says so at once
                follow_once(target, commit_every)
            _measure(target)
            if down:
                log.warning("The database can be reached again; the search index follows the change log.")
            down = in_use = False
        except database_down() as exc:  # a traceback each round filled the log (60 in 30 s: a fresh user)
            if not down:
                said = first_line(exc)
                log.error("The database cannot be reached (%s); the search index follows again once it can%s", said, lasting_fault_advice(said) or ".")
            down = True
        except IndexWriteFailed as exc:  # a full disk: one line a round, not a traceback; the next round retries
            log.error("Applying the change log to the search index failed: %s", exc)
        except IndexInUse as exc:  # another archive's node follows the folder: said once, until that changes
            if not in_use:
                log.error("%s", exc)
            in_use = True
        except Exception:  # keep serving; the next round retries
            log.exception("Applying the change log to the search index failed")
        finally:
            connection.close()  # this thread's connection; a new one is opened next round
        stop.wait(interval)
    if lock is not None:
        release_follower_lock(target, lock)


def start_follower(
    index: SearchIndex | None = None, interval: float = DEFAULT_INTERVAL_SECONDS, exclusive: bool = False
) -> threading.Event:
    """Start the daemon thread; ``index`` defaults to the search service's. With ``exclusive``,
    rounds apply entries only while this process holds the folder's follower lock (see above).
    Returns an event that stops the thread when set (releasing the lock)."""
    from legation.search.service import default_index

    stop = threading.Event()
    args = (index or default_index(), stop, interval, exclusive)
    threading.Thread(target=_follow, args=args, name="legation-index-follower", daemon=True).start()
    return stop


INGEST_COMMIT_SECONDS = 30.0


@contextmanager
def following(
    index: SearchIndex | None = None, interval: float = 1.0, commit_every: float = INGEST_COMMIT_SECONDS
) -> Iterator[None]:
    """Index the change log in a background thread while the ``with`` body writes, then apply
    what is left and commit before returning, so everything the body stored is searchable afterwards.

    ``legation ingest`` stores batches in the body: tantivy indexes in its own threads and
    releases the GIL while committing, so the index is built beside the database writes instead
    of after them. The thread looks for new entries every ``interval`` seconds but commits only
    every ``commit_every`` seconds (see :func:`apply_changes`): meanwhile other processes' searches
    see the index as of the last commit. Exceptions of the body propagate (the thread is stopped
    and joined first)."""
    from legation.search.service import default_index

    target = index or default_index()
    stop = threading.Event()
    args = (target, stop, interval, False, commit_every)
    thread = threading.Thread(target=_follow, args=args, name="legation-ingest-indexer")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
    follow_once(target)
