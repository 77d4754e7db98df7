"""The notes on what library headings among a table's names add and Legation does not keep.

A name of a CSV column or of a JSON Lines key that a mapping reads as senders, recipients or people
mentioned may be a library authority heading (:func:`legation.ingest.names.heading`): "Acheson, Dean,
1893-1971", "Smith, John, 1901-1980, editor", "Elizabeth II, Queen of Great Britain, 1926-2022". The
agent is the person the heading names (:meth:`legation.ingest.mappings.Values.record`); the dates of
life and the relator term are not kept, an agent having no field for them. So that this is not done
silently, both readers (:mod:`legation.ingest.readers.csv_dc`, :mod:`legation.ingest.readers.mapped_jsonl`)
gather their names here (:class:`HeadingNotes`) and give, after their rows or lines:

- one note a column (or key) whose names have dates of life, naming the first three and their places;
- one note a name written with the dates of life of different people ("Smith, John, 1901-1980" and
  "Smith, John, 1850-1920", one agent), naming each dates and where it was first read, unless the row or
  line gives ids for that role's names (a mapping's ``sender_key`` …, which keep them apart);
- one note a column (or key) whose names have a relator term ("editor").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping as Cells
from pathlib import Path
from typing import Any

from legation.errors import IngestNote
from legation.ingest.mappings import Values, agent_key
from legation.ingest.names import direct_name, heading, life_years

_NAME_FIELDS = ("sender", "recipient", "mentioned")


class HeadingNotes:
    """The library headings among the names of one file (``path``), gathered row by row (:meth:`read`) and
    noted after the last (:meth:`notes`); ``place`` is what the file calls a source of values: ``"column"``
    (a table), ``"key"`` (JSON Lines)."""

    def __init__(self, path: Path, place: str = "column") -> None:
        self.path, self.place = path, place
        self.first: dict[tuple[str, str], list[tuple[str, str]]] = {}  # ("dates" or "relator", column) → (place, name) of the first three
        self.counted: dict[tuple[str, str], int] = {}  # ("dates" or "relator", column) → names
        self.lives: dict[str, dict[str, tuple[str, str, str]]] = {}  # a person's key → dates → (name, column, place) where first read

    def read(self, values: Values, cells: Cells[str, Any], where: str) -> None:
        """Gather the names of one row or line: ``cells`` maps each source column (or key) to its value as
        read (a cell's text, or a JSON value: a string or a list of strings), ``values`` the row's values as
        its mapping read them (which columns give names, their separator, and whether the row gives ids for
        a role's names), ``where`` the row's place ("line 5")."""
        mapping = values.mapping
        for column, field_name in mapping.columns.items():
            if field_name not in _NAME_FIELDS or cells.get(column) is None:
                continue
            identified = any(values.fields.get(f"{field_name}_key", []))  # ids keep apart the people a name's dates tell
            items = cells[column] if isinstance(cells[column], list) else [cells[column]]
            for item in items:
                for value in str(item).split(mapping.separator) if mapping.separator else [str(item)]:
                    self._name(value.strip(), column, where, identified)

    def _name(self, value: str, column: str, where: str, identified: bool) -> None:
        as_heading = heading(value)
        for kind, added in (("dates", as_heading.dates), ("relator", as_heading.relator)):
            if added:
                self.counted[kind, column] = self.counted.get((kind, column), 0) + 1
                if len(found := self.first.setdefault((kind, column), [])) < 3:
                    found.append((where, value))
        if as_heading.dates and not identified:
            self.lives.setdefault(agent_key("", value), {}).setdefault(as_heading.dates, (as_heading.written, column, where))

    def notes(self) -> Iterator[IngestNote]:
        """The notes (the module's docstring): those on dates of life by column, on names written with
        different people's dates, on relator terms by column."""
        for (kind, column), examples in self.first.items():
            if kind == "dates":
                yield self._life_dates_note(column, self.counted[kind, column], examples)
        for key, by_dates in self.lives.items():
            if _two_lives(list(by_dates)):
                yield self._two_lives_note(key, by_dates)
        for (kind, column), examples in self.first.items():
            if kind == "relator":
                yield self._relator_note(column, self.counted[kind, column], examples)

    def _ids(self) -> str:
        """Where the file gives ids for names: a table's columns, JSON Lines' keys, a mapping names them."""
        if self.place == "column":
            return "a mapping's sender_key, recipient_key or mentioned_key column"
        return "a key of the lines the mapping reads as sender_key, recipient_key or mentioned_key"

    def _life_dates_note(self, column: str, count: int, examples: list[tuple[str, str]]) -> IngestNote:
        """The note on ``count`` names of a ``column`` followed by dates of life, as a library heading writes
        them (``examples``: the place and name of the first three): at the first, saying that the dates were
        read as the person's, not as part of the name, and not kept (the agent has no field for dates); and how
        to keep apart two people of one name whose dates differ, who are now one agent."""
        shown, first, names = _heading_examples(count, examples)
        return IngestNote(
            str(self.path),
            f"{self.place} {column!r} has dates of life after {names} ({shown}), read as a library heading writes them, the person's "
            f"and no part of the name: {first!r} is {direct_name(first)!r}, one agent with the name written without dates, the "
            f"dates not kept (an agent has no field for them). If two people of one name differ by their dates, give each an id ({self._ids()}) "
            "and ingest the file again",
            examples[0][0],
        )

    def _two_lives_note(self, key: str, by_dates: dict[str, tuple[str, str, str]]) -> IngestNote:
        """The note on one name of a file written with the dates of life of different people (:func:`_two_lives`;
        ``by_dates``: each dates → the name as written without them, the column and the place where first read):
        at the first, naming each dates and its place, saying that they are one agent (``key``), as dates are not
        kept, and how to keep them apart."""
        (name, _, where), *_ = by_dates.values()
        shown = ", ".join(f"{dates!r} ({self.place} {column!r}, {place})" for dates, (_, column, place) in by_dates.items())
        return IngestNote(
            str(self.path),
            f"{name!r} is written with the dates of life of different people: {shown}; all are one agent, {key} "
            f"({direct_name(name)!r}), as dates of life are not kept. If they are different people, give each an id ({self._ids()} "
            "beside the names) and ingest the file again",
            where,
        )

    def _relator_note(self, column: str, count: int, examples: list[tuple[str, str]]) -> IngestNote:
        """The note on ``count`` names of a ``column`` followed by a relator term, as a library heading writes the
        person's part in a work ("Smith, John, 1901-1980, editor"; ``examples``: the place and name of the first
        three): at the first, saying that the term was read as no part of the name and not kept."""
        shown, first, names = _heading_examples(count, examples)
        return IngestNote(
            str(self.path),
            f"{self.place} {column!r} has a relator term after {names} ({shown}), read as a library heading writes the person's part in "
            f"a work ({heading(first).relator!r}), no part of the name: {first!r} is {direct_name(first)!r}, the term not kept (an agent "
            f"has no field for it; the {self.place} says whether a person sent, received or is mentioned in a document)",
            examples[0][0],
        )


def _heading_examples(count: int, examples: list[tuple[str, str]]) -> tuple[str, str, str]:
    """For a note on ``count`` names read as library headings: its ``examples`` (place, name) shown, the first
    name, and the count in words ("1 name", "3 names")."""
    shown = "; ".join(f"{where}: {value!r}" for where, value in examples)
    return shown, examples[0][1], "1 name" if count == 1 else f"{count:,} names"


def _two_lives(dates: list[str]) -> bool:
    """Whether two of a name's ``dates`` of life are of different people: their years of birth or of death
    differ (:func:`~legation.ingest.names.life_years`: "1901-1980" and "1850-1920"; not "1923-" and "1923-2023",
    nor "1890?-1950" and "1890-1950", nor "1901 or 1902-1960" and "1902-1960": a year in doubt is the same)."""
    years = [life_years(d) for d in dates]
    return any(a and b and not _same_year(a, b) for (x, y) in itertools.combinations(years, 2) for a, b in zip(x, y))


def _same_year(a: str, b: str) -> bool:
    """Whether two years of a heading's dates may be one: they name a year in common ("1890?" and "1890", "ca. 1890")."""
    return bool(set(re.findall(r"\d{3,4}", a)) & set(re.findall(r"\d{3,4}", b)))
