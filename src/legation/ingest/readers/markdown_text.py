"""Plain text of a Markdown body, parsed by markdown-it-py (CommonMark, with tables).

:func:`markdown_paragraphs` gives the body's blocks as plain-text paragraphs, in order:

* a paragraph, heading or block quote's paragraph is one paragraph: emphasis marks (``_de facto_``,
  ``**Wool**``) and backslash escapes (``2\\.``) go, entities are decoded (``&amp;`` → ``&``), a soft
  line break is a space, a hard one (two spaces or ``<br>`` at a line end) a line break;
* a list item is a paragraph, an ordered one led by its number as printed (``2. You will wish …``), a
  bullet one by ``• ``;
* a table is one paragraph, a line a row, its cells joined by `` | `` (empty cells at a row's end
  left out); a table as html2text writes it, without pipes at the edges of its lines, has them
  added before markdown-it reads it, as html2text starts a line with ``|`` for an empty first cell
  (``| Grant $m.| Increase …`` over ``---|---|---``), which a table with edge pipes would not read so,
  and a header cell's line break (``| Payment  ⏎$M| %*``) is a space;
* a link keeps its text; a link to an anchor (``[1](#f1)``, how footnote marks are written in some
  harvests) keeps its text in brackets, ``[1]``, as footnote marks are printed elsewhere;
* raw HTML tags go (``<br>`` is a line break); a fenced code block keeps its text; an indented one is
  read as Markdown, as html2text indents nested list items (``    3. In regard to …[3](#f3)``)
  and no harvest holds code.

Paragraphs are trimmed, their runs of spaces made one and spaces inside brackets dropped
(``[ _matter omitted_ ]`` → ``[matter omitted]``); empty ones are left out. This never
raises: any text is Markdown (what is not markup stays text).

Two shortcuts give the same text as markdown-it (tests/ingest/test_markdown_text.py reads crafted,
generated and real DFAT bodies both ways; 2026-12-01 they made reading a DFAT body 0.81 → 0.42 ms):
a body whose every line starts as only a paragraph's line can (:data:`_BLOCK_SYNTAX`; 9,253 of the
10,883 DFAT bodies) is cut into paragraphs at its blank lines without the block parser, and a
paragraph with no inline markup but escapes and line breaks (:data:`_INLINE_SYNTAX`; 82 % of the DFAT
paragraphs) is read without the inline parser.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.token import Token

_BR = re.compile(r"(?i)<br\s*/?>")


@cache
def _parser() -> MarkdownIt:
    """CommonMark with tables, its blocks only: each paragraph's inline text is parsed apart, by
    :func:`_inline_text` (what the core rules "inline" and "text_join" would do, token by token)."""
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


# What makes a body more than paragraphs of text (checked line by line, on every line): a line
# indented 4 spaces or by a tab (code; conservatively, also where it would continue a paragraph),
# or starting, after up to 3 spaces, with what opens or ends another block: a table's delimiter row
# or a setext underline (| - : =), a fence (` ~), a block quote (>), a heading (#), HTML (<), a
# bullet or numbered list item ("* ", "+", "2. ", "3)"), a thematic break (* * *, ___). "-" is
# always one of these. A reference definition needs "]:", looked for apart; "\r" and NUL, which
# markdown-it first rewrites, send a body to the parser too.
_BLOCK_SYNTAX = re.compile(
    r"^(?: {4}| {0,3}(?:\t|[|\-:=`~>#<]|[*+](?:[ \t]|$)|\d+[.)](?:[ \t]|$)|([*_])(?:[ \t]*\1){2,}[ \t]*$))", re.M
)
# A backslash escape of ASCII punctuation: the character itself (markdown-it's "escape" rule).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# After escapes are taken out, what an inline rule other than "text" and "newline" could read: a
# backslash (before a line break or a letter), code (`), emphasis (* _), an entity (&), an autolink
# or HTML (<); and an inline link or image, looked for apart (an unescaped "](", as there are no
# reference definitions: a character class alone is searched three times as fast).
_INLINE_SYNTAX = re.compile(r"[\\`*_&<]")


def _plain_inline(content: str) -> str:
    """What :func:`_inline` gives for a paragraph's ``content`` that :data:`_INLINE_SYNTAX` finds
    nothing in (escapes out): its escapes read, each line break soft (a space, one space before it
    dropped) or, after two spaces or more, hard (a line break, those spaces dropped), the next
    line's leading spaces and tabs dropped, as markdown-it's "newline" and "escape" rules do."""
    if "\\" in content:
        content = _ESCAPE.sub(r"\1", content)
    if "\n" not in content:
        return content
    lines = content.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        if i:
            line = line.lstrip(" \t")
        if i == len(lines) - 1:
            out.append(line)
        elif line.endswith("  "):
            out.append(line.rstrip(" ") + "\n")
        elif line.endswith(" "):
            out.append(line[:-1] + " ")
        else:
            out.append(line + " ")
    return "".join(out)


def _inline_text(content: str, env: dict, fast: bool = True) -> str:
    """The text of one paragraph's (or table cell's) inline ``content``: without markdown-it's inline
    parser when nothing in it is inline markup but escapes and line breaks, else as :func:`_inline` reads markdown-it's inline tokens."""
    if fast and "references" not in env:
        plain = _ESCAPE.sub("", content) if "\\" in content else content
        if not (_INLINE_SYNTAX.search(plain) or "](" in plain):
            return _plain_inline(content)
    children: list[Token] = []
    md = _parser()
    md.inline.parse(content, md, env, children)
    return _inline(children)


def _inline(children: list[Token] | None) -> str:
    out: list[str] = []
    anchor: list[bool] = []  # for each open link: does it point at an anchor (a footnote mark)?
    for t in children or []:
        if t.type in ("text", "text_special", "code_inline"):  # text_special: an escape, an entity
            out.append(t.content)
        elif t.type == "softbreak":
            out.append(" ")
        elif t.type == "hardbreak":
            out.append("\n")
        elif t.type == "html_inline":
            out.append("\n" if _BR.fullmatch(t.content.strip()) else "")
        elif t.type == "link_open":
            anchor.append(str(t.attrGet("href") or "").startswith("#"))
            out.append("[" if anchor[-1] else "")
        elif t.type == "link_close":
            out.append("]" if anchor and anchor.pop() else "")
        elif t.type == "image":
            out.append(t.content)
    return "".join(out)


_BRACKET_SPACE = re.compile(r"\[[ \t]+|[ \t]+\]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _one_space(line: str) -> str:
    """``line`` with each run of spaces, tabs and no-break spaces made one space, and trimmed; the
    regular expression only where there is such a run (one call per line of every DFAT body)."""
    if "  " in line or "\t" in line or "\u00a0" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def _clean(text: str) -> str:
    if "[" in text or "]" in text:  # "[ matter omitted ]" from "[ _matter omitted_ ]"
        text = _BRACKET_SPACE.sub(lambda m: m[0].strip(), text)
    return "\n".join(line for line in map(_one_space, text.split("\n")) if line)


_DELIMITER = re.compile(r"[ \t]*:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?)+[ \t]*")  # "---|---", no pipe at its edges: html2text's
_NESTING = 8  # indented code blocks read as Markdown within one another; deeper ones keep their text


def _html2text_tables(markdown: str) -> str:
    """``markdown`` with html2text's tables given pipes at the edges of their lines (see the module
    docstring); a header broken over lines (a ``<br>`` in a header cell) is made one line."""
    if "|" not in markdown or "---" not in markdown:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    header = 0  # where the block being read starts in out: its lines before a delimiter row are the header
    piped = False  # has the block a "|"?
    i = 0
    while i < len(lines):
        if not (piped and _DELIMITER.fullmatch(lines[i])):
            out.append(lines[i])
            header, piped = (header, piped or "|" in lines[i]) if lines[i].strip() else (len(out), False)
            i += 1
            continue
        end = i + 1  # the rows: to a blank line, or to the header of a table straight after
        while end < len(lines) and lines[end].strip() and not (end + 1 < len(lines) and _DELIMITER.fullmatch(lines[end + 1])):
            end += 1
        rows = [" ".join(line.strip() for line in out[header:]), *(line.strip() for line in lines[i:end])]
        out[header:] = [*(f"| {row} |" for row in rows), ""]
        header, piped, i = len(out), False, end
    return "\n".join(out)


def markdown_paragraphs(markdown: str) -> list[str]:
    """The plain-text paragraphs of ``markdown`` (see the module docstring)."""
    return _paragraphs(markdown)


def _plain_paragraphs(markdown: str) -> list[str] | None:
    """The contents of ``markdown``'s paragraphs, as markdown-it's block parser would give them, when
    every block is a paragraph (see :data:`_BLOCK_SYNTAX`); else None. Paragraphs are separated by
    lines of spaces and tabs only, and their contents trimmed as markdown-it trims them."""
    if "\r" in markdown or "\0" in markdown or "]:" in markdown or _BLOCK_SYNTAX.search(markdown):
        return None
    contents: list[str] = []
    lines: list[str] = []
    for line in markdown.split("\n"):
        if line.strip(" \t"):
            lines.append(line)
        elif lines:
            contents.append(mdTrim("\n".join(lines)))
            lines = []
    if lines:
        contents.append(mdTrim("\n".join(lines)))
    return contents


def _paragraphs(markdown: str, _depth: int = 0, fast: bool = True) -> list[str]:
    """:func:`markdown_paragraphs`; with ``fast`` False, markdown-it reads every body and every
    paragraph (the fast paths' tests compare the two)."""
    markdown = _html2text_tables(markdown)
    if fast and (contents := _plain_paragraphs(markdown)) is not None:
        return [text for content in contents if (text := _clean(_inline_text(content, {})))]
    paragraphs: list[str] = []
    lists: list[list] = []  # open lists: [ordered?, next number]
    lead = ""  # what the next paragraph starts with (a list item's number or bullet)
    row: list[str] | None = None
    table: list[str] | None = None
    env: dict = {}
    for t in _parser().parse(markdown, env):
        if t.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([t.type.startswith("ordered"), int(t.attrGet("start") or 1)])
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t.type == "list_item_open":
            ordered, number = lists[-1]
            lead = f"{t.info or number}{t.markup if t.markup in '.)' else '.'} " if ordered else "• "
            lists[-1][1] = number + 1
        elif t.type == "table_open":
            table = []
        elif t.type == "tr_open":
            row = []
        elif t.type == "inline" and row is not None:
            row.append(_clean(_inline_text(t.content, env, fast)).replace("\n", " "))
        elif t.type == "tr_close" and row is not None and table is not None:
            while row and not row[-1]:
                row.pop()
            if row:
                table.append(" | ".join(row).strip())
            row = None
        elif t.type == "table_close" and table is not None:
            if table:
                paragraphs.append("\n".join(table))
            table = None
        elif t.type == "code_block" and _depth < _NESTING:
            if inner := _paragraphs(t.content, _depth + 1, fast):
                paragraphs += [lead + inner[0], *inner[1:]]
                lead = ""
        elif t.type in ("inline", "code_block", "fence", "html_block"):
            text = _inline_text(t.content, env, fast) if t.type == "inline" else t.content
            if t.type == "html_block":
                text = re.sub(r"<[^>]*>", "", _BR.sub("\n", text))
            if text := _clean(text):
                paragraphs.append(lead + text)
                lead = ""
    return paragraphs
