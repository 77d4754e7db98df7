"""Safe XML parsing for every XML reader: one parser factory and one file reader.

Source files come from outside the project (TEI editions downloaded from public repositories),
so the parser treats them as untrusted: no network, no external or parameter entities, no DTD
loading; entities the file itself declares with their text (``<!ENTITY mdash "&#x2014;">``) are
expanded, within libxml2's limits on expansion.
"""

from __future__ import annotations

import codecs
import copy
import functools
import importlib
import math
import re
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from legation.errors import IngestError, cannot_read, shown_path
from legation.ingest.encodings import first_difference, wrong_encoding
from legation.ingest.readers import read_decompressed
from legation.ingest.titles import normalize_space

TEI_NS = "http://www.tei-c.org/ns/1.0"


def safe_parser(*, expand: bool = True) -> etree.XMLParser:
    """A new lxml parser for untrusted XML. Each setting, and why:

    - ``resolve_entities="internal"`` (lxml 5.0 and later): an entity the file declares in its
      internal DTD subset with a literal text (``<!ENTITY mdash "&#x2014;">``, ``<!ENTITY ed
      "Editor's note">``, as older TEI editions write them) is replaced by that text, markup
      included, so ``&mdash;`` and ``&ed;`` are read and searched as the characters they stand
      for (XML 1.0 §4.4.2, "included"); libxml2 leaves an entity's elements in no namespace,
      which :func:`parse_xml` then mends (:func:`_included`). Nothing else is: an external entity (``SYSTEM`` or
      ``PUBLIC``, a file of this computer or a URL) is never opened, even when an internal
      entity's text refers to it, and parameter entities (``%name;``) are not expanded at all, so
      nothing they would pull into the DTD is declared. libxml2 reports each such reference as an
      undeclared entity, which :func:`parse_xml` turns into a failure naming it
      (:func:`_unread_entities`), so that no text goes missing unsaid. An expansion bomb ("billion
      laughs", nested entities; quadratic blowup, one long entity referenced many times) stops at
      libxml2's limit on entity amplification (past 1 MB, what entities expand to may be at most 5
      times the size of the file, libxml2's defaults; a loop is found at once): a fatal error,
      refused by :func:`_not_well_formed` within milliseconds and a megabyte. With
      ``expand=False`` no entity is expanded at all (``resolve_entities=False``): each reference
      stays in the tree as an entity node where the text writes it, for messages that must tell
      what a text holds itself from what its entities bring in (:func:`_alone`, :func:`_xincludes`).
    - ``no_network=True``: nothing is ever fetched over the network (DTDs, entities, XInclude).
      XInclude is never processed (no ``xinclude()`` call anywhere), so ``<xi:include>`` stays an
      element, in the text or in an entity's: :func:`parse_xml` fails a file holding one rather
      than leave out what it includes.
    - ``load_dtd=False``, ``dtd_validation=False``: an external DTD (``<!DOCTYPE TEI SYSTEM
      "tei.dtd">``) is neither loaded nor used, so entities declared only there are not expanded
      (the file fails naming them); TEI files need no DTD.
    - ``huge_tree=False``: keeps libxml2's limits on depth, text-node size and entity
      amplification, so a hostile file cannot exhaust memory.
    - ``recover=True``: real FRUS volumes repeat ``xml:id`` values (e.g. ``frus1952-54v14p2``:
      "ID in22 already defined"), which a strict parser rejects; recovery keeps them readable.
      :func:`parse_xml` still rejects files with fatal errors (truncated, not well-formed).
    - ``remove_comments=True``: comments are editorial leftovers, never document text.
    """
    return etree.XMLParser(
        resolve_entities="internal" if expand else False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
    )


def parse_xml(path: Path | str) -> etree._Element:
    """Parse a TEI file (``.xml``, or gzip-compressed ``.xml.gz``, recognised by its content) and
    return its root ``TEI`` element.

    Raises :class:`IngestError` (``location`` "line N" when known) when the file cannot be read, is
    empty, does not start as XML (binary data, other text), is not in its declared encoding, nests
    elements too deeply, expands entities enormously (each told apart: :func:`_not_well_formed`), is not complete well-formed XML (any *fatal* libxml2 error, e.g. a truncated file or an entity
    declared nowhere; the duplicate-``xml:id`` errors of real FRUS volumes are tolerated), refers to entities
    the parser does not expand (an external entity, ``<!ENTITY x SYSTEM "file:///etc/passwd">``, is never
    read; nor is one of an external DTD or of a parameter entity: the file fails naming each rather than
    lose its text unsaid, :func:`_unread_entities`), or its root is not TEI, or it includes other XML
    (``<xi:include>``, never followed: the file fails at the include's line, :func:`_xincludes`).
    """
    path = Path(path)
    try:
        data, stopped = read_decompressed(path)
        if stopped is not None:  # XML cut short is no document: the file fails whole
            raise stopped
    except EOFError as exc:
        raise IngestError(str(path), "is cut off: its compressed (gzip) data stops before the end, so nothing of it was read; download or export it again") from exc
    except (OSError, zlib.error) as exc:
        raise cannot_read(str(path), exc) from exc
    if not data.strip():
        what = "is empty (0 bytes)" if not data else "is blank (only spaces and line breaks)"
        raise IngestError(str(path), f"{what}: it holds no XML; download or export it again, or leave it out")
    start = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if start[:1] != b"<" and not start.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 XML starts with its mark
        what = "binary data" if b"\0" in start or not _is_utf8(start) else f"text starting {start[:20].decode()!r}"
        raise IngestError(str(path), f"is not XML ({what}, not an XML element); give a TEI XML file")
    if utf8 := _utf8_declared_otherwise(str(path), data):
        raise utf8
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=shown_path(str(path)))  # lxml encodes it as UTF-8: no surrogate escapes
    except etree.XMLSyntaxError as exc:  # raised when recovery yields no document at all
        fatal = [e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL]
        if fatal:
            raise _not_well_formed(str(path), fatal[0], data) from exc
        line = exc.lineno or 0
        raise IngestError(str(path), f"is not XML ({_plain(exc.msg)}); give a TEI XML file", f"line {line}" if line else "") from exc
    if root is not None and (unread := _unread_entities(root, parser.error_log, str(path), data)):
        raise unread
    fatal = [e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL]
    if fatal:
        raise _not_well_formed(str(path), fatal[0], data)
    undeclared = [(e.message, e.line) for e in parser.error_log if e.type == etree.ErrorTypes.NS_ERR_UNDEFINED_NAMESPACE]
    if root is not None and root.getroottree().docinfo.internalDTD is not None and (markup := _holding_markup(data)):
        root, undeclared = _included(str(path), data, *markup) or (root, undeclared)
    if root is None or root.tag != f"{{{TEI_NS}}}TEI":
        found = "nothing" if root is None else f"<{etree.QName(root).localname}>" + (f" in {etree.QName(root).namespace}" if etree.QName(root).namespace else " in no namespace")
        raise IngestError(str(path), f"is not a TEI file (root element is {found}, expected <TEI> in {TEI_NS}); Legation reads {TEI_READ}")
    if included := _xincludes(root, str(path), data):
        raise included
    if undeclared:
        raise _undeclared_prefix(str(path), *undeclared[0])
    return root


def _undeclared_prefix(path: str, message: str, line: int) -> IngestError:
    """The failure of a file with an element or attribute whose namespace prefix it never declares
    (``<tei:div>`` without ``xmlns:tei``), libxml2's ``message`` on it at ``line`` (of the file): libxml2 keeps it, named ``tei:div`` in no namespace, as
    an element no reader knows, so a FRUS document so written was left out without a word (and
    ``--delete-missing`` then deleted it). None of the 431 TEI files of the shared corpora has one."""
    prefix = re.search(r"prefix (\S+?) ", message)
    named = f"the prefix {prefix[1]}:" if prefix else "a namespace prefix"
    return IngestError(
        path,
        f"uses {named} without declaring it ({_plain(message)}), so what it names would be left out; declare it on the "
        f'root element (xmlns:tei="{TEI_NS}" for TEI\'s own) or write the name without the prefix',
        f"line {line}",
    )


def _holding_markup(data: bytes) -> tuple[_Doctype, dict[str, str]] | None:
    """The DOCTYPE of a file (its bytes ``data``, with a DOCTYPE) and the texts of its entities (:meth:`_Doctype.texts`)
    when the text of one of them holds markup (``<``), or None when none does: libxml2's expansion of
    text alone is right, and such a file is read as libxml2 expanded it."""
    doctype = _Doctype(data)
    texts = doctype.texts()
    return (doctype, texts) if any("<" in text for text in texts.values()) else None


def _included(path: str, data: bytes, doctype: _Doctype, texts: dict[str, str]) -> tuple[etree._Element, list[tuple[str, int]]] | None:
    """The root of a file (its bytes ``data``, whose entities' ``texts`` hold markup) with each
    reference to an entity in its text replaced by that entity's replacement text parsed as content
    where it is used, as XML 1.0 §4.4.3 ("included") and Namespaces in XML 1.0 §6 read it: an
    element of an entity's text is in the namespace in scope where the entity is used
    (``<!ENTITY creel '<persName corresp="#p_CG_2">Creel</persName>'>`` used in a TEI paragraph is a
    TEI ``persName``), and takes the line of the file that uses the entity (the outermost one, when
    another entity's text uses it). libxml2 parses an entity's text apart from where it is used,
    once for all its uses, so its elements come out in no namespace (a TEI reader then reads them
    as no element of its own, a FRUS document so held as "in no namespace") and a prefix declared on
    the root as undeclared. With the libxml2 message and line of each prefix declared nowhere; None
    when an entity used cannot be read so (:class:`_NotIncluded`).

    Called only on a file that libxml2 parsed whole, its entities expanded within its limits
    (:func:`safe_parser`): no bomb, no external or unread entity, each entity's text well-formed by
    itself, so what is expanded here is what libxml2 expanded. Nothing is read but the file:
    the file is parsed again with no entity expanded (``safe_parser(expand=False)``: each reference
    an entity node), and each entity's text is parsed once for each set of namespaces in scope
    where it is used, inside the file's DOCTYPE (references in attribute values expanded, as in the
    file), then copied to each reference."""
    prolog = doctype.text[doctype.start : doctype.end]
    parser = safe_parser(expand=False)
    root = etree.fromstring(data, parser, base_url=shown_path(path))
    undeclared = _prefixes_declared_nowhere(root, "")  # libxml2's log would name prefixes of entities' texts, in scope where used
    parsed: dict[tuple[str, tuple], etree._Element] = {}  # (entity, namespaces in scope) → its text parsed there, expanded
    inside: set[str] = set()  # the entities being expanded, to stop at a loop (libxml2 refused the file for one already)

    def expanded(name: str, namespaces: dict[str | None, str], line: int) -> etree._Element:
        key = (name, tuple(sorted(namespaces.items(), key=lambda item: item[0] or "")))
        if key not in parsed:
            if name not in texts or name in inside:  # not read from the DOCTYPE's text, or a loop: libxml2 read it
                raise _NotIncluded(name)
            inside.add(name)
            fragment, log = _alone(texts[name], namespaces, prolog)
            if not _well_formed(log):
                raise _NotIncluded(name)
            for element in fragment.iter(tag=etree.Element):  # a value's references to entities as their text:
                for attribute, value in element.attrib.items():  # its copies leave this DOCTYPE
                    element.set(attribute, value)
            undeclared.extend(_prefixes_declared_nowhere(fragment, f" (in the text of the entity &{name};, declared at line {doctype.declared_at(name)})", line))
            put_in_place(fragment, line)
            inside.discard(name)
            parsed[key] = fragment
        return parsed[key]

    def put_in_place(tree: etree._Element, line: int | None) -> None:
        for reference in list(tree.iter(etree.Entity)):
            at = line or reference.sourceline or 0
            _replace(reference, expanded(reference.name, reference.getparent().nsmap, at), at)

    try:
        put_in_place(root, None)
    except _NotIncluded:
        return None
    return root, undeclared


class _NotIncluded(Exception):
    """An entity :func:`_included` cannot read as libxml2 did (a declaration the DOCTYPE's reading
    missed): the file is read as libxml2 expanded it, its text whole, rather than lose that text."""


def _prefixes_declared_nowhere(tree: etree._Element, where: str, line: int = 0) -> list[tuple[str, int]]:
    """libxml2's message on each element or attribute of ``tree`` (its own, entity nodes not yet
    replaced) whose prefix is declared nowhere in scope (``<tei:hi>`` without ``xmlns:tei``: libxml2
    keeps its name, prefix and all, in no namespace), ``where`` after it, with its line (``line``
    for all when given)."""
    found = []
    for element in tree.iter(tag=etree.Element):
        name = element.tag if "{" not in element.tag else ""
        for attribute in element.attrib:
            if ":" in attribute and not attribute.startswith("{"):
                found.append((f"Namespace prefix {attribute.partition(':')[0]} for {attribute.partition(':')[2]} on {local_name(element.tag).rpartition(':')[2]} is not defined{where}", line or element.sourceline or 0))
        if ":" in name:
            found.append((f"Namespace prefix {name.partition(':')[0]} on {name.partition(':')[2]} is not defined{where}", line or element.sourceline or 0))
    return found


def _replace(reference: etree._Entity, fragment: etree._Element, line: int) -> None:
    """Put a copy of the content of ``fragment`` (its text and children) where the entity node
    ``reference`` stands, its tail kept after it, the copies' elements at ``line``. One copy of
    the whole fragment, its children set one after the other (``addnext``): no walk along the
    parent's children, which a paragraph of many references would make quadratic."""
    parent = reference.getparent()
    lead, tail = fragment.text or "", reference.tail or ""
    anchor = reference
    for piece in list(copy.deepcopy(fragment)):
        anchor.addnext(piece)
        anchor = piece
        if 0 < line <= 65535:  # libxml2 keeps a line in 16 bits
            for element in piece.iter():
                element.sourceline = line
    if anchor is reference:
        lead += tail
    else:
        anchor.tail = (anchor.tail or "") + tail
    reference.tail = None
    if lead and (previous := reference.getprevious()) is not None:
        previous.tail = (previous.tail or "") + lead
    elif lead:
        parent.text = (parent.text or "") + lead
    parent.remove(reference)


TEI_READ = "TEI: FRUS volumes and single documents with correspDesc (Dodis, QhoD)"

XINCLUDE = ("{http://www.w3.org/2001/XInclude}include", "{http://www.w3.org/2003/XInclude}include", "xi:include")
"""An XInclude element as the parser leaves it: in the XInclude namespace (2001, or the 2003 draft's),
or ``xi:include`` with its prefix declared nowhere (recovered, in no namespace)."""


def _xincludes(root: etree._Element, path: str, data: bytes) -> IngestError | None:
    """The failure of a file (its bytes ``data``) that includes others (``<xi:include
    href="chapter2.xml"/>``, XInclude), at the line of the first include, naming what each
    includes, or None when it includes none.

    The safe parser never follows an include (it could bring a file of this computer or of the
    network into the archive), so the element stays in the tree as an element no reader knows and
    the included text would be left out without a word; the file is refused instead, saying how
    to make it whole (``xmllint --xinclude``, run by whoever trusts the files it includes).
    One pass over the tree in C (``iter`` by tag): a few milliseconds for the largest FRUS volume.
    An include written in an entity's text (``<!ENTITY ch2 '<xi:include href="ch2.xml"/>'>``) is
    expanded into the tree as any other markup, at a line of that text: such an entity is named,
    with the lines that declare and use it, and the includes of the file's own text are those of
    the file parsed again without expanding any entity (``safe_parser(expand=False)``), each at its
    line of the file, be the file on one line or many."""
    found = list(root.iter(*XINCLUDE))
    if not found:
        return None
    shown: list[tuple[int, str]] = []  # (line, what) of the includes in entities' text
    if root.getroottree().docinfo.internalDTD is not None:
        in_text = list(etree.fromstring(data, safe_parser(expand=False), base_url=shown_path(path)).iter(*XINCLUDE))
        if len(in_text) < len(found):  # the others are in the text of entities
            doctype = _Doctype(data)
            texts = doctype.texts()
            holding = [(name, included) for name, text in texts.items() if (included := next(_alone(text, root.nsmap)[0].iter(*XINCLUDE), None)) is not None]
            for name, included in holding:
                line, via = _used_at(doctype, texts, name)
                if line or len(holding) == 1:  # one declared but not used is expanded nowhere
                    at = f"declared at line {doctype.declared_at(name)}" + (f", used at line {line}" if line else "") + (f" through &{via}; (declared at line {doctype.declared_at(via)})" if via != name else "")
                    shown.append((line or doctype.declared_at(name), f"{_include(included)} (in the text of the entity &{name};, {at})"))
        found = in_text
    shown = sorted([(e.sourceline or 0, f"{_include(e)} (line {e.sourceline})") for e in found] + shown, key=lambda item: item[0])
    more = f" and {len(shown) - 3:,} more" if len(shown) > 3 else ""
    several = len(shown) > 1
    name, whole = Path(path).name, _whole(path)
    return IngestError(
        path,
        f"includes other XML with XInclude: {', '.join(what for _, what in shown[:3])}{more}; Legation never follows an include (it could bring a "
        f"file of this computer or of the network into the archive), so the document would lack the included text: "
        f"nothing of this file was stored. Resolve the includes first (xmllint --xinclude {name} > {whole}, run beside "
        f"the files it includes), check that {whole} holds {'their' if several else 'its'} text, and ingest that instead",
        f"line {shown[0][0]}" if shown[0][0] else "",
    )


def _include(e: etree._Element) -> str:
    """An XInclude element as a message shows it: ``<xi:include href="ch2.xml"/>``."""
    return f'<xi:include href="{e.get("href")}"/>' if e.get("href") else "<xi:include/> without href"


_UNDECLARED = re.compile(r"Entity '(.+)' not defined")
"""libxml2's message on a reference to an entity it has no text for (``ERR_UNDECLARED_ENTITY``,
``WAR_UNDECLARED_ENTITY``), as the safe parser has none for an external or parameter entity."""


def _whole(path: str) -> str:
    """The name of the file to write ``path`` to with what it leaves apart put in (its includes, its
    entities' text): ``volume.xml.gz`` → ``volume-whole.xml``."""
    return re.sub(r"\.xml(?:\.gz)?$", "", Path(path).name, flags=re.I) + "-whole.xml"


_DTD_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z)|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|<!ENTITY\s+(%\s+)?([^\s"'>%]+)|<!DOCTYPE\b|[\[\]<>]|[^<>"'\[\]]+""",
    re.S,
)
"""A piece of a file's prolog as XML 1.0 §2.8 writes it: a comment, a processing instruction, a
quoted literal (where "]" or ">" end nothing), an entity's declaration (parameter entity or not,
and its name), the DOCTYPE's start, a bracket, or other text."""

_REFERENCE = re.compile(r"&([^\s&;#<>\"'%]+);")
"""A reference to a general entity, ``&name;`` (XML 1.0 §4.1); character references excluded."""
_REFERENCE_BYTES = re.compile(_REFERENCE.pattern.encode())  # the same, in UTF-8 bytes, whose offsets libxml2's columns count


class _Doctype:
    """A file's DOCTYPE, read from its text for a message to say where its entities are declared
    and used (never for a file that is read): offsets in :func:`_text`, and libxml2's places,
    a line and a column counted in bytes of UTF-8 (as libxml2 holds any text) from 1."""

    def __init__(self, data: bytes):
        self.text = _text(data)
        self.start = self.end = 0  # the DOCTYPE's "<" and just past its ">"; both 0 when there is none
        self._declared: dict[tuple[bool, str], int] = {}  # (parameter entity?, name) → offset of its first <!ENTITY>
        start: int | None = None
        in_subset = False
        for token in _DTD_TOKEN.finditer(self.text):
            piece = token[0]
            if start is None:
                if piece.startswith("<!DOCTYPE"):
                    start = token.start()
                elif piece == "<":  # the root element starts: there is no DOCTYPE
                    break
            elif token[2]:
                if in_subset:
                    self._declared.setdefault((bool(token[1]), token[2]), token.start())
            elif piece in ("[", "]"):
                in_subset = piece == "["
            elif piece == ">" and not in_subset:
                self.start, self.end = start, token.end()
                break
        if not self.end:
            self._declared = {}

    def place(self, offset: int) -> tuple[int, int]:
        """The line and column (libxml2's) of ``offset`` in the file's text."""
        begins = self.text.rfind("\n", 0, offset) + 1
        return self.text.count("\n", 0, offset) + 1, len(self.text[begins:offset].encode("utf-8", "replace")) + 1

    def holds(self, line: int, column: int) -> bool:
        """Whether libxml2's place ``line``, ``column`` is in the DOCTYPE (a reference ``%p;`` in its
        internal subset) rather than in the text after it, be the file on one line or many."""
        return 0 < line and self.end > 0 and (line, column) <= self.place(self.end - 1)

    def declared_at(self, name: str) -> int:
        """The line of the first ``<!ENTITY name …>`` (a general entity's), 0 when there is none."""
        offset = self._declared.get((False, name))
        return 0 if offset is None else self.place(offset)[0]

    def used_at(self, name: str) -> int:
        """The line of the first ``&name;`` in the file's text after the DOCTYPE, 0 when none."""
        offset = self.text.find(f"&{name};", self.end) if self.end else -1
        return 0 if offset < 0 else self.place(offset)[0]

    def texts(self) -> dict[str, str]:
        """The text of each general entity the DOCTYPE declares with its text (character
        references replaced, entity references kept), by name, in the order declared: read by
        parsing the DOCTYPE alone (:func:`safe_parser`: nothing expanded, nothing loaded)."""
        if not self.end:
            return {}
        try:
            root = etree.fromstring(self.text[self.start : self.end] + "<x/>", safe_parser())
        except etree.XMLSyntaxError:
            return {}
        # None: a DOCTYPE libxml2 recovers from to no element at all (an entity bomb in an attribute's default value)
        dtd = root.getroottree().docinfo.internalDTD if root is not None else None
        if dtd is None:
            return {}
        found = {e.name: e.content for e in dtd.iterentities() if not e.system_url and e.content is not None and (False, e.name) in self._declared}
        return dict(sorted(found.items(), key=lambda item: self._declared[(False, item[0])]))


def _references_near(text: str, line: int, column: int) -> list[str]:
    """The names of the entities whose references ``&name;`` end at libxml2's place ``line``,
    ``column`` in ``text``, where libxml2 reports an error met in that entity's text, nearest first.
    "At" within a few characters: libxml2 gives the place just past the reference, or on a file's first
    line one or two before, byte order mark left uncounted. libxml2 (2.14) counts a column in
    characters in the text after the DOCTYPE and in bytes of UTF-8 within it: a reference is near in
    either count (the same on a line of ASCII; on one with other letters before the reference, a
    file written on one line most often, the counts differ by thousands)."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return []
    near: dict[str, int] = {}
    for references in (_REFERENCE.finditer(lines[line - 1]), _REFERENCE_BYTES.finditer(lines[line - 1].encode("utf-8", "replace"))):
        for found in references:
            if column - 1 <= found.end() <= column + 4:
                name = found[1] if isinstance(found[1], str) else found[1].decode("utf-8", "replace")
                near[name] = min(near.get(name, column), abs(found.end() + 1 - column))
    return sorted(near, key=near.__getitem__)


def _held_by(data: bytes, name: str, line: int) -> str:
    """Where a reference ``&name;`` that libxml2 met at ``line`` of a file (its bytes ``data``)
    stands when the file's text there does not write it: " (in the text of the entity &outer;,
    declared at line N)", the first entity whose text writes it, which the file uses at that line
    itself or through others; "" when the file's text writes it there, or no entity's does."""
    if not _may_declare_entities(data):
        return ""
    doctype = _Doctype(data)
    if _written_at(doctype, name, line):
        return ""
    texts = doctype.texts()
    outer = _holder(doctype, texts, name, line)
    return f" (in the text of the entity &{outer};, declared at line {doctype.declared_at(outer)})" if outer else ""


def _written_at(doctype: _Doctype, name: str, line: int) -> bool:
    """Whether the file's text after the DOCTYPE writes ``&name;`` at ``line``."""
    begins = 0
    for _ in range(line - 1):
        begins = doctype.text.find("\n", begins) + 1
        if not begins:
            return False
    ends = doctype.text.find("\n", begins)
    return f"&{name};" in doctype.text[max(begins, doctype.end) : ends if ends >= 0 else None]


def _may_declare_entities(data: bytes) -> bool:
    """Whether a file's bytes may hold an ``<!ENTITY`` declaration, in UTF-8 (or any encoding
    ASCII's letters are bytes of) or UTF-16: False spares a file without one reading its DOCTYPE."""
    return any(mark in data for mark in (b"<!ENTITY", "<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be")))


def _holder(doctype: _Doctype, texts: dict[str, str], name: str, line: int = 0) -> str:
    """The entity whose text writes ``&name;``: of those that do, the first the file uses at
    ``line`` (itself or through others, :func:`_used_at`), else the first declared; "" when none."""
    holders = [outer for outer, text in texts.items() if f"&{name};" in text]
    return next((o for o in holders if _used_at(doctype, texts, o)[0] == line), holders[0] if holders else "")


def _entities_at(path: str, error, doctype: _Doctype, texts: dict[str, str]) -> list[tuple[str, str]]:
    """The entities at whose reference libxml2 may have met ``error``, each with the entity whose
    text holds that reference ("" when the file's own text does), likeliest first. libxml2 reports
    an error met in an entity's text, or a reference it cannot expand, at that reference
    (:func:`_references_near`): in the file's text (naming the file), or in the text of the entity
    holding it (naming no file, at a line of that entity's text)."""
    if error.filename == shown_path(path):
        return [(name, "") for name in _references_near(doctype.text, error.line, error.column)]
    return [(name, outer) for outer, text in texts.items() for name in _references_near(text, error.line, error.column)]


def _used_at(doctype: _Doctype, texts: dict[str, str], name: str) -> tuple[int, str]:
    """The line where the file's text first uses the entity ``name``, itself or through the
    entities whose text uses it (the outermost's line, and its name), or (0, "") when it does not."""
    seen, todo = {name}, [name]
    while todo and len(seen) <= 100:  # a few levels in any real file; a hostile one stops here
        current = todo.pop(0)
        if line := doctype.used_at(current):
            return line, current
        for outer, text in texts.items():
            if outer not in seen and f"&{current};" in text:
                seen.add(outer)
                todo.append(outer)
    return 0, ""


def _alone(text: str, namespaces: dict[str | None, str] | None = None, prolog: str = '<!DOCTYPE x SYSTEM "x">') -> tuple[etree._Element, etree._ListErrorLog]:
    """An entity's ``text`` parsed by itself, inside an element declaring ``namespaces`` (the
    prefixes in scope where the file uses it) after ``prolog`` (a DOCTYPE: by default one naming a
    DTD, so that an entity it does not know is no error; the file's own, for references in
    attribute values to be expanded as in the file), its references to other entities left
    unread, each an entity node (:func:`safe_parser`, ``expand=False``), and the parser's log:
    :func:`_well_formed` tells from it whether the text is well-formed content by itself."""
    declared = "".join(f' xmlns{":" + prefix if prefix else ""}={quoteattr(uri)}' for prefix, uri in (namespaces or {}).items())
    parser = safe_parser(expand=False)
    try:
        parsed = etree.fromstring(f"{prolog}<x{declared}>{text}</x>", parser)
    except etree.XMLSyntaxError:
        parsed = None
    return (etree.Element("x") if parsed is None else parsed), parser.error_log


def _well_formed(log: etree._ListErrorLog) -> bool:
    """Whether an entity's text parsed by :func:`_alone`, with that parser's ``log``, is
    well-formed content by itself (XML 1.0 §4.3.2: every element it opens closed within it, no
    stray "<" or "&")."""
    return not any(e.level >= etree.ErrorLevels.FATAL for e in log)


def _entity_not_well_formed(path: str, error, data: bytes) -> IngestError | None:
    """The failure of a file whose fatal ``error`` is in the text of an entity it declares, text
    that is not well-formed by itself (``<!ENTITY bad "<hi>open">``): naming the entity, where it
    is declared, and the line of the file that uses it (libxml2 gives the error a line of the
    entity's text when another entity's text uses it), or None when the error is not in one."""
    if not _may_declare_entities(data):
        return None
    doctype = _Doctype(data)
    texts = doctype.texts()
    name, outer = next(((n, o) for n, o in _entities_at(path, error, doctype, texts) if n in texts and not _well_formed(_alone(texts[n])[1])), ("", ""))
    if not name:
        return None
    line = _used_at(doctype, texts, name)[0] if outer else error.line
    declared = doctype.declared_at(name)
    what = re.sub(r" \(opened at line \d+\)", "", _plain(error.message))  # a line of the entity's text, not the file's
    via = f"; the text of &{outer}; (declared at line {doctype.declared_at(outer)}) uses it" if outer else ""
    return IngestError(
        path,
        f"uses the entity &{name}; (declared at line {declared}{via}), whose text is not well-formed XML by itself: {what}; "
        'an entity\'s text must close every element it opens and write "<" and "&" as &lt; and &amp; (XML 1.0 §4.3.2), '
        f"so the file is broken there. Correct its declaration (<!ENTITY {name} …> at line {declared}), or replace each "
        f"&{name}; by the text it stands for, and ingest the file again",
        f"line {line or declared}",
    )


ENORMOUS = 10**15
"""The most characters :func:`_expanded_sizes` counts an entity's text to (a quadrillion): a bomb of
many levels would reach numbers of thousands of digits."""


def _expanded_sizes(texts: dict[str, str]) -> dict[str, float]:
    """The characters each entity's text expands to, by name (``math.inf`` for one whose text
    leads to an entity whose text refers back to itself, a loop; at most :data:`ENORMOUS`),
    counted without expanding anything: an entity's own characters plus those of each reference
    in it. Entities not declared with their text count nothing (libxml2 refuses the file for them
    elsewhere)."""
    refers = {name: _REFERENCE.findall(text) for name, text in texts.items()}
    sizes: dict[str, float] = {}
    for first in texts:
        if first in sizes:
            continue
        stack, on_stack = [(first, iter(set(refers[first])))], {first}  # depth first, without recursion
        while stack:
            name, inner = stack[-1]
            pending = next((r for r in inner if r in texts and r not in sizes), None)
            if pending is not None and pending not in on_stack:
                stack.append((pending, iter(set(refers[pending]))))
                on_stack.add(pending)
                continue
            looped = pending is not None or any(sizes.get(r) == math.inf for r in refers[name])
            sizes[name] = math.inf if looped else min(len(_REFERENCE.sub("", texts[name])) + sum(sizes.get(r, 0) for r in refers[name]), ENORMOUS)
            on_stack.discard(stack.pop()[0])
    return sizes


def _bomb(data: bytes) -> tuple[str, int]:
    """The entity of an expansion bomb (libxml2 gives a line of some entity's text), said as a
    message says it (its name, where it is declared, what it expands to), with the line of the file
    that first uses it: of the entities the file declares with their text, the one the file's text
    makes the most of, its expanded size (:func:`_expanded_sizes`) times the times the text uses it,
    among the 20 largest. ("", line of the first ``<!ENTITY``) when the file declares none with its
    text, or more than 10,000 entities (no real file does; reading them would take a second)."""
    if data.count(b"<!ENTITY") > 10_000:
        return "", data.count(b"\n", 0, data.find(b"<!ENTITY")) + 1
    doctype = _Doctype(data)
    texts = doctype.texts()
    if not texts:
        return "", doctype.place(doctype.start)[0] if doctype.end else 0
    sizes = _expanded_sizes(texts)
    largest = sorted(texts, key=lambda n: -sizes[n])[:20]
    uses = {n: doctype.text.count(f"&{n};", doctype.end) for n in largest}
    name = max(largest, key=lambda n: sizes[n] * uses[n] if uses[n] else -1)
    grows = (
        "expands without end (its text leads to an entity whose text refers back to itself, a loop)"
        if sizes[name] == math.inf
        else f"expands to {'more than ' if sizes[name] >= ENORMOUS else ''}{sizes[name]:,.0f} characters"
        + (f" and is used {uses[name]:,} times" if uses[name] > 1 else "")
    )
    return f"&{name}; (declared at line {doctype.declared_at(name)}) {grows}", doctype.used_at(name) or doctype.declared_at(name)


def _unread_entities(root: etree._Element, log: etree._ListErrorLog, path: str, data: bytes) -> IngestError | None:
    """The failure of a file (its bytes ``data``) whose text refers to entities (``&x;``) the safe
    parser did not expand, naming each (an external one with its address, never read; one of a DTD
    not loaded; one a parameter entity would declare) at the line of the first reference, or None
    when there is none. Read off the parser's ``log``: libxml2 reports each such reference as
    undeclared, a parameter entity's reference in the DTD (``%p;``) too, told apart by its place,
    within the DOCTYPE (:meth:`_Doctype.holds`), on the same line as the root element or not (a
    file written on one line). One libxml2 met in the text of an entity that another's text uses
    is given no file and a line of that text: it is the text's, at the line of the file that uses
    the outermost (:func:`_entities_at`, :func:`_used_at`). A parameter entity is never expanded,
    so it declares nothing and brings in no file: its reference fails nothing by itself, and what
    it would declare fails where the text uses it, naming it. Only a file with a DOCTYPE can have
    them; an entity declared nowhere at all is left to :func:`_not_well_formed`, which names it."""
    docinfo = root.getroottree().docinfo
    if not docinfo.doctype:
        return None
    declared = {e.name: e for e in docinfo.internalDTD.iterentities()} if docinfo.internalDTD is not None else {}
    lines: dict[str, int] = {}  # entity name → line of its first reference in the text
    parameters: dict[str, None] = {}  # parameter entities referred to in the DTD, not expanded
    doctype: _Doctype | None = None
    texts: dict[str, str] | None = None
    holding: dict[str, str] = {}  # entity name → the entity whose text holds the reference libxml2 met
    for error in log:
        if error.type not in (etree.ErrorTypes.ERR_UNDECLARED_ENTITY, etree.ErrorTypes.WAR_UNDECLARED_ENTITY):
            continue
        if not (undeclared := _UNDECLARED.fullmatch(error.message.strip())):
            continue
        name = undeclared[1]
        doctype = doctype or _Doctype(data)
        in_file = error.filename == shown_path(path)  # else in an entity's text, at a line of that text
        if in_file and doctype.holds(error.line, error.column):
            parameters.setdefault(name)
        elif error.type == etree.ErrorTypes.WAR_UNDECLARED_ENTITY or name in declared:
            if in_file and name not in lines:
                lines[name] = error.line
                if not _written_at(doctype, name, error.line):  # libxml2 met it in the text of an entity used there
                    texts = texts if texts is not None else doctype.texts()
                    holding.setdefault(name, _holder(doctype, texts, name, error.line))
            elif not in_file:  # the line of the file that uses the entity whose text holds the reference
                texts = texts if texts is not None else doctype.texts()
                outer = next((o for n, o in _entities_at(path, error, doctype, texts) if n == name), "") or _holder(doctype, texts, name)
                lines.setdefault(name, _used_at(doctype, texts, outer)[0] if outer else 0)
                holding.setdefault(name, outer)
    if not lines:
        return None

    def what(name: str) -> str:
        if (entity := declared.get(name)) is not None:
            return f'external, at "{entity.system_url}"' if entity.system_url else "declared in the file as a parameter entity"
        if dtd := docinfo.system_url or docinfo.public_id:
            return f"from the DTD {dtd}, which Legation does not load"
        pulled = ", ".join(
            f'%{p}; (at "{declared[p].system_url}")' if p in declared and declared[p].system_url else f"%{p};" for p in parameters
        )
        return f"not declared in the file itself: perhaps by {pulled}, which Legation does not expand" if pulled else "declared nowhere"

    shown = list(lines)[:5]
    def held(name: str) -> str:
        outer = holding.get(name)
        return f"; used in the text of the entity &{outer}; (declared at line {doctype.declared_at(outer)})" if outer and doctype else ""

    named = ", ".join(f"&{name}; ({what(name)}{held(name)})" for name in shown) + (f" and {len(lines) - 5:,} more" if len(lines) > 5 else "")
    several = len(lines) > 1
    return IngestError(
        path,
        f"uses {'entities' if several else 'an entity'} whose text Legation does not read: {named}; Legation never reads "
        "an external entity (it could bring a file of this computer or of the network into the archive) and expands only "
        f"those the file declares with their text, so the document would lack {'their' if several else 'its'} text: nothing "
        f'of this file was stored. Give {"each" if several else "it"} its text in the file\'s DOCTYPE (<!ENTITY {shown[0]} "…">), '
        "or replace each reference by the text it stands for, and ingest the file again",
        f"line {first}" if (first := min((line for line in lines.values() if line > 0), default=0)) else "",
    )


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` (a file's first bytes, maybe cutting a character at the end) is UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 3
    return True


def _not_well_formed(path: str, error, data: bytes) -> IngestError:
    """The failure of a file (its bytes ``data``, decompressed) with a fatal libxml2 ``error``, in
    plain words, at the line of the error, saying what to do. Told apart by libxml2's error (its
    type and message, which name the limit hit):

    - elements nested deeper than libxml2's limit (256 without ``huge_tree``; "Excessive depth");
    - entities expanding to an enormous text ("entity amplification", an entity loop): the
      "billion laughs" attack;
    - another size limit (a text node or name of many megabytes);
    - bytes not in the file's encoding (UTF-8 unless its XML declaration says otherwise);
    - the file cut off: the parser ran out of input, its error at the end of the file
      (:func:`_ran_out_of_input`: "ends in the middle of <note>");
    - else XML malformed at a line (and column, on a line wider than :data:`WIDE_LINE`), be it the
      last or only line of the file.

    libxml2's own words, which name its internals (``XML_PARSE_HUGE``,
    ``xmlCtxtSetMaxAmplification``), are not repeated; what it found is (:func:`_plain`)."""
    where = f"line {error.line}" if error.line and error.line > 0 else ""
    message = error.message.strip()
    lowered = message.lower()
    if "depth" in lowered and ("excessive" in lowered or error.type_name == "ERR_RESOURCE_LIMIT"):
        limit = re.search(r"depth[^\d]*(\d+)", message)
        element = _element_at(data, error.line, error.column)
        at = f" (at <{element}>, line {error.line})" if element else f" (at line {error.line})" if where else ""
        return IngestError(
            path,
            f"nests its elements more than {limit[1] if limit else 256} deep{at}, deeper than Legation reads: no archival "
            "document needs that, so the file is damaged or made to exhaust the reader. Check how it was made or exported "
            "(flatten the nesting), or leave it out",
            where,
        )
    if "amplification" in lowered or error.type_name in ("ERR_ENTITY_LOOP", "ERR_ENTITY_AMPLIFICATION") or "entity reference loop" in lowered:
        entity, line = _bomb(data)
        what = f"its entity {entity}" if entity else "its entities (<!ENTITY> declarations) expand to an enormous text"
        return IngestError(
            path,
            f'was refused: {what}: an entity-expansion ("billion laughs") attack, or a text used so often that the file '
            "grows to many times its size; Legation reads no such file. Leave it out; or, if you trust the file, replace "
            f"the references by the text they stand for (xmllint --noent {Path(path).name} > {_whole(path)}) and ingest "
            "that, or remove its <!ENTITY> declarations and the references to them",
            f"line {line}" if line else where,
        )
    if error.type_name == "ERR_RESOURCE_LIMIT" or "huge" in lowered:
        return IngestError(
            path,
            "has a text, name or attribute of many megabytes in one piece, more than Legation reads in XML: no archival "
            "document has one, so the file is damaged or made to exhaust the reader. Leave it out, or split that text",
            where,
        )
    if "encoding" in lowered or "not proper utf-8" in lowered:
        if wrong := _wrong_encoding(path, data):
            return wrong
    if in_entity := _entity_not_well_formed(path, error, data):
        return in_entity
    held = _held_by(data, undeclared[1], error.line) if (undeclared := _UNDECLARED.fullmatch(message)) else ""
    lines = _text(data).split("\n")  # as libxml2 counts lines: a lone carriage return ends none
    if _ran_out_of_input(error, lines):
        opened = re.match(r"Premature end of data in tag (\S+) line (\d+)", message) or re.match(
            r"Couldn't find end of Start Tag (\S+) line (\d+)", message
        )
        what = f"in the middle of <{opened[1]}> (opened at line {opened[2]})" if opened else f"before its XML is complete ({_plain(message)})"
        return IngestError(path, f"ends {what}: the file is cut off; download or export it again", where)
    if where and error.column > 0 and error.line <= len(lines) and len(lines[error.line - 1].rstrip()) > WIDE_LINE:
        where += f", column {error.column}"
    return IngestError(
        path,
        f"is malformed XML at this line: {_plain(message)}{held}; the file is broken there: correct that line (or ask its "
        "publisher to), or leave the file out",
        where,
    )


WIDE_LINE = 80
"""A line of more characters than this (wider than a terminal) is named with the column of its
error as well: a file written on one line, as exports and minifiers write it, has every error at
line 1."""


def _text(data: bytes) -> str:
    """``data`` (a file's bytes) as text, as libxml2 counts its lines and columns: in UTF-16 when
    it starts with that byte order mark, else in the encoding its XML declaration names (UTF-8
    when none, or one Python does not know), a UTF-8 byte order mark left out; bytes that do not
    decode are one character each."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    declared = _XML_DECLARATION.match(data[:1024])
    encoding = declared[1].decode("ascii") if declared else "utf-8"
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        codec = "utf-8"
    return data.decode("utf-8-sig" if codec == "utf-8" else codec, "replace")


def _ran_out_of_input(error, lines: list[str]) -> bool:
    """Whether libxml2 gave up on a file of ``lines`` (:func:`_text`) with ``error`` because its
    input ran out, so the file is cut off: the error stands at the end of the file (its line and
    column, 1-based, in characters, say where the parser stood then), only spaces and line breaks
    after it. An error before the end (``<hi>`` closed by ``</p>``, a stray ``&``) is a mistake at
    that place, even on the file's last or only line; so is an end tag naming another element
    (``</TEl>`` for ``</TEI>``), which the parser read whole, even at the very end. An error
    without a column is at the end when no line after its own holds anything; one without a line
    is not known to be."""
    line, column = error.line, error.column
    if line < 1 or error.type_name == "ERR_TAG_NAME_MISMATCH":
        return False
    if line > len(lines):
        return True
    rest = lines[line - 1][column - 1 :] if column > 0 else ""
    return not rest.strip() and not any(after.strip() for after in lines[line:])


_XML_DECLARATION = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _wrong_encoding(path: str, data: bytes) -> IngestError | None:
    """The failure of a file whose bytes are not in the encoding its XML declaration names (UTF-8
    when it names none: :func:`legation.ingest.encodings.wrong_encoding`); None when they are (the
    encoding error libxml2 reported is then something else)."""
    declared = _XML_DECLARATION.match(data[:1024])
    encoding = declared[1].decode("ascii") if declared else "UTF-8"
    try:
        data.decode("utf-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding)
    except LookupError:
        return IngestError(path, f"declares the encoding {encoding!r}, which Legation does not know; save the file as UTF-8 and correct its XML declaration", "line 1")
    except UnicodeDecodeError as exc:
        return wrong_encoding(path, data, exc.start, encoding, "its XML declaration" if declared else "", xml=True)
    return None


def _utf8_declared_otherwise(path: str, data: bytes) -> IngestError | None:
    """The failure of a file whose XML declaration names a single-byte encoding (ISO-8859-1,
    Windows-1252 …) while its bytes are UTF-8 with letters beyond ASCII, as an editor that saves
    UTF-8 under a template's declaration writes it: every byte reads in such an encoding, so the
    file would be stored as mojibake ("für" as "fÃ¼r") without a word. None for any other file.
    Real text in a single-byte encoding is never also UTF-8 beyond ASCII (that needs letter pairs
    such as "Ã¼" throughout), and multi-byte encodings (Shift_JIS, GB2312) are left to libxml2."""
    declared = _XML_DECLARATION.match(data[:1024])
    if not declared or data.isascii():
        return None
    encoding = declared[1].decode("ascii")
    try:
        name = codecs.lookup(encoding).name
        single_byte = hasattr(importlib.import_module(f"encodings.{name.replace('-', '_')}"), "decoding_table")
    except (LookupError, ImportError):
        return None
    if not single_byte or not _is_utf8(data):
        return None
    first = next(i for i, byte in enumerate(data) if byte > 0x7F)
    begins = data.rfind(b"\n", 0, first) + 1
    ends = data.find(b"\n", first) if data.find(b"\n", first) >= 0 else len(data)
    line = data.count(b"\n", 0, first) + 1
    text = re.sub(rb"<[^>]*>", b" ", data[begins:ends])  # the words of the line, not its tags
    utf8, declared_reading = first_difference(text.decode("utf-8"), text.decode(name))
    return IngestError(
        path,
        f"declares the encoding {encoding!r} but is written in UTF-8 ({utf8!r} read as {encoding} would be {declared_reading!r}): "
        f'correct its XML declaration to encoding="UTF-8", or save the file in {encoding}',
        f"line {line}",
    )


def _element_at(data: bytes, line: int, column: int) -> str:
    """The name of the last element that starts at or before ``column`` of ``line`` (1-based) of
    ``data``, or "" when none is found there."""
    if line < 1:
        return ""
    start = 0
    for _ in range(line - 1):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return ""
    end = data.find(b"\n", start)
    text = data[start : end if end >= 0 else len(data)]
    text = text[: column + 1] if column > 0 else text
    names = re.findall(rb"<([A-Za-z_][\w.:-]*)", text)
    return names[-1].decode("utf-8", "replace").rpartition(":")[2] if names else ""


# libxml2's words for what it found, as an archivist would say them; a message not listed here is
# given as it is, without the parser's internals (option and function names)
_PLAIN = (
    (r"Premature end of data in tag (\S+) line (\d+)", r"<\1> (opened at line \2) is never closed"),
    (r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)", r"<\1> (opened at line \2) is closed by </\3>"),
    (r"Couldn't find end of Start Tag (\S+) line (\d+)", r"the start tag <\1> (line \2) has no closing >"),
    (r"Double hyphen within comment.*", r'a comment holds "--", which XML does not allow inside a comment'),
    (r"Comment not terminated.*", r'a comment ("<!--") is never closed by "-->"'),
    (r"Extra content at the end of the document", "more follows after the end of its root element"),
    (r"StartTag: invalid element name", 'a "<" starts no element (write &lt; for a "<" in the text)'),
    (r"xmlParseEntityRef: no name", 'a "&" starts no entity (write &amp; for a "&" in the text)'),
    (r"EntityRef: expecting ';'", 'an entity reference lacks its ";" (write &amp; for a "&" in the text)'),
    (r"Entity '([^']+)' not defined", r"it uses the entity &\1;, which is declared nowhere"),
    (r"chunk is not well balanced", "its elements do not all open and close within it"),
    (r"Attribute (\S+) redefined", r"an element gives the attribute \1 twice"),
    (r"Specification mandates value for attribute (\S+)", r"the attribute \1 has no value"),
    (r"AttValue: \" or ' expected", "an attribute's value is not in quotes"),
    (r"Unescaped '<' not allowed in attributes values", 'an attribute\'s value holds "<" (write &lt;)'),
    (r"(?:PCDATA invalid|invalid|xmlParseCharRef: invalid) (?:Char|xmlChar) value (\d+)", r"it holds a character XML does not allow (character number \1)"),
    (r"Char 0x([0-9A-Fa-f]+) out of allowed range", r"it holds a character XML does not allow (U+\1)"),
    (r"Start tag expected, '<' not found", "no element starts where the XML should begin"),
    (r"Document is empty", "it holds no element"),
)


def _plain(message: str) -> str:
    """libxml2's ``message`` in plain words (:data:`_PLAIN`), or as it is without what names
    libxml2's internals ("use XML_PARSE_HUGE option", "see xmlCtxtSetMaxAmplification")."""
    message = message.strip()
    for pattern, plain in _PLAIN:
        if re.fullmatch(pattern, message, re.S):
            return re.sub(pattern, plain, message, flags=re.S)
    message = re.sub(r",?\s*(?:use XML_PARSE_HUGE option|see xml\w+\.?)", "", message)
    return re.sub(r"^xml\w+\s*:\s*", "", message).rstrip(" .")


def local_name(tag: object) -> str:
    """An element's name without its namespace (``"{…tei}p"`` → ``"p"``); "" for comments and
    processing instructions."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


# a reader meets a few dozen tags a million times; bounded, as a hostile file may have millions of names
_cached_local_name = functools.lru_cache(maxsize=1024)(local_name)


def inline_text(
    el: etree._Element,
    skip: frozenset[str] | set[str],
    *,
    note: Callable[[etree._Element], str] | None = None,
    keep: Callable[[etree._Element], bool] | None = None,
) -> str:
    """The whitespace-normalized text of an element, as a reader reads a TEI paragraph or heading.

    ``lb`` is a space (nothing with ``@break="no"``, TEI P5 §3.11.3); elements named in ``skip`` or
    refused by ``keep`` are left out with their content (their tail text is kept); with ``note``,
    each ``note`` is replaced by what it returns (a footnote's mark, say) instead of following
    ``skip``. An entity reference left as a node (the safe parser leaves none) contributes nothing.
    """
    if not len(el):  # no child elements (most paragraphs, cells, names): just its text
        return normalize_space(el.text) if el.text else ""
    parts: list[str] = []
    inline_parts(el, skip, note, keep, parts)
    return normalize_space("".join(parts))


def inline_parts(
    e: etree._Element,
    skip: frozenset[str] | set[str],
    note: Callable[[etree._Element], str] | None,
    keep: Callable[[etree._Element], bool] | None,
    parts: list[str],
) -> None:
    """Append the text of ``e`` to ``parts`` as :func:`inline_text` reads it, whitespace not yet
    normalized (for a reader joining the text of several elements into one paragraph)."""
    if e.text:
        parts.append(e.text)
    for child in e:
        name = _cached_local_name(child.tag)
        if name == "lb":
            parts.append("" if child.get("break") == "no" else " ")
        elif name == "note" and note is not None:
            parts.append(note(child))
        elif name and name not in skip and (keep is None or keep(child)):
            inline_parts(child, skip, note, keep, parts)
        if child.tail:
            parts.append(child.tail)
