"""The Jinja2 environment of Legation's pages (``TEMPLATES`` in :mod:`legation.settings`).

Jinja2 compiles a template to Python code; Django's template language walks a node tree for every
value it prints, which took 6.5 ms of an uncached search page's 16 ms of CPU (seven facets and a
histogram print about 500 values). The pages are byte for byte what Django's templates made:

- every ``{{ value }}`` is escaped as Django escapes (``'`` as ``&#x27;``, ``"`` as ``&quot;``;
  Jinja2's own escaping writes ``&#39;`` and ``&#34;``), unless it is marked safe (``__html__``),
  by one call of :func:`html_text` (:class:`PageEnvironment`);
- an undefined name, or an attribute of one, prints nothing (``ChainableUndefined``), as in
  Django, rather than raising;
- a template keeps its last newline.

Globals: ``static(path)`` (the static file's URL), ``url(name, *args)`` (``reverse``), both
remembered (:func:`url`),
``site_credit()`` (``LEGATION_SITE_CREDIT``),
``query_box_maxlength`` (the search box's ``maxlength``),
``text_direction(language, text)`` (a text's ``dir``, :func:`legation.records.languages.text_direction`),
``language_name(code)`` (:func:`legation.records.languages.language_name`: "ota" → "Ottoman Turkish"),
``note_anchors(body, notes, prefix)`` (a text's notes with their anchors, :func:`note_anchors`). Filters:
``passages`` (a hit's snippets on one line), ``note_links`` (a text's note markers linked to its
notes), ``urlencode`` and ``linebreaks`` (Django's own).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.template.defaultfilters import linebreaks_filter, urlencode
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from jinja2 import ChainableUndefined, Environment
from jinja2.compiler import CodeGenerator, Frame
from markupsafe import Markup

from legation.config import config
from legation.printable import html_escaped, printable, title_text
from legation.records.document_record import TABLE_CELLS
from legation.records.languages import language_name, text_direction
from legation.search.schema import FACETS_BY_NAME
from legation.web.params import QUERY_BOX_MAXLENGTH

CUT = "…"


def escaped(value: Any) -> Any:
    """The environment's ``finalize``: ``value`` itself when it is marked safe, else its text escaped
    the way Django escapes it (``html.escape``), control characters replaced (:func:`legation.printable.printable`).
    Printed values go through :func:`html_text`, which gives the same HTML in one call; this is
    what Jinja2 applies to constants it folds when compiling, and to output outside autoescaping.

    Jinja2's autoescaping (always on, :func:`environment`) escapes what this returns, so a text
    without quotes is returned as a plain ``str``: markupsafe escapes ``&``, ``<`` and ``>`` as
    ``html.escape`` does, and only quotes differ (``&#39;``, ``&#34;``). Most printed values (counts,
    years, query-string links, names) have none."""
    if hasattr(value, "__html__"):
        return value
    text = str(value)
    text = printable(text)
    if "'" in text or '"' in text:
        return Markup(html.escape(text))
    return text


def html_text(value: Any) -> str:
    """The HTML that ``{{ value }}`` prints in an autoescaped template: what ``escape(escaped(value))``
    gives, as a ``str`` rather than a ``Markup`` (``value.__html__()`` for a value marked safe, else the text with
    control characters replaced and ``&``, ``<``, ``>``, ``"``, ``'`` escaped as Django escapes
    them), e.g. ``html_text("a's & b")`` → ``"a&#x27;s &amp; b"``, ``html_text(3)`` → ``"3"``.

    One call instead of three (``escaped``, markupsafe's ``escape`` and the ``Markup`` it makes):
    a search page prints about 440 values, and the three took about a third of its rendering."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html_escaped(str(value))


class _PrintEscaped(CodeGenerator):
    """Jinja2's code generator, which prints a value of an autoescaped template as
    ``escape(environment.finalize(value))``, writing ``environment.html_text(value)`` instead
    (:func:`html_text`, the same text). Elsewhere (``{% autoescape false %}``, constants folded
    when compiling) it writes what Jinja2 writes."""

    def _fused(self, frame: Frame) -> bool:
        return bool(frame.eval_ctx.autoescape) and not frame.eval_ctx.volatile

    def _output_child_pre(self, node: Any, frame: Frame, finalize: Any) -> None:
        if self._fused(frame):
            self.write("environment.html_text(")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Any, frame: Frame, finalize: Any) -> None:
        if self._fused(frame):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class PageEnvironment(Environment):
    """The environment of Legation's pages: Jinja2's, printing values through :func:`html_text`."""

    code_generator_class = _PrintEscaped
    html_text = staticmethod(html_text)


URLS_REMEMBERED = 20_000  # paths kept by url(): a document's is about 40 bytes, so about 2 MB in all


def url(name: str, *args: Any) -> str:
    """The path of the URL pattern ``name`` with ``args`` (Django's ``{% url %}``), e.g.
    ``url("document", "frus1969-76v12-d34")`` → ``"/documents/frus1969-76v12-d34"``; raises
    ``NoReverseMatch`` as ``reverse`` does. The last :data:`URLS_REMEMBERED` paths are remembered
    per script prefix (the site's mount point, ``SCRIPT_NAME``): ``reverse`` takes 12–13 µs and a
    search page links 22 paths, about 6 % of an uncached page's CPU time."""
    return _reversed(get_script_prefix(), name, args)


@lru_cache(maxsize=URLS_REMEMBERED)
def _reversed(script_prefix: str, name: str, args: tuple) -> str:
    return reverse(name, args=args)


@lru_cache(maxsize=256)
def static_url(path: str) -> str:
    """The URL of the static file ``path`` (Django's ``{% static %}``), remembered: the pages link
    three, 12 µs each to look up."""
    return static(path)


@receiver(setting_changed)
def _forget_urls(**kwargs: Any) -> None:
    """Settings changed (tests): URL patterns or static storage may differ, so forget the paths."""
    _reversed.cache_clear()
    static_url.cache_clear()


def passages(snippets: list[str]) -> SafeString:
    """A hit's snippets (HTML already escaped by the search service) on one line, one "…"
    between two: ``["… a …", "… b"]`` → ``"… a … b"``. Passages never adjoin, so an ellipsis
    always stands between them, even when one passage reaches the end of the text."""
    if not snippets:
        return mark_safe("")
    inner = [s.removeprefix(f"{CUT} ").removesuffix(f" {CUT}") for s in snippets]
    head = f"{CUT} " if snippets[0].startswith(f"{CUT} ") else ""
    tail = f" {CUT}" if snippets[-1].endswith(f" {CUT}") else ""
    return mark_safe(head + f" {CUT} ".join(inner) + tail)  # each part is escaped HTML already


_NOTE_MARKER = re.compile(r"\[([^\W_]{1,4}|\*{1,3}|[†‡§¶])\]")  # "[3]", "[a]", "[*]": how readers leave a footnote's place in a text


@dataclass(frozen=True)
class NoteAnchor:
    """A footnote as a text's page prints it: ``id`` its anchor (``t1-2``; ``t1-2_2`` for the
    second note a source numbered 2 too; ``""`` for a note without a mark), ``back`` the anchor of
    the first marker in the text that links to it (``t1-ref-2``), ``""`` when none does."""

    note: Any
    id: str
    back: str


def _note_keys(notes: list) -> list[str]:
    """Each note's key, unique within its text and fit for an ``id``: a mark a marker can stand for
    (:data:`_NOTE_MARKER`: "2", "a", "*") is its key, ``<mark>_<k>`` for the ``k``-th note of a mark
    already given (a FRUS source gives two notes "2" in 45 of the demo's texts); a note of another mark
    ("1-2", "a b", "ref-1": no marker links to it) is keyed by its place, ``_<n>``, and a note without a
    mark has none (``""``). No mark a marker stands for holds "_", so no two keys are alike (the
    notes "1" and "1-2" were both keyed "1-2" when a repeated mark was keyed so)."""
    given: dict[str, int] = {}
    keys = []
    for place, note in enumerate(notes, start=1):
        if not note.n:
            keys.append("")
        elif not _NOTE_MARKER.fullmatch(f"[{note.n}]"):
            keys.append(f"_{place}")
        else:
            given[note.n] = given.get(note.n, 0) + 1
            keys.append(note.n if given[note.n] == 1 else f"{note.n}_{given[note.n]}")
    return keys


def _marker_keys(text: str, notes: list) -> list[str | None]:
    """For each note marker of ``text`` in order (:data:`_NOTE_MARKER`), the key (:func:`_note_keys`)
    of the note it stands for, ``None`` for a marker no note has (``[sic]``, ``[1949]``): the
    ``k``-th marker of a mark is the ``k``-th note of that mark (readers leave one marker where each
    note stood), the last of them for any marker after (a note referred to again)."""
    keys_of: dict[str, list[str]] = {}
    for note, key in zip(notes, _note_keys(notes), strict=True):
        if key:
            keys_of.setdefault(note.n, []).append(key)
    met: dict[str, int] = {}
    found: list[str | None] = []
    for match in _NOTE_MARKER.finditer(text):
        keys = keys_of.get(match.group(1))
        if keys is None:
            found.append(None)
            continue
        met[match.group(1)] = met.get(match.group(1), 0) + 1
        found.append(keys[min(met[match.group(1)], len(keys)) - 1])
    return found


def text_html(body: str) -> SafeString:
    """A text's paragraphs as HTML, escaped, as Django's ``linebreaks`` makes them (a ``<p>`` for
    each run of lines between blank lines, ``<br>`` between its lines), but a paragraph of rows
    (:func:`_is_table`: cells apart by :data:`TABLE_CELLS`, a TEI ``<table>`` as the FRUS reader writes
    it: 91 tables in 87 of the demo's documents) is a ``<table>`` of them, each row as many cells
    as the longest, a row of one cell across them all: it read "Hong Kong | | | 67" (a fresh
    researcher)."""
    paragraphs = re.split("\n{2,}", body.replace("\r\n", "\n").replace("\r", "\n"))
    return mark_safe("\n\n".join(_table_html(p) if _is_table(p) else linebreaks_filter(p) for p in paragraphs))


def _is_table(paragraph: str) -> bool:
    """Whether the lines of ``paragraph`` are a table's rows: two or more of them, and at least half,
    cells apart; the others rows of one cell (a caption, "(in millions of dollars)", or a heading
    of the rows below it, "Presidium Members")."""
    lines = paragraph.split("\n")
    edge = TABLE_CELLS.strip()  # an empty first or last cell: "| (in US $ millions)"
    rows = sum(1 for line in lines if TABLE_CELLS in line or line.rstrip().endswith(f" {edge}") or line.lstrip().startswith(f"{edge} "))
    return rows >= 2 and 2 * rows >= len(lines)


def _table_html(paragraph: str) -> str:
    rows = [line.split(TABLE_CELLS.strip()) for line in paragraph.split("\n")]
    width = max(len(row) for row in rows)
    cells = [
        f'<td colspan="{width}">{html.escape(row[0].strip())}</td>' if len(row) == 1 and width > 1
        else "".join(f"<td>{html.escape(cell.strip())}</td>" for cell in row + [""] * (width - len(row)))
        for row in rows
    ]
    return '<div class="table"><table>' + "".join(f"<tr>{row}</tr>" for row in cells) + "</table></div>"


def note_links(body_html: str, notes: list, prefix: str) -> SafeString:
    """``body_html`` (a text made HTML by ``linebreaks``: escaped) with each marker of one of its
    ``notes`` (:class:`~legation.records.document_record.Footnote`, mark ``n``) a link to the note,
    ``href="#<prefix>-<key>"`` (:func:`_marker_keys`); the first marker of a note gets
    ``id="<prefix>-ref-<key>"``, for the note to link back to (:func:`note_anchors`). A marker no
    note has (``[sic]``, ``[1949]``) stays text. ``prefix`` tells the texts of one page apart (a
    transcript and its translation both have a note 1)."""
    if not any(note.n for note in notes):
        return mark_safe(body_html)
    keys = iter(_marker_keys(str(body_html), notes))
    seen: set[str] = set()

    def link(match: re.Match[str]) -> str:
        key = next(keys)
        if key is None:
            return match.group(0)
        back = "" if key in seen else f' id="{prefix}-ref-{html.escape(key)}"'
        seen.add(key)
        return f'<a class="note-ref" href="#{prefix}-{html.escape(key)}"{back}>[{html.escape(match.group(1))}]</a>'

    return mark_safe(_NOTE_MARKER.sub(link, str(body_html)))


def note_anchors(body: str, notes: list, prefix: str) -> list[NoteAnchor]:
    """The ``notes`` of a text whose plain ``body`` :func:`note_links` links, each with its anchor
    and the anchor of its first marker (``""`` when the text has none for it): every anchor of a
    page is unique, and each note links back to its own marker (a FRUS source's two notes "2"
    had one id, the second marker leading to the first note)."""
    marked = set(_marker_keys(body, notes))
    return [
        NoteAnchor(note, f"{prefix}-{key}" if key else "", f"{prefix}-ref-{key}" if key in marked else "")
        for note, key in zip(notes, _note_keys(notes), strict=True)
    ]


_DOCUMENT_MENTION = re.compile(r"\bDocument (\d+[A-Z]?)\b")  # "See Document 6.": how FRUS editors refer to a document of the volume


def document_links(value: Any, links: dict[str, str]) -> SafeString:
    """``value`` as HTML (escaped as :func:`html_text` prints it, or HTML already, as a text's
    ``linebreaks``) with each "Document N" whose N is in ``links`` (N → the address of that
    document of the volume) a link to it: the editors' cross-references ("See Document 6"), of
    which the demo's texts and notes hold 1,300, were plain text (a fresh user). ``links`` holds only the
    documents the record relates to and the archive holds, so a "Document 77" of another volume
    ("printed in Foreign Relations, 1952–1954, vol. XIV, Document 77") is not taken for this one's."""
    text = html_text(value)
    if not links:
        return mark_safe(text)
    return mark_safe(_DOCUMENT_MENTION.sub(lambda m: f'<a href="{html.escape(links[m[1]])}">{m[0]}</a>' if m[1] in links else m[0], text))


# what a notice names that a reader can follow: a facet's list on this site, a volume or document of
# the public FRUS edition. Only such targets, whoever wrote the words: a notice also repeats what a
# query or filter held, and an address typed there ("/facets/evil", "…/historicaldocuments/evil-page")
# was made a link too (a fresh user); a target of these shapes is a page a notice itself could name.
_FOLLOWABLE = re.compile(
    r"(?<![\w/.%-])(?P<address>https://history\.state\.gov/historicaldocuments/frus[0-9][\w-]*(?:/d[0-9]+[a-z]?)?"
    r"|/facets/(?P<facet>[a-z]+))(?=[\s.,;:)]|$)"
)


def linked(value: Any) -> SafeString:
    """A notice or an error (plain text) as HTML, escaped as :func:`html_text` prints it, with the
    addresses it tells the reader to follow made links: ``/facets/<name>`` of a facet of the site
    ("The values are listed at /facets/type."), and a FRUS volume's or document's address in the
    public edition (``https://history.state.gov/historicaldocuments/frus1945v01/d1``); they were
    plain text (a fresh user). A full stop or comma after an address ends the sentence, not the
    address. No other address is linked, whatever wrote it."""
    def link(m: re.Match[str]) -> str:
        if m["facet"] is not None and m["facet"] not in FACETS_BY_NAME:
            return m[0]
        return f'<a href="{m["address"]}">{m["address"]}</a>'

    return mark_safe(_FOLLOWABLE.sub(link, html_text(value)))


def number(value: int) -> str:
    """A count as the pages write it, with thousands separators: ``4,915`` (the site is in
    English, ``LANGUAGE_CODE`` en-us, and not localized: every count on every page reads alike)."""
    return f"{value:,}"


def environment(**options: Any) -> Environment:
    """The environment Django's Jinja2 backend renders with (``options`` from the backend:
    loader, ``auto_reload``). Autoescaping is on whatever the options say; a printed value is
    escaped by :func:`html_text`, a constant by :func:`escaped` and Jinja2."""
    env = PageEnvironment(**{**options, "autoescape": True, "undefined": ChainableUndefined, "finalize": escaped, "keep_trailing_newline": True})
    env.globals.update(
        static=static_url, url=url, site_credit=lambda: config().site_credit, query_box_maxlength=QUERY_BOX_MAXLENGTH, text_direction=text_direction,
        language_name=language_name, note_anchors=note_anchors
    )
    env.filters.update(number=number, title_text=title_text, passages=passages, note_links=note_links, document_links=document_links, linked=linked, urlencode=urlencode, linebreaks=linebreaks_filter, text_html=text_html)  # Django's, escaping
    return env
