"""Slugs: the ASCII, lower-case, hyphenated forms of names and titles that keys and identifiers are
made of (``person:chou-en-lai``, a collection's key, a PDF's identifier), one rule for every reader
and for ingest, which finds agents keyed by an earlier form of the rule (:func:`stable_slug`)."""

from __future__ import annotations

import functools
import re
import unicodedata

from legation.search.analyzers import ascii_folded


@functools.lru_cache(maxsize=65_536)  # names recur in every document of a volume
def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated: ``"Chou En-lai"`` → ``"chou-en-lai"``, ``"Björkman"`` → ``"bjorkman"``,
    ``"Władysław Gomułka"`` → ``"wladyslaw-gomulka"``. Letters that Unicode does not decompose into an
    ASCII letter and a mark are folded as the search index folds them (tantivy's ASCII folding:
    ł → l, đ → d, ø → o, æ → ae, œ → oe, ß → ss, þ → th, ı → i), so that no letter of a Latin name is
    lost; letters of other scripts are dropped. The key of an agent made before this folding is
    :func:`stable_slug`'s, which ingest renames (``legation.ingest.service``)."""
    return stable_slug(ascii_folded(text))


@functools.lru_cache(maxsize=65_536)
def stable_slug(text: str) -> str:
    """:func:`slug` as Legation first made it: letters without an ASCII decomposition are dropped
    (``"Władysław Gomułka"`` → ``"wadysaw-gomuka"``). Used where a slug is part of an address that
    must not change, a collection's key (``collection:…`` in queries and links, ``--delete-missing``'s
    scope), and to find agents keyed so before."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", text.lower())).strip("-")
