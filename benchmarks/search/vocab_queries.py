"""Draw benchmark queries from an index's own vocabulary, so they are not hand-picked to be fast.

Usage: ``uv run python benchmarks/search/vocab_queries.py --index OUT/index > benchmarks/search/queries-vocab.txt``

From the ``vocab`` field (every word of every searchable field, folded, unstemmed) with its
document frequency, seeded (``--seed``):

* single words, the same number from each document-frequency band (share of the documents
  holding the word: over 20 %, 2–20 %, 0.2–2 %, 0.02–0.2 %, under 0.02 %);
* two words from two bands drawn at random (often no document has both: the service then
  falls back to "most of the words" and offers a spelling correction, a real and slower path);
* two to four neighbouring words of a random stored document's title or text (known-item);
* prefixes (``word*``): the first 3–5 letters of words of the middle bands.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from tantivy import Query

from legation.search import schema
from legation.search.indexer import SearchIndex

BANDS: tuple[tuple[str, float, float], ...] = (
    ("very common (>20% of documents)", 0.20, 1.01),
    ("common (2-20%)", 0.02, 0.20),
    ("medium (0.2-2%)", 0.002, 0.02),
    ("uncommon (0.02-0.2%)", 0.0002, 0.002),
    ("rare (<0.02%)", 0.0, 0.0002),
)
WORD = re.compile(r"\w+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-band", type=int, default=30)
    parser.add_argument("--pairs", type=int, default=25)
    parser.add_argument("--from-documents", type=int, default=60)
    parser.add_argument("--prefixes", type=int, default=20)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    searcher = SearchIndex(args.index).searcher()
    n = searcher.num_docs
    vocabulary = searcher.terms_with_prefix(schema.VOCAB_FIELD, "")
    bands: list[list[str]] = []
    for _, low, high in BANDS:
        bands.append(sorted(term for term, df in vocabulary if low * n <= df < max(high * n, 2)))
    out = sys.stdout
    out.write(f"# Drawn by vocab_queries.py (seed {args.seed}) from the vocabulary of a {n:,}-document synthetic index\n")
    out.write(f"# ({len(vocabulary):,} distinct words; band sizes: {', '.join(str(len(b)) for b in bands)}).\n")
    for (label, _, _), terms in zip(BANDS, bands):
        out.write(f"## vocab: single word, {label}\n")
        for term in rng.sample(terms, min(args.per_band, len(terms))):
            out.write(term + "\n")
    out.write("## vocab: two words from random bands\n")
    for _ in range(args.pairs):
        first, second = rng.sample([i for i, band in enumerate(bands) if band], 2)
        out.write(f"{rng.choice(bands[first])} {rng.choice(bands[second])}\n")
    out.write("## vocab: 2-4 neighbouring words of a random document\n")
    written = 0
    while written < args.from_documents:
        stored = _random_stored_text(searcher, rng)
        words = WORD.findall(stored)
        if len(words) < 4:
            continue
        size = rng.randint(2, 4)
        start = rng.randrange(len(words) - size + 1)
        out.write(" ".join(words[start : start + size]) + "\n")
        written += 1
    out.write("## vocab: prefix*\n")
    middle = bands[1] + bands[2] + bands[3]
    prefixes: list[str] = []
    while len(prefixes) < args.prefixes:
        term = rng.choice(middle)
        if len(term) >= 4 and term.isalpha():
            prefix = term[: rng.randint(3, min(5, len(term)))]
            if prefix not in prefixes:
                prefixes.append(prefix)
    for prefix in prefixes:
        out.write(prefix + "*\n")


def _random_stored_text(searcher, rng: random.Random) -> str:
    """The title or one text field of a random document."""
    while True:
        hits = searcher.search(Query.all_query(), limit=1, offset=rng.randrange(searcher.num_docs), count=False).hits
        doc = searcher.doc(hits[0][1]).to_dict()
        fields = [f for f in ("title", *schema.TEXT_FIELDS) if doc.get(f)]
        if fields:
            field = rng.choice(fields)
            return rng.choice(doc[field])


if __name__ == "__main__":
    main()
