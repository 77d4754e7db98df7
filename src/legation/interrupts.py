"""Stopping a long command (``legation ingest``) with Ctrl-C or ``kill`` and saying what it left.

SIGINT (Ctrl-C) and SIGTERM (``kill``, a service manager's stop) raise :class:`Interrupted` in
the main thread at once, except while a transaction is committing under :func:`held`: an
exception raised just after a commit returned would report a stored batch as not stored, so
there the signal waits until the block ends. A raise the code it lands in loses (a finalizer
running then: "Exception ignored in: <finalize object …>", and the ingest ran on to its end,
exit 0) is raised again at the end of the next :func:`held` block. A second signal meanwhile
ends the process at once, as the signal does by default (the store and the index stay
consistent: see the crash-safety test), but not one within :data:`REPEAT_GRACE` of the first:
Ctrl-C under ``uv run legation ingest`` reaches the command twice, from the terminal and again
from uv, which passes it on to its child, and the second ended the ingest without the summary of
what it stored.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

STOPS = (signal.SIGINT, signal.SIGTERM)
REPEAT_GRACE = 1.0  # seconds after the first signal in which a second is the first passed on again (uv run)


class Interrupted(BaseException):
    """A command stopped by ``signal`` (a number: SIGINT 2, SIGTERM 15); its exit status is
    128 + ``signal``, as a shell gives a process the signal ended. A BaseException, as
    KeyboardInterrupt is: code catching every ``Exception`` (a reader trying one date form after
    another) does not swallow it."""

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)
        self.signal = number


_holding = 0  # depth of held() blocks in the main thread
_pending: int | None = None  # the signal received, until interruptible() ends (raised again at the end of a held block)
_first_at = 0.0  # time.monotonic() of the first signal


def _stop(number: int, frame) -> None:  # type: ignore[no-untyped-def]
    global _pending, _first_at
    for each in STOPS:
        signal.signal(each, _again)
    _pending, _first_at = number, time.monotonic()  # until interruptible() ends: raised again by held() if this raise is lost
    if not _holding:
        raise Interrupted(number)


def _again(number: int, frame) -> None:  # type: ignore[no-untyped-def]
    """A signal after the first: passed over within :data:`REPEAT_GRACE` of it, else the
    process ends at once, as by the signal's default action."""
    if time.monotonic() - _first_at < REPEAT_GRACE:
        return
    for each in STOPS:
        signal.signal(each, signal.SIG_DFL)
    os.kill(os.getpid(), number)


@contextmanager
def interruptible() -> Iterator[None]:
    """Turn the first SIGINT or SIGTERM while the ``with`` body runs into :class:`Interrupted`
    (transactions under way roll back as it leaves them); the handlers before are put back
    afterwards. Outside the main thread, which alone may set handlers, it changes nothing."""
    global _pending
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in STOPS}
    _pending = None
    for number in STOPS:
        signal.signal(number, _stop)
    try:
        yield
    finally:
        _pending = None
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def held() -> Iterator[None]:
    """Keep a signal received during the ``with`` body (a transaction and the tally of what it
    committed) until the body ends, then raise :class:`Interrupted`; nested blocks raise at the
    outermost. In other threads, or with no :func:`interruptible` around it, it changes nothing."""
    global _holding, _pending
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _holding += 1
    try:
        yield
    finally:
        _holding -= 1
    if not _holding and _pending is not None:
        raise Interrupted(_pending)
