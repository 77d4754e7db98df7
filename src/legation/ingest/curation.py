"""Curators' corrections survive re-ingest: each document remembers, field by field, what its source
last gave.

:attr:`Document.ingested <legation.records.models.Document.ingested>` holds one digest per field of
:data:`FIELDS` (``{"title": "3f2a…", …}``, 16 hex digits of BLAKE2b, see :func:`field_digests`) as
the last ingest stored it. When a source is ingested again, each field of the stored document is
one of:

- **as ingested** (stored digest = remembered digest): the source's value replaces it, as before;
- **curated** (the stored value differs from what was last ingested, so someone changed it since,
  in the admin): the stored value is kept. When the source also changed that field since the last
  ingest (and not to the curator's value), the ingest reports a :class:`Conflict` naming the
  document and the field; the correction is still kept, and the source's value is in the source
  file for whoever wants it. The remembered digest moves to the source's new value, so the conflict
  is reported once, by the ingest that brought the change.

A document ingested before Legation remembered digests (``ingested`` is null), or created in the
admin, has nothing to compare with: the source replaces it, as before, and its digests are
remembered from then on. A field added to :data:`FIELDS` after a document's digests were
remembered (``pages``) counts as remembered empty, the value the migration adding it stored
(:func:`last_digest`): a value entered since in the admin is a correction, kept. Dates are one
field (the EDTF value and its first and last day go together, the admin derives the days from the
value); agents, collections, subjects and texts are one field each (agents compared by role and
key, collections by key: see :func:`_values`), and so are repositories and related documents. The
same digests tell the ingest service whether a document changed at all.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any

from legation.printable import shortened, with_article
from legation.records.chunks import chunks
from legation.records.document_record import DocumentRecord, Footnote, TextRecord, distinct_identifiers
from legation.records.models import Document
from legation.search.analyzers import OWN_WORD_CHAR

FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "document_type": ("document_type",),
    "date_text": ("date_text",),
    "date_edtf": ("date_edtf", "date_earliest", "date_latest"),
    "place_sent": ("place_sent",),
    "place_written": ("place_written",),
    "summary": ("summary",),
    "source_note": ("source_note",),
    "repositories": ("repositories",),
    "rights": ("rights",),
    "credit": ("credit",),
    "classification": ("classification",),
    "source_url": ("source_url",),
    "language": ("language",),
    "collections": ("collections",),
    "pages": ("pages",),
    "agents": ("agents",),
    "subjects": ("subjects",),
    "texts": ("texts",),
    "relations": ("relations",),
}  # name reported → the record fields it covers


SHOWN_CHARS = 80  # of a source's value in a conflict's message, and of each value of a FieldChange (legation.printable.shortened)
DIFFERENCE_CONTEXT = 20  # characters, about: what a FieldChange shows of a long value before where it changed


@dataclass(frozen=True)
class Conflict:
    """A field a curator corrected that the source changed too: ``where`` (file: identifier), the
    document's ``identifier``, the ``field`` (a key of :data:`FIELDS`) and, for a field of one value,
    the source's new ``source_value`` (``""`` when the source has none; a summary of several lines
    whole). A list field (agents, collections, subjects, repositories, texts, related documents) is
    no one value: its ``source_value`` is None and ``difference`` says where the source's differs
    from the archive's, which was kept, as :func:`changes` says it for an update (``before`` the
    archive's items the source lacks, ``after`` the source's the archive lacks: a changed footnote as
    ``"transcript (en), note 2: …words…"``). A footnote's conflict said no word of it, and
    reported its source value as ``""``, a value it was not."""

    where: str
    identifier: str
    field: str
    source_value: str | None = ""
    difference: FieldChange | None = dataclass_field(default=None, kw_only=True)

    def message(self) -> str:
        """One sentence for the operator: what was kept, what the source says, what to do."""
        return (
            f"{self.field} was corrected in the admin and the source changed it too ({self._source_says()}); the "
            "correction was kept. To take the source's value, enter it in the admin"
        )

    def _source_says(self) -> str:
        """``the source now has 'New'`` (``… has none``); for a list, ``the source now has 'transcript (en), note 2: …stamped…'
        where the archive has 'transcript (en), note 2: …typed…'`` (``… also has``, ``… lacks`` when one side has nothing)."""
        if self.difference is None:
            return f"the source now has {shortened(self.source_value, SHOWN_CHARS)!r}" if self.source_value else "the source now has none"
        has, had = (", ".join(repr(item) for item in side) for side in (self.difference.after, self.difference.before))
        if has and had:
            return f"the source now has {has} where the archive has {had}"
        return f"the source now also has {has}" if has else f"the source now lacks {had}"


@dataclass(frozen=True)
class KindConflict(Conflict):
    """An agent a source gives another kind than the archive holds it as, under its key
    (:func:`legation.records.agent_keys.as_stored_kinds`): ``field`` is ``"agents"``, ``source_value``
    the kind the source gives, ``kept`` the archive's, kept; ``name`` and ``key`` the agent's as read.
    Reported once an ingest for an agent and a kind, at the first document giving it so, and not
    again at later ingests (:attr:`Agent.other_kind_reported`)."""

    name: str = ""
    key: str = ""
    kept: str = ""

    def message(self) -> str:
        return (
            f"the agent {self.name!r} ({self.key}) is {with_article(self.kept)} in the archive, and the source gives it as "
            f"{with_article(self.source_value)}; the archive's kind was kept, as an agent's kind, like its name, is one for all its "
            "documents and may be a curator's correction. If the source is right, change the agent's kind in the admin (Agents, "
            "searched by its key), which re-indexes its documents; else correct the source"
        )


@dataclass(frozen=True)
class FieldChange:
    """What a re-ingest changed in one field (a key of :data:`FIELDS`) of one document, as the
    operator reads it in the ingest report: for a field of one value, the value ``before`` and
    ``after`` (one string each, or none when empty; the date's EDTF alone, not its days); for a list
    (agents, collections, subjects, repositories, texts, related documents), the items only the
    stored document held (``before``) and those only the new one holds (``after``): agents as
    "name (role)", collections by title, texts as "kind (language), N characters, M notes", or where
    a text's words or a note's changed, "kind (language): …words…", "kind (language), note 3: …words…",
    a note renumbered "kind (language), note 4 (was 3): its words" (:func:`_texts_changed`). Each
    string at most :data:`SHOWN_CHARS` + 1 characters (:func:`legation.printable.shortened`). A list
    whose items are the same but in another order gives the whole list on both sides."""

    field: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """As ``--report`` writes it: ``{"field": "title", "before": "Old", "after": "New"}`` (an
        empty value: ``null``); for a list, what was removed and added, ``{"field": "agents",
        "removed": ["Chou En-lai (sender)"], "added": ["Zhou Enlai (sender)"]}``, both whole lists when
        only the order changed."""
        if self.field in _LISTS:
            return {"field": self.field, "removed": list(self.before), "added": list(self.after)}
        return {"field": self.field, "before": next(iter(self.before), None), "after": next(iter(self.after), None)}

    def message(self) -> str:
        """``title 'Old' → 'New'``, ``date_edtf none → 1949-12-22``, ``agents − 'Chou En-lai (sender)', + 'Zhou Enlai (sender)'``."""
        if self.field in _LISTS:
            return f"{self.field} " + ", ".join([*(f"− {v!r}" for v in self.before), *(f"+ {v!r}" for v in self.after)])
        before, after = (repr(v[0]) if v else "none" for v in (self.before, self.after))
        return f"{self.field} {before} → {after}"


def changes(stored: DocumentRecord, record: DocumentRecord) -> list[FieldChange]:
    """What storing ``record`` over ``stored`` (the same document as stored now) changes, field by
    field in the order of :data:`FIELDS`: the fields whose :func:`_values` differ, the same ones
    whose :func:`field_digests` differ, each a :class:`FieldChange` (:func:`field_change`)."""
    old, new = _values(stored), _values(record)
    return [field_change(stored, record, name) for name in FIELDS if old[name] != new[name]]


def field_change(stored: DocumentRecord, record: DocumentRecord, name: str) -> FieldChange:
    """How the field ``name`` (a key of :data:`FIELDS`) of ``record`` differs from that of
    ``stored``, as a :class:`FieldChange` shows it."""
    if name not in _LISTS:
        before, after = ((v,) if (v := getattr(r, FIELDS[name][0])) else () for r in (stored, record))
        if before and after:
            before, after = (tuple([v]) for v in _differing(before[0], after[0]))
    elif name == "texts":
        before, after = _texts_changed(stored, record)
    else:
        was, now = _shown(stored, name), _shown(record, name)
        before = tuple(v for k, v in was.items() if k not in now)
        after = tuple(v for k, v in now.items() if k not in was)
        if name == "agents" and set(before) & set(after):  # one name, another key (a body once read as a person)
            was, now = _shown(stored, name, keyed=True), _shown(record, name, keyed=True)
            before, after = tuple(v for k, v in was.items() if k not in now), tuple(v for k, v in now.items() if k not in was)
        if not before and not after:  # the same items, in another order
            before, after = tuple(was.values()), tuple(now.values())
    return FieldChange(name, *(tuple(v if name == "texts" else shortened(v, SHOWN_CHARS) for v in side) for side in (before, after)))


def _differing(before: str, after: str, limit: int = SHOWN_CHARS) -> tuple[str, str]:
    """``before`` and ``after`` as :class:`FieldChange` shows them: whole when both are short; else
    each from a few words before their first difference (after "…"), so that two long values
    differing near their end do not read alike."""
    if len(before) <= limit and len(after) <= limit:
        return before, after
    same = len(os.path.commonprefix([before, after]))
    start = max(0, same - DIFFERENCE_CONTEXT)
    if (space := before.rfind(" ", 0, start)) >= max(0, start - DIFFERENCE_CONTEXT):
        start = space + 1  # whole words before the difference; a text without spaces (Chinese) from a few characters before it
    lead = "…" if start else ""
    return lead + shortened(before[start:], limit), lead + shortened(after[start:], limit)


def _texts_changed(stored: DocumentRecord, record: DocumentRecord) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What ``record`` changes of the texts of ``stored``, a text paired with the one of its kind and
    language (the first with the first): where a text's words differ (:func:`_differing`), as
    ``"transcript (en): …words…"``, and where its notes' words do, note by note, as ``"transcript
    (en), note 3: …words…"`` (:func:`_notes_changed`; the count of notes alone was shown, "2 notes,
    other words"); a text only one side has as ``"translation (ru), 6,219 characters, 2 notes"`` on
    that side."""
    before: list[str] = []
    after: list[str] = []
    new_texts = list(record.texts)
    for old in stored.texts:
        label = f"{old.kind} ({old.language})"
        new = next((t for t in new_texts if (t.kind, t.language) == (old.kind, old.language)), None)
        if new is None:
            before.append(_described(old))
            continue
        new_texts.remove(new)
        if old.body != new.body:
            was, now = _differing(old.body, new.body)
            before.append(f"{label}: {was}")
            after.append(f"{label}: {now}")
        if old.footnotes != new.footnotes:
            was, now = _notes_changed(old.footnotes, new.footnotes)
            before += [f"{label}, {note}" for note in was]
            after += [f"{label}, {note}" for note in now]
    after += [_described(t) for t in new_texts]
    if not before and not after:  # the same texts, in another order
        before, after = [_described(t) for t in stored.texts], [_described(t) for t in record.texts]
    return tuple(before), tuple(after)


def _notes_changed(old: list[Footnote], new: list[Footnote]) -> tuple[list[str], list[str]]:
    """What ``new`` changes of the footnotes ``old`` of one text, the notes paired by their words
    (:class:`difflib.SequenceMatcher`, so that a note added or removed does not pair its neighbours
    with each other; among the notes whose words differ, each with the one of the other side whose
    words are likeliest its own, :func:`_mended`): a note whose words changed as ``"note 3:
    …words…"`` on each side, from a few words before where they differ (:func:`_differing`), one only one side has as ``"note 4: its
    words"`` on that side (at most :data:`SHOWN_CHARS` + 1 characters), its new mark followed by the old
    when it was renumbered too (``"note 4 (was 3): …words…"``), and a note whose words stayed
    but whose mark changed with its words on each side, as ``"note 3: its words"`` and ``"note 4 (was 3):
    its words"`` (it was ``"notes 3"`` and ``"notes 4 renumbered"``, a plural for one note and a line
    without the note's words); :data:`MIN_RUN_SHOWN` notes or more renumbered alike in a row, as a note
    added near a text's start makes them, as one range on each side, ``"notes 3–40: 38 notes,
    renumbered"`` and ``"notes 4–41 (were 3–40): the same 38 notes, their words unchanged"``. A note is named by its mark, or by its place among the text's notes
    when it has none (``"note #2"``)."""
    def mark(notes: list[Footnote], place: int) -> str:
        return notes[place].n if notes[place].n.strip() else f"#{place + 1}"

    before: dict[int, str] = {}  # by the note's place among the old notes, to be shown in their order
    after: dict[int, str] = {}  # by its place among the new
    matcher = difflib.SequenceMatcher(None, [f.text for f in old], [f.text for f in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for run in _renumbered_runs(old, new, range(i1, i2), range(j1, j2)):
                (i, j), (last_i, last_j) = run[0], run[-1]
                if len(run) >= MIN_RUN_SHOWN:  # a note added or removed before many: one line, not a line each
                    was, now = f"{old[i].n}–{old[last_i].n}", f"{new[j].n}–{new[last_j].n}"
                    before[i] = f"notes {was}: {len(run)} notes, renumbered"
                    after[j] = f"notes {now} (were {was}): the same {len(run)} notes, their words unchanged"
                    continue
                for i, j in run:
                    words = shortened(old[i].text, SHOWN_CHARS)
                    before[i] = f"note {mark(old, i)}: {words}"
                    after[j] = f"note {mark(new, j)} (was {mark(old, i)}): {words}"
            continue
        for i, j in _mended(old, new, range(i1, i2), range(j1, j2)):
            was, now = _differing(old[i].text, new[j].text)
            renumbered = f" (was {mark(old, i)})" if mark(old, i) != mark(new, j) else ""
            before[i] = f"note {mark(old, i)}: {was}"
            after[j] = f"note {mark(new, j)}{renumbered}: {now}"
        for i in range(i1, i2):  # a note left unpaired: removed
            before.setdefault(i, f"note {mark(old, i)}: {shortened(old[i].text, SHOWN_CHARS)}")
        for j in range(j1, j2):  # added
            after.setdefault(j, f"note {mark(new, j)}: {shortened(new[j].text, SHOWN_CHARS)}")
    return [before[i] for i in sorted(before)], [after[j] for j in sorted(after)]


NOTES_ALIKE = 0.6  # difflib's ratio of two notes' words from which they are one note mended: difflib.Differ's cutoff, 0.75,
# is of characters; a word is a larger step ("…bears this typed signature, checked against the original." → "…bears this
# stamped signature.", one note mended twice, is 0.72 of words)
MAX_NOTES_COMPARED = 2_500  # pairs of notes of one block (50 by 50), beyond which they are paired by place
_WORDS = re.compile(rf"{OWN_WORD_CHAR.pattern}|\w+|\S")  # a Han, kana or Hangul character, a word, or a mark between words


def _mended(old: list[Footnote], new: list[Footnote], olds: range, news: range) -> list[tuple[int, int]]:
    """The notes of ``old`` and ``new`` at ``olds`` and ``news`` (their places: a block of notes
    whose words differ from every note of the other side's block) paired as one note whose words
    changed, as ``(place in old, place in new)``: each with the note of the other side whose words
    are likeliest its own, likeliest first, where :meth:`difflib.SequenceMatcher.ratio` of their
    words (:data:`_WORDS`; 2 × words in common, in order / words of both, 0–1) is at least
    :data:`NOTES_ALIKE`, as :class:`difflib.Differ` pairs a changed line with its old form. A note in
    no pair was removed or added: note 2 removed and note 3 renumbered 2 and mended pair the old
    note 3 with the new 2, not, by place, the old 2 with the new 2 (read as note 2 rewritten, note 3
    removed). A block of more pairs than :data:`MAX_NOTES_COMPARED` (a change made in each note of
    a long text) is paired by place, first with first, so that the report stays quick."""
    if len(olds) * len(news) > MAX_NOTES_COMPARED:
        return list(zip(olds, news))
    old_words, new_words = {i: _WORDS.findall(old[i].text) for i in olds}, {j: _WORDS.findall(new[j].text) for j in news}
    likeness: list[tuple[float, int, int]] = []
    for i in olds:
        for j in news:
            matcher = difflib.SequenceMatcher(None, old_words[i], new_words[j], autojunk=False)
            if matcher.real_quick_ratio() >= NOTES_ALIKE and matcher.quick_ratio() >= NOTES_ALIKE and (ratio := matcher.ratio()) >= NOTES_ALIKE:
                likeness.append((-ratio, i, j))  # likeliest first, then in the notes' order
    pairs: list[tuple[int, int]] = []
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    for _, i, j in sorted(likeness):
        if i not in paired_old and j not in paired_new:
            pairs.append((i, j))
            paired_old.add(i)
            paired_new.add(j)
    return pairs


MIN_RUN_SHOWN = 3  # notes renumbered alike in a row, from which they are shown as one range


def _renumbered_runs(old: list[Footnote], new: list[Footnote], olds: range, news: range) -> list[list[tuple[int, int]]]:
    """The notes of ``old`` and ``new`` paired as equal (``olds``, ``news``: their places) whose
    marks differ, in runs: a run holds notes in a row whose marks are numbers in a row, all moved
    by the same count (3, 4, 5 → 4, 5, 6); any other renumbered note is a run alone."""
    runs: list[list[tuple[int, int]]] = []
    for i, j in zip(olds, news):
        if old[i].n == new[j].n:
            continue
        if runs and (prev := runs[-1][-1]) == (i - 1, j - 1) and _follows(old[prev[0]].n, old[i].n) and _follows(new[prev[1]].n, new[j].n):
            runs[-1].append((i, j))
        else:
            runs.append([(i, j)])
    return runs


def _follows(mark: str, next_mark: str) -> bool:
    """Whether the note mark ``next_mark`` is the number after ``mark`` ("3", "4")."""
    return mark.isdigit() and next_mark.isdigit() and int(next_mark) == int(mark) + 1


def _described(text: TextRecord) -> str:
    """``"transcript (en), 7,585 characters, 5 notes"``."""
    return f"{text.kind} ({text.language}), {len(text.body):,} characters" + (f", {_notes(len(text.footnotes))}" if text.footnotes else "")


def _notes(count: int) -> str:
    return f"{count:,} note{'' if count == 1 else 's'}"


def _shown(record: DocumentRecord, name: str, keyed: bool = False) -> dict[Any, str]:
    """The items of the list field ``name`` of ``record`` as :class:`FieldChange` shows them, by
    what tells them apart (as :func:`_values` compares them); agents with their keys when ``keyed``
    (``"Auswärtiges Amt (sender, organization:auswartiges-amt)"``)."""
    if name == "agents":
        return {(a.role, a.key): f"{a.name} ({a.role}{', ' + a.key if keyed else ''})" for a in record.agents}
    if name == "collections":
        return {c.key: c.title for c in record.collections}
    values = distinct_identifiers(record.relations) if name == "relations" else getattr(record, name)
    return {value: value for value in values}


def _values(record: DocumentRecord) -> dict[str, list[str]]:
    """Each field of :data:`FIELDS` that a re-ingest may change, as a list of strings: agents by
    (role, key) once each, in role order then source order; collections by key and subjects as
    sets, repositories too; texts in order with their footnotes; related documents in order, once each.

    Agent names and collection titles are authority data: one authority record per key, shared by
    every document that points to it and curated in the admin. Sources spell them differently from
    document to document (QhoD: GND 118560107 is "Karl VI" in one letter, "Karl VI." in another;
    the collection ``context:qhod`` has five titles), so a document compares by agent (role, key)
    and by collection key only — otherwise each re-ingest would report those documents "updated"."""
    order = {"sender": 0, "recipient": 1, "mentioned": 2}
    agents = sorted(dict.fromkeys((a.role, a.key) for a in record.agents), key=lambda ra: order.get(ra[0], 3))
    scalars = {name: [getattr(record, key) for key in keys] for name, keys in FIELDS.items() if name not in _LISTS}
    return scalars | {
        "collections": sorted({c.key for c in record.collections}),
        "agents": [part for role_key in agents for part in role_key],
        "subjects": sorted(set(record.subjects)),
        "repositories": sorted(set(record.repositories)),
        "relations": distinct_identifiers(record.relations),
        "texts": [
            part
            for t in record.texts
            for part in (t.kind, t.language, t.body, str(len(t.footnotes)), *(x for f in t.footnotes for x in (f.n, f.text)))
        ],
    }


_LISTS = ("collections", "agents", "subjects", "repositories", "texts", "relations")


def field_digests(record: DocumentRecord) -> dict[str, str]:
    """``{field: digest}`` for each field of :data:`FIELDS`: 16 hex digits of BLAKE2b over the
    field's strings (:func:`_values`), each preceded by its length, so no two values share one."""
    return {name: digest(values) for name, values in _values(record).items()}


def digest(values: list[str]) -> str:
    """One field's digest (:func:`field_digests`) from its strings (:func:`_values`: a place's name
    is ``[name]``)."""
    hashed = hashlib.blake2b(digest_size=8)
    for value in values:
        data = value.encode("utf-8", "surrogatepass")
        hashed.update(b"%d:" % len(data))
        hashed.update(data)
    return hashed.hexdigest()


_EMPTY = field_digests(DocumentRecord(identifier="", title=""))  # each field's digest when it holds nothing


def last_digest(last: dict[str, str], name: str) -> str:
    """The digest ``last`` (a document's digests as remembered at its last ingest) holds for the
    field ``name`` (a key of :data:`FIELDS`); for a field added since they were remembered (``pages``),
    the digest of its empty value, which the migration adding the field gave every stored document.
    Else a value a curator entered before the next ingest would count as the source's, and that
    ingest would replace it without a word."""
    return last.get(name) or _EMPTY[name]


def last_ingested(identifiers: list[str]) -> dict[str, tuple[int, dict[str, str] | None, str]]:
    """``{identifier: (primary key, remembered digests or None, name of the file last ingested from or "")}``
    of the stored documents among ``identifiers``, in chunked queries."""
    found: dict[str, tuple[int, dict[str, str] | None, str]] = {}
    for chunk in chunks(identifiers):
        rows = Document.objects.filter(identifier__in=chunk).values_list("identifier", "pk", "ingested", "ingested_from")
        for identifier, pk, digests, origin in rows:
            found[identifier] = (pk, digests, origin)
    return found


def keep_curated(
    stored: DocumentRecord, now: dict[str, str], record: DocumentRecord, digests: dict[str, str],
    last: dict[str, str] | None, where: str,
) -> tuple[DocumentRecord, list[Conflict]]:
    """``record`` (read from the source, with ``digests``) with the curated fields of ``stored``
    (the stored document, with digests ``now``) kept, and a :class:`Conflict` (located at
    ``where``) for each curated field the source changed too. ``last`` are the digests remembered
    at the last ingest (None: nothing counts as curated)."""
    if not last:
        return record, []
    kept: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for name, keys in FIELDS.items():
        remembered = last_digest(last, name)
        if now[name] == remembered:
            continue  # as last ingested: the source's value goes in
        if digests[name] not in (remembered, now[name]):
            if name in _LISTS:
                conflicts.append(Conflict(where, record.identifier, name, None, difference=field_change(stored, record, name)))
            else:
                conflicts.append(Conflict(where, record.identifier, name, getattr(record, name)))
        kept.update((key, getattr(stored, key)) for key in keys)
    return (replace(record, **kept) if kept else record), conflicts


def remember(documents: dict[int, dict[str, str]]) -> None:
    """Store digests for documents that were not rewritten: ``{primary key: digests}``."""
    Document.objects.bulk_update([Document(pk=pk, ingested=digests) for pk, digests in documents.items()], ["ingested"])


def remember_origins(documents: dict[int, str]) -> None:
    """Store the file names documents that were not rewritten were last ingested from: ``{primary key: name}``."""
    Document.objects.bulk_update([Document(pk=pk, ingested_from=name) for pk, name in documents.items()], ["ingested_from"])
