"""Keep a serving process's search index in step with the change log, from a background thread.

``legation serve`` calls :func:`start_follower`: every ``interval`` seconds the thread runs
:func:`legation.search.indexer.apply_changes` on the index the search service uses, so pages see
new and deleted documents within seconds of an ingest or an admin edit, also one made by another
process. A round that finds the index busy (another process writing) is skipped; other errors are
logged and the next round tries again.
"""

from __future__ import annotations

import logging
import threading

from legation.search.indexer import IndexBusy, SearchIndex, apply_changes

log = logging.getLogger(__name__)
DEFAULT_INTERVAL_SECONDS = 2.0


def follow_once(index: SearchIndex | None = None) -> int:
    """One round on ``index`` (default: the search service's): apply pending entries; returns
    how many (0 when the index is busy)."""
    from legation.search.service import default_index

    try:
        return apply_changes(index or default_index())
    except IndexBusy:
        return 0


def start_follower(index: SearchIndex | None = None, interval: float = DEFAULT_INTERVAL_SECONDS) -> threading.Event:
    """Start the daemon thread; ``index`` defaults to the search service's. Returns an event
    that stops the thread when set."""
    from legation.search.service import default_index

    target = index or default_index()
    stop = threading.Event()

    def run() -> None:
        from django.db import connection

        while not stop.is_set():
            try:
                follow_once(target)
            except Exception:  # keep serving; the next round retries
                log.exception("Applying the change log to the search index failed")
            finally:
                connection.close()  # this thread's connection; a new one is opened next round
            stop.wait(interval)

    threading.Thread(target=run, name="legation-index-follower", daemon=True).start()
    return stop
