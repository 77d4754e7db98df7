"""The fast paths of markdown_text give the text markdown-it gives: a body of paragraphs only is not
given to markdown-it's block parser, a paragraph of text, escapes and line breaks not to its inline
parser. Each case is read both ways (``fast=False``: markdown-it reads everything), on crafted
Markdown, on generated Markdown, and on a third of the DFAT bodies of the shared corpora."""

from __future__ import annotations

import gzip
import json
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.rules_inline.escape import _ESCAPED

from legation.ingest.readers import markdown_text
from legation.ingest.readers.markdown_text import _paragraphs, _plain_paragraphs, markdown_paragraphs
from tests.conftest import shared_data


def both(markdown: str) -> list[str]:
    fast = markdown_paragraphs(markdown)
    assert fast == _paragraphs(markdown, fast=False), markdown
    return fast


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # plain paragraphs, html2text's escapes, soft and hard line breaks: no parser at all
        ("Cablegram 47 24 April 1937,\n\nYour telegram No. 60 Timor [1] Minister [2]", ["Cablegram 47 24 April 1937,", "Your telegram No. 60 Timor [1] Minister [2]"]),
        ("2\\. You will have noted\nthat the Consul-General", ["2. You will have noted that the Consul-General"]),
        ("one  \n   two \nthree\\\\ four", ["one\ntwo three\\ four"]),
        ("a\\\nb", ["a\nb"]),  # a backslash before a line end is a hard break (the inline parser's)
        ("\\a \\_x_", ["\\a _x_"]),  # no escape before a letter; an escaped mark is no emphasis
        ("1 Document 18.\n\n   \t \n3 On 24 July 1937", ["1 Document 18.", "3 On 24 July 1937"]),
        ("[1] Sir George Pearce.\n\n1949 [2]\n\n1.5 million", ["[1] Sir George Pearce.", "1949 [2]", "1.5 million"]),
        # inline markup: emphasis, links to anchors, entities, HTML, code
        ("_de facto_ and **Wool** and *2 Sir", ["de facto and Wool and *2 Sir"]),
        (" _\n\n _[AA : A981, TIMOR 22]_", ["_", "[AA : A981, TIMOR 22]"]),
        ("In continuation of H.25 [1](#f1), the [text](http://x.org)", ["In continuation of H.25 [1], the text"]),
        ("Tom &amp; Jerry &eacute; &#65;<br>next <b>bold</b> `code`", ["Tom & Jerry é A\nnext bold code"]),
        # blocks: lists, headings, quotes, rules, tables, code, references, HTML blocks
        ("2. You will wish\n3. to know\n\n* one\n+ two\n- three", ["2. You will wish", "3. to know", "• one", "• two", "• three"]),
        ("# Heading\n\nText\n===\n\n> quoted\n\n***\n\n___\n\n- - -", ["Heading", "Text", "quoted"]),
        ("Grant $m.| Increase\n---|---\n1| 2", ["Grant $m. | Increase\n1 | 2"]),  # html2text's, no edge pipes
        ("| a | b |\n|:--|--:|\n| 1 | |", ["a | b\n1"]),
        ("    3. In regard to [3](#f3)\n\n```\nfenced *x*\n```", ["3. In regard to [3]", "fenced *x*"]),
        ("[1]: http://x.org\n\nsee [1] now", ["see 1 now"]),
        ("<div>\nblock *html*\n</div>", ["block *html*"]),
        ("text\r\nmore\x00", ["text more\ufffd"]),
    ],
)
def test_crafted_markdown_reads_the_same_both_ways(markdown, expected):
    assert both(markdown) == expected


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("Cablegram 47\n\n _\n\n*2 Sir _x_ [1](#f1)\n\n[1] note\n\n1 Document", True),
        ("1949\n\n1.5 million\n\n+1\n\n___x", True),
        ("2. list", False),
        ("2) list", False),
        ("* list", False),
        ("+", False),
        ("- x", False),
        ("text\n---", False),
        ("text\n===", False),
        ("# h", False),
        ("> q", False),
        ("<br>", False),
        ("`x`\n\n```", False),
        ("~~~", False),
        ("a|b\n--|--", False),
        ("a\n:-|-:", False),
        ("    code", False),
        ("a\n    lazy", False),
        ("\tcode", False),
        ("_ _ _", False),
        ("**  *", False),
        ("[1]: /url", False),
        ("a\r\nb", False),
        ("a\x00", False),
    ],
)
def test_which_bodies_skip_the_block_parser(markdown, plain):
    assert (_plain_paragraphs(markdown) is not None) == plain
    both(markdown)


def test_escapable_characters_are_markdown_its():
    escape = re.compile(markdown_text._ESCAPE.pattern.removeprefix("\\\\"))
    assert {c for c in map(chr, range(0x110000)) if escape.fullmatch(c)} == set(_ESCAPED) == set(string.punctuation)


PIECES = [
    "a", "word", "1", "12", " ", "  ", "\n", "\n\n", "    ", "\t", "\u00a0", "*", "_", "**", "\\", "\\.", "\\_", "\\\\",
    "`", "&amp;", "&", "<br>", "<b>", "<", ">", "[", "]", "[1]", "](#f1)", "]:", "(", ")", "!", "#", "-", "+", "=", ":",
    "|", "---|---", "~", ".", "1.", "2)", "\r", "\x00",
]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@settings(max_examples=1500, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_generated_markdown_reads_the_same_both_ways(markdown):
    both(markdown)


def test_dfat_bodies_read_the_same_both_ways():
    path = shared_data("dfat-documents-on-australian-foreign-policy/documents.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        bodies = [str(json.loads(line).get("body_markdown") or "") for line in lines]
    assert len(bodies) == 10_883
    # as dfat_body gives them to markdown_paragraphs: footnote definitions and marks as printed
    bodies = [re.sub(r"\[\^(\d+)\]", r"[\1]", re.sub(r"(?m)^\[\^(\d+)\]:[ \t]*", r"\1 ", body)) for body in bodies]
    fast = sum(_plain_paragraphs(markdown_text._html2text_tables(body)) is not None for body in bodies)
    assert fast == 9_253  # the bodies of paragraphs only: the others have lists, headings, quotes, tables …
    for body in bodies[::3]:  # a third of them, spread over the volumes (all: 18 s; the reader's records hash alike)
        both(body)
