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
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_BR = re.compile(r"(?i)<br\s*/?>")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _inline(children: list[Token] | None) -> str:
    out: list[str] = []
    anchor: list[bool] = []  # for each open link: does it point at an anchor (a footnote mark)?
    for t in children or []:
        if t.type in ("text", "code_inline"):
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


def markdown_paragraphs(markdown: str, _depth: int = 0) -> list[str]:
    """The plain-text paragraphs of ``markdown`` (see the module docstring)."""
    markdown = _html2text_tables(markdown)
    paragraphs: list[str] = []
    lists: list[list] = []  # open lists: [ordered?, next number]
    lead = ""  # what the next paragraph starts with (a list item's number or bullet)
    row: list[str] | None = None
    table: list[str] | None = None
    for t in _parser().parse(markdown):
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
            row.append(_clean(_inline(t.children)).replace("\n", " "))
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
            if inner := markdown_paragraphs(t.content, _depth + 1):
                paragraphs += [lead + inner[0], *inner[1:]]
                lead = ""
        elif t.type in ("inline", "code_block", "fence", "html_block"):
            text = _inline(t.children) if t.type == "inline" else t.content
            if t.type == "html_block":
                text = re.sub(r"<[^>]*>", "", _BR.sub("\n", text))
            if text := _clean(text):
                paragraphs.append(lead + text)
                lead = ""
    return paragraphs
