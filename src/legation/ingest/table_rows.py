"""What a row of a table cannot hold, kept from the stored document the row updates.

A CSV row (a spreadsheet, or ``legation export --format csv`` corrected in one and ingested again)
holds less than a document: one text, without its notes, kind or own language; agents and
collections by name only. And a table may leave out whole columns: a sheet of identifiers and
corrected dates. Read as it stands, such a row would replace a stored document with its reduced
form: an archivist who exported FRUS to a spreadsheet, mended a title and ingested it again lost
every footnote and translation, every agent's authority key and every volume's collection key
(the volumes then keyed by a slug of their titles, so that citations found none of them).

So a record a table gave (:func:`from_table`) updates a stored document only in what the table
holds (:func:`with_stored_parts`), as spreadsheet imports of archival systems update the columns a
file carries (AtoM's CSV import matched on identifiers, Omeka's "revise" mode):

- a field whose column the file lacks keeps its stored value (a sheet of identifiers and dates, without
  titles, too: :data:`UNTITLED`); an empty cell of a column the file
  has empties it, as the row says. A date column without one of dates as written changes the date
  as written only with the date ("Washington, June 5, 1917" stays while the date is 1917-06-05);
- agents, of a document another source gave (TEI, JSON, JSON Lines): a name the row gives that a
  stored agent in the same role bears (as its name or one of its other names), or the key it gives,
  is that agent, with its key, kind and names; a stored agent the row no longer names is dropped; a
  new name that one agent of the archive bears (``John Foster Dulles``, stored as
  ``person:john-f-dulles``: :func:`archive_agents`) is that agent, another added as the table reader keys it. A
  document a table gave before (or one whose source is not known) takes the row's agents as read, so
  the keys and kinds a table's names make now replace those an earlier Legation made
  (:mod:`legation.records.agent_keys`), but for a stored agent an authority's id keyed (``gnd:…``,
  :func:`_given`) whose name the row gives in a table without that role's keys: it stays (the
  Moritz letters exported as CSV, names alone, lost their GND keys when ingested again). A document another
  source gave keeps that source's name as the file it was last ingested from when a table's row
  corrects it, so the next table read for it still finds the source's agents;
- collections: a title the row gives that one of the stored document's collections bears (but for
  case, accents, spaces and punctuation: :func:`title_key`, so that "Volume XXX: China" mended from
  "Volume XXX, China" stays the volume) is that collection (its key, its title); else the archive's
  collection under the key the row's title makes; else the one collection of the archive bearing
  that title (:func:`archive_collections`); else a new one, and a document a row so takes out of a
  collection is said;
- texts: the row's text is the stored document's first text; the same text (but for spaces at its
  ends, which a table's cells lose, and line ends a spreadsheet saves as CR LF) keeps every stored
  text as it is, a corrected one replaces only the first text's body (its notes, kind and language
  stay, and the other texts: translations); an empty cell deletes no text (the ingest says so: a
  text is deleted in the admin);
- dates: a row's date that cannot be read (``1/6/1951``, as a spreadsheet reformats dates) leaves a
  stored date as it is, and the ingest says so, rather than leave the document undated; a date as
  written in a spreadsheet's form that reads as the stored date (``3/18/1949``) leaves the stored
  form ("March 18, 1949—6 p. m.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from legation.ingest.dates import parse_archival_date
from legation.ingest.mappings import FIELDS, Mapping
from legation.ingest.names import direct_name
from legation.ingest.readers import CSV_SUFFIXES
from legation.search.analyzers import letters_folded
from legation.records.chunks import chunks
from legation.records.document_record import AGENT_KINDS, AGENT_ROLES, AgentRef, CollectionRef, DocumentRecord, TextRecord

# The record fields each table field (legation.ingest.mappings.FIELDS) gives, when its column is there.
_RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "type": ("document_type",),
    "place": ("place_sent", "place_written"),
    "summary": ("summary",),
    "source": ("source_note",),
    "repository": ("repositories",),
    "rights": ("rights",),
    "credit": ("credit",),
    "classification": ("classification",),
    "url": ("source_url",),
    "language": ("language",),
    "pages": ("pages",),
    "subject": ("subjects",),
    "relation": ("relations",),
}
_DATE_FIELDS = ("date_text", "date_edtf", "date_earliest", "date_latest")


def table_fields(mapping: Mapping) -> frozenset[str]:
    """The fields a table read with ``mapping`` gives a value or an empty cell: those of its columns,
    its defaults, its constant collection and title template; every field when a transform may add
    any."""
    if mapping.transform:
        return FIELDS
    fields = {*mapping.columns.values(), *mapping.defaults}
    if mapping.collection:
        fields.add("collection")
    if mapping.title_template:
        fields.add("title")
    return frozenset(fields)


# The title a row of a table without a title column is read with: the stored document's replaces it
# (with_stored_parts); a document new to the archive cannot be added so (legation.ingest.service).
UNTITLED = "(the table has no title column)"


def from_a_table_file(name: str) -> bool:
    """Whether the file a document was last ingested from (its name, ``""`` when not known) is a
    table, or not known."""
    return not name or name.lower().endswith(CSV_SUFFIXES)


def from_table(record: DocumentRecord, fields: Iterable[str]) -> DocumentRecord:
    """``record``, remembering that a table gave it, with columns for ``fields`` (names of
    :data:`legation.ingest.mappings.FIELDS`: ``"title"``, ``"sender"``, ``"text"`` …). Not a record
    field, as :func:`legation.ingest.readers.located`. Returns ``record``."""
    record.__dict__["_table_fields"] = frozenset(fields)
    return record


def table_fields_of(record: DocumentRecord) -> frozenset[str] | None:
    """The fields :func:`from_table` remembers for ``record``; ``None`` for a record no table gave."""
    return record.__dict__.get("_table_fields")


def with_stored_parts(
    stored: DocumentRecord | None,
    record: DocumentRecord,
    fields: frozenset[str],
    collections: dict[str, CollectionRef] | None = None,
    stored_from_table: bool = True,
    agents: dict[str, AgentRef] | None = None,
) -> DocumentRecord:
    """``record``, read from a table with columns for ``fields``, completed with what the table
    does not hold from ``stored``, the stored document of its identifier (rules: the module's
    docstring); ``None`` for a document new to the archive, whose collections alone are looked up.
    ``collections``: the archive's collections the row's titles may name (:func:`archive_collections`);
    ``stored_from_table``: whether a table gave ``stored`` too, or its source is not known
    (:func:`from_a_table_file`); ``agents``: the archive's agents the row's new names may name
    (:func:`archive_agents`). The result is validated as the reader validated ``record``."""
    if stored is None:
        found = _collections([], record.collections, fields, collections or {})
        return record if found == record.collections else replace(record, collections=found).validate()
    kept: dict = {}
    for field, names in _RECORD_FIELDS.items():
        if field not in fields:
            kept.update({name: getattr(stored, name) for name in names})
    if "date_text" not in fields and ("date" not in fields or record.date_edtf == stored.date_edtf) or unread_date(stored, record) or _rewritten(stored, record):
        kept.update({name: getattr(stored, name) for name in _DATE_FIELDS})  # the date as written stays with its date
    kept["agents"] = _agents(stored.agents, record.agents, fields, stored_from_table, agents or {})
    kept["collections"] = _collections(stored.collections, record.collections, fields, collections or {})
    kept["texts"] = _texts(stored, record, fields)
    return replace(record, **kept).validate()


def unread_date(stored: DocumentRecord | None, record: DocumentRecord) -> bool:
    """Whether ``record``'s row gives a date that cannot be read where ``stored`` has one (its date
    cell in a spreadsheet's form that reads as no date, ``7/10/1955``, and the date as written
    another: that one's reading is not the date cell's): kept."""
    if stored is None or not stored.date_edtf:
        return False
    cell = date_cell(record)
    return bool(record.date_text) and not record.date_edtf or bool(_SPREADSHEET_DATE.fullmatch(cell)) and not parse_archival_date(cell).edtf


# How spreadsheets rewrite the dates of a CSV they open: 3/18/1949, 18.03.49, 21-Jan, Jun-66
_SPREADSHEET_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}-[A-Za-z]{3}(?:-\d{2,4})?|[A-Za-z]{3}-\d{2,4}")


def _rewritten(stored: DocumentRecord, record: DocumentRecord) -> bool:
    """Whether the row's date as written is the stored date in a spreadsheet's form (``3/18/1949`` for
    "March 18, 1949—6 p. m."): the date is the same, its written form (the hour) would be lost."""
    return record.date_edtf == stored.date_edtf != "" and record.date_text != stored.date_text and bool(_SPREADSHEET_DATE.fullmatch(record.date_text))


def date_cell(record: DocumentRecord) -> str:
    """The row's date cell as written (:func:`remember_date_cell`), ``""`` when not known."""
    return record.__dict__.get("_date_cell", "")


def remember_date_cell(record: DocumentRecord, cell: str) -> DocumentRecord:
    """``record``, remembering the date cell its row gave (not a field, as :func:`from_table`)."""
    record.__dict__["_date_cell"] = cell
    return record


def _agents(
    stored: list[AgentRef], read: list[AgentRef], fields: frozenset[str], stored_from_table: bool, archive: dict[str, AgentRef]
) -> list[AgentRef]:
    agents: list[AgentRef] = []
    for role in AGENT_ROLES:
        mine = [a for a in stored if a.role == role]
        if role not in fields and f"{role}_key" not in fields:
            agents += mine
            continue
        if stored_from_table:  # the row's agents as read: keyed by the table's keys, or made of their names anew
            keyed = [a for a in mine if _given(a.key)] if f"{role}_key" not in fields else []  # but those an id keyed, by name
            agents += [next((a for a in keyed if {r.name, *r.names} & _borne(a)), r) for r in read if r.role == role]
            continue
        for ref in (r for r in read if r.role == role):
            forms = {ref.name, *ref.names}
            same = [a for a in mine if a.key == ref.key] or [a for a in mine if forms & _borne(a)]
            if not same and (known := archive.get(ref.name)) is not None:
                same = [replace(known, role=role)]  # a name added in the sheet that an agent of the archive bears
            agents += [a for a in same or [ref] if all((a.key, a.role) != (b.key, b.role) for b in agents)]
    return agents


def _borne(agent: AgentRef) -> set[str]:
    """The names a stored ``agent`` bears, a person's also as a table's row reads them
    (:func:`legation.ingest.names.direct_name`), so that the row naming it as stored is that agent: the
    Wilson Center's "Roshchin, N. V. (Nikolai Vasilevich), 1901-1960", exported as CSV and read again as
    "N. V. Roshchin" (a library heading), was made another agent, and its document "updated"."""
    names = {agent.name, *agent.names}
    return names | {direct_name(n) for n in names} if agent.kind == "person" else names


def _given(key: str) -> bool:
    """Whether an agent's ``key`` is an authority's id a source gave (``gnd:118647733``), not one
    a reader made of the name (``person:dean-acheson``,
    :func:`legation.ingest.mappings.agent_key`): one a table's names alone keep; a key made of a name
    is made again as a table's row reads it, so a key an earlier Legation made is replaced."""
    return key.partition(":")[0] not in AGENT_KINDS


def _collections(
    stored: list[CollectionRef], read: list[CollectionRef], fields: frozenset[str], archive: dict[str, CollectionRef]
) -> list[CollectionRef]:
    if "collection" not in fields:
        return list(stored)
    found: list[CollectionRef] = []
    for ref in read:
        title = title_key(ref.title)
        same = next((c for c in stored if c.key == ref.key or title_key(c.title) == title), None) or archive.get(title) or ref
        if all(c.key != same.key for c in found):
            found.append(same)
    return found


def _texts(stored: DocumentRecord, record: DocumentRecord, fields: frozenset[str]) -> list[TextRecord]:
    body = record.texts[0].body if record.texts else ""
    if "text" not in fields or not body:
        return list(stored.texts)  # an empty cell deletes no text, nor the notes and translations the row does not show
    if not stored.texts:
        return list(record.texts)
    first = stored.texts[0]
    return list(stored.texts) if _same_text(first.body, body) else [replace(first, body=body), *stored.texts[1:]]


def _same_text(stored: str, cell: str) -> bool:
    """Whether a cell holds the stored text: but for spaces at its ends, which a table's cells lose, and
    line ends, which a spreadsheet may save as CR LF."""
    return stored.strip() == cell.strip() or stored.replace("\r\n", "\n").strip() == cell.replace("\r\n", "\n").strip()


def emptied_texts(stored: DocumentRecord | None, record: DocumentRecord, fields: frozenset[str]) -> bool:
    """Whether ``record``'s row leaves its text cell empty though ``stored`` has a text: kept
    (:func:`with_stored_parts`), and said (a row cannot delete a text)."""
    return stored is not None and "text" in fields and not record.texts and any(t.body for t in stored.texts)


def _named_anew(model, wanted: dict[str, str]) -> set[str]:
    """The names (titles) of ``wanted`` (``{key: name}``, as a table's rows key them) whose keys
    ``model`` (Collection, Agent) has none of: the names to look for as the archive has them."""
    keys = sorted(wanted)
    known = {key for chunk in chunks(keys) for key in model.objects.filter(key__in=chunk).values_list("key", flat=True)}
    return {name for key, name in wanted.items() if key not in known}


def archive_collections(records: Iterable[DocumentRecord]) -> dict[str, CollectionRef]:
    """The archive's collections that the table ``records``' collections name by title only:
    ``{title_key(title): collection}`` for each title of theirs whose key (the one a row's title makes)
    the archive lacks and one collection of it alone bears, as :func:`title_key` reads titles (a FRUS
    volume, keyed ``frus1949v07p1``). The keys looked up in chunks (:func:`_named_anew`), and, when
    some are new, every collection's key and title read once (an archive holds hundreds of
    collections, not millions)."""
    from legation.records.models import Collection

    titles = _named_anew(Collection, {c.key: c.title for r in records for c in r.collections})
    if not titles:
        return {}
    wanted_titles = {title_key(t) for t in titles}
    by_title: dict[str, list[CollectionRef]] = {}
    for key, title in Collection.objects.values_list("key", "title").iterator():  # folded titles: compared here
        if (folded := title_key(title)) in wanted_titles:
            by_title.setdefault(folded, []).append(CollectionRef(key=key, title=title))
    return {title: refs[0] for title, refs in by_title.items() if len(refs) == 1}


def archive_agents(records: Iterable[DocumentRecord]) -> dict[str, AgentRef]:
    """``{name: agent}`` for the names the table ``records`` give whose key (the one the table's
    reader makes of the name) the archive lacks and that one agent of the archive alone bears, as its
    preferred name or another of its names, exactly as written: chunked queries of keys, then of names."""
    from legation.records.models import Agent, AgentName

    names = sorted(_named_anew(Agent, {a.key: a.name for r in records for a in r.agents}))
    owners: dict[str, set[tuple[str, str, str]]] = {}
    for chunk in chunks(names):
        for key, name, kind in Agent.objects.filter(name__in=chunk).values_list("key", "name", "kind"):
            owners.setdefault(name, set()).add((key, name, kind))
        for name, key, preferred, kind in AgentName.objects.filter(name__in=chunk).values_list("name", "agent__key", "agent__name", "agent__kind"):
            owners.setdefault(name, set()).add((key, preferred, kind))
    return {name: AgentRef(key=key, name=preferred, kind=kind) for name, found in owners.items() if len(found) == 1 for key, preferred, kind in found}


def title_key(title: str) -> str:
    """A collection's title as rows are matched by it: its letters and digits, lowercased, accents and
    dashes folded (``"Foreign Relations …, Volume XXX: China"`` = ``"… Volume XXX, China."``)."""
    return "".join(c for c in letters_folded(title) if c.isalnum())
