"""Build a large synthetic archive sampled from the real corpora, straight into a search index.

Usage (from the repository root; see benchmarks/README.md, "Search speed")::

    uv run python benchmarks/search/generate.py --docs 100000 --out /tmp/legation-bench/100k
    uv run python benchmarks/search/generate.py --docs 1000000 --out /tmp/legation-bench/1m

The real corpora (``../shared/data`` beside the repository, or ``--data``) are read once with
Legation's own readers (``legation.ingest.readers.read_file``, the mapped corpora with their
bundled mappings) and cached as ``pool.pickle`` in ``--out``. Then synthetic document ``i``
(``bench-0000000`` …) is made from the generator seeded with ``(seed, i)`` alone, so a run is
reproducible and an interrupted build resumes where its last commit ended:

* **metadata**: a *base* record drawn uniformly from all real records gives the whole metadata
  block (title, type, date, agents, place, collections, subjects, summary, source note,
  language), so the mix of corpora, their metadata and the joint distribution of facet values
  are the real ones;
* **text**: for each text of the base record, a new text of the same language and the same
  length, stitched from chunks (paragraphs; lines of paragraphs over 2,000 characters) of the
  base's corpus in that language: the base's own first chunk (at most 600 characters, the
  heading), then runs of 1–4 consecutive chunks from random places, the last one cut at a
  word to the base text's length. Footnotes are the base's own. Records without text
  (Moritz letters) stay without text.

Records go straight into a :class:`legation.search.indexer.SearchIndex` in ``--out``/index,
no database: the search service reads only the index. ``--heap-mb`` and ``--threads`` set the
tantivy writer (the module's defaults are made for small incremental batches); the build
commits every ``--commit-every`` documents and records its progress in ``generate.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from legation.ingest.readers import files_to_read, read_file
from legation.records.document_record import DocumentRecord, TextRecord
from legation.search import schema
from legation.search.indexer import SearchIndex, to_document

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"

# (corpus, path under the data folder, bundled mapping or None). The Wilson Center samples are
# left out: two records, and not openly licensed.
SOURCES: tuple[tuple[str, str, str | None], ...] = (
    ("frus", "frus/volumes", None),
    ("dfat", "dfat-documents-on-australian-foreign-policy/documents.jsonl.gz", "dfat"),
    ("dodis", "dodis-when-the-wall-came-down/tei", None),
    ("qhod", "qhod-habsburg-ottoman-diplomacy/tei", None),
    ("ungd", "un-general-debate-corpus/speeches-1946-1989.jsonl.xz", "ungd"),
    ("ungd", "un-general-debate-corpus/speeches-1990-2024.jsonl.xz", "ungd"),
    ("korean", "korean-presidential-speeches-ko/speeches.jsonl.gz", "korean-speeches"),
    ("ataturk", "ataturk-speeches-telegrams/speeches.jsonl.gz", "ataturk"),
    ("nutuk", "ataturk-speeches-telegrams/nutuk_chapters.jsonl.gz", "nutuk"),
    ("prc", "prc-government-work-reports-zh/government_work_reports.jsonl.gz", "prc-reports"),
    ("sotu", "us-state-of-the-union/addresses.jsonl.gz", "sotu"),
    ("moritz", "moritz-saxony-political-correspondence-metadata/letters.csv.gz", "moritz"),
)

MAX_CHUNK = 2000  # a paragraph longer than this is cut into its lines
OPENING_CHARS = 600  # the base text's own first chunk, at most this long
POOL_VERSION = 1


@dataclass
class Pool:
    """The real records and their texts cut into chunks, per (corpus, language)."""

    records: list[DocumentRecord]
    corpus: list[str]
    chunks: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)


def split_chunks(body: str) -> list[str]:
    """Paragraphs of ``body``; a paragraph over :data:`MAX_CHUNK` characters becomes its lines."""
    out = []
    for paragraph in body.split("\n\n"):
        parts = paragraph.split("\n") if len(paragraph) > MAX_CHUNK else [paragraph]
        out += [p.strip() for p in parts if p.strip()]
    return out


def read_pool(data: Path) -> Pool:
    """Every real record of :data:`SOURCES` (parts a reader could not read are counted, skipped)."""
    pool = Pool([], [])
    for corpus, relative, mapping in SOURCES:
        started = time.perf_counter()
        count = 0
        for path in files_to_read([data / relative], mapping):
            for item in read_file(path, mapping):
                if isinstance(item, DocumentRecord):
                    pool.records.append(item)
                    pool.corpus.append(corpus)
                    count += 1
                else:
                    pool.skipped[corpus] += 1
        print(f"  read {corpus:8} {count:6,} records ({relative}) in {time.perf_counter() - started:.0f}s", flush=True)
    for record, corpus in zip(pool.records, pool.corpus):
        for text in record.texts:
            pool.chunks.setdefault((corpus, text.language), []).extend(split_chunks(text.body))
    return pool


def load_pool(data: Path, cache: Path) -> Pool:
    if cache.exists():
        with open(cache, "rb") as fh:
            version, pool = pickle.load(fh)
        if version == POOL_VERSION:
            return pool
    print(f"Reading the real corpora in {data} (once; cached in {cache.name}) …", flush=True)
    pool = read_pool(data)
    with open(cache, "wb") as fh:
        pickle.dump((POOL_VERSION, pool), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return pool


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a space when there is one near the end."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", max(0, limit - 40))
    return (cut[:space] if space > 0 else cut).rstrip()


def stitch(rng: random.Random, chunks: list[str], own: list[str], length: int) -> str:
    """A text of about ``length`` characters: the first of ``own`` chunks (the base text's), cut
    to :data:`OPENING_CHARS`, then runs of 1–4 consecutive ``chunks`` from random places."""
    if length <= 0:
        return ""
    parts = [_cut(own[0], min(OPENING_CHARS, length))] if own else []
    total = len(parts[0]) if parts else 0
    while total < length:
        start = rng.randrange(len(chunks))
        for chunk in chunks[start : start + rng.randint(1, 4)]:
            piece = _cut(chunk, length - total - 2) if total + 2 + len(chunk) > length else chunk
            if not piece:
                total = length
                break
            parts.append(piece)
            total += len(piece) + 2
            if total >= length:
                break
    return "\n\n".join(parts)


def synthesize(pool: Pool, seed: int, i: int) -> DocumentRecord:
    """Synthetic document ``i``: metadata of a random real record, texts stitched (module doc)."""
    rng = random.Random((seed << 40) + i)
    b = rng.randrange(len(pool.records))
    base, corpus = pool.records[b], pool.corpus[b]
    texts = []
    for text in base.texts:
        chunks = pool.chunks.get((corpus, text.language)) or split_chunks(text.body)
        body = stitch(rng, chunks, split_chunks(text.body)[:1], len(text.body)) if chunks else text.body
        texts.append(TextRecord(kind=text.kind, language=text.language, body=body, footnotes=text.footnotes))
    return replace(base, identifier=f"bench-{i:07d}", source_url="", texts=texts)


def sample_stats(records: list[DocumentRecord], corpora: list[str]) -> dict:
    """What the README compares between the real pool and a synthetic sample."""
    lengths = sorted(sum(len(t.body) for t in r.texts) for r in records)
    q = statistics.quantiles(lengths, n=20) if len(lengths) > 1 else lengths * 19
    languages = Counter(t.language for r in records for t in r.texts)
    n_texts = sum(languages.values()) or 1
    facets = {f.name: len({v for r in records for v in f.values(r)}) for f in schema.FACETS}
    return {
        "documents": len(records),
        "text_chars_total": sum(lengths),
        "text_chars_p10_p50_p90_p99": [q[1], q[9], q[17], lengths[min(len(lengths) - 1, int(len(lengths) * 0.99))]],
        "text_chars_mean": round(sum(lengths) / max(1, len(lengths))),
        "without_text": sum(1 for n in lengths if n == 0),
        "languages_pct": {k: round(100 * v / n_texts, 2) for k, v in languages.most_common()},
        "corpora_pct": {k: round(100 * v / len(corpora), 2) for k, v in Counter(corpora).most_common()},
        "facet_cardinality": facets,
    }


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True, help="number of synthetic documents")
    parser.add_argument("--out", type=Path, required=True, help="folder for index/, pool.pickle, generate.json")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared corpora folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--heap-mb", type=int, default=1024, help="tantivy writer heap, all threads together")
    parser.add_argument("--threads", type=int, default=2, help="tantivy indexing threads")
    parser.add_argument("--commit-every", type=int, default=100_000)
    parser.add_argument("--stats-sample", type=int, default=20_000, help="synthetic documents to compare with the pool")
    args = parser.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    pool = load_pool(args.data, args.out / "pool.pickle")
    state_file = args.out / "generate.json"
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    if state.get("seed") != args.seed or state.get("pool_documents") != len(pool.records):
        state = {"seed": args.seed, "pool_documents": len(pool.records), "committed": 0, "batches": []}
    if "pool_stats" not in state:
        state["pool_stats"] = sample_stats(pool.records, pool.corpus)
        state["pool_skipped"] = dict(pool.skipped)
        sample = [synthesize(pool, args.seed, i) for i in range(args.stats_sample)]
        bases = [pool.corpus[random.Random((args.seed << 40) + i).randrange(len(pool.records))] for i in range(args.stats_sample)]
        state["synthetic_sample_stats"] = sample_stats(sample, bases)
    print(f"Pool: {len(pool.records):,} real records; skipped parts: {dict(pool.skipped)}", flush=True)

    index_dir = args.out / "index"
    index = SearchIndex.create_empty(index_dir) if state["committed"] == 0 else SearchIndex(index_dir)
    start = state["committed"]
    if start:
        print(f"Resuming after {start:,} committed documents", flush=True)
    began = time.perf_counter()
    done_at_start = start
    while start < args.docs:
        end = min(args.docs, start + args.commit_every)
        t0 = time.perf_counter()
        # A writer of our own rather than SearchIndex.upsert: the index is new, so upsert's
        # delete-by-identifier is useless work, and a bulk build wants a larger heap than the
        # module's default (made for small incremental batches).
        assert index.index is not None
        writer = index.index.writer(heap_size=args.heap_mb * 1_000_000, num_threads=args.threads)
        chars = 0
        for i in range(start, end):
            record = synthesize(pool, args.seed, i)
            chars += sum(len(t.body) for t in record.texts)
            writer.add_document(to_document(record))
            if (i + 1) % 10_000 == 0:
                rate = (i + 1 - done_at_start) / (time.perf_counter() - began)
                print(f"  {i + 1:>9,} added  {rate:,.0f} docs/s  load {os.getloadavg()[0]:.2f}", flush=True)
        t1 = time.perf_counter()
        writer.commit()
        writer.wait_merging_threads()
        index.index.reload()
        t2 = time.perf_counter()
        state["committed"] = end
        state["batches"].append(
            {"docs": end - start, "text_chars": chars, "add_s": round(t1 - t0, 1), "commit_s": round(t2 - t1, 1),
             "load1": round(os.getloadavg()[0], 2), "heap_mb": args.heap_mb, "threads": args.threads}
        )
        state_file.write_text(json.dumps(state, indent=1))
        print(f"Committed {end:,} ({(end - start) / (t2 - t0):,.0f} docs/s for this batch: add {t1 - t0:.0f}s, commit {t2 - t1:.0f}s)", flush=True)
        start = end

    searcher = index.searcher()
    state["index_bytes"] = folder_bytes(index_dir)
    state["num_docs"] = searcher.num_docs
    state["num_segments"] = searcher.num_segments
    state_file.write_text(json.dumps(state, indent=1))
    total_s = sum(b["add_s"] + b["commit_s"] for b in state["batches"])
    print(
        f"Index {index_dir}: {searcher.num_docs:,} documents, {searcher.num_segments} segments, "
        f"{state['index_bytes']:,} bytes; {total_s:,.0f}s of indexing ({searcher.num_docs / max(total_s, 1e-9):,.0f} docs/s)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
