"""Long lists of values sent to the database in pieces, so a lookup never exceeds a store's limit on
query parameters (SQLite's default is 32,766 per statement) and memory stays bounded."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

IN_LIMIT = 500  # values per ``IN (…)`` lookup or per batch read back: within every store's limit

T = TypeVar("T")


def chunks(values: Sequence[T], size: int = IN_LIMIT) -> Iterator[Sequence[T]]:
    """``values`` in consecutive slices of at most ``size`` (``itertools.batched`` of Python 3.12,
    for sequences)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
