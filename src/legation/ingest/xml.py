"""Safe XML parsing for every XML reader: one parser factory and one file reader.

Source files come from outside the project (TEI editions downloaded from public repositories),
so the parser treats them as untrusted: no network, no external entities, no DTD loading.
"""

from __future__ import annotations

import functools
import gzip
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from legation.errors import IngestError
from legation.ingest.titles import normalize_space

TEI_NS = "http://www.tei-c.org/ns/1.0"
GZIP_MAGIC = b"\x1f\x8b"


def safe_parser() -> etree.XMLParser:
    """A new lxml parser for untrusted XML. Each setting, and why:

    - ``resolve_entities=False``: entity references are left as they are, so an external entity
      (``<!ENTITY x SYSTEM "file:///etc/passwd">``) never pulls a local file into the text and an
      entity bomb ("billion laughs") never expands. :func:`parse_xml` then fails a file whose text
      refers to such an entity, naming it, so that no text goes missing unsaid.
    - ``no_network=True``: nothing is ever fetched over the network (DTDs, entities, XInclude).
    - ``load_dtd=False``, ``dtd_validation=False``: DOCTYPE declarations are not followed or used;
      TEI files need no DTD.
    - ``huge_tree=False``: keeps libxml2's limits on depth and text-node size, so a hostile file
      cannot exhaust memory.
    - ``recover=True``: real FRUS volumes repeat ``xml:id`` values (e.g. ``frus1952-54v14p2``:
      "ID in22 already defined"), which a strict parser rejects; recovery keeps them readable.
      :func:`parse_xml` still rejects files with fatal errors (truncated, not well-formed).
    - ``remove_comments=True``: comments are editorial leftovers, never document text.
    """
    return etree.XMLParser(
        resolve_entities=False,
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

    Raises :class:`IngestError` (``location`` "line N" when known) when the file cannot be read,
    does not start as XML (binary data, other text), is not complete well-formed XML (any *fatal* libxml2 error, e.g. a truncated file; the
    duplicate-``xml:id`` errors of real FRUS volumes are tolerated), refers to entities the parser does not
    expand (an external entity, ``<!ENTITY x SYSTEM "file:///etc/passwd">``, is never read: the file fails
    naming it rather than lose its text unsaid), or its root is not TEI.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
        if data[:2] == GZIP_MAGIC:
            data = gzip.decompress(data)
    except EOFError as exc:
        raise IngestError(str(path), f"is cut off ({exc}); nothing of it was read: download it again") from exc
    except (OSError, zlib.error) as exc:
        raise IngestError(str(path), f"cannot be read ({exc}); check that the file exists and is complete") from exc
    start = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if start[:1] != b"<" and not start.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 XML starts with its mark
        what = "binary data" if b"\0" in start or not _is_utf8(start) else f"text starting {start[:20].decode()!r}"
        raise IngestError(str(path), f"is not XML ({what}, not an XML element); give a TEI XML file")
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=str(path))
    except etree.XMLSyntaxError as exc:  # raised when recovery yields no document at all
        line = exc.lineno or 0
        raise IngestError(str(path), f"is not XML ({exc.msg}); give a TEI XML file", f"line {line}" if line else "") from exc
    fatal = [e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL]
    if fatal:
        raise _not_well_formed(str(path), fatal[0], data.count(b"\n") + 1)
    if root is not None and (unread := _unread_entities(root, str(path))):
        raise unread
    if root is None or root.tag != f"{{{TEI_NS}}}TEI":
        found = "nothing" if root is None else f"<{etree.QName(root).localname}>"
        raise IngestError(str(path), f"is not a TEI file (root element is {found}, expected <TEI> in {TEI_NS}); Legation reads {TEI_READ}")
    return root


TEI_READ = "TEI: FRUS volumes and single documents with correspDesc (Dodis, QhoD)"


def _unread_entities(root: etree._Element, path: str) -> IngestError | None:
    """The failure of a file whose text refers to entities (``&x;``) the safe parser left
    unexpanded, naming each (an external one with its address, never read) at the line of the
    first reference, or None when there is none. Only a file with a DOCTYPE can have them."""
    docinfo = root.getroottree().docinfo
    if not docinfo.doctype:
        return None
    lines: dict[str, int] = {}  # entity name → line of its first reference
    for reference in root.iter(etree.Entity):
        lines.setdefault(reference.name, reference.sourceline or 0)
    if not lines:
        return None
    declared = {e.name: e for e in docinfo.internalDTD.iterentities()} if docinfo.internalDTD is not None else {}

    def what(name: str) -> str:
        if (entity := declared.get(name)) is not None:
            return f'external, at "{entity.system_url}"' if entity.system_url else "declared in the file"
        return f"from the DTD {docinfo.system_url}, which Legation does not load" if docinfo.system_url else "declared nowhere"

    named = ", ".join(f"&{name}; ({what(name)})" for name in lines)
    several = len(lines) > 1
    return IngestError(
        path,
        f"uses {'entities' if several else 'an entity'} whose text Legation does not read: {named}; Legation never reads "
        "an external entity (it could bring a file of this computer or of the network into the archive) and expands no "
        f"other, so the document would lack {'their' if several else 'its'} text: nothing of this file was stored. "
        "Replace each reference in the file by the text it stands for, or remove it, and ingest the file again",
        f"line {min(lines.values())}" if min(lines.values()) else "",
    )


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` (a file's first bytes, maybe cutting a character at the end) is UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 3
    return True


def _not_well_formed(path: str, error, lines: int) -> IngestError:
    """The error for a file with a fatal libxml2 ``error`` (a file of ``lines`` lines): an
    entity-expansion attack refused, a file cut off (the error at its last lines), or XML
    malformed at a line of the file as published."""
    where = f"line {error.line}"
    if error.type_name == "ERR_RESOURCE_LIMIT" or "amplification" in error.message:
        return IngestError(
            path,
            f"was refused: its entities expand to an enormous text (an entity-expansion or \"billion laughs\" attack: "
            f"{error.message.strip()}); Legation reads no such file. Leave it out, or remove its <!ENTITY> declarations",
            where,
        )
    if error.line >= lines - 1:
        return IngestError(path, f"ends before its XML is complete ({error.message.strip()}): it is cut off; download it again", where)
    return IngestError(
        path,
        f"is malformed XML at this line ({error.message.strip()}): the file is broken there as published; "
        "correct that line (or ask its publisher to), or leave the file out",
        where,
    )


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
    ``skip``. Entity references the safe parser left unresolved contribute nothing.
    """
    if not len(el):  # no child elements (most paragraphs, cells, names): just its text
        return normalize_space(el.text) if el.text else ""
    parts: list[str] = []
    _inline_parts(el, skip, note, keep, parts)
    return normalize_space("".join(parts))


def _inline_parts(
    e: etree._Element,
    skip: frozenset[str] | set[str],
    note: Callable[[etree._Element], str] | None,
    keep: Callable[[etree._Element], bool] | None,
    parts: list[str],
) -> None:
    """Append the text of ``e`` to ``parts`` as :func:`inline_text` reads it."""
    if e.text:
        parts.append(e.text)
    for child in e:
        name = _cached_local_name(child.tag)
        if name == "lb":
            parts.append("" if child.get("break") == "no" else " ")
        elif name == "note" and note is not None:
            parts.append(note(child))
        elif name and name not in skip and (keep is None or keep(child)):
            _inline_parts(child, skip, note, keep, parts)
        if child.tail:
            parts.append(child.tail)
