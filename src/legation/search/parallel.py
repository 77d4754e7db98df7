"""One step of a search run in another thread while the calling thread goes on with the next.

tantivy lets go of Python's interpreter lock while it searches and aggregates, so a search's facet
counts (a walk over every match: at 1,000,000 documents the largest step of a search, about half of
it) can run on a second core while the first ranks the page and reads its snippets: a search then
takes about as long as the longer of the two instead of both. :func:`start` runs a function in one
of :data:`THREADS` threads of this process when one is free, and in the calling thread at once when
none is (a server already running as many searches as it has cores gains nothing from more threads,
and a search must never wait in a queue behind others).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

THREADS = max(2, os.cpu_count() or 2)  # steps running in other threads at once, in one process

_lock = threading.Lock()
_pool: tuple[int, ThreadPoolExecutor, threading.BoundedSemaphore] | None = None


def _pool_of_this_process() -> tuple[ThreadPoolExecutor, threading.BoundedSemaphore]:
    """The threads of this process. A process forked from another (a server's worker) gets its own:
    threads do not survive a fork, and an executor copied from the parent would believe its threads
    are there and never start any."""
    global _pool
    with _lock:
        if _pool is None or _pool[0] != os.getpid():
            _pool = (os.getpid(), ThreadPoolExecutor(THREADS, thread_name_prefix="legation-search"), threading.BoundedSemaphore(THREADS))
        return _pool[1], _pool[2]


def start(function: Callable[..., T], *args: object) -> Future[T]:
    """``function(*args)`` started in another thread when one of :data:`THREADS` is free, else run
    here and now; either way a :class:`~concurrent.futures.Future` whose ``result()`` gives what it
    returned or raises what it raised. The function must not use the database connection of the
    calling thread (Django's connections are per thread). Never waits for a thread, so a step may
    start another."""
    pool, free = _pool_of_this_process()
    if free.acquire(blocking=False):

        def run() -> T:
            try:
                return function(*args)
            finally:
                free.release()

        try:
            return pool.submit(run)
        except RuntimeError:  # the interpreter is shutting down: no new threads
            free.release()
    done: Future[T] = Future()
    try:
        done.set_result(function(*args))
    except Exception as exc:  # noqa: BLE001 - handed to the caller through result(), as a thread's would be
        done.set_exception(exc)
    return done
