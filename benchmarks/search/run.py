"""Search speed: Legation's search service and raw tantivy over the same queries, in one run.

Usage (from the repository root; see benchmarks/README.md, "Search speed")::

    uv run python benchmarks/search/run.py --index /tmp/legation-bench/100k/index [--rounds 3] [--stages] [--json out.json]

Queries come from ``queries.txt`` (written by hand) and ``queries-vocab.txt`` (drawn from an
index's vocabulary by frequency band, ``vocab_queries.py``), one per line: the query text, then
optionally `` | name=value`` parts: a facet filter (``type=Telegram``, ``year=1950``, any facet
of ``legation.search.schema.FACETS``; repeat a name for several values), ``start=``/``end=``
(dates, YYYY-MM-DD), ``within=1`` and ``sort=date_desc``. ``# comments``; a ``## heading``
names the category of the queries below it.

For each query and round, in this order:

* **raw** tantivy: the very ``tantivy.Query`` Legation builds for the request (parsed, names
  expanded, proximity bonus, filters; built outside the timing) run by
  ``searcher.search(query, limit=20)`` (tantivy's defaults: total count on; the request's sort
  field when it sorts by date);
* **tantivy parser** (``--tantivy-parser``): the raw query text through tantivy's own
  ``parse_query_lenient`` over the default fields with their boosts (words AND'ed), the same
  filters, then ``searcher.search(query, limit=20)``: parse time included;
* **Legation**: ``legation.search.service.search()`` end to end: parse, name expansion, page of
  20, total, every facet, year histogram, snippets, hits, spelling when few results.

One warm-up round, then ``--rounds`` timed rounds; each query's time is the median of its
rounds, and the percentiles are over queries (nearest rank). Beside the wall-clock times, the
process's CPU time (``time.process_time``, all threads) of the same calls: on a busy machine the
wall clock also counts the time spent waiting for a core. Memory is read from
``/proc/self/status``: VmHWM (peak resident set) after opening the index and after the queries,
split into anonymous memory and mapped index files (RssAnon/RssFile).

``--baseline PATH`` times another version's ``service.py`` in the same loop (before/after a
change, under the same load) and counts the queries whose results differ from it; it imports
the rest of Legation from this tree, but for each ``--baseline-module NAME=PATH``: the module
``service.py`` imports as ``NAME`` is another version's file (``facet_counts=…/facets.py``,
``snippets=…/snippets.py``).

``--stages`` adds one round with the service's steps wrapped in timers (outermost step only):
query building, page (search + count), the "words alone" count and the most-words fallback,
facets, year histogram, snippet generators, snippets, hit building, spelling; the rest
(stored document fetch, validation, waiting for a step run beside the search) is "doc fetch +
other". A step run in another thread beside the search (the facets and the year histogram of an
archive of 50,000 documents or more) is a row of its own, "(beside, in another thread)", outside
the search's own steps, which add up to its total.

Names: the service expands names only with authority records (a database); here the demo's
authority file (``data/demo/authorities.jsonl``) is read into a
:class:`legation.search.variants.VariantTable` and passed to ``search()`` (``--no-variants`` to
leave names alone). The one other thing it asks a database, the other names of a place when a
place filter matches nothing (to say which place was meant), is asked of an empty record store
made for the run in a scratch folder (``LEGATION_DATA_DIR``, unless already set): the service is
imported only after Django is set up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import statistics
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tantivy import Order


def _empty_record_store() -> None:
    """Set up Django over an empty, migrated record store in a scratch folder (unless
    ``LEGATION_DATA_DIR`` names one), which the service's place-name notices read; the scratch
    folder is removed when the run ends (it was left behind by every run, even one naming its own)."""
    import atexit
    import shutil
    import tempfile

    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
    if "LEGATION_DATA_DIR" not in os.environ:
        scratch = tempfile.mkdtemp(prefix="legation-search-bench-")
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        os.environ["LEGATION_DATA_DIR"] = scratch
    django.setup()
    call_command("migrate", verbosity=0)


_empty_record_store()

from legation.search import facets, schema, service, spelling, variants  # noqa: E402 (needs Django set up)
from legation.search import query as user_query  # noqa: E402
from legation.search.indexer import SearchIndex  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_QUERIES = [HERE / "queries.txt", HERE / "queries-vocab.txt"]
AUTHORITIES = REPO / "data" / "demo" / "authorities.jsonl"
PAGE_SIZE = 20


@dataclass
class Case:
    line: str
    category: str
    request: service.SearchRequest


def read_queries(paths: list[Path]) -> list[Case]:
    cases = []
    for path in paths:
        category = path.stem
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.rstrip("\n")
            if line.startswith("## "):
                category = line[3:].strip()
                continue
            if not line.strip() or line.startswith("#"):
                continue
            text, *parts = line.split(" | ")
            request = service.SearchRequest(q=text.strip(), page_size=PAGE_SIZE)
            for part in parts:
                name, _, value = part.strip().partition("=")
                if name == "start":
                    request.start_date = dt.date.fromisoformat(value)
                elif name == "end":
                    request.end_date = dt.date.fromisoformat(value)
                elif name == "within":
                    request.date_match = "within"
                elif name == "sort":
                    request.sort = value
                elif name in schema.FACETS_BY_NAME:
                    request.filters.setdefault(name, []).append(value)
                else:
                    raise SystemExit(f"{path.name}: unknown part {part!r} in {line!r}")
            cases.append(Case(line, category, request))
    return cases


def authority_names(path: Path) -> variants.VariantTable:
    groups: list[list[str]] = []
    places: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            (places if entry.get("kind") == "place" else groups).append([entry["name"], *entry.get("names", [])])
    return variants.VariantTable.from_groups(groups, places)


def memory() -> dict[str, int]:
    """VmHWM, VmRSS, RssAnon, RssFile of this process, in bytes."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
            out[key] = int(value.split()[0]) * 1024
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": max(values),
        "mean": statistics.fmean(values),
    }


# --- the two sides --------------------------------------------------------------------------------


def legation_query(case: Case, index: SearchIndex, names: variants.VariantTable | None):
    """The tantivy query and sort ``search()`` runs first for this request (its own steps)."""
    request = case.request
    searcher = index.searcher()
    words = service.text_query(request, index, searcher, names)
    filters = service.filter_queries(index.schema, request)
    query = service.combine(words.query, list(filters.values()))
    scored = request.sort == "relevance" and user_query.ranks(words.parsed.node)
    sort = schema.SORTS_BY_NAME["date_asc" if request.sort == "relevance" and not scored else request.sort]
    return query, sort, list(filters.values())


def run_raw(index: SearchIndex, query, sort: schema.SortOption) -> tuple[float, float, int]:
    searcher = index.searcher()
    start, cpu = time.perf_counter(), time.process_time()
    if sort.field is None:
        result = searcher.search(query, limit=PAGE_SIZE)
    else:
        result = searcher.search(query, limit=PAGE_SIZE, order_by_field=sort.field, order=Order.Desc if sort.descending else Order.Asc)
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000, result.count


DEFAULT_INDEX_FIELDS = [(name, boost) for name, _, boost in schema.query_fields(None)]


def run_tantivy_parser(index: SearchIndex, case: Case, filters: list) -> tuple[float, int]:
    searcher = index.searcher()
    start = time.perf_counter()
    parsed, _errors = index.index.parse_query_lenient(  # type: ignore[union-attr]
        case.request.q,
        default_field_names=[n for n, _ in DEFAULT_INDEX_FIELDS],
        field_boosts={n: b for n, b in DEFAULT_INDEX_FIELDS},
        conjunction_by_default=True,
    )
    query = service.combine(parsed, filters)
    result = searcher.search(query, limit=PAGE_SIZE)
    return (time.perf_counter() - start) * 1000, result.count


def run_legation(index: SearchIndex, case: Case, names, module=service) -> tuple[float, float, service.SearchResult]:
    start, cpu = time.perf_counter(), time.process_time()
    result = module.search(case.request, index=index, names=names)
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000, result


def load_module(path: Path, name: str):
    """The Python file ``path`` as a module of its own named ``name``; it imports the rest of
    Legation from this tree."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def load_baseline(path: Path, modules: list[str] = ()):
    """Another version's ``service.py`` (e.g. ``git show HEAD~1:src/legation/search/service.py``) as
    a module of its own; it imports the rest of Legation from this tree, but for the ``modules``
    given as ``NAME=PATH``: the module ``service.py`` knows as ``NAME`` (``facet_counts``,
    ``snippets``) is then another version's file ``PATH``."""
    module = load_module(path, "legation_baseline_service")
    for given in modules:
        name, _, other = given.partition("=")
        if not hasattr(module, name) or not other:
            raise SystemExit(f"--baseline-module {given!r}: give NAME=PATH, NAME a module service.py imports (facet_counts, snippets)")
        setattr(module, name, load_module(Path(other), f"legation_baseline_{name}"))
    return module


# --- stages ---------------------------------------------------------------------------------------

try:  # passages of a text, where this version has them
    from legation.search import snippets as passages
except ImportError:
    passages = None

STAGES = [
    (service, "text_query", "query build"),
    (service, "filter_queries", "query build"),
    (service, "fetch_page", "page + count"),
    (facets, "count", "words-alone count"),
    (user_query, "most_words_query", "most-words fallback"),
    (service, "count_facets", "facets"),
    (service, "year_histogram", "year histogram"),
    (service, "snippets_for", "snippet generators"),
    (service, "first_snippet", "snippets"),
    (passages, "best_snippets", "snippets"),
    (service, "make_hit", "hit building"),
    (spelling, "did_you_mean", "spelling"),
]


BESIDE = " (beside, in another thread)"


class StageTimer:
    """Wraps the service's steps; time goes to the outermost step running in its thread. A step
    run beside the search in another thread (the facets of a large archive, search/parallel.py)
    counts under its label with :data:`BESIDE` added, and not in the search's own steps: the
    search's thread meanwhile runs its own steps, then waits for it ("doc fetch + other")."""

    def __init__(self) -> None:
        self.local = threading.local()
        self.current: dict[str, float] = defaultdict(float)
        self.originals = []

    def install(self) -> None:
        for module, name, label in STAGES:
            if module is None or not hasattr(module, name):
                continue
            original = getattr(module, name)
            self.originals.append((module, name, original))
            setattr(module, name, self._wrap(original, label))

    def uninstall(self) -> None:
        for module, name, original in reversed(self.originals):
            setattr(module, name, original)
        self.originals = []

    def _wrap(self, func, label):
        def timed(*args, **kwargs):
            if getattr(self.local, "depth", 0):
                return func(*args, **kwargs)
            self.local.depth = 1
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                beside = threading.current_thread() is not threading.main_thread()
                self.current[label + BESIDE if beside else label] += (time.perf_counter() - start) * 1000
                self.local.depth = 0

        return timed


def stage_round(cases: list[Case], index: SearchIndex, names) -> dict[str, list[float]]:
    timer = StageTimer()
    own = list(dict.fromkeys(label for _, _, label in STAGES))
    labels = own + [label + BESIDE for label in own] + ["doc fetch + other", "total"]
    per_stage: dict[str, list[float]] = {label: [] for label in labels}
    timer.install()
    try:
        for case in cases:
            timer.current = defaultdict(float)
            total, _, _ = run_legation(index, case, names)
            for label in labels[:-2]:
                per_stage[label].append(timer.current.get(label, 0.0))
            per_stage["doc fetch + other"].append(max(0.0, total - sum(timer.current.get(label, 0.0) for label in own)))
            per_stage["total"].append(total)
        for label in [label + BESIDE for label in own]:
            if not any(per_stage[label]):
                del per_stage[label]
    finally:
        timer.uninstall()
    return per_stage


# --- main -----------------------------------------------------------------------------------------


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def fmt_row(name: str, s: dict[str, float]) -> str:
    return f"| {name} | {s['p50']:.1f} | {s['p95']:.1f} | {s['p99']:.1f} | {s['max']:.1f} | {s['mean']:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="the index folder (generate.py's OUT/index)")
    parser.add_argument("--queries", type=Path, nargs="+", default=DEFAULT_QUERIES)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="add a round timing the service's steps")
    parser.add_argument("--tantivy-parser", action="store_true", help="also time tantivy's own query parser")
    parser.add_argument("--no-variants", action="store_true", help="search without the demo's authority names")
    parser.add_argument("--baseline", type=Path, help="another version's service.py, timed in the same loop (before/after)")
    parser.add_argument("--baseline-module", action="append", default=[], metavar="NAME=PATH",
                        help="another version's file of a module the baseline's service.py imports as NAME (facet_counts=…/facets.py); repeatable")
    parser.add_argument("--slowest", type=int, default=15)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    load_start = os.getloadavg()
    cases = read_queries(args.queries)
    names = None if args.no_variants else authority_names(AUTHORITIES)
    index = SearchIndex(args.index)
    searcher = index.searcher()
    mem_open = memory()
    print(f"index {args.index.name}: {searcher.num_docs:,} documents, {searcher.num_segments} segments, "
          f"{folder_bytes(args.index):,} bytes; {len(cases)} queries; load {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f}", flush=True)

    built = [legation_query(case, index, names) for case in cases]
    baseline = load_baseline(args.baseline, args.baseline_module) if args.baseline else None
    differ: set[int] = set()
    times: dict[str, list[list[float]]] = {side: [[] for _ in cases] for side in ("legation", "raw", "parser", "baseline", "legation_cpu", "raw_cpu")}
    totals: list[int] = [0] * len(cases)
    raw_counts: list[int] = [0] * len(cases)
    parser_counts: list[int] = [0] * len(cases)
    started = time.perf_counter()
    for round_ in range(args.rounds + 1):  # round 0 warms up
        for i, (case, (query, sort, filters)) in enumerate(zip(cases, built)):
            raw_ms, raw_cpu, raw_counts[i] = run_raw(index, query, sort)
            if args.tantivy_parser:
                parser_ms, parser_counts[i] = run_tantivy_parser(index, case, filters)
            if baseline is not None:
                base_ms, _, base_result = run_legation(index, case, names, baseline)
            leg_ms, leg_cpu, result = run_legation(index, case, names)
            totals[i] = result.total
            if baseline is not None:
                if repr(base_result) != repr(result):
                    differ.add(i)
                if round_:
                    times["baseline"][i].append(base_ms)
            if round_:
                times["raw"][i].append(raw_ms)
                times["legation"][i].append(leg_ms)
                times["raw_cpu"][i].append(raw_cpu)
                times["legation_cpu"][i].append(leg_cpu)
                if args.tantivy_parser:
                    times["parser"][i].append(parser_ms)
        print(f"  round {round_} done ({time.perf_counter() - started:.0f}s, load {os.getloadavg()[0]:.2f})", flush=True)
    med = {side: [statistics.median(t) for t in per] for side, per in times.items() if per[0]}
    stages = stage_round(cases, index, names) if args.stages else None
    mem_end = memory()
    load_end = os.getloadavg()

    leg, raw = summary(med["legation"]), summary(med["raw"])
    ratios = [lm / max(rm, 1e-3) for lm, rm in zip(med["legation"], med["raw"])]
    print()
    print(f"{len(cases)} queries, median of {args.rounds} rounds each; times in ms")
    print("| | p50 | p95 | p99 | max | mean |")
    print("|---|---:|---:|---:|---:|---:|")
    print(fmt_row("Legation `search()` (page 20, facets, histogram, snippets)", leg))
    print(fmt_row("raw tantivy, same Query, `search(limit=20)`", raw))
    print(fmt_row("Legation, CPU time of the process", summary(med["legation_cpu"])))
    print(fmt_row("raw tantivy, CPU time of the process", summary(med["raw_cpu"])))
    if "parser" in med:
        print(fmt_row("tantivy `parse_query_lenient` + `search(limit=20)`", summary(med["parser"])))
    if "baseline" in med:
        print(fmt_row(f"baseline `search()` ({args.baseline.name})", summary(med["baseline"])))
    print(f"ratio Legation/raw: p50 {leg['p50'] / raw['p50']:.1f}x, p95 {leg['p95'] / raw['p95']:.1f}x; "
          f"per query median {statistics.median(ratios):.1f}x, p95 {percentile(ratios, 95):.1f}x")
    if baseline is not None:
        print(f"results differing from the baseline's: {len(differ)} of {len(cases)}" + (f" (e.g. {cases[min(differ)].line!r})" if differ else ""))
    print(f"memory after opening: VmHWM {mem_open['VmHWM'] / 1e6:.0f} MB; after the queries: VmHWM {mem_end['VmHWM'] / 1e6:.0f} MB "
          f"(VmRSS {mem_end['VmRSS'] / 1e6:.0f} MB = anon {mem_end['RssAnon'] / 1e6:.0f} MB + mapped files {mem_end['RssFile'] / 1e6:.0f} MB)")
    print(f"load average at start {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f}, at end {load_end[0]:.2f} {load_end[1]:.2f} {load_end[2]:.2f}")

    by_category: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        by_category[case.category].append(i)
    print()
    has_base = "baseline" in med
    print("| category | n | Legation p50 | Legation p95 | raw p50 | raw p95 | hits p50 |" + (" baseline p50 | baseline p95 |" if has_base else ""))
    print("|---|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if has_base else ""))
    for category, ids in by_category.items():
        lc, rc = [med["legation"][i] for i in ids], [med["raw"][i] for i in ids]
        extra = ""
        if has_base:
            bc = [med["baseline"][i] for i in ids]
            extra = f" {percentile(bc, 50):.1f} | {percentile(bc, 95):.1f} |"
        print(f"| {category} | {len(ids)} | {percentile(lc, 50):.1f} | {percentile(lc, 95):.1f} | {percentile(rc, 50):.1f} | "
              f"{percentile(rc, 95):.1f} | {int(percentile([totals[i] for i in ids], 50)):,} |{extra}")

    print()
    print(f"slowest {args.slowest} for Legation:")
    print("| query | hits | Legation ms | raw ms |" + (" baseline ms |" if "baseline" in med else ""))
    print("|---|---:|---:|---:|" + ("---:|" if "baseline" in med else ""))
    for i in sorted(range(len(cases)), key=lambda i: -med["legation"][i])[: args.slowest]:
        extra = f" {med['baseline'][i]:.1f} |" if "baseline" in med else ""
        print(f"| `{cases[i].line}` | {totals[i]:,} | {med['legation'][i]:.1f} | {med['raw'][i]:.1f} |{extra}")

    if stages:
        print()
        print("stages of `search()` (one round, ms per query; outermost step only; a step beside the search, in another")
        print("thread, is not in the search's own share, which adds up to 100%):")
        print("| stage | mean | p50 | p95 | share of total |")
        print("|---|---:|---:|---:|---:|")
        grand = sum(stages["total"])
        for label, values in stages.items():
            print(f"| {label} | {statistics.fmean(values):.2f} | {percentile(values, 50):.2f} | {percentile(values, 95):.2f} | "
                  f"{100 * sum(values) / grand:.0f}% |")

    if args.json:
        args.json.write_text(json.dumps({
            "index": {"documents": searcher.num_docs, "segments": searcher.num_segments, "bytes": folder_bytes(args.index)},
            "queries": len(cases), "rounds": args.rounds, "load_start": load_start, "load_end": load_end,
            "memory_after_open": mem_open, "memory_end": mem_end,
            "legation": leg, "raw": raw, "legation_cpu": summary(med["legation_cpu"]), "raw_cpu": summary(med["raw_cpu"]), "parser": summary(med["parser"]) if "parser" in med else None,
            "baseline": summary(med["baseline"]) if "baseline" in med else None, "baseline_differs": sorted(differ),
            "per_query": [
                {"query": c.line, "category": c.category, "hits": totals[i], "raw_hits": raw_counts[i],
                 "parser_hits": parser_counts[i] if "parser" in med else None,
                 "legation_ms": med["legation"][i], "raw_ms": med["raw"][i],
                 "legation_cpu_ms": med["legation_cpu"][i], "raw_cpu_ms": med["raw_cpu"][i],
                 "parser_ms": med["parser"][i] if "parser" in med else None,
                 "baseline_ms": med["baseline"][i] if "baseline" in med else None}
                for i, c in enumerate(cases)
            ],
            "stages": stages,
        }, indent=1, ensure_ascii=False))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
