"""``legation copy-archive --to URL``: copy every document to another record store and prove it.

The archive's documents (with their authority records) go through Legation's own exchange format:
the source is exported as Legation JSON Lines, a ``legation ingest`` process with
``LEGATION_DATABASE_URL=URL`` stores them in the target (migrating it first), then a ``legation
export`` of the target must equal the source's export byte for byte. The target processes get a
throw-away index folder, so this node's index is never touched; the target's nodes build theirs from
its change log (or ``legation reindex``).

Copied: documents, their texts, footnotes, sources and the authority records they use. Not copied:
admin accounts, sessions and the source's change-log history (the target's log starts afresh with
one entry per document). The target must hold no documents.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from legation.config import database_from_url
from legation.errors import LegationError


@dataclass(frozen=True)
class CopyReport:
    documents: int
    export_bytes: int


def _target_env(to_url: str, work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "legation.settings",
        "LEGATION_DATABASE_URL": to_url,
        "LEGATION_DATA_DIR": str(work / "target"),
        "LEGATION_INDEX_DIR": str(work / "target-index"),
    }


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "legation", *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise LegationError(f"`legation {args[0]}` on the target failed: {detail[-1] if detail else result.returncode}")
    return result


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


def copy_archive(to_url: str) -> CopyReport:
    """Copy this archive (Django's default database) to ``to_url`` and verify it (see above).
    Raises LegationError with what to do when the URL is unusable, the target is not empty, or
    the exports differ."""
    from django.db import connection

    from legation.ingest.readers.jsonl import write_jsonl
    from legation.records.serialize import load_records

    try:
        target = database_from_url(to_url, Path("."))
    except ValueError as exc:
        raise LegationError(str(exc).replace("LEGATION_DATABASE_URL", "--to")) from exc
    source = connection.settings_dict
    if target["ENGINE"] == source["ENGINE"] and str(target["NAME"]) == str(source["NAME"]) and target.get("HOST") == source.get("HOST") and target.get("PORT") == source.get("PORT"):
        raise LegationError("--to names the archive's own database; give another one.")

    with tempfile.TemporaryDirectory(prefix="legation-copy-") as folder:
        work = Path(folder)
        env = _target_env(to_url, work)
        before = work / "target-before.jsonl"
        _run(env, "export", "-o", str(before))
        if before.stat().st_size:
            raise LegationError(
                f"The target {_safe(to_url)} already holds documents; copy into an empty database "
                "(create a new one, or empty it first)."
            )
        exported = work / "source.jsonl"
        with exported.open("w", encoding="utf-8") as handle:
            count = write_jsonl(load_records(), handle)
        if count:
            _run(env, "ingest", "--batch-size", "500", str(exported))
        after = work / "target-after.jsonl"
        _run(env, "export", "-o", str(after))
        if not filecmp.cmp(exported, after, shallow=False):
            raise LegationError(
                f"The copy in {_safe(to_url)} differs from this archive (its export is not the same); "
                "it is left there for inspection."
            )
        return CopyReport(documents=count, export_bytes=exported.stat().st_size)
