"""Mappings: how the columns of a table (CSV) or the keys of a JSON Lines corpus become record fields.

A mapping is a JSON object; only ``columns`` is required::

    {
      "columns": {"key": "identifier", "sender": "sender", "senderID": "sender_key", …},
      "separator": "|",                       multi-value separator ("" = never split); default "|"
      "identifier_template": "{edition}-{key}",   identifier from source columns ({column} = its value)
      "identifier_prefix": "moritz-",         put before every identifier
      "title_template": "{sender} an {addressee}",  title when the source has none
      "template_missing": "N. N.",            what an empty column gives inside a template (default "?")
      "defaults": {"language": "de", "type": "Brief"},   a field's value when the source gives none
      "null_values": ["o. O."],               cell values that mean "no value"
      "ignore": ["word_count", "sha256"],     source columns (keys) left out on purpose: not named as not stored
      "collection": {"key": "moritz", "title": "…"},      a collection every record belongs to
      "collection_titles": {"letters-moritz-1": "…, Bd. 1"},  titles of collection values
      "collection_prefix": "moritz-",         put before collection keys made from values
      "collection_title_prefix": "Documents on Australian Foreign Policy, ",  put before their titles
      "values": {"type": {"telgraf": "Telegram"}},   a field's source values as they are to be stored
      "encoding": "cp1250",                   CSV only: the file's encoding (a Python codec name), not detected;
                                              ``legation ingest --encoding`` wins over it
      "transform": "dfat"                     JSON Lines only: a named corpus rule (readers.mapped_jsonl)
      "format": "jsonl"                       the files the mapping is for: "jsonl" (JSON Lines) or "csv";
                                              a folder's files of the other format are then not read (a note)
    }

Fields a column can map to (:data:`FIELDS`): ``identifier, title, type, date`` (EDTF or as written,
read by :func:`legation.ingest.dates.parse_archival_date`), ``date_text`` (the date as written,
kept verbatim; then ``date`` gives the EDTF value), ``sender, recipient, mentioned`` (names; several
with the separator; each a person's or, with a word of a body or office, an organization's: "Embassy
in France", see :func:`legation.ingest.names.agent_kind`), ``sender_key, recipient_key, mentioned_key``
(authority ids paired with the names by position: a GND URI becomes ``gnd:<id>``; a name without an
id gets ``person:<slug>`` of its direct form, "Acheson, Dean" → ``person:dean-acheson``, or
``organization:<slug>``, see :func:`agent_key`; a person's name written plainly inverted is named
in direct order, "Dean Acheson", its inverted form kept as a further name, see ``Values._agents``),
``summary, subject, language`` (a deprecated code replaced, ``iw`` → ``he``, by
:func:`~legation.records.languages.language_tag`), ``source`` (the archival citation),
``repository`` (archives holding the original; several with the separator), ``rights, credit, place, text, collection, classification,
url``, ``pages`` (the pages of the printed edition that print it: ``287`` or ``287–289``) and ``relation``
(identifiers of related documents; several with the separator).
Several columns may map to one field: for identifier, title, type, date, date_text, language,
place, url and pages the first with a value wins (a fallback); the others are joined ("; ", a blank line
between texts, lists concatenated for multi-valued fields). Values are trimmed at their ends; a
text is kept as given (but for invisible format characters, dropped as everywhere: zero-width spaces, byte order
marks …, see :func:`legation.search.analyzers.drop_invisible`; and page breaks, form feeds, which become paragraph breaks); summary, source, rights and credit keep their line breaks and paragraphs
(within a line, runs of spaces become one); the other single-valued fields are one line (runs of
whitespace, line breaks included, become one space). ``values`` replaces a field's source values
(each of several, once split) that it lists, exactly as written, by its own (the Atatürk corpus's
type codes ``konusma``, ``telgraf`` … by Speech, Telegram …); values it does not list are kept.
In JSON Lines mappings a source key may be a path into lists of objects: ``"naa_refs[].reference"``.

Bundled mappings live in this folder (``dfat.json``, …); :func:`load_mapping` takes their name or a
path. Errors in a mapping raise :class:`IngestError` naming the mapping file.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from legation.errors import DuplicateKey, IngestError, json_problem, parse_json
from legation.ingest.dates import parse_archival_date
from legation.ingest.encodings import wrong_encoding
from legation.ingest.names import agent_kind, direct_name, heading, inverted
from legation.ingest.slugs import slug, stable_slug
from legation.ingest.readers import kind_from_name
from legation.ingest.titles import collapse_space
from legation.search.analyzers import drop_invisible
from legation.records.document_record import AgentRef, CollectionRef, DocumentRecord, Footnote, RecordError, TextRecord, pages_as_written
from legation.records.languages import language_tag

BUNDLED = Path(__file__).parent
FIELDS = frozenset(
    "identifier title type date date_text sender sender_key recipient recipient_key mentioned mentioned_key "
    "summary subject language source repository rights credit place text collection classification url pages relation".split()
)
FIRST_WINS = frozenset("identifier title type date date_text language place url pages".split())
MULTI = frozenset("sender sender_key recipient recipient_key mentioned mentioned_key subject collection repository relation".split())
# Prose keeps its line breaks and paragraphs, each line's spaces collapsed; the other single-valued
# fields (title, type, place …) are one line, as spreadsheets wrap long values inside a cell.
PROSE = frozenset("summary source rights credit".split())
_KEYS = frozenset(
    "columns separator identifier_template identifier_prefix title_template template_missing defaults null_values "
    "collection collection_titles collection_prefix collection_title_prefix encoding transform description values format ignore".split()
)
_TEMPLATE = re.compile(r"\{([^{}]+)\}")


def _template_problem(template: str, identifier: bool) -> str:
    """What is wrong with a template (``"{edition}-{key}"``), or "": a brace not closed or not opened
    (``"v{vol_id"`` gave 200 documents "dfat-v{vol_id", "dfat-v{vol_id-2" …), doubled (``"{{vol_id}}"``,
    as Python's str.format escapes a brace, was said to be "not closed") or empty, or, for an identifier,
    no column at all (every line the same identifier)."""
    if not template:
        return ""
    if "{{" in template or "}}" in template:  # Python's str.format writes a brace so; here a key is in single braces
        return f"{template!r} has doubled braces; write each key in single braces, as in \"{{edition}}-{{key}}\""
    if re.search(r"\{\s*\}", template):
        return f"{template!r} has braces with no key in them; write a key in each, as in \"{{edition}}-{{key}}\""
    rest = _TEMPLATE.sub("", template)
    if (at := next((i for i, c in enumerate(rest) if c in "{}"), -1)) >= 0:
        return f"{template!r} has a {rest[at]!r} not {'closed' if rest[at] == '{' else 'opened'}; write each key in braces, as in \"{{edition}}-{{key}}\""
    if identifier and not _TEMPLATE.search(template):
        return f"{template!r} names no key in braces, so every line would have that identifier; write a key that differs per line, as in \"{{edition}}-{{key}}\""
    return ""


SEPARATOR = "|"  # the default multi-value separator, also what `legation export --format csv` joins with


@dataclass
class Mapping:
    """A loaded, checked mapping (see the module docstring for the meaning of each part)."""

    columns: dict[str, str]
    separator: str = SEPARATOR
    identifier_template: str = ""
    identifier_prefix: str = ""
    title_template: str = ""
    template_missing: str = "?"
    defaults: dict[str, str] = field(default_factory=dict)
    null_values: frozenset[str] = frozenset()
    collection: CollectionRef | None = None
    collection_titles: dict[str, str] = field(default_factory=dict)
    collection_prefix: str = ""
    collection_title_prefix: str = ""
    encoding: str = ""
    transform: str = ""
    format: str = ""  # "jsonl" or "csv": the files the mapping is for; "" both
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()  # source columns (keys) left out on purpose: no note names them
    source: str = ""  # where the mapping came from, for messages

    def source_columns(self) -> list[str]:
        """The source columns (keys) the mapping reads, in order: those of ``columns``, then those its
        ``identifier_template`` and ``title_template`` name (``{edition}-{key}`` → edition, key)."""
        templated = _TEMPLATE.findall(self.identifier_template) + _TEMPLATE.findall(self.title_template)
        return list(dict.fromkeys([*self.columns, *templated]))

    def not_read(self, one: bool = False) -> str:
        """The end of the note on source columns or keys this mapping does not read (a CSV table's,
        JSON Lines'), after their names: what was lost and what to do (``one``: of a single one)."""
        return (
            f"{'is' if one else 'are'} not in the mapping {self.source}, so {'its' if one else 'their'} values were not stored; "
            f"to keep them, map each to a field ({', '.join(sorted(FIELDS))}) in the mapping's \"columns\" and ingest the file again"
        )

    def identifier_columns(self) -> list[str]:
        """The source columns an identifier is read from: those mapped to ``identifier``, then those its
        ``identifier_template`` names (``{edition}-{key}`` → edition, key)."""
        return [c for c, f in self.columns.items() if f == "identifier"] + _TEMPLATE.findall(self.identifier_template)

    @classmethod
    def from_dict(cls, data: Any, source: str) -> Mapping:
        """Check and build a mapping; raises :class:`IngestError` naming ``source`` and the fault."""
        unknown = sorted(set(data) - _KEYS) if isinstance(data, dict) else []
        if unknown:  # first: "colums" is a misspelt key, not a missing one
            close = [m for k in unknown for m in difflib.get_close_matches(k, _KEYS, n=1)]
            meant = f" (did you mean {', '.join(json.dumps(m) for m in close)}?)" if close else ""
            raise IngestError(source, f"unknown mapping keys {unknown}{meant}; known keys are {sorted(_KEYS)}")
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict) or not data["columns"]:
            raise IngestError(source, 'a mapping is a JSON object with "columns": {"source column": "field", …}')
        # a field given as a list, an object or null (["title", "summary"] for one column read into two)
        # stopped the command with a traceback: each column gives one field, named by a string
        if odd := next(((column, field) for column, field in data["columns"].items() if not isinstance(field, str)), None):
            column, given = odd
            meant = given[0] if isinstance(given, list) and given and isinstance(given[0], str) else "title"
            raise IngestError(
                source,
                f'"columns" gives the column {column!r} {json.dumps(given)}; map each source column to one field, written as a string '
                f"({json.dumps({column: meant})}); several columns may give one field, but a column gives one",
            )
        if bad := sorted({f for f in data["columns"].values() if f not in FIELDS}):
            raise IngestError(source, f"unknown fields {bad} in \"columns\"; map columns to {sorted(FIELDS)}")
        if not isinstance(data.get("defaults", {}), dict):
            raise IngestError(source, f'"defaults" must be an object, e.g. {{"language": "en"}}, not {json.dumps(data["defaults"])}')
        if bad := sorted(f for f in data.get("defaults", {}) if f not in FIELDS):
            raise IngestError(source, f"unknown fields {bad} in \"defaults\"; give default values of {sorted(FIELDS)}")
        for name in (
            "separator", "identifier_template", "identifier_prefix", "title_template", "template_missing", "encoding", "transform",
            "collection_prefix", "collection_title_prefix", "format",
        ):  # fmt: skip
            if name in data and not isinstance(data[name], str):
                raise IngestError(source, f'"{name}" must be a string, not {json.dumps(data[name])}')
        if (transform := data.get("transform", "")) and transform not in transforms():
            # refused with the mapping's other faults, not only when a JSON Lines file is read (a CSV's mapping ignored it)
            raise IngestError(source, f'unknown "transform" {json.dumps(transform)}; known: {", ".join(map(json.dumps, transforms()))} (for JSON Lines), or leave it out')
        titles = data.get("collection_titles", {})
        if not (isinstance(titles, dict) and all(isinstance(v, str) for v in titles.values())):
            raise IngestError(
                source, f'"collection_titles" must be an object giving each collection value its title, e.g. {{"letters-moritz-1": "Politische Korrespondenz, Bd. 1"}}, not {json.dumps(titles)}'
            )
        if not all(isinstance(v, str) for v in data.get("defaults", {}).values()):
            raise IngestError(source, '"defaults" must give each field a string, e.g. {"language": "en"}')
        nulls = data.get("null_values", [])
        if not (isinstance(nulls, list) and all(isinstance(v, str) for v in nulls)):  # a string was read letter by letter
            raise IngestError(source, f'"null_values" must be a list of strings, e.g. ["n.d.", "-"], not {json.dumps(nulls)}')
        ignore = data.get("ignore", [])
        if not (isinstance(ignore, list) and all(isinstance(v, str) for v in ignore)):
            raise IngestError(source, f'"ignore" must be a list of source columns (keys), e.g. ["word_count"], not {json.dumps(ignore)}')
        templated = _TEMPLATE.findall(str(data.get("identifier_template", ""))) + _TEMPLATE.findall(str(data.get("title_template", "")))
        reading = {*data["columns"], *templated}
        if read := sorted(set(ignore) & {*reading, *(key.partition("[].")[0] for key in reading)}):  # a list read in part is read
            raise IngestError(source, f'"ignore" names {read}, which the mapping reads (in "columns" or a template): leave them out of "ignore"')
        if data.get("encoding") and data.get("format") == "jsonl":
            raise IngestError(source, '"encoding" is for CSV files; JSON Lines are UTF-8: leave "encoding" out')
        values = data.get("values", {})
        if not (isinstance(values, dict) and all(isinstance(v, dict) and all(isinstance(t, str) for t in v.values()) for v in values.values())):
            raise IngestError(source, '"values" must be {"field": {"source value": "value", …}, …}')
        if bad := sorted(f for f in values if f not in FIELDS):
            raise IngestError(source, f"unknown fields {bad} in \"values\"; give values of {sorted(FIELDS)}")
        if data.get("encoding"):
            from legation.ingest.encodings import check_encoding

            try:
                check_encoding(str(data["encoding"]))
            except ValueError as exc:
                raise IngestError(source, f'"encoding": {exc}') from None
        if data.get("format", "") not in ("", "jsonl", "csv"):
            raise IngestError(source, f'"format" must be "jsonl" (JSON Lines) or "csv", not {data["format"]!r}')
        for name in ("identifier_template", "title_template"):
            if problem := _template_problem(str(data.get(name, "")), name == "identifier_template"):
                raise IngestError(source, f'"{name}" {problem}')
        collection = data.get("collection")
        if collection is not None and not (
            isinstance(collection, dict) and all(isinstance(collection.get(name), str) and collection[name].strip() for name in ("key", "title"))
        ):
            raise IngestError(source, '"collection" must be {"key": …, "title": …}')
        return cls(
            columns={str(k): str(v) for k, v in data["columns"].items()},
            separator=str(data.get("separator", SEPARATOR)),
            identifier_template=str(data.get("identifier_template", "")),
            identifier_prefix=str(data.get("identifier_prefix", "")),
            title_template=str(data.get("title_template", "")),
            template_missing=str(data.get("template_missing", "?")),
            defaults={str(k): str(v) for k, v in data.get("defaults", {}).items()},
            null_values=frozenset(str(v) for v in data.get("null_values", [])),
            collection=CollectionRef(key=str(collection["key"]), title=str(collection["title"])) if collection else None,
            collection_titles={str(k): str(v) for k, v in data.get("collection_titles", {}).items()},
            collection_prefix=str(data.get("collection_prefix", "")),
            collection_title_prefix=str(data.get("collection_title_prefix", "")),
            encoding=str(data.get("encoding", "")),
            transform=str(data.get("transform", "")),
            format=str(data.get("format", "")),
            values={str(f): {str(k): v for k, v in m.items()} for f, m in values.items()},
            ignore=frozenset(ignore),
            source=source,
        )


def bundled_mappings() -> list[str]:
    """Names of the mappings shipped with Legation (``dfat``, …)."""
    return sorted(p.stem for p in BUNDLED.glob("*.json"))


def load_mapping(name_or_path: str | Path) -> Mapping:
    """A bundled mapping by name (``"dfat"``) or a mapping file by path. Raises :class:`IngestError`
    when it does not exist, is not JSON, or is not a valid mapping."""
    text = str(name_or_path)
    path = Path(text)
    if not path.suffix and not path.exists() and re.fullmatch(r"[\w-]+", text):
        path = BUNDLED / f"{text}.json"
        if not path.exists():
            raise IngestError(text, f"no such mapping; give a mapping file or one of {bundled_mappings()}")
    try:
        data = parse_json(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise IngestError(str(path), f"mapping cannot be read ({exc.strerror or exc}); check the path") from exc
    except UnicodeDecodeError as exc:
        raise wrong_encoding(str(path), exc.object, exc.start) from exc
    except DuplicateKey as exc:  # {"columns": {"title": "title", "title": "summary"}}: one of them would be lost
        raise IngestError(str(path), f"mapping: {exc.advice()}", f"line {exc.lineno}") from exc
    except json.JSONDecodeError as exc:
        # "Extra data" after a first object: JSON Lines, or a data file given as the mapping (a fresh user's --mapping some.jsonl)
        several = "; it holds more than one JSON value, as JSON Lines or a data file do" if exc.msg.startswith("Extra data") else ""
        raise IngestError(
            str(path),
            f"mapping is not valid JSON ({json_problem(exc)}){several}: a mapping is one JSON object, such as "
            '{"columns": {"RefNo": "identifier", "Subject": "title"}} (see the README\'s mappings); give such a file with --mapping, '
            "or correct this one at that line",
            f"line {exc.lineno}",
        ) from exc
    return Mapping.from_dict(data, str(path))


def transforms() -> list[str]:
    """The names of the corpus rules a mapping's ``"transform"`` may name (:data:`legation.ingest.readers.mapped_jsonl.TRANSFORMS`)."""
    from legation.ingest.readers.mapped_jsonl import TRANSFORMS  # it reads mappings: imported when asked

    return sorted(TRANSFORMS)


def agent_key(value: str, name: str, kind: str = "person") -> str:
    """Authority key of an id as a source writes it: GND URI → ``gnd:<id>`` (as the TEI reader
    does, so the same person links across corpora), VIAF → ``viaf:<id>``, Wikidata →
    ``wikidata:<Q…>``, another value as given; no value → ``"{kind}:<slug of the name>"``, a
    person's name in direct order (:func:`legation.ingest.names.direct_name`), so that "Acheson,
    Dean" and "Dean Acheson" are ``person:dean-acheson`` (as FRUS keys its lists of persons), while
    "Mao, Zedong" stays ``person:mao-zedong``; an organization's as given ("Embassy in France" →
    ``organization:embassy-in-france``, as FRUS keys it)."""
    value = value.strip()
    if m := re.search(r"d-nb\.info/gnd/([0-9X-]+)", value):
        return f"gnd:{m[1]}"
    if m := re.search(r"viaf\.org/viaf/(\d+)", value):
        return f"viaf:{m[1]}"
    if m := re.search(r"wikidata\.org/(?:wiki|entity)/(Q\d+)", value):
        return f"wikidata:{m[1]}"
    if value:
        return value
    name = direct_name(name) if kind == "person" else name
    return f"{kind}:" + (slug(name) or re.sub(r"[\s/?#]+", "-", name.strip().lower()) or "unknown")


_PAGE_BREAK = re.compile(r"\s*\f\s*")  # a form feed and the blanks around it (UN General Debate speeches since 1990: 898 in 360)


def _as_read(text: str) -> str:
    """A text or note as a mapping keeps it: as given, but for invisible format characters
    (:func:`~legation.search.analyzers.drop_invisible`) and page breaks (form feeds, which no record may
    hold: :data:`~legation.records.document_record.UNSTORABLE_CHARACTERS`), made paragraph breaks;
    trimmed at its ends."""
    text = drop_invisible(text)
    if "\f" in text:  # the regular expression, which tries every run of blanks, only where it can match
        text = _PAGE_BREAK.sub("\n\n", text)
    return text.strip()


class Values:
    """The values of one source row by field, built with :meth:`add` (applying the mapping's
    separator and null values), then turned into a record by :meth:`record`."""

    def __init__(self, mapping: Mapping, raw: dict[str, str]) -> None:
        self.mapping = mapping
        self.raw = raw  # source column → cell text, for templates
        self.fields: dict[str, list[str]] = {}
        self.footnotes: list[Footnote] = []  # the text's, when a transform splits them out
        self.notes: list[str] = []  # what a transform tells the operator about this row (the report's notes)

    def add(self, field_name: str, value: Any) -> None:
        if value is None:
            return
        items = value if isinstance(value, list) else [value]
        for item in items:
            text = str(item).strip()
            if not text or text in self.mapping.null_values:
                continue
            stored = self.mapping.values.get(field_name, {})
            text = stored.get(text, text)
            if field_name in MULTI and self.mapping.separator:
                parts = [stored.get(p.strip(), p.strip()) for p in text.split(self.mapping.separator)]
                if field_name.endswith("_key"):  # keep empty slots: ids pair with names by position
                    self.fields.setdefault(field_name, []).extend("" if p in self.mapping.null_values else p for p in parts)
                    continue
                self.fields.setdefault(field_name, []).extend(p for p in parts if p and p not in self.mapping.null_values)
            else:
                self.fields.setdefault(field_name, []).append(text)

    def one(self, field_name: str) -> str:
        """The field's value: the first source value for a single-valued field (identifier, title,
        type, date, date_text, language, place, url, pages), all values joined for the others ("; ", or
        a blank line between texts); the mapping's default when the source gives none. Texts are
        kept as given; :data:`PROSE` fields keep their line breaks (paragraphs), with each line's
        whitespace collapsed as in the other fields, which are one line."""
        values = self.fields.get(field_name) or ([self.mapping.defaults[field_name]] if field_name in self.mapping.defaults else [])
        if field_name == "text":
            return "\n\n".join(values)
        if field_name in PROSE:
            return "\n".join(collapse_space(line) for line in "; ".join(values).splitlines())
        if field_name in FIRST_WINS:
            return collapse_space(values[0]) if values else ""
        return collapse_space("; ".join(values))

    def many(self, field_name: str) -> list[str]:
        if field_name in self.fields:
            return self.fields[field_name]
        default = self.mapping.defaults.get(field_name, "")
        return [p.strip() for p in (default.split(self.mapping.separator) if self.mapping.separator else [default]) if p.strip()]

    def template(self, template: str) -> str:
        def fill(m: re.Match) -> str:
            value = (self.raw.get(m[1]) or "").strip()
            if value in self.mapping.null_values:
                value = ""
            if value and self.mapping.separator:
                value = ", ".join(p.strip() for p in value.split(self.mapping.separator) if p.strip())
            return value or self.mapping.template_missing

        return collapse_space(_TEMPLATE.sub(fill, template))

    def _agents(self, role: str) -> list[AgentRef]:
        """The agents of ``role``: a person's name written plainly inverted ("Gomułka, Władysław") named in
        direct order ("Władysław Gomułka"), as FRUS lists of persons are read, the inverted form kept as a
        further name, so that a phrase or a field finds either; the key is the direct form's either way
        (:func:`agent_key`), so an archive ingested before keeps its agents. "Mao, Zedong" stays as written.
        A library heading (:func:`legation.ingest.names.heading`) is read as the name it heads: "Acheson, Dean,
        1893-1971" and "Acheson, Dean (1893-1971)" are Dean Acheson, ``person:dean-acheson``, "Mao, Zedong,
        1893-1976" is "Mao, Zedong", "Sukarno, 1901-1970" is Sukarno; the dates are not kept (an agent has no
        field for them, and kept in a further name they made every search of a year find the documents of each
        person born or dead in it), nor a relator term ("Smith, John, 1901-1980, editor" is John Smith). A title
        stays in the further name ("Churchill, Winston, Sir" of Winston Churchill); the fuller form of the
        forenames is a further name in direct order: "Nixon, Richard M. (Richard Milhous), 1913-1994" is
        "Richard M. Nixon", ``person:richard-m-nixon`` as FRUS and "Nixon, Richard M." key him, with the further
        names "Nixon, Richard M." and "Richard Milhous Nixon" (what the heading says he was named; not his key,
        which a table writing "Richard Milhous Nixon" alone does not share)."""
        names, keys = self.many(role), self.fields.get(f"{role}_key", [])
        kinds = [agent_kind(name) for name in names]  # a table gives no kind: the name tells (legation.ingest.names)
        agents = []
        for i, name in enumerate(names):
            key = agent_key(keys[i] if i < len(keys) else "", name, kinds[i])
            direct, written, further = name, name, []
            if kinds[i] == "person":
                parts, read = inverted(name), heading(name)
                direct, written = parts.direct if parts else read.name, read.written  # as written, without dates of life
                further = [read.fuller] if read.fuller else []
            further = [n for n in dict.fromkeys([written, *further]) if n != direct]
            agents.append(kind_from_name(AgentRef(key=key, name=direct, role=role, kind=kinds[i], names=further)))
        return agents

    def record(self) -> DocumentRecord:
        """The validated record; raises :class:`RecordError` naming what is missing or wrong."""
        m = self.mapping
        if m.identifier_template:
            missing = [c for c in _TEMPLATE.findall(m.identifier_template) if not (self.raw.get(c) or "").strip()]
            if missing:
                raise RecordError(f"no identifier: column(s) {missing} of the identifier template are empty")
            identifier = re.sub(r"\s+", "-", self.template(m.identifier_template))
        else:
            identifier = self.one("identifier")
            if not identifier:
                raise RecordError("no identifier: the identifier column is empty; give every row an identifier")
        identifier = m.identifier_prefix + identifier
        title = self.one("title") or (self.template(m.title_template) if m.title_template else "")
        date_text = self.one("date_text") or self.one("date")
        date_edtf = parse_archival_date(self.one("date")).edtf or parse_archival_date(date_text).edtf
        language = language_tag(self.one("language")) or "und"
        collections = [m.collection] if m.collection else []
        for value in self.many("collection"):
            key = m.collection_prefix + (stable_slug(value) or value)  # an address: never re-slugged
            if all(c.key != key for c in collections):
                collections.append(CollectionRef(key=key, title=m.collection_titles.get(value, m.collection_title_prefix + value)))
        agents: list[AgentRef] = []
        for role in ("sender", "recipient", "mentioned"):
            for ref in self._agents(role):
                if all((a.key, a.role) != (ref.key, ref.role) for a in agents):
                    agents.append(ref)
        text = _as_read(self.one("text"))
        footnotes = [Footnote(n=f.n, text=_as_read(f.text)) for f in self.footnotes]
        return DocumentRecord(
            identifier=identifier,
            title=title,
            document_type=self.one("type"),
            date_text=date_text,
            date_edtf=date_edtf,
            place_sent=self.one("place"),
            summary=self.one("summary"),
            source_note=self.one("source"),
            repositories=list(dict.fromkeys(self.many("repository"))),
            rights=self.one("rights"),
            credit=self.one("credit"),
            classification=self.one("classification"),
            source_url=self.one("url"),
            language=language,
            collections=collections,
            pages=pages_as_written(self.one("pages")),  # "pp. 287–289" as a catalogue writes them
            agents=agents,
            subjects=list(dict.fromkeys(self.many("subject"))),
            texts=[TextRecord(kind="transcript", language=language, body=text, footnotes=footnotes)] if text else [],
            relations=list(dict.fromkeys(self.many("relation"))),
        ).validate()
