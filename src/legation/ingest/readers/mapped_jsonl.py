"""Reader for JSON Lines corpora through a mapping (``legation ingest FILE --mapping dfat``).

Source format: one JSON object per line, UTF-8; ``.jsonl``, gzip ``.jsonl.gz`` or xz
``.jsonl.xz``. The mapping (:mod:`legation.ingest.mappings`; bundled: ``dfat``, ``ungd``,
``korean-speeches``, ``ataturk``, ``nutuk``, ``prc-reports``, ``sotu``, ``moritz``) says which key
gives which field; a key may be a path into a list of objects (``"naa_refs[].reference"``).
Lists of strings give several values, numbers are read as text, ``null`` and ``""`` give none.
An identifier that repeats within the file (DFAT vol. 20 numbers two documents 484) gets "-2",
"-3" … in file order (the next no line has given yet), so no document overwrites another, and one
note after the lines names them.

A mapping may name a corpus rule in ``"transform"``:

``dfat``  the first line of ``body_markdown`` ("Cablegram 59 NANKING, 4 February 1949, 2.35
          p.m.", "Letter MELBOURNE, 26 January 1937, …", "Canberra, 24 April 1978") gives the
          document type ("Cablegram", "Letter"), the place sent, whole and title-cased ("Nanking", "New
          York", not "York"), and the
          date as written ("4 February 1949"). That date goes first: when the line gives one
          that can be read, it is the document's date (the harvester's ``doc_date`` padded "July
          1949" to 1949-07-01 and misread "3 January 1948" as 1947-12-31), and a ``doc_date`` that
          is no date or another date is named in the report's notes; else the date is
          ``doc_date``'s (3,782 documents have no date in their first line). The
          body, html2text Markdown, becomes plain text (:func:`dfat_body`): escapes, emphasis
          marks and separator lines go, paragraphs and numbered paragraphs stay; the notes after
          the text ("1 Document 87.") become the text's footnotes, their marks ``[1]`` staying in
          the text; the archival reference printed at the end ("[AA : A981, CHINA 116]") leaves
          the text and is the source note when ``naa_refs`` gives none.

Names are read as a CSV table's are (:meth:`legation.ingest.mappings.Values.record`: "Acheson, Dean,
1893-1971" is Dean Acheson, ``person:dean-acheson``), and what a library heading adds and is not kept
is noted after the lines as a table's is, from the same code
(:class:`~legation.ingest.readers.heading_notes.HeadingNotes`): once a key whose names have dates of
life, once a key whose names have a relator term ("editor"), and once a name written with the dates of
different people, unless its lines give ids.

Errors: a line that is not JSON (a key given twice in one object included: JSON would keep the
last value), not an object, or not a valid record yields an :class:`IngestError` naming the file
and ``line N``; the other lines go on. A file that cannot be opened or decompressed raises IngestError.

A key of the lines that the mapping does not read (in ``columns`` or a template), with a value in
some line, gets one :class:`IngestNote` after the lines naming each such key and the first line
giving it a value (:func:`_unread_keys`), as a CSV table's columns the mapping leaves out get one:
its values were not stored (a shelfmark, ``archive_box``, was dropped without a word). Keys the
mapping's ``ignore`` lists are left out on purpose and not named. A key
the mapping names (in ``columns`` or a template) that no line of the file has gets one
:class:`IngestNote` after the lines, naming it, the field it was for, the key of the lines closest
to it and the keys the lines have (:func:`_unseen_keys`). A note, not a failure, unlike a CSV
column the header lacks (:mod:`legation.ingest.readers.csv_dc` fails the file before reading a
row): a table has one header that every row follows, so a missing column is known at once and is
a mistake; the lines of JSON Lines each have their own keys, a key may be missing from some or
most lines by right (a fallback such as the State of the Union's ``date`` before ``year``, a list
that is empty), and it is known to be missing from all only after the last line, when the
documents are stored already. So the ingest stands, and the note says what the mapping looked for
in vain and how to correct it (the key spelled as the lines spell it, then the file ingested again,
which updates the documents).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from legation.errors import IngestError, IngestNote, json_line_failure, parse_json
from legation.ingest.dates import parse_archival_date
from legation.ingest.mappings import Mapping, Values, load_mapping
from legation.ingest.readers import json_lines, located
from legation.ingest.readers.heading_notes import HeadingNotes
from legation.ingest.readers.markdown_text import markdown_paragraphs
from legation.printable import listed_first
from legation.records.document_record import DocumentRecord, Footnote, RecordError


def _get(obj: Any, path: str) -> Any:
    """The value at ``path``: a key, or ``"list[].key"`` for the key of each object of a list."""
    head, sep, rest = path.partition("[].")
    value = obj.get(head) if isinstance(obj, dict) else None
    if not sep:
        return value
    if not isinstance(value, list):
        return None
    found = [_get(item, rest) for item in value]
    return [v for item in found for v in (item if isinstance(item, list) else [item]) if v not in (None, "")]


def _text(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return [t for v in value if (t := _text(v)) not in (None, "") and not isinstance(t, list)]
    return value if isinstance(value, str) else None


# The number has a digit ("59", "UN327", "98/1945"), after the name of a cable series or not ("Hague 102",
# "Johcu 4", "Ego"): a capital word without one begins the place ("NEW YORK", "THE HAGUE", "SS DOMINION
# MONARCH"), a marking before the place is no part of it ("Cablegram 393 SECRET LONDON"). A type is a word, the
# harvest's "unnumbered" or another word following ("Teleprinter message", "Circular Cablegram", "Aide Memoire").
_DFAT_TYPE_WORDS = "Cablegram Telegram Message Dispatch Despatch Memoire Record Paper Letter Memorandum Minute Note Report Submission".split()
_DFAT_TYPED = re.compile(
    rf"^(?P<type>[A-Z][a-z]+(?: [a-z]+| (?:{'|'.join(_DFAT_TYPE_WORDS)})(?= ))?)"
    r"(?: (?P<number>(?:[A-Z][a-z]+ )?(?=[\w/.\[\]-]*\d)[A-Z0-9][\w/.\[\]-]*|[A-Z][a-z]+))?\s+(?:(?:PERSONAL|SECRET) )?(?P<place>[A-Z][A-Z .'-]+?),\s*"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+,? \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4}|[A-Z][a-z]+,? \d{4})?"
)
_DFAT_PLACE = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)*),\s*(?P<date>\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+,? \d{4})")


def _title_case(place: str) -> str:
    return re.sub(r"[A-Za-z]+", lambda m: m[0][:1].upper() + m[0][1:].lower(), place.strip(" ."))


def dfat_first_line(body: str) -> dict[str, str]:
    """Type, place and date as written from the first line of a DFAT document body (see the
    module docstring); keys absent when the line does not give them."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    found: dict[str, str] = {}
    if m := _DFAT_TYPED.match(first):
        found["type"], found["place"] = m["type"].removesuffix(" unnumbered"), _title_case(m["place"])
    elif m := _DFAT_PLACE.match(first):
        found["type" if m["place"] in _DFAT_TYPE_WORDS else "place"] = m["place"]  # "Message, 14 March 1951": a type
    if m and m["date"]:
        found["date_text"] = m["date"]
    return found


# "1 Document 87.", "• 1 A handwritten comment …", "_1 Leopold Amery …" (an emphasis mark left open), "[1] Document 340." (vol. 16)
_DFAT_NOTE = re.compile(r"(?:[•_*] ?)?(?:\[(\d{1,3})\]|(\d{1,3}))\s+(\S.*?)[_*]?", re.DOTALL)
# "[AA : A981, TIMOR (PORTUGUESE) 22, ii]", "[NAA: A1838, 3107/38, viii]", "[PM &C : A2694, MINUTE 2030, 9 MARCH 1937]"
_DFAT_REFERENCE = re.compile(r"\[[A-Z]{2,5}(?: ?&[A-Z]{1,3})?\s*:(?:[^\[\]\n]|\[[^\[\]\n]*\]|\[)+\]")  # "[NAA : A11537 [1]]", "[NAA: A11443, [6]" too
_DFAT_RULE = re.compile(r"[_*\s]+")  # "_", "__": what is left of the harvest's separator lines
_DFAT_MARK = re.compile(r"\[(\d{1,3})\]")


def _dfat_note(paragraph: str) -> tuple[int, str] | None:
    """The number and text of a paragraph that has the shape of a note."""
    m = _DFAT_NOTE.fullmatch(paragraph)
    return (int(m[1] or m[2]), m[3]) if m else None


def _dfat_notes(paragraphs: list[str], continued: bool) -> tuple[list[Footnote], list[str]] | None:
    """The notes "1 …", "2 …" … of ``paragraphs`` (the first numbered 1) and the references among
    them; with ``continued`` a paragraph not starting with the next number continues the note before,
    otherwise it makes the run no notes (None)."""
    notes: list[Footnote] = []
    references: list[str] = []
    for paragraph in paragraphs:
        if m := _DFAT_REFERENCE.match(paragraph):
            references.append(m[0])
        elif _DFAT_RULE.fullmatch(paragraph):
            continue
        elif (note := _dfat_note(paragraph)) and note[0] == len(notes) + 1:
            notes.append(Footnote(n=str(note[0]), text=note[1]))
        elif continued and notes:
            notes[-1].text += "\n\n" + paragraph
        else:
            return None
    return notes, references


def _marked(notes: list[Footnote], text: list[str]) -> bool:
    """Are the marks of ``text`` numbers of ``notes``, the last note's among them? (A mark may be in
    the title, or left out by the harvest.)"""
    marks, numbers = {int(n) for p in text for n in _DFAT_MARK.findall(p)}, {int(n.n) for n in notes}
    return bool(marks) and marks <= numbers and max(marks) == max(numbers)


def _dfat_inner_notes(paragraphs: list[str]) -> tuple[list[str], list[Footnote]]:
    """The paragraphs of a text without the runs of notes within it (a letter's notes before its
    enclosure, which has notes of its own), and those notes in order. A run is "1 …", "2 …" … each
    a paragraph, not after a paragraph of that shape (a list: "2 Aircraft Carriers", "1 Cruiser") nor
    followed, a few paragraphs on, by its next number (numbered paragraphs: "1 First.", "…", "2 Second.");
    runs straight after one another (the notes of each part of a text, gathered) are taken together
    when the marks ``[1]`` … of the text since the runs taken before are theirs (:func:`_marked`)."""
    kept: list[str] = []
    footnotes: list[Footnote] = []
    since = 0  # where in kept the text after the last runs taken starts
    i = 0
    while i < len(paragraphs):
        notes: list[Footnote] = []
        if i and (note := _dfat_note(paragraphs[i])) and note[0] == 1 and not _dfat_note(paragraphs[i - 1]):
            while (j := i + len(notes)) < len(paragraphs) and (note := _dfat_note(paragraphs[j])) and note[0] in (1, int(notes[-1].n if notes else 0) + 1):
                notes.append(Footnote(n=str(note[0]), text=note[1]))
        after = (_dfat_note(p) for p in paragraphs[i + len(notes) : i + len(notes) + 50])
        if notes and _marked(notes, kept[since:]) and not any(n and n[0] == int(notes[-1].n) + 1 for n in after):
            footnotes += notes
            since = len(kept)
            i += len(notes)
        else:
            kept.append(paragraphs[i])
            i += 1
    return kept, footnotes


_EDGE_EMPHASIS = re.compile(r"^_(?=\S)|(?<=\S)_$")


def dfat_body(markdown: str) -> tuple[str, list[Footnote], list[str]]:
    """The text, footnotes and archival references of a DFAT ``body_markdown``.

    The body is Markdown (html2text's, from the DFAT website): it is made plain text by
    :func:`markdown_paragraphs`, footnote definitions (``[^1]: …``) and marks (``[^1]``) being first
    written as the other volumes print them ("1 …", ``[1]``). The notes are the paragraphs after
    the text numbered "1 …" (or "[1] …"), "2 …" … in turn (a bullet or a stray emphasis mark before the number allowed). When a separator
    comes before the first (a line of underscores or a reference), a paragraph not starting with
    the next number continues the note before (the harvest breaks some notes in two; a rule run into
    the first note, "_1 …", counts as one), and so it does when the text before has the marks
    ``[1]`` … of every note; otherwise every paragraph from the first note on must be the next note,
    or none is taken (the paragraphs stay text). Runs of notes within the text, whose marks are all
    the marks of the text before them (a letter's notes, then its enclosure), are footnotes too, in
    order (see :func:`_dfat_inner_notes`). Reference paragraphs after the text (``[AA : A981, CHINA 116]``) are returned apart,
    each once, in order; words after one (a signature) stay at the end of the text; lines of
    underscores, and emphasis marks left open at a paragraph's edge, go. Returns ``(text, footnotes, references)``; paragraphs are separated by a blank line."""
    markdown = re.sub(r"(?m)^\[\^(\d+)\]:[ \t]*", r"\1 ", markdown)
    paragraphs = markdown_paragraphs(re.sub(r"\[\^(\d+)\]", r"[\1]", markdown))
    # an emphasis mark left open at a paragraph's edge ("_MacArthur's attitude …") is text to Markdown
    marked = {i for i, p in enumerate(paragraphs) if re.match(r"_\[?\d", p)}  # " _1 …": the rule before the notes, run in
    paragraphs = [p if not (p[:1] == "_" or p[-1:] == "_") or _DFAT_RULE.fullmatch(p) else _EDGE_EMPHASIS.sub("", p) for p in paragraphs]
    signature: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if (m := _DFAT_REFERENCE.match(paragraph)) and (rest := paragraph[m.end() :].strip(" _*")):
            paragraphs[i] = m[0]
            if re.search(r"\w", rest):  # not a bracket left over
                signature.append(rest)

    def separator(paragraph: str) -> bool:
        return bool(_DFAT_RULE.fullmatch(paragraph) or _DFAT_REFERENCE.fullmatch(paragraph))

    end = len(paragraphs)
    while end and separator(paragraphs[end - 1]):
        end -= 1
    footnotes: list[Footnote] = []
    references: list[str] = [p for p in paragraphs[end:] if not _DFAT_RULE.fullmatch(p)]
    # the last "1 …" first; "[1] …" (vol. 16's notes; elsewhere a fragment the harvest left after the notes) after all those
    starts = sorted((m[1] is not None, -i) for i in range(end) if (m := _DFAT_NOTE.fullmatch(paragraphs[i])) and "1" in (m[1], m[2]))
    tries = [(start, start in marked or start > 0 and separator(paragraphs[start - 1]), False) for start in (-i for _, i in starts)]
    # then notes broken in two after the text, not after a paragraph of a note's shape (a list: "2 Aircraft Carriers", "1 Cruiser")
    tries += [(start, True, True) for start, continued, _ in tries if not continued and not (start and _dfat_note(paragraphs[start - 1]))]
    for start, continued, by_marks in tries:
        found = _dfat_notes(paragraphs[start:end], continued)
        if found and by_marks:  # … whose marks the text has
            before = "\n".join(paragraphs[:start])
            found = found if all(f"[{n.n}]" in before for n in found[0]) else None
        if found:
            footnotes, references = found[0], found[1] + references
            end = start
            while end and separator(paragraphs[end - 1]):
                end -= 1
            references = [p for p in paragraphs[end:start] if not _DFAT_RULE.fullmatch(p)] + references
            break
    body, inner = _dfat_inner_notes([p for p in paragraphs[:end] if not _DFAT_RULE.fullmatch(p)])
    return "\n\n".join(body + signature), inner + footnotes, list(dict.fromkeys(references))


def _dfat(obj: dict, values: Values) -> None:
    text, values.footnotes, references = dfat_body(str(obj.get("body_markdown") or ""))
    values.fields["text"] = [text] if text else []
    if references and not values.fields.get("source"):
        values.add("source", references)
    found = dfat_first_line(text)
    for name in ("type", "place"):
        if name in found:
            values.add(name, found[name])
    dateline, given = found.get("date_text", ""), values.one("date")
    printed = parse_archival_date(dateline).edtf if dateline else ""
    if not printed:
        return  # the date is doc_date's
    values.fields["date"] = values.fields["date_text"] = [dateline]
    if not given:
        return
    edtf = parse_archival_date(given).edtf
    if not edtf:
        values.notes.append(f"doc_date {given!r} is not a date; dated {dateline!r} by the text's first line, which goes first")
    elif not (edtf.startswith(printed) or printed.startswith(edtf)):
        values.notes.append(f"doc_date {given} differs from the date of the text's first line, {dateline!r}, which goes first and is taken")


TRANSFORMS: dict[str, Callable[[dict, Values], None]] = {"dfat": _dfat}


_KEYS_KEPT = 1000
"""Distinct keys of the lines gathered for the note on a mapped key no line has (the first lines' keys
past this are not gathered: the note names 30 and counts the rest)."""


def _has(obj: Any, path: str) -> bool:
    """Whether ``obj`` has the key ``path`` names (its value may be null or empty: the key is
    spelled as the file spells it); for ``"list[].key"``, whether an object of the list has it."""
    head, sep, rest = path.partition("[].")
    if not isinstance(obj, dict) or head not in obj:
        return False
    return not sep or (isinstance(obj[head], list) and any(_has(item, rest) for item in obj[head]))


def _unseen_keys(path: Path, mapping: Mapping, unseen: list[str], keys: set[str], lines: int) -> tuple[IngestNote, set[str]]:
    """The note on the keys the mapping names that none of the ``lines`` objects of the file has
    (``unseen``, in the mapping's order), each with the field it was for and the key of the lines
    closest to it (``keys``: those the lines have, and ``"list[].key"`` for the keys of the objects
    in their lists), and what to do; and the keys of the lines so named (their top keys: the note
    on keys not read leaves them to this one)."""
    import difflib

    named, meant = [], set()
    for key in unseen:
        uses = [f for k, f in mapping.columns.items() if k == key] + [
            f"the {name} template" for name, template in (("identifier", mapping.identifier_template), ("title", mapping.title_template)) if f"{{{key}}}" in template
        ]
        folded = {k.lower(): k for k in keys}.get(key.lower())
        close = folded or next(iter(difflib.get_close_matches(key, sorted(keys), n=1, cutoff=0.6)), "")
        named.append(f"{key!r} (for {' and '.join(uses)}{f'; did you mean {close!r}?' if close else ''})")
        meant |= {close, close.partition("[].")[0]} if close else set()
    one = len(unseen) == 1
    shown = listed_first([repr(k) for k in sorted(keys)], 30)
    return IngestNote(
        str(path),
        f"the mapping {mapping.source} names {'a key' if one else 'keys'} {', '.join(named)} that no line of the file "
        f"has ({lines:,} line{'' if lines == 1 else 's'} read), so {'that field' if one else 'those fields'} got no value from {'it' if one else 'them'}; the "
        f"lines have the keys [{shown}]. If the mapping misspells a key, write it as the lines spell it (case counts) "
        "and ingest the file again (the documents are updated); if the file has no such values, nothing is missing",
    ), meant


def read_mapped_jsonl(path: Path, mapping: Mapping | str | Path) -> Iterator[DocumentRecord | IngestError | IngestNote]:
    """Yield one record per non-empty line (followed by an :class:`IngestNote` for what a transform
    tells of it, such as a DFAT ``doc_date`` the dateline overrides), or an :class:`IngestError` at
    "line N" for a line that gives no valid record (lines are read by :func:`~legation.ingest.readers.json_lines`: one
    too long, not UTF-8, or where a cut-off file stops, is such an error too); last, when a key
    the mapping names (:meth:`Mapping.source_columns`) is in none of the lines' objects, one
    IngestNote naming it (:func:`_unseen_keys`; why a note and not a failure: the module
    docstring). Keys are looked for only until each has been seen once, so a file whose lines
    have them all costs a few lookups on its first line. Raises IngestError when the mapping or
    the file cannot be read at all."""
    path = Path(path)
    if not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    transform = TRANSFORMS.get(mapping.transform)
    seen: dict[str, int] = {}
    renamed: list[tuple[str, str, int]] = []  # (identifier, as stored, line) of the lines repeating one
    unseen = mapping.source_columns()  # the keys the mapping names that no line has had yet
    keys: set[str] = set()  # the keys of the lines, while one of the mapping's is unseen (for the note)
    read = set(mapping.source_columns()) | mapping.ignore
    in_lists = {key.partition("[].")[0] for key in read if "[]." in key}  # lists of objects read in part ("naa_refs")
    unread: dict[str, int] = {}  # a key of the lines with a value that the mapping does not read → its first line
    headings = HeadingNotes(path, "key")  # names with a library heading's dates of life or relator term, as a table's
    objects = 0
    for item in json_lines(path):  # long lines, bytes not UTF-8 and a cut-off file are IngestError items
        if isinstance(item, IngestError):
            yield item
            continue
        number, line = item
        where = f"line {number}"
        try:
            obj = parse_json(line)
        except json.JSONDecodeError as exc:
            yield json_line_failure(str(path), exc, where)
            continue
        if not isinstance(obj, dict):
            yield IngestError(str(path), "is not a JSON object; give one object per line", where)
            continue
        objects += 1
        if unseen:
            unseen = [key for key in unseen if not _has(obj, key)]
            if len(keys) < _KEYS_KEPT:  # keys that are data (an id each) would otherwise be kept in their millions
                keys.update(obj)
                keys.update(f"{k}[].{inner}" for k, v in obj.items() if isinstance(v, list) for o in v if isinstance(o, dict) for inner in o)
        if len(unread) < _KEYS_KEPT:
            for key in _keys_with_values(obj, in_lists):
                if key not in read and key not in unread and key.partition("[].")[0] not in mapping.ignore:
                    unread[key] = number
        raw = {k: str(v) for k, v in obj.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool)}
        values = Values(mapping, raw)
        cells = {key: _text(_get(obj, key)) for key in mapping.columns}
        for key, field_name in mapping.columns.items():
            values.add(field_name, cells[key])
        headings.read(values, cells, where)
        if transform:
            transform(obj, values)
        try:
            record = values.record()
            seen[record.identifier] = count = seen.get(record.identifier, 0) + 1
            if count > 1:  # the next "-N" no line has given yet: a line's own "a-2" before a second "a" keeps it
                given = record.identifier
                while f"{given}-{count}" in seen:
                    count += 1
                seen[given] = count
                record.identifier = f"{given}-{count}"
                record = record.validate()  # values.record() validated it under the identifier given
                seen[record.identifier] = 1  # taken: a later line giving it is renamed in turn, not refused
                renamed.append((given, record.identifier, number))
            yield located(record, where)
        except RecordError as exc:
            yield IngestError(str(path), str(exc), where)
            continue
        yield from (IngestNote(str(path), f"{record.identifier}: {note}", where) for note in values.notes)
    if renamed:
        yield _renamed(path, renamed)
    yield from headings.notes()
    meant: set[str] = set()  # keys of the lines a key the mapping names and none has is taken for, said there
    if unseen and objects:
        note, meant = _unseen_keys(path, mapping, unseen, keys, objects)
        yield note
    if unread := {key: line for key, line in unread.items() if key not in meant}:
        yield _unread_keys(path, mapping, unread)


def _keys_with_values(obj: dict, in_lists: set[str]) -> Iterator[str]:
    """The keys of ``obj`` with a value (not null, "", [] or {}), a list of objects of ``in_lists``
    (read in part) as the keys of its objects that have one (``"naa_refs[].barcode"``)."""
    for key, value in obj.items():
        if value in (None, "", [], {}):
            continue
        if key in in_lists and isinstance(value, list):
            yield from dict.fromkeys(f"{key}[].{inner}" for item in value if isinstance(item, dict) for inner, v in item.items() if v not in (None, "", [], {}))
        else:
            yield key


def _unread_keys(path: Path, mapping: Mapping, unread: dict[str, int]) -> IngestNote:
    """The note on the keys of the lines the mapping does not read (``unread``: each key with the
    first line giving it a value, in the order first seen), whose values were not stored: the first
    30 named with their lines, and what to do."""
    shown = listed_first([f"{key!r} (line {number:,})" for key, number in unread.items()], 30)
    one = len(unread) == 1
    return IngestNote(str(path), f"{'a key' if one else 'keys'} of the lines {shown} {mapping.not_read(one)}")


def _renamed(path: Path, renamed: list[tuple[str, str, int]]) -> IngestNote:
    """The note on the lines that repeat an identifier of an earlier line, stored with "-2", "-3" …
    (the module docstring), naming the first five: a mapping whose identifier is not one per
    document (a volume's number alone) shows here, before the documents are searched."""
    shown = listed_first([f"{old!r} at line {number:,} as {new!r}" for old, new, number in renamed], 5)
    lines = "a line repeats" if len(renamed) == 1 else f"{len(renamed):,} lines repeat"
    return IngestNote(
        str(path),
        f"{lines} the identifier of an earlier line, stored with -2, -3 … in file order: {shown}. If the identifiers should "
        "differ, correct the lines or the mapping's identifier or identifier_template, and ingest the file again",
    )
