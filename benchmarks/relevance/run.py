"""Relevance of Legation's search against a plain SQLite FTS5 BM25 baseline, on judged queries.

Usage::

    uv run python benchmarks/relevance/run.py                   # builds/reuses $TMPDIR/legation-relevance-archive
    LEGATION_DATA_DIR=/tmp/relevance-archive uv run python benchmarks/relevance/run.py
    uv run python benchmarks/relevance/run.py --judgments other.jsonl --json results.json

The archive is the demo archive (``data/demo/frus/*.xml.gz``: 15 FRUS volumes, 4,915 documents). If
``LEGATION_DATA_DIR`` is set, that archive is used (and built there with ``legation demo --no-serve``
when it holds no documents); otherwise a scratch archive under the system temp folder is built
once (about a minute) and reused.

Every query of ``judgments.jsonl`` (one JSON object a line: ``query``, ``kind``, ``relevant``,
``note``) is run through

(a) Legation: :func:`legation.search.service.search`, relevance sort, top 10;
(b) baseline: an in-memory SQLite FTS5 table (``tokenize='porter unicode61'``), one row per
    document holding title, agent names (preferred and variant, as stored), summary and text with
    footnotes concatenated, ranked by ``bm25()``; the query is made safe the way Datasette and
    sqlite-utils do (``escape_fts``: every word double-quoted, quoted phrases kept, words ANDed).

Printed: success@10 (a relevant document is in the top 10) and MRR (reciprocal rank of the first
relevant document in the top 10, 0 if none) per kind and overall for both systems, the rank of
the first relevant hit of every query (``-`` = not in the top 10), and the queries where
Legation does worse than the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TOP_K = 10
EXPECTED_DOCUMENTS = 4915
KINDS = ("known-item", "topical", "name-variant")


@dataclass
class Judgment:
    query: str
    kind: str
    relevant: list[str]
    note: str


def load_judgments(path: Path) -> list[Judgment]:
    judgments = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        data = json.loads(line)
        j = Judgment(data["query"], data["kind"], list(data["relevant"]), data.get("note", ""))
        if j.kind not in KINDS or not 1 <= len(j.relevant) <= 10:
            raise SystemExit(f"{path}:{n}: kind must be one of {KINDS} and relevant 1-10 ids")
        judgments.append(j)
    return judgments


# --- the archive --------------------------------------------------------------------------------


def open_archive() -> None:
    """Point Legation at the archive (building it if empty) and set up Django."""
    if not os.environ.get("LEGATION_DATA_DIR"):
        os.environ["LEGATION_DATA_DIR"] = str(Path(tempfile.gettempdir()) / "legation-relevance-archive")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
    from legation.cli import _setup

    _setup()
    from legation.records.models import Document

    if not Document.objects.exists():
        print(f"Building the demo archive in {os.environ['LEGATION_DATA_DIR']} (about a minute)...", file=sys.stderr)
    # Also on later runs: `legation demo` reuses the archive and rebuilds an index of an older layout.
    subprocess.run([sys.executable, "-m", "legation", "demo", "--no-serve"], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    count = Document.objects.count()
    if count != EXPECTED_DOCUMENTS:
        print(f"warning: the archive holds {count} documents, not the demo's {EXPECTED_DOCUMENTS}", file=sys.stderr)


def document_rows() -> list[tuple[str, str]]:
    """(identifier, title + names + summary + text) of every stored document."""
    from legation.records.serialize import load_records

    rows = []
    for r in load_records():
        names = [n for a in r.agents for n in (a.name, *a.names)]
        texts = [part for t in r.texts for part in (t.body, *(f.text for f in t.footnotes)) if part]
        rows.append((r.identifier, "\n".join([r.title, " ; ".join(dict.fromkeys(names)), r.summary, *texts])))
    return rows


# --- the two systems ----------------------------------------------------------------------------


def legation_search(query: str) -> list[str]:
    from legation.search.service import SearchRequest, search

    result = search(SearchRequest(q=query, sort="relevance", page=1, page_size=TOP_K))
    return [hit.identifier for hit in result.hits]


_escape_fts_re = re.compile(r'\s+|(".*?")')


def escape_fts(query: str) -> str:
    """Datasette's / sqlite-utils' ``escape_fts``: quote every word, keep "quoted phrases"."""
    if query.count('"') % 2:
        query += '"'
    bits = [b for b in _escape_fts_re.split(query) if b and b != '""']
    return " ".join(f'"{b}"' if not b.startswith('"') else b for b in bits)


def fts5_baseline(rows: list[tuple[str, str]]) -> Callable[[str], list[str]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(identifier UNINDEXED, body, tokenize='porter unicode61')")
    db.executemany("INSERT INTO docs (identifier, body) VALUES (?, ?)", rows)
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")

    def run(query: str) -> list[str]:
        sql = "SELECT identifier FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?"
        return [row[0] for row in db.execute(sql, (escape_fts(query), TOP_K))]

    return run


# --- scoring ------------------------------------------------------------------------------------


def first_relevant_rank(hits: list[str], relevant: list[str]) -> int | None:
    wanted = set(relevant)
    return next((i for i, h in enumerate(hits[:TOP_K], 1) if h in wanted), None)


def summarize(ranks: list[int | None]) -> tuple[float, float]:
    if not ranks:
        return 0.0, 0.0
    success = sum(r is not None for r in ranks) / len(ranks)
    mrr = sum(1 / r for r in ranks if r is not None) / len(ranks)
    return success, mrr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judgments", type=Path, default=HERE / "judgments.jsonl")
    parser.add_argument("--json", type=Path, help="also write per-query results to this file")
    args = parser.parse_args()

    judgments = load_judgments(args.judgments)
    open_archive()
    rows = document_rows()
    known = {identifier for identifier, _ in rows}
    for j in judgments:
        missing = [r for r in j.relevant if r not in known]
        if missing:
            raise SystemExit(f"judged ids not in the archive for {j.query!r}: {missing}")
    baseline = fts5_baseline(rows)

    results = []
    for j in judgments:
        leg_hits, base_hits = legation_search(j.query), baseline(j.query)
        results.append(
            {
                "query": j.query,
                "kind": j.kind,
                "legation_rank": first_relevant_rank(leg_hits, j.relevant),
                "baseline_rank": first_relevant_rank(base_hits, j.relevant),
                "legation_top10": leg_hits,
                "baseline_top10": base_hits,
                "relevant": j.relevant,
            }
        )

    print(f"{len(judgments)} judged queries over {len(rows):,} documents; top {TOP_K}.\n")
    print(f"{'kind':<14}{'n':>4}  {'Legation s@10':>13}  {'Legation MRR':>12}  {'FTS5 s@10':>9}  {'FTS5 MRR':>8}")
    for kind in (*KINDS, "all"):
        chosen = [r for r in results if kind == "all" or r["kind"] == kind]
        ls, lm = summarize([r["legation_rank"] for r in chosen])
        bs, bm = summarize([r["baseline_rank"] for r in chosen])
        print(f"{kind:<14}{len(chosen):>4}  {ls:>13.2f}  {lm:>12.3f}  {bs:>9.2f}  {bm:>8.3f}")

    def show(rank: int | None) -> str:
        return "-" if rank is None else str(rank)

    print(f"\nRank of the first relevant hit (- = none in the top {TOP_K}):\n")
    print(f"{'kind':<13}{'Legation':>9}{'FTS5':>6}  query")
    for r in results:
        print(f"{r['kind']:<13}{show(r['legation_rank']):>9}{show(r['baseline_rank']):>6}  {r['query']}")

    def rr(rank: int | None) -> float:
        return 0.0 if rank is None else 1 / rank

    worse = [r for r in results if rr(r["legation_rank"]) < rr(r["baseline_rank"])]
    better = [r for r in results if rr(r["legation_rank"]) > rr(r["baseline_rank"])]
    print(f"\nLegation better on {len(better)} queries, worse on {len(worse)}, equal on {len(results) - len(better) - len(worse)}.")
    if worse:
        print("Where Legation does worse than the baseline:")
        for r in worse:
            print(f"  {show(r['legation_rank']):>2} vs {show(r['baseline_rank']):>2}  {r['query']}")
    failed = [r for r in results if r["legation_rank"] is None]
    if failed:
        print("No relevant hit in Legation's top 10:")
        for r in failed:
            print(f"  [{r['kind']}] {r['query']} (FTS5: {show(r['baseline_rank'])})")

    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
