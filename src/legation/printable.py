"""What HTML forbids in a page, and the one rule replacing it, for every layer that prints text as
HTML: the templates' printed values (:mod:`legation.web.templating`) and the search snippets built
as HTML from stored texts (:func:`legation.search.snippets.passage_html`).

HTML forbids (parse errors, WHATWG HTML 13.2.3.5) control characters, C0 but tab, line feed and
carriage return, DEL and C1 (U+007F–U+009F), and noncharacters (U+FDD0–U+FDEF, U+FFFE and U+FFFF
of every plane). A NUL in a query, "?q=a%00b", was printed raw, as were DEL and C1 after C0 was
replaced, and C1 stored in a document's text reached its snippets; each is shown as U+FFFD, as
browsers show a NUL.

Also :func:`shortened`, the one rule for cutting a long value short where it is shown to people:
a hit's summary, a value quoted in a message; :func:`title_text`, a value as a page's title
(a browser's tab, a bookmark) shows it; and :func:`documents`, a count of documents in a message."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

try:  # markupsafe's escaping of &, <, > (its C speedups when built), without making a Markup of it
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - markupsafe without its C extension
    from markupsafe._native import _escape_inner

C0_CONTROLS: tuple[int, ...] = tuple(code for code in range(0x20) if chr(code) not in "\t\n\r")
"""The C0 control characters but tab, line feed and carriage return (which text may hold), by code:
what no record may hold either (:data:`legation.records.document_record.UNSTORABLE_CHARACTERS`)."""

C1_CONTROLS: tuple[int, ...] = (0x7F, *range(0x80, 0xA0))
"""DEL and the C1 control characters, by code: a query reads them, as C0's, as spaces
(:func:`legation.search.query.parse`)."""

CONTROLS = {
    code: "\ufffd"
    for code in (*C0_CONTROLS, *C1_CONTROLS, *range(0xFDD0, 0xFDF0), *(p + e for p in range(0, 0x110000, 0x10000) for e in (0xFFFE, 0xFFFF)))
}
"""Each forbidden character's code → U+FFFD, a table for ``str.translate``."""


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\U0001fffe-\U0010ffff]")
"""A character that may be one HTML forbids: each of :data:`CONTROLS` of the Basic Multilingual
Plane, and any character from U+1FFFE on (whose noncharacters, two a plane, make a class of 32
ranges that Python's regular expressions search ten times slower; translating a text with a rare
character of the higher planes costs little)."""


def printable(text: str) -> str:
    """``text`` with each character HTML forbids replaced by U+FFFD; ``text`` itself, unchanged
    and not copied, when it has none: a text ``isprintable()`` has none (C fast), else one search of
    :data:`CONTROL` tells (a text with a line feed is never ``isprintable()``), 3 µs for 300
    characters, against 26 µs for an exact class and 3 µs for ``html.escape``."""
    if text.isprintable() or CONTROL.search(text) is None:
        return text
    return text.translate(CONTROLS)


def html_escaped(text: str) -> str:
    """``text`` as HTML: :func:`printable`, then ``&``, ``<``, ``>``, ``"`` and ``'`` escaped as
    ``html.escape`` (and Django) escape them: ``html_escaped("a's & b")`` → ``"a&#x27;s &amp; b"``.
    A text without quotes (nearly every one) is escaped by markupsafe's C code, which escapes
    ``&``, ``<`` and ``>`` alike and is 5 times as fast as ``html.escape``'s five replacements."""
    text = printable(text)
    if "'" in text or '"' in text:
        return html.escape(text)
    return _escape_inner(text)


def shortened(text: str, limit: int) -> str:
    """``text`` itself when it has at most ``limit`` characters; else its first ``limit`` characters
    cut back to the last space, unless a space follows them, so that no word is cut in two, with
    the spaces and the ``,;:`` left at the end dropped and "…" appended: at most ``limit`` + 1
    characters, all counted as Python ``str`` characters (code points). A text with no space in its
    first ``limit`` characters (one long word, Chinese) is cut at ``limit``.
    ``shortened("Acheson and the Ambassador", 18)`` → ``"Acheson and the…"``."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head if text[limit] == " " else head.rsplit(" ", 1)[0] or head  # a word ending at the limit is whole
    return cut.rstrip(" ,;:") + "…"


def shortened_between(text: str, limit: int) -> str:
    """``text`` itself when it has at most ``limit`` characters; else its beginning and its end,
    "…" between, each cut at a space, at most ``limit`` + 1 characters: for names whose end tells
    them apart, as the volumes of a series (``"Foreign Relations of the United States, 1949, The
    Far East and Australasia, Volume VII, Part 1"``, 40 → ``"Foreign Relations of the… Volume VII,
    Part 1"``; cut at the end alone, every part of that volume read the same). A text whose last
    half holds no space is cut at the end (:func:`shortened`)."""
    if len(text) <= limit:
        return text
    room = limit // 2  # characters of the end kept, at most
    end = text[-room:]
    if text[-room - 1] != " ":
        if " " not in end:
            return shortened(text, limit)
        end = end.split(" ", 1)[1]  # no word cut in two
    return shortened(text[: len(text) - len(end)].rstrip(), limit - len(end) - 1).rstrip("…").rstrip(" ,;:") + "… " + end


QUOTED_CHARS = 60  # characters of a value a message repeats


def quoted(value: object, limit: int = QUOTED_CHARS) -> str:
    """``value`` as a message repeats what a user sent: in Python's quotes, so that spaces,
    invisible and control characters show (``'\\u200f1950'``), and a text cut to at most ``limit``
    characters (:func:`shortened`): an address's value of 3,000 characters came back whole,
    burying what the message says to do."""
    return repr(shortened(value, limit)) if isinstance(value, str) else repr(value)


def quoted_list(values: Sequence[object], most: int = 5) -> str:
    """The first ``most`` of ``values``, each :func:`quoted`, comma-separated, and how many more
    there are: ``'x0', 'x1', 'x2', 'x3', 'x4' and 55 more``."""
    return listed_first([quoted(v) for v in values[:most]], most, len(values))


def listed_first(items: Sequence[str], most: int, count: int | None = None) -> str:
    """The first ``most`` of ``items`` comma-separated, and how many more there are of ``count``
    (``len(items)`` by default): ``a1 at line 3, a2 at line 9 and 1,204 more``."""
    count = len(items) if count is None else count
    shown = ", ".join(items[:most])
    return shown if count <= most else f"{shown} and {count - most:,} more"

NUMBERED_MOST = 20  # sentences numbered_first names; the rest it counts


def numbered_first(sentences: Sequence[str], most: int = NUMBERED_MOST) -> str:
    """The first ``most`` of ``sentences`` numbered, each ended by a full stop, and how many more there
    are: ``(1) The row 3 … (2) The subject … … and 2 more.``, for a message naming every fault it found."""
    shown = " ".join(f"({n}) {sentence}." for n, sentence in enumerate(sentences[:most], 1))
    return shown + (f" … and {len(sentences) - most:,} more." if len(sentences) > most else "")


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
"""The characters that set the direction of the text after them (Unicode Bidirectional Algorithm,
UAX #9: embeddings, overrides, isolates and marks): in a page's body a value is isolated
(``<bdi>``), but a ``<title>`` has no markup, and ``?q=%E2%80%AEevil`` turned the tab's whole
title backwards."""

_TITLE_DROPPED = re.compile(f"[\u200b{BIDI_CONTROLS}]+")
_TITLE_SPACES = re.compile("[\x00-\x1f\x7f-\x9f]+")


def title_text(text: str, limit: int = 80) -> str:
    """``text`` as a page's ``<title>`` may show it: control characters (a NUL showed as U+FFFD)
    spaces, as a query reads them; direction controls (:data:`BIDI_CONTROLS`) and zero-width spaces
    dropped; runs of white space one space; the ends stripped, at most ``limit`` characters (:func:`shortened`); "" for a text
    of none of these but white space (``?q=%20%20`` titled the page "    – Search")."""
    return shortened(" ".join(_TITLE_SPACES.sub(" ", _TITLE_DROPPED.sub("", text)).split()), limit)


DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphen-minus, hyphens, figure dash, en and em dashes, minus sign


def with_article(noun: str) -> str:
    """``noun`` after the indefinite article its first letter asks for: ``a person``, ``an
    organization`` (by the letter, not the sound: "an hour" is not told apart)."""
    return f"{'an' if noun[:1].lower() in 'aeiou' and noun else 'a'} {noun}"


def in_words(items: Sequence[str]) -> str:
    """``items`` listed as a sentence does: ``a``, ``a and b``, ``a, b and c``; ``""`` for none."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def number_range(first: str, last: str) -> tuple[int, int]:
    """The first and last number of a range as written, its last abridged as ranges are in print
    (``("1474", "76")`` → ``(1474, 1476)``, ``("124", "26")`` → ``(124, 126)``); otherwise as written (``("12", "10")`` → ``(12, 10)``: which order is meant is the
    caller's to judge). Both are strings of decimal digits; raises ValueError otherwise."""
    low, high = int(first), int(last)
    if high < low and len(last) < len(first):
        high = int(first[: len(first) - len(last)] + last)
    return low, high


def number_runs(numbers: list[int] | tuple[int, ...]) -> list[str]:
    """``numbers`` (in order) as a reader writes them, each run of consecutive ones as its first and
    last joined by an en dash: ``[2, 5, 6, 7]`` → ``["2", "5–7"]``; ``[]`` → ``[]``."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return [str(run[0]) if len(run) == 1 else f"{run[0]}\u2013{run[-1]}" for run in runs]


def documents(count: int) -> str:
    """``count`` documents as a message says them: ``"1 document"``, ``"1,234 documents"``."""
    return f"{count:,} document{'' if count == 1 else 's'}"
