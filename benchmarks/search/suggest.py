"""CPU time of autocomplete (``legation.search.suggest.suggest``, behind ``GET /api/suggest``) over
every prefix its archive can complete, and whether two versions suggest the same.

Usage (on an archive built with ``legation demo --no-serve``)::

    LEGATION_DATA_DIR=/tmp/legation-load-archive uv run python benchmarks/search/suggest.py [--baseline OTHER_CHECKOUT] [--pairs 2]

The prefixes are the first 1, 2, 3 and 5 characters of every name of an agent or place stored
(preferred names and variants), and a few that complete nothing or span words (``xy``, ``Chou E``):
2,693 on the demo archive. Each version runs in a child process of its own (the baseline's ``src``
first on ``PYTHONPATH``), once over all prefixes to warm up, then again timed: CPU time of the
process (``time.process_time``), ms a prefix, the fair figure on a machine shared with other work.
With ``--baseline`` the versions alternate ``--pairs`` times, and the script says whether every
prefix got the same suggestions (kind, text, identifier, documents, query) from both.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child(out: Path) -> None:
    import time

    import django

    django.setup()
    from legation.records.models import Agent, AgentName, Place, PlaceName
    from legation.search.suggest import suggest

    names = [*Agent.objects.values_list("name", flat=True), *AgentName.objects.values_list("name", flat=True)]
    names += [*Place.objects.values_list("name", flat=True), *PlaceName.objects.values_list("name", flat=True)]
    prefixes = sorted({n[:k] for n in names for k in (1, 2, 3, 5) if len(n) >= k} | {"xy", "zz", "ch", "Chou E", "port a"})
    for prefix in prefixes:
        suggest(prefix)
    start = time.process_time()
    answers = {p: [[s.kind, s.text, s.identifier, s.documents, s.query] for s in suggest(p)] for p in prefixes}
    ms = (time.process_time() - start) / len(prefixes) * 1000
    out.write_text(json.dumps({"ms": ms, "prefixes": len(prefixes), "answers": answers}, ensure_ascii=False))


def run(checkout: Path, out: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src"), "DJANGO_SETTINGS_MODULE": "legation.settings"}
    env.setdefault("LEGATION_SECRET_KEY", "benchmark-only-" + "x" * 40)
    subprocess.run([sys.executable, __file__, "--child", str(out)], env=env, check=True)
    return json.loads(out.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="a checkout of another version to compare with")
    parser.add_argument("--pairs", type=int, default=2, help="alternations with the baseline (default 2)")
    parser.add_argument("--differences", type=Path, help="write the prefixes whose suggestions differ, both versions', to this JSON file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if "LEGATION_DATA_DIR" not in os.environ:
        sys.exit("set LEGATION_DATA_DIR to an archive (legation demo --no-serve makes one)")
    versions = [("before", args.baseline.resolve()), ("after", ROOT)] if args.baseline else [("this", ROOT)]
    with tempfile.TemporaryDirectory() as work:
        answers: dict[str, dict] = {}
        for _ in range(args.pairs if args.baseline else 1):
            for name, checkout in versions:
                result = run(checkout, Path(work) / f"{name}.json")
                answers[name] = result["answers"]
                print(f"{name}: {result['prefixes']:,} prefixes, {result['ms']:.2f} CPU ms a prefix", flush=True)
        if args.baseline:
            differ = [p for p in answers["after"] if answers["after"][p] != answers["before"].get(p)]
            print("the same suggestions for every prefix" if not differ else f"{len(differ)} prefixes differ, e.g. {differ[:5]}")
            if differ and args.differences:
                shown = {p: {"before": answers["before"].get(p), "after": answers["after"][p]} for p in differ}
                args.differences.write_text(json.dumps(shown, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
