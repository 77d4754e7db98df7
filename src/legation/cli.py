"""``legation`` command line: thin commands over the same services the web pages and API use.

Every command turns Legation's own errors into one clear line with a hint and a non-zero exit.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import json
import os
import re
import shlex
import signal
import sys
import tempfile
from contextlib import closing, contextmanager, nullcontext, suppress
from pathlib import Path
from collections.abc import Iterator
from typing import IO, Annotated, Optional

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from legation.errors import first_line
from legation.printable import documents, numbered_first

app = typer.Typer(
    help="Legation: publish, search and cite digital archives of historical primary sources.",
    no_args_is_help=True,
    rich_markup_mode="markdown",  # a docstring's lines joined into paragraphs, not broken where the source wraps
)
# emoji codes off: Rich drew ":x:" in a file's name or a value as an emoji ("name:x:.csv" as "name❌.csv"),
# so the file an archivist was told of could not be found
console = Console(emoji=False)
err = Console(stderr=True, emoji=False)

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"
DEMO_AUTHORITIES = "authorities.jsonl"  # people and places of the demo with their variant names
DEMO_CREDIT = "Documents from Foreign Relations of the United States, Office of the Historian (public domain)."
DEMO_DONE_FILE = "demo-ingested"  # written in the data folder once the whole demo archive is stored
# What the readers keep of the demo's files, raised when they keep more (2: each FRUS document's printed
# pages; 3: the place sent from as written, Peking for Beijing): a demo archive ingested with less is
# ingested again, in place, by `legation demo`
DEMO_READERS = 3
SHOWN = 50  # failures, conflicts and bad lines listed on the screen; the rest are counted
UPDATES_SHOWN = 20  # documents updated listed on the screen, with the fields that changed


def _configure() -> None:
    """Configure Django, creating nothing (no data folder, no database file): enough to import
    Legation's models and check a command's arguments before the archive is opened."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
    import django

    from legation.config import config

    try:
        config()
    except ValueError as exc:  # a LEGATION_* variable with an unusable value: one line, not a traceback
        _fail(str(exc))
    django.setup()


def _setup(migrate: bool = True) -> None:
    """Configure Django and bring the database schema up to date (fast when it already is)."""
    from django.core.management import call_command

    from legation.config import config

    _configure()
    try:
        config().data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"cannot create the data folder {config().data_dir}: {exc.strerror}; set LEGATION_DATA_DIR to a writable folder")
    if migrate:
        from django.db.utils import DatabaseError

        if not config().database["ENGINE"].endswith("postgresql") and (foreign := _another_programs(Path(config().database["NAME"]))):
            _fail(foreign)

        try:
            _migrate(lambda: call_command("migrate", interactive=False, verbosity=0))
        except (DatabaseError, NotADirectoryError) as exc:
            # the first use of the database: it cannot be opened, or not for writing, or it is no
            # SQLite database ("file is not a database", "database disk image is malformed")
            _fail(_unopenable(first_line(exc)))


def _openable() -> None:
    """Fail, saying why and what to do (:func:`_unopenable`), when the database cannot be opened;
    for the commands that would otherwise meet it in Django's traceback (``manage migrate``). A
    SQLite file in an existing folder is created empty, as the command would create it."""
    from django.db import connection
    from django.db.utils import DatabaseError

    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        _fail(_unopenable(first_line(exc)))


def _unopenable(problem: str) -> str:
    """Why the archive cannot be opened (SQLite's or PostgreSQL's ``problem``), with what to do."""
    from legation.config import config

    settings = config()
    if settings.database["ENGINE"].endswith("postgresql"):
        return f"cannot open the database {settings.database['NAME']}: {problem}; check LEGATION_DATABASE_URL and that the server runs"
    path = Path(settings.database["NAME"])
    if not path.parent.is_dir():
        blocking = next((above for above in path.parents if above.exists()), None)
        if blocking is not None and not blocking.is_dir():
            return f"cannot open the archive {path}: {blocking} is a file, not a folder; give a file in an existing folder"
        return f"cannot open the archive {path}: its folder {path.parent} does not exist; create it, or give a file in an existing folder"
    if "readonly" in problem or "read-only" in problem or not os.access(path.parent, os.W_OK):
        return (
            f"cannot write the archive {path} ({problem}): every command writes to its folder (SQLite's journal), "
            f"so make {path.parent} and the files in it writable for this user, or set LEGATION_DATA_DIR to a writable folder"
        )
    if "disk I/O error" in problem or "disk is full" in problem:  # (a disk full while the archive was made: a fresh user's test)
        return (
            f"cannot write the archive {path} ({problem}): most often the disk is full; free some space on it (`df -h {path.parent}` "
            "shows how much there is), then run the same command again"
        )
    if "not a database" in problem or "malformed" in problem:
        return (
            f"cannot open the archive {path} ({problem}): it is no Legation database, or a damaged one; restore it from a "
            f"copy or an export (`legation ingest` of an export rebuilds an archive in a new folder), or move it away "
            f"and start a new archive, or set LEGATION_DATA_DIR to the folder of your archive"
        )
    return (
        f"cannot open the archive {path} ({problem}); check that it is the database file Legation made (not a folder or "
        f"another file), or set LEGATION_DATA_DIR to the folder of your archive"
    )


INGEST_FIRST = "ingest documents first: `legation ingest PATH`"


def _setup_existing(create: str = INGEST_FIRST) -> None:
    """:func:`_setup` for a command that works on the archive there is (export, search, reindex,
    copy-archive, serve): fails, creating nothing (no data folder, no database file), when there is
    no archive where the settings point (no SQLite file; a PostgreSQL database without tables), as a
    mistyped LEGATION_DATA_DIR would otherwise give an empty archive, an empty export or an empty
    site. ``create`` ends the message: how to make the archive the command needs."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
    from legation.config import config

    try:
        config()
    except ValueError as exc:
        _fail(str(exc))
    missing = _missing_archive(create)
    if missing:
        _fail(missing)
    _setup()


def _missing_archive(create: str = INGEST_FIRST) -> str:
    """What to say when there is no archive where the settings point ("" when there is one): no
    SQLite file, a PostgreSQL database without Legation's tables or out of reach. Creates nothing;
    sets Django up for PostgreSQL only. ``create`` ends the message, as for :func:`_setup_existing`.
    The settings must be readable (:func:`~legation.config.config` raises no ValueError)."""
    from legation.config import config

    settings = config()
    if not settings.database["ENGINE"].endswith("postgresql"):
        path = Path(settings.database["NAME"])
        where = settings.data_dir if path.parent == settings.data_dir else path
        if foreign := _another_programs(path):
            return foreign
        if _sqlite_tables(path) != frozenset():
            return ""  # an archive, or a file SQLite cannot read, which opening it names (_unopenable)
        return (
            f"No archive in {where} ({f'{path.name} there is empty' if path.exists() else f'no {path.name} there'}); "
            f"nothing was read or created. Set LEGATION_DATA_DIR to the folder of your archive (the one that holds "
            f"legation.sqlite3), or {create}"
        )
    import django

    django.setup()
    from django.db import connection
    from django.db.utils import OperationalError

    try:
        tables = connection.introspection.table_names()
    except OperationalError as exc:
        return f"cannot reach the database {settings.database['NAME']}: {first_line(exc)}; check LEGATION_DATABASE_URL and that the server runs"
    if ARCHIVE_TABLE not in tables:
        return (
            f"No archive in the database {settings.database['NAME']} (it has no Legation tables); nothing was read or created. "
            f"Set LEGATION_DATABASE_URL to the database of your archive, or {create}"
        )
    return ""


ARCHIVE_TABLE = "records_document"  # the table every Legation archive has (records' first migration)


def _sqlite_tables(path: Path) -> frozenset[str] | None:
    """The names of the tables in the SQLite file ``path``, read without writing (empty when the
    file is missing or empty); None when SQLite cannot read it (a folder, not a database, damaged,
    no permission), which opening it reports."""
    import sqlite3

    if not path.exists():
        return frozenset()
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            return frozenset(name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    except sqlite3.Error:
        return None


def _another_programs(path: Path) -> str:
    """What to say when the SQLite file ``path`` holds tables but no Legation archive: another
    program's database, into which no command may write Legation's tables (``search``, ``export``,
    ``reindex`` and ``ingest`` wrote them; ``check`` made it a WAL database). ``""`` when it is an
    archive, missing, empty, or a file SQLite cannot read (which opening it names: :func:`_unopenable`).
    Reads the file without writing (:func:`_sqlite_tables`). The one test every command makes."""
    tables = _sqlite_tables(path)
    if not tables or ARCHIVE_TABLE in tables:
        return ""
    shown = ", ".join(sorted(tables)[:5]) + (f" and {len(tables) - 5:,} more" if len(tables) > 5 else "")
    return (
        f"{path} is not a Legation archive but another program's database (its tables: {shown}); nothing was read "
        f"or changed. Set LEGATION_DATA_DIR to the folder of your archive (the one that holds legation.sqlite3), "
        f"or to a new folder to start one"
    )


def _setup_dry_run() -> None:
    """Configure Django for ``ingest --dry-run``, which creates and changes nothing: an archive
    that exists is read as it is (the ingest rolls back what it checks); where there is none yet
    (no SQLite file, or a PostgreSQL database without tables), an empty archive in memory stands
    in for it, and no data folder is made. Fails, saying what to run, when the archive lacks
    tables this Legation needs (a dry run does not migrate)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
    import django
    from django.core.management import call_command

    from legation.config import config

    try:
        settings = config()
    except ValueError as exc:
        _fail(str(exc))
    django.setup()
    from django.db import DEFAULT_DB_ALIAS, connection, connections

    if connection.vendor == "sqlite":
        name = connection.settings_dict["NAME"]
        in_memory = connection.is_in_memory_db()
        if not in_memory and (foreign := _another_programs(Path(name))):
            _fail(foreign)
        empty = not in_memory and _sqlite_tables(Path(name)) == frozenset()
    else:
        name = settings.database["NAME"]
        empty = not connection.introspection.table_names()
    if empty:
        connection.close()
        memory = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
        connections.settings[DEFAULT_DB_ALIAS] = connections.configure_settings({DEFAULT_DB_ALIAS: memory})[DEFAULT_DB_ALIAS]
        del connections[DEFAULT_DB_ALIAS]  # the next use connects to the empty archive in memory
        call_command("migrate", interactive=False, verbosity=0)
        err.print(f"No archive in {name} yet: checked against an empty one, so every document is new; nothing was created.")
    elif _migrations_missing_or_fail():
        _fail(
            f"the archive in {name} was made by an older Legation, and a dry run changes nothing; run "
            "`legation manage migrate` to bring it up to date (its documents are kept), then the dry run again"
        )


def _migrate(run_migrations) -> None:
    """Run ``run_migrations`` when the database lacks a migration (most commands find none, and a
    ``migrate`` that has nothing to do still costs a tenth of a second in its signal handlers); a
    new SQLite archive is built under a temporary name and moved into place only when complete.
    Django records a migration that has deferred SQL (its indexes) just after committing it, so a
    process killed in between (Ctrl-C, SIGKILL during the first ingest) would leave a database
    whose tables exist unrecorded, which no later run could migrate."""
    from django.db import connection

    path = Path(connection.settings_dict["NAME"]) if connection.vendor == "sqlite" else None
    if path is None or path.exists() or connection.is_in_memory_db():
        if _migrations_missing():
            run_migrations()
        return
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    connection.close()
    connection.settings_dict["NAME"] = str(partial)
    try:
        run_migrations()
    finally:
        connection.close()
        connection.settings_dict["NAME"] = str(path)
    os.replace(partial, path)


def _migrations_missing_or_fail() -> bool:
    """:func:`_migrations_missing`, failing the command as :func:`_setup` does when the database
    cannot be opened or is none (:func:`_unopenable`)."""
    from django.db.utils import DatabaseError

    try:
        return _migrations_missing()
    except DatabaseError as exc:
        _fail(_unopenable(first_line(exc)))
        raise  # not reached: _fail exits


def _migrations_missing() -> bool:
    """Whether the database lacks any migration of the installed apps (what ``migrate`` would
    apply; also true for an empty database)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _check_port_free(host: str, port: int) -> None:
    """Fail with a hint when another program already listens on host:port (:func:`_port_taken`)."""
    taken = _port_taken(host, port)
    if taken:
        _fail(taken)


def unbracketed(host: str) -> str:
    """An IPv6 address given as a URL writes it (``[::1]``) as the socket takes it (``::1``)."""
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def url_host(host: str) -> str:
    """``host`` as a URL writes it: an IPv6 address in brackets (RFC 3986 §3.2.2)."""
    return f"[{host}]" if ":" in host else host


def _port_taken(host: str, port: int) -> str:
    """What to say when host:port cannot be served, "" when it can: another program listens on
    it; the host names no address (``--host nosuch.invalid``) or one not on this machine
    (``--host 10.1.2.3``), which were both said to be "in use"; the port needs rights this user
    lacks (below 1024); an empty host, or one given with a scheme or port (``http://127.0.0.1``,
    ``127.0.0.1:8203``). An IPv6 address may be given bare or in brackets (``::1``, ``[::1]``)."""
    import errno
    import socket

    if not host.strip():
        return "--host is empty; give the address to listen on: 127.0.0.1 (this machine alone), 0.0.0.0 (every address)"
    if "/" in host or (host.count(":") == 1 and not host.startswith("[")):
        return f"--host {host} is not an address alone; give it without a scheme or a port (--port gives the port): --host 127.0.0.1"
    host = unbracketed(host)
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror:
            return f"--host {host} names no address this machine can find; give this machine's name or address: 127.0.0.1 (this machine alone), 0.0.0.0 (every address)"
        except OSError as exc:
            if exc.errno == errno.EADDRNOTAVAIL:
                return f"--host {host} is not an address of this machine; give one of its own: 127.0.0.1 (this machine alone), 0.0.0.0 (every address)"
            if exc.errno == errno.EACCES:
                return f"port {port} needs rights this user has not (ports below 1024 are the system's); choose a port from 1024 up: --port 8000"
            return f"port {port} on {host} is in use (another Legation?); stop it, or choose a free port: --port 8001 (make demo PORT=8001)"
    return ""


def port_lock_path(host: str, port: int) -> Path:
    """The lock file of one `legation serve` on ``host:port``: in the system's temporary folder,
    one a host and port, removed when that server ends (:func:`_holding_port`)."""
    return Path(tempfile.gettempdir()) / f"legation-serve-{re.sub(r'[^0-9A-Za-z.]', '_', host)}-{port}.lock"


@contextmanager
def _holding_port(host: str, port: int) -> Iterator[None]:
    """A lock on ``host:port`` for one `legation serve` at a time, held within the ``with``. Each
    worker binds the port with ``SO_REUSEPORT``, so two servers started at the same moment, each
    finding the port free (:func:`_port_taken`), both bound it and shared its requests between two
    archives (a fresh user). Fails as :func:`_port_taken` does when another server holds the lock;
    holds none when the lock file cannot be made (another user's: the system lets no other user
    share the port anyway).

    The server that made the lock removes its file when it ends (one was left in the temporary
    folder for each host and port ever served, hundreds on a test machine), while it still holds
    the lock, so a server that opened the file meanwhile and then locks it sees that the path no
    longer names its file and tries again with a new one (the usual ``flock`` and ``unlink``
    protocol). Only the process that took the lock removes it: the workers forked inside the
    ``with`` leave it through it too."""
    path, owner = port_lock_path(host, port), os.getpid()
    lock = _locked(path, host, port)
    try:
        yield
    finally:
        if lock is not None and os.getpid() == owner:
            with suppress(OSError):
                path.unlink()
            lock.close()


def _locked(path: Path, host: str, port: int) -> IO[str] | None:
    """``path`` opened and locked (``flock``, exclusive), the file the path names once locked; None
    when it cannot be made. Fails the command when another process holds it."""
    while True:
        try:
            lock = open(path, "a")  # noqa: SIM115 - held open while serving
        except OSError:
            return None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            _fail(f"port {port} on {host} is in use (another Legation, starting now); stop it, or choose a free port: --port 8001 (make demo PORT=8001)")
        try:
            held, named = os.fstat(lock.fileno()), os.stat(path)
            if (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino):
                return lock
        except OSError:  # removed by the server that held it, which ended
            pass
        lock.close()


def _unwrapped(screen: Console) -> Console:
    """``screen`` on a terminal; writing to a file or a pipe, a console as wide as a log line may be
    (200 columns), where Rich would otherwise wrap lines and cut table headings at 80."""
    return screen if screen.is_terminal else Console(file=screen.file, width=max(screen.width, 200), emoji=False)


def _fail(message: str, code: int = 1, *more: str) -> None:
    """Say ``message`` (and each of ``more``) as an error, one line each, and exit with ``code``."""
    # soft_wrap: one line, never broken inside the path or name it gives (Rich wraps at 80 columns
    # when stderr is no terminal, a log file, splitting "nope.xml: no" from "such file")
    for line in (message, *more):
        err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _files(paths: list[Path], mapping: str | None = None) -> tuple[list[Path], list, list]:
    """The files ``paths`` name that Legation reads, each once; notes on the files of their
    folders it does not read (and on files named twice); and the failures of files named on their
    own that it cannot read (the ingest reports them as failed and exits 1; the other files are
    read). Fails the command (exit 1) for a path that does not exist, and when there is no file
    to read (an empty folder, or none of a format it reads), naming the paths and up to 20 of
    the files not read. Needs no database."""
    from legation.errors import IngestError, IngestNote
    from legation.ingest.readers import FORMATS, files_to_read

    from legation.config import config

    skipped: list[IngestNote] = []
    unreadable: list[IngestError] = []
    try:
        settings = config()
        own = {settings.data_dir, settings.index_dir}  # not documents: passed over, said so
    except ValueError:  # said when the archive is opened
        own = set()
    try:
        found = files_to_read(paths, mapping, skipped, unreadable, own)
    except IngestError as exc:
        _fail(str(exc))
    if not found and len(unreadable) == 1 and len(paths) == 1:
        _fail(str(unreadable[0]))  # the one file named: said as such, as before
    files: list[Path] = []
    read: set[Path] = set()
    for path in found:  # each once, where first named: a second reading would report every document twice
        if path.resolve() in read:
            skipped.append(IngestNote(str(path), "named twice (on its own and in its folder?); read once"))
        else:
            read.add(path.resolve())
            files.append(path)
    if not files:
        named = ", ".join(str(path) for path in paths)
        not_read = [*unreadable, *skipped]
        unread = "".join(f"\n  {note}" for note in not_read[:20])
        if len(not_read) > 20:
            unread += f"\n  … and {len(not_read) - 20:,} more files not read"
        what = f"no file Legation reads ({len(not_read):,} not read)" if not_read else "no files (hidden files and folders are skipped)"
        _fail(f"nothing to ingest: {named} holds {what}; give the folder or files of the documents: Legation reads {FORMATS}{unread}")
    return files, skipped, unreadable


def _ingest(
    files: list[Path],
    skipped: list,
    unreadable: list | None = None,
    dry_run: bool = False,
    batch_size: int = 200,
    mapping: str | None = None,
    delete_missing: bool = False,
    encoding: str | None = None,
):
    """Read ``files`` (with ``skipped``, notes on files not read, and ``unreadable``, failures
    of files named that Legation cannot read, from :func:`_files`), store records with a
    progress bar (documents and bytes), with ``delete_missing`` delete what the collections read
    no longer hold, then update the index."""
    from django.db import DatabaseError

    from legation.ingest.readers import read_file
    from legation.ingest.service import Failure, IngestReport, ingest_records
    from legation.ingest.service import delete_missing as mirror
    from legation.interrupts import Interrupted, interruptible
    from legation.search.follower import following
    from legation.search.indexer import IndexWriteFailed

    total_bytes = sum(f.stat().st_size for f in files)
    report = IngestReport(notes=[str(note) for note in skipped], failed=[Failure(e.path, e.message) for e in unreadable or []])
    if not dry_run:
        _rebuild_if_outdated()
    indexing = nullcontext() if dry_run else following()
    columns = [TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TextColumn("{task.fields[docs]}"), TimeElapsedColumn()]
    screen = _unwrapped(err)
    doing = "reading"
    try:
        with interruptible(), indexing, Progress(*columns, console=screen, transient=False) as progress:
            task = progress.add_task("Ingesting", total=total_bytes, docs=documents(0))
            done_bytes = 0
            for path in files:
                doing = f"ingesting {path}"
                progress.update(task, description=f"Ingesting {path.name}")
                ingest_records(
                    read_file(path, mapping, encoding),
                    batch_size=batch_size,
                    dry_run=dry_run,
                    on_progress=lambda r: progress.update(task, docs=documents(r.processed)),
                    report=report,
                    source=str(path),
                )
                done_bytes += path.stat().st_size
                progress.update(task, completed=done_bytes, docs=documents(report.processed))
            if delete_missing:
                doing = "deleting the documents the collections read no longer hold"
                progress.update(task, description="Deleting documents the collections read no longer hold")
                mirror(report, dry_run=dry_run)
            doing = "updating the search index"
            progress.update(task, description="Checked (dry run)" if dry_run else "Ingested; updating the search index")
    except Interrupted as exc:
        _fail(_interrupted_ingest(report, f"interrupted ({signal.Signals(exc.signal).name})", doing, dry_run), 128 + exc.signal)
    except (DatabaseError, OSError, IndexWriteFailed) as exc:
        if (failure := _store_failure(exc)) is None:
            raise
        why, step = failure
        _fail(_interrupted_ingest(report, why, doing, dry_run, then=f"{step}, then run the same command again to finish"))
    return report


def _store_failure(exc: BaseException) -> tuple[str, str] | None:
    """Why an ingest stopped on ``exc`` and what to do before running it again, for
    :func:`_interrupted_ingest`: a full disk (SQLite: "database or disk is full"; PostgreSQL:
    SQLSTATE 53100, "No space left on device"; a file: ENOSPC, EDQUOT; the search index:
    :class:`~legation.search.indexer.IndexWriteFailed`), or any other failure of the database
    (PostgreSQL gone away, its file locked or unwritable); ``None`` for any other ``OSError`` (a
    reader's are failures of its file, reported, and do not reach here)."""
    from django.db import DatabaseError

    from legation.search.indexer import IndexWriteFailed

    if isinstance(exc, IndexWriteFailed):
        return f"stopped: {exc}", "Free space on that disk" if exc.disk_full else "Make room on its disk or make the folder writable"
    problem = first_line(exc)
    sqlstate = getattr(getattr(exc, "__cause__", None), "sqlstate", None)
    full = "disk is full" in problem or "No space left" in problem or sqlstate == "53100"
    if isinstance(exc, OSError) and not isinstance(exc, DatabaseError):
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
            return None
        full, problem = True, exc.strerror or problem
    if full:
        return f"stopped: the disk is full ({problem})", f"Free space on the disk holding the archive ({_store_place()})"
    return f"stopped: the database failed ({problem})", "Make it work again (`legation check` says when it does)"


def _store_place() -> str:
    """Where the archive's records are: the PostgreSQL database named in the settings, or the data folder."""
    from legation.config import config

    settings = config()
    return "the PostgreSQL server's data folder" if "postgresql" in settings.database["ENGINE"] else str(settings.data_dir)


def _interrupted_ingest(report, why: str, doing: str, dry_run: bool, then: str = "Run the same command again to finish") -> str:
    """What an ingest stopped while ``doing`` (``why``: "interrupted (SIGTERM)", or a failure of the
    store and what to do about it, :func:`_store_failure`) left: the documents of the batches
    committed (``report.committed``), whole with their change-log entries, and what to do then."""
    if dry_run:
        return f"{why} while {doing}; a dry run stores nothing. {then.replace('to finish', 'for the whole report')}"
    added, updated, unchanged = report.committed
    stored = (
        f"{documents(added + updated + unchanged)} stored before it ({added:,} added, {updated:,} updated, {unchanged:,} "
        "unchanged), in whole batches with their change-log entries; those read after the last batch were not stored"
    )
    if doing == "updating the search index":
        stored = f"every document read was stored ({added:,} added, {updated:,} updated, {unchanged:,} unchanged)"
    elif doing.startswith("deleting"):
        stored = (
            f"every document read was stored ({added:,} added, {updated:,} updated, {unchanged:,} unchanged), "
            f"and {documents(len(report.deleted))} deleted before it"
        )
    return (
        f"{why} while {doing}: {stored}. {then}: what is stored compares as "
        "unchanged. The search index takes in what it lacks at the next `legation ingest` or `serve`, or at once with "
        "`legation reindex` (a `legation search` before then warns that it may leave documents out)"
    )


def _also_changed(report, identifier: str) -> str:
    """For a conflict's line: what else the source changed in the document, when that made it count as updated."""
    fields = report.changed_fields.get(identifier)
    return f" (the source's other changes, to {', '.join(fields)}, were applied: the document counts as updated)" if fields else ""


def _kept_by_legation(path: Path, inputs: list[Path] = ()) -> str:
    """What ``path``, a file a command is to write (``--report``, ``export -o``), would replace that
    must be kept: a file the command reads (``inputs``, or one inside them), the archive's SQLite
    database or its journal files, anything in the search index's folder, or a file Legation keeps
    in the data folder (:data:`LEGATION_FILES`, the static files); "" when none. ``--report legation.sqlite3`` replaced the archive with a report, also on
    a dry run, and ``--report self.csv`` the file it read (a fresh user)."""
    from legation.config import config

    try:
        settings = config()
        target = path.expanduser().resolve()
    except (ValueError, OSError):  # unusable settings are said by the command itself
        return ""
    for given in inputs:
        try:
            given = given.expanduser().resolve()
        except OSError:
            continue
        if target == given:
            return f"it is a file read ({given}); give another path"
        if given in target.parents:
            return f"it is in the folder read ({given}), whose next ingest would read it; give a path outside it"
    if not settings.database["ENGINE"].endswith("postgresql"):
        database = Path(settings.database["NAME"]).resolve()
        if target.parent == database.parent and target.name in {database.name + end for end in ("", "-wal", "-shm", "-journal", ".partial")}:
            return f"it is the archive's database ({database}); give a path outside the data folder"
    if settings.index_dir in target.parents or target == settings.index_dir:
        return f"it is in the search index's folder ({settings.index_dir}); give a path outside it"
    own = target.parent == settings.data_dir and target.name in LEGATION_FILES
    if own or settings.data_dir / "static" in target.parents:
        return f"it is a file Legation keeps in the data folder ({settings.data_dir}); give a path outside it"
    return ""


# What Legation keeps in the data folder beside the database and the index (and the static files' folder)
LEGATION_FILES = frozenset({"demo-secret-key", DEMO_DONE_FILE, "static.lock", "static.collected", "static"})


def _check_written_file(path: Path, option: str, inputs: list[Path] = ()) -> None:
    """Fail the command (exit 1) before it does anything when the file ``option`` names would
    replace a file Legation must keep (:func:`_kept_by_legation`)."""
    if problem := _kept_by_legation(path, inputs):
        _fail(f"will not write {option} {path}: {problem}; nothing was read or changed")


def _check_report_file(report_file: Path | None, inputs: list[Path] = ()) -> None:
    """Fail the command (exit 1) before it does anything when ``--report FILE`` cannot be written:
    a folder, or a file in a folder that does not exist or is not writable, or a file Legation must
    keep (:func:`_check_written_file`)."""
    try:
        folder = report_file is not None and report_file.is_dir()
        writable = report_file is None or (report_file.parent.is_dir() and os.access(report_file.parent, os.W_OK))
    except OSError:  # a folder this user may not enter
        folder, writable = False, False
    if folder:
        _fail(f"cannot write the report {report_file}: it is a folder; give --report a file path, e.g. {report_file / 'report.json'}")
    if report_file is not None:
        _check_written_file(report_file, "the report", inputs)
    if not writable:
        _fail(f"cannot write the report {report_file}: its folder does not exist or is not writable; give --report a file in a writable folder")


def _rest(report_file: Path | None) -> str:
    """Where the whole of a list the screen cuts at :data:`SHOWN` is, or how to get it."""
    return f"all of them are in {report_file}" if report_file else "pass --report FILE to get all of them"


def _write_json(path: Path, data: dict, done: str) -> None:
    """Write a command's whole report ``data`` as one JSON object (UTF-8, indented), replacing
    ``path`` only once complete. Fails the command (exit 1) when the file cannot be written,
    saying what the command did nonetheless (``done``: "the ingest itself is done")."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        _fail(f"cannot write the report {path}: {exc.strerror}; {done}, give --report a writable file")


def _print_report(report, dry_run: bool, report_file: Path | None = None) -> None:
    """The ingest's table, then failures, kept documents and conflicts (the first :data:`SHOWN` of each),
    the documents updated with the fields that changed (the first :data:`UPDATES_SHOWN`), notes
    and deletions (the first 20), on a dry run that updates or deletes documents that it cannot name the authority
    records a real run would delete with them (:func:`legation.records.authorities.drop_unheld`); where a list is cut, it says where the whole of it is
    (``report_file``, written by :func:`_write_report`) or how to get it (``--report FILE``)."""
    table = Table(title="Ingest (dry run: nothing written)" if dry_run else "Ingest")
    counts = {
        "added": report.added, "updated": report.updated, "unchanged": report.unchanged, "failed": report.failed,
        "conflicts": report.conflicts, "corrections kept": report.curated,
    }  # fmt: skip
    if report.replaced:  # updated from another file than they last came from (another fonds?)
        counts |= {"from another file": report.replaced}
    if report.deleted or report.kept:
        counts |= {"would delete" if dry_run else "deleted": report.deleted, "kept": report.kept}
    for column in counts:
        table.add_column(column, justify="right")
    table.add_row(*(f"{len(values):,}" for values in counts.values()))
    _unwrapped(console).print(table)  # in a log file, every heading whole ("unchanged", not "unchang…")
    if report.conflicts or report.curated:  # else the columns seem to add up to more documents than were read
        console.print("conflicts and corrections kept: documents also counted as updated or unchanged", highlight=False, soft_wrap=True)
    rest = _rest(report_file)
    conflicts = [(c.where, c.message() + _also_changed(report, c.identifier)) for c in report.conflicts]
    replaced = [(r.where, r.message(dry_run)) for r in report.replaced]
    for label, items in (("failed", [(f.where, f.reason) for f in report.failed]), ("kept", [(k.where, k.reason) for k in report.kept]), ("conflict", conflicts), ("corrections kept", [(c.where, c.reason) for c in report.curated]), ("from another file", replaced)):
        for where, reason in items[:SHOWN]:
            console.print(f"[red]{label}[/red] {escape(where)}: {escape(reason)}", highlight=False, soft_wrap=True)
        if len(items) > SHOWN:
            console.print(f"… and {len(items) - SHOWN:,} more {label} ({rest})", highlight=False, soft_wrap=True)
    for identifier in report.updated[:UPDATES_SHOWN]:  # a corrected file: which documents it changed, and how
        found = "; ".join(change.message() for change in report.changes.get(identifier, []))
        console.print(f"[cyan]updated[/cyan] {escape(identifier)}{': ' + escape(found) if found else ''}", highlight=False, soft_wrap=True)
    if len(report.updated) > UPDATES_SHOWN:
        console.print(f"… and {len(report.updated) - UPDATES_SHOWN:,} more updated ({rest})", highlight=False, soft_wrap=True)
    notes = report.all_notes()
    if dry_run and notes:  # the readers' notes are written for a real ingest ("stored without …", "stored as English")
        console.print("notes: what a real ingest stores, and how; this dry run stored nothing", highlight=False, soft_wrap=True)
    for note in notes:
        console.print(f"[yellow]note[/yellow] {escape(note)}", highlight=False, soft_wrap=True)
    if report.deleted:
        shown = ", ".join(report.deleted[:20]) + (f" and {len(report.deleted) - 20:,} more ({rest})" if len(report.deleted) > 20 else "")
        console.print(f"{'would delete' if dry_run else 'deleted'}: {escape(shown)}", highlight=False, soft_wrap=True)
    if dry_run and (report.updated or report.deleted):  # drop_unheld runs as the documents are written: a dry run writes none
        console.print(
            "a real run also deletes the agents, places, subjects and repositories that only the documents it updates or deletes "
            "use and nothing curated holds, and names them; this dry run cannot tell which", highlight=False, soft_wrap=True,
        )


def _write_report(report, dry_run: bool, path: Path) -> None:
    """Write the whole ingest report as one JSON object (UTF-8, indented), replacing ``path``
    only once complete::

        {"dry_run": false, "counts": {"added": 2, "updated": 0, "unchanged": 0, "failed": 1, "deleted": 0, "kept": 0, "conflicts": 0, "corrections_kept": 0},
         "added": ["id", …], "updated": […], "unchanged": […], "deleted": […] (with --dry-run: would be deleted),
         "failed": [{"where": "FILE, line 3", "reason": "…"}, …], "kept": [{"where": "id", "reason": "…"}, …],
         "corrections_kept": [{"where": "FILE: id", "reason": "title kept as corrected in the admin …"}, …],
         "updated_fields": {"id": ["title", "agents"], …} (what changed in each updated document),
         "updated_values": {"id": [{"field": "title", "before": "Old", "after": "New"},
                                   {"field": "agents", "removed": ["Chou En-lai (sender)"], "added": ["Zhou Enlai (sender)"]}, …], …}
         (how: a field's value before and after, null when empty; for a list, the items removed and those added:
         legation.ingest.curation.FieldChange.as_json),
         "conflicts": [{"where": "FILE: id", "identifier": "id", "field": "title", "source_value": "…", "message": "…"}, …]
         (source_value: the source's new value, "" when it has none; for a list field, which is no one value (agents,
         collections, subjects, repositories, texts, relations), null, and "source_differs": {"archive": ["transcript (en),
         note 2: …typed…"], "source": ["transcript (en), note 2: …stamped…"]}, the items of each the other lacks, as
         updated_values gives them),
         "from_another_file": [{"where": "FILE, line 2", "identifier": "id", "last_ingested_from": "old.csv", "ingested_from": "new.csv", "fields": ["title"], "message": "…"}, …]
         (updated documents whose values last came from another file: another fonds reusing the identifiers?),
         "unread_dates": [{"where": "FILE, line 3: id", "date_text": "22-12-49", "reason": "the year 49 has two digits, …"}, …]
         (where: the file, the line its row starts on when the reader says it (a CSV row, a JSON Lines line), and the
         document's identifier; reason: why a date in numbers was not read, legation.ingest.dates.unread_reason; null for
         other forms),
         "future_dates": [{"where": "FILE, line 3: id", "date_text": "2150"}, …] (read, but in a year to come: stored undated),
         "outside_dates": [{"where": "FILE, line 3: id", "date_edtf": "-0043-03-15"}, …] (before year 1 or after 9999: no date filter finds them),
         "dates_apart": [{"where": "FILE, line 3: id", "date_text": "22.XII.1949", "reads_as": "1949-12-22", "date_edtf": "1975"}, …]
         (a date as written in other years than the EDTF date given beside it: stored as given),
         "types_respelled": [{"identifier": "id", "before": "telegram", "after": "Telegram"}, …] (stored documents whose
         type the ingest respelled, with --dry-run: would respell; legation.records.document_types),
         "subjects_renamed": [{"before": "ARGENTINA", "after": "Argentina", "documents": 92}, …] (stored subjects the ingest
         renamed, as another source names them better, with --dry-run: would rename; legation.records.subject_names),
         "subjects_merged": [{"name": "BRAZIL", "into": "Brazil"}, …] (stored subjects one but for case, merged),
         "authority_records_deleted": {"agents": [{"key": "person:…", "name": "…"}, …], "places": ["…"], "subjects": […],
         "repositories": […]} (what the documents updated or deleted alone used and nothing curated holds, deleted with
         them: legation.records.authorities.drop_unheld),
         "notes": ["…", …]}

    Lists are in the order the ingest met them. Fails the command (exit 1) when the file cannot
    be written."""
    from legation.ingest.dates import unread_reason

    lists = {"added": report.added, "updated": report.updated, "unchanged": report.unchanged, "deleted": report.deleted}
    data = {
        "dry_run": dry_run,
        "counts": {name: len(values) for name, values in {**lists, "failed": report.failed, "kept": report.kept, "conflicts": report.conflicts, "corrections_kept": report.curated, "from_another_file": report.replaced}.items()},
        **lists,
        "failed": [{"where": f.where, "reason": f.reason} for f in report.failed],
        "kept": [{"where": k.where, "reason": k.reason} for k in report.kept],
        "corrections_kept": [{"where": c.where, "reason": c.reason} for c in report.curated],
        "updated_fields": report.changed_fields,
        "updated_values": {
            identifier: [change.as_json() for change in found]
            for identifier, found in report.changes.items()
        },
        "conflicts": [
            {"where": c.where, "identifier": c.identifier, "field": c.field, "source_value": c.source_value, "message": c.message()}
            | ({"source_differs": {"archive": list(c.difference.before), "source": list(c.difference.after)}} if c.difference else {})
            for c in report.conflicts
        ],
        "from_another_file": [
            {"where": r.where, "identifier": r.identifier, "last_ingested_from": r.previous, "ingested_from": r.origin, "fields": list(r.fields), "message": r.message(dry_run)}
            for r in report.replaced
        ],
        "unread_dates": [{"where": where, "date_text": text, "reason": unread_reason(text)} for where, text in report.unread_dates],
        "future_dates": [{"where": where, "date_text": text} for where, text in report.future_dates],
        "outside_dates": [{"where": where, "date_edtf": edtf} for where, edtf in report.outside_dates],
        "dates_apart": [{"where": where, "date_text": text, "reads_as": read, "date_edtf": edtf} for where, (text, read, edtf) in report.dates_apart],
        "types_respelled": [{"identifier": identifier, "before": before, "after": after} for identifier, (before, after) in report.types.moved.items()],
        "subjects_renamed": [{"before": before, "after": after, "documents": report.subjects.moved[key]} for key, (before, after) in report.subjects.renamed.items()],
        "subjects_merged": [{"name": name, "into": into} for name, into in report.subjects.merged.items()],
        "authority_records_deleted": report.unheld.as_json(),
        "notes": report.all_notes(),
    }
    _write_json(path, data, "the ingest itself is done")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: TEI (.xml, .xml.gz), Legation JSON Lines (.jsonl), CSV (.csv), Wilson Center JSON (.json), PDF (.pdf; one document per file).", readable=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and report what would change; creates and changes nothing (no data folder, database or index; with no archive yet, checks against an empty one).")] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=10000, help="Documents per transaction.")] = 200,
    mapping: Annotated[str | None, typer.Option(help="For CSV and JSON Lines corpora: a mapping file (MAP.json) or a bundled mapping's name (dfat, moritz, …).")] = None,
    encoding: Annotated[Optional[str], typer.Option(help="For CSV: the files' encoding, a Python codec name (cp1252, cp1250, iso8859-2, mac-roman, cp1251, utf-16 …), instead of detecting it; wins over a mapping's \"encoding\". Other formats are UTF-8 (JSON Lines, JSON) or say their own (XML).")] = None,
    delete_missing: Annotated[bool, typer.Option("--delete-missing", help="Mirror the collections read: delete their stored documents that these files no longer hold (none when anything failed; documents also in other collections are kept).")] = False,
    report_file: Annotated[Optional[Path], typer.Option("--report", help="Also write the whole report as JSON to this file: every document added, updated, unchanged or deleted, every failure, conflict and note (the screen shows the first 50 of each).")] = None,
) -> None:
    """Add or update documents from files; prints what was added, updated, unchanged or failed.

    Corrections made in the admin are kept when a source is ingested again; a field the source
    changed too is reported as a conflict. Exits 1 when anything failed, and when the paths
    hold no file to read (an empty folder), having created nothing. --dry-run creates and
    changes nothing: no data folder, database or index; with no archive yet, it checks against
    an empty one."""
    _check_report_file(report_file, paths)
    if mapping:  # a mistyped mapping is a usage error, said before anything is read
        from legation.errors import IngestError
        from legation.ingest.mappings import load_mapping

        try:
            load_mapping(mapping)
        except IngestError as exc:
            _fail(str(exc), 2)
    if encoding is not None:  # a mistyped encoding too
        from legation.ingest.encodings import check_encoding

        try:
            encoding = check_encoding(encoding)
        except ValueError as exc:
            _fail(f"--encoding: {exc}", 2)
    from legation.interrupts import Interrupted, interruptible

    try:
        with interruptible():  # a Ctrl-C or kill while the archive opens: said, not a traceback or silence
            files, skipped, unreadable = _files(paths, mapping)  # before the archive is opened: an empty folder creates nothing
            if encoding is not None and not any(f.name.lower().endswith((".csv", ".csv.gz")) for f in files):
                _fail("--encoding applies to CSV files only, and none of the files named is CSV (JSON Lines and JSON are UTF-8, XML says its own encoding); leave --encoding out", 2)
            if dry_run:
                _setup_dry_run()
            else:
                _setup()
    except Interrupted as exc:
        _fail(f"interrupted ({exc}) while opening the archive: no document was read or stored. Run the same command again to ingest", 128 + exc.signal)
    report = _ingest(files, skipped, unreadable, dry_run=dry_run, batch_size=batch_size, mapping=mapping, delete_missing=delete_missing, encoding=encoding)
    if report_file is not None:
        _write_report(report, dry_run, report_file)
    _print_report(report, dry_run, report_file)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes (gunicorn).")] = 2,
    threads: Annotated[int, typer.Option(min=1, max=64, help="Threads per worker.")] = 4,
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request to standard output.")] = False,
) -> None:
    """Serve the archive's pages and API with gunicorn; the search index follows the change log while serving.

    Needs LEGATION_SECRET_KEY (or LEGATION_DEBUG=1 on a developer's machine), a host name to serve,
    a free port and an archive: refuses a data folder (or database) holding none, saying how to make
    one. Every problem is said in one run, as `legation check` says them."""
    from legation.checks import CREATE_ARCHIVE, serving_problems

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
    try:
        # a mistyped LEGATION_DATA_DIR would serve an empty site: no archive is a problem too
        problems = [*serving_problems(host), _missing_archive(CREATE_ARCHIVE)]
    except ValueError as exc:  # unusable LEGATION_* values: the others cannot be checked without them
        problems = [str(exc)]
    problems = [p for p in [*problems, _port_taken(host, port)] if p]
    if problems:
        _fail(problems[0], 1, *problems[1:])
    _setup()
    _serve(host, port, workers, threads, access_log)


def _serve(host: str, port: int, workers: int = 2, threads: int = 4, access_log: bool = False) -> None:
    from legation import serving

    host = unbracketed(host)

    def ready() -> None:  # in a worker: said once it takes requests, not before (a browser was refused)
        console.print(f"Legation is serving on [bold]http://{url_host(host)}:{port}/[/bold]  (Ctrl+C stops it)")
        console.file.flush()

    with _holding_port(host, port):
        _rebuild_if_outdated()
        gc.collect()  # release tantivy's handles and threads before gunicorn forks
        serving.run(host, port, workers=workers, threads=threads, access_log=access_log, when_ready=ready)


def _rebuild_if_outdated(out: Console | None = None) -> None:
    """Rebuild the search index from the records when an older Legation built it (its layout
    differs): searching, ingesting and following the change log would fail on it until then; or
    when it follows another archive's change log, whose documents it would show; or when it applied
    changes the change log no longer holds (a database restored from a backup).
    Opens its own index object, not the search service's cached one, and drops it (``serve``'s
    master must fork with no index open). Says so on ``out`` (standard output unless given: `search
    --json` keeps it for the JSON)."""
    from legation.search.follower import followed_by_another_process
    from legation.search.indexer import IndexInUse, SearchIndex, follows_a_rewound_log, follows_another_archive, rebuild

    index = SearchIndex()
    if index.outdated:
        with err.status("The search index was built by an older Legation; rebuilding it from the records…"):
            count = rebuild(index)
        (out or console).print(f"Rebuilt the search index, which an older Legation had built: {count:,} documents.")
    elif follows_another_archive(index):  # it would show the other archive's documents until then
        if followed_by_another_process(index):  # a node of that archive serves it: not emptied under it
            _fail(str(IndexInUse(index.path)))
        with err.status("The search index follows another archive's change log; rebuilding it from this archive's records…"):
            count = rebuild(index)
        (out or console).print(
            f"Rebuilt the search index, which followed another archive's change log (copied with a data folder, or the database changed): {count:,} documents."
        )
    elif follows_a_rewound_log(index) and not followed_by_another_process(index):  # (a running node rebuilds it itself)
        with err.status("The search index applied changes the change log no longer holds; rebuilding it from the records…"):
            count = rebuild(index)
        (out or console).print(
            f"Rebuilt the search index, which had applied changes the change log no longer holds (the database was put back "
            f"to an earlier state): {count:,} documents."
        )
    del index


def _demo_secret_key() -> None:
    """`legation demo` needs no settings: without LEGATION_SECRET_KEY it keeps a random one in
    the data folder (so sessions survive a restart)."""
    if os.environ.get("LEGATION_SECRET_KEY"):
        return
    import secrets

    from legation.config import config

    path = config().data_dir / "demo-secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    os.environ["LEGATION_SECRET_KEY"] = path.read_text().strip()
    config.cache_clear()


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    path: Annotated[Optional[Path], typer.Option(help="Folder of documents to use instead of the bundled FRUS volumes.")] = None,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Ingest only; do not start the server.")] = False,
) -> None:
    """Ingest the bundled demo archive on first run (later runs reuse it), then serve it."""
    if path is None:  # the bundled FRUS volumes: say so at the foot of every page
        os.environ.setdefault("LEGATION_SITE_CREDIT", DEMO_CREDIT)
        from legation.config import config

        config.cache_clear()
    _demo_secret_key()
    _setup()
    from legation.config import config
    from legation.records.models import Document

    if not no_serve:
        from legation.checks import debug_error, is_loopback

        if not is_loopback(host) and (refused := debug_error(config())) is not None:  # as serve refuses it
            _fail(f"{refused.msg} {refused.hint}")
        _check_port_free(host, port)
    done = config().data_dir / DEMO_DONE_FILE
    if done.exists() and _demo_readers(done) >= DEMO_READERS:
        console.print(f"Reusing the archive already ingested ({Document.objects.count():,} documents).")
        _load_authorities(DEMO_DIR / DEMO_AUTHORITIES)  # quick when nothing changed; brings new names
    else:
        if done.exists():
            console.print(
                "The archive was ingested by an earlier Legation, whose readers kept less of the demo's files (each FRUS document's "
                "printed pages); ingesting them again: documents are updated in place, corrections made in the admin kept."
            )
        elif Document.objects.exists():
            console.print("The last demo ingest did not finish; resuming it (documents already stored stay unchanged).")
        report = _ingest(*_files([path or DEMO_DIR / "frus"]))
        _print_report(report, False)
        if report.failed:
            _fail("the demo archive did not ingest completely; see the failures above")
        _load_authorities(DEMO_DIR / DEMO_AUTHORITIES)
        done.write_text(f"{len(report.added) + len(report.updated) + len(report.unchanged)} documents\nreaders {DEMO_READERS}\n", encoding="utf-8")
    if not no_serve:
        _serve(host, port)


def _demo_readers(done: Path) -> int:
    """The :data:`DEMO_READERS` the demo archive was ingested with, as its ``done`` file says
    (``readers 2``); 1 for a file written before the line was (``4915 documents``) or unreadable."""
    try:
        found = re.search(r"^readers (\d+)$", done.read_text(encoding="utf-8"), re.M)
    except (OSError, UnicodeDecodeError):
        return 1
    return int(found.group(1)) if found else 1


def _load_authorities(path: Path, report_file: Path | None = None) -> None:
    """Load an authority file and index what it changed. A file with bad lines fails the command
    (exit 1) listing the first :data:`SHOWN` of them, file and line each, and counting the rest;
    ``report_file`` gets the whole report (:func:`_write_authority_report`), every bad line in it."""
    from legation.errors import IngestError
    from legation.records.authorities import AuthorityFileError, load_authorities
    from legation.search.follower import follow_once

    _rebuild_if_outdated()

    try:
        report = load_authorities(path)
    except AuthorityFileError as exc:
        if report_file is not None:
            _write_authority_report(report_file, path, None, exc.problems)
        for problem in exc.problems[:SHOWN]:
            err.print(f"[red]bad line[/red] {escape(str(problem))}", highlight=False, soft_wrap=True)
        if len(exc.problems) > SHOWN:
            err.print(f"… and {len(exc.problems) - SHOWN:,} more bad lines ({_rest(report_file)})", highlight=False, soft_wrap=True)
        count = f"{len(exc.problems):,} bad line{'s' if len(exc.problems) > 1 else ''}"
        _fail(f"{path}: {count}, nothing was loaded; fix {'them' if len(exc.problems) > 1 else 'it'} and load the file again")
    except IngestError as exc:
        _authority_file_failed(path, report_file, exc)
    follow_once()
    if report_file is not None:
        _write_authority_report(report_file, path, report, [])
    console.print(
        f"Authority records from {path.name}: {report.created:,} created, {report.extended:,} given new names, "
        f"{report.names_added:,} names added, {report.merged:,} merged into others (agents by same_as, places by their other names), "
        f"{len(report.documents_touched):,} documents re-indexed.",
        soft_wrap=True,  # one line, wrapped by the terminal where it must, not cut at 80 columns mid-sentence
    )


def _authority_file_failed(path: Path, report_file: Path | None, exc: Exception) -> None:
    """Fail the command for an authority file that cannot be read at all, in the report too."""
    if report_file is not None:
        _write_authority_report(report_file, path, None, [], error=str(exc))
    _fail(str(exc))


def _write_authority_report(path: Path, source: Path, report, problems: list, error: str = "") -> None:
    """Write what ``legation authorities`` did as one JSON object, as :func:`_write_report` does
    for an ingest::

        {"file": "people.jsonl", "loaded": true,
         "counts": {"created": 2, "extended": 0, "names_added": 3, "merged": 1, "documents_reindexed": 4, "bad_lines": 0},
         "documents_reindexed": ["id", …], "bad_lines": [{"where": "people.jsonl, line 3", "reason": "…"}, …], "error": ""}

    ``report`` is None when nothing was loaded; ``problems`` (:class:`IngestError`) are the bad
    lines, all of them; ``error`` why the file could not be read at all ("" when it could)."""
    touched = report.documents_touched if report else []
    counts = {
        "created": report.created if report else 0, "extended": report.extended if report else 0,
        "names_added": report.names_added if report else 0, "merged": report.merged if report else 0,
        "documents_reindexed": len(touched), "bad_lines": len(problems),
    }  # fmt: skip
    bad = [{"where": f"{p.path}, {p.location}" if p.location else p.path, "reason": p.message} for p in problems]
    data = {"file": str(source), "loaded": report is not None, "counts": counts, "documents_reindexed": touched, "bad_lines": bad, "error": error}
    _write_json(path, data, "the authority records are loaded" if report is not None else "nothing was loaded")


@app.command()
def authorities(
    path: Annotated[Path, typer.Argument(help="JSON Lines of people, organizations and places with their variant names.")],
    report_file: Annotated[Optional[Path], typer.Option("--report", help="Also write the whole report as JSON to this file: the counts, every document re-indexed and every bad line (the screen shows the first 50).")] = None,
) -> None:
    """Load authority records (names and their variants, e.g. Chou En-lai = Zhou Enlai) that search uses.

    Like ingest, makes the archive when there is none yet (authority records may come before the
    documents that name them); a file that does not exist makes none."""
    _check_report_file(report_file, [path])
    _configure()
    from legation.errors import IngestError
    from legation.records.authorities import check_authority_file

    try:
        check_authority_file(path)  # before the archive is opened: a mistyped name creates nothing
    except IngestError as exc:
        _authority_file_failed(path, report_file, exc)
    _setup()
    _load_authorities(path, report_file)


class _QueryCommand(typer.core.TyperCommand):
    """A command whose argument is a search query: a query that begins with a dash (``-Mao``, an
    exclusion), which the command line would read as an option it does not know ("No such option:
    -M"), is refused with a message saying how to give it: after ``--``."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
        known = {name for param in self.params for name in (*param.opts, *param.secondary_opts)}
        for arg in args:
            if arg == "--":
                break
            if arg.startswith("-") and not arg.startswith("--") and len(arg) > 1 and arg.split("=")[0] not in known:
                raise typer.BadParameter(
                    f"{arg!r} was read as an option. To search for a query that begins with a dash, put -- before it: "
                    f"legation {ctx.info_name} -- {shlex.quote(arg)}",
                    ctx=ctx,
                )
        return super().parse_args(ctx, args)


@app.command(cls=_QueryCommand)
def search(
    query: Annotated[str, typer.Argument(help='Query, e.g. \'Zhou Enlai treaty Moscow\' or \'"Port Arthur" date:1949..1951\'.')] = "",
    page: Annotated[int, typer.Option(min=1)] = 1,
    page_size: Annotated[int, typer.Option(min=1, max=100)] = 10,
    sort: Annotated[str, typer.Option(help="relevance, date_asc or date_desc.")] = "relevance",
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON (the API's shape).")] = False,
) -> None:
    """Search the archive from the command line; warns when the search index is not in step with the
    records (an ingest interrupted or running), and rebuilds an index an older Legation built."""
    # the warning: legation.checks.index_checks, the rule of `legation check`
    _setup_existing()
    _rebuild_if_outdated(err if as_json else console)
    from django.core.checks import WARNING

    from legation.checks import index_checks
    from legation.errors import InvalidQuery
    from legation.search.service import SearchRequest
    from legation.search.service import search as run_search

    for problem in index_checks():
        if problem.level >= WARNING:  # behind (W004) too
            err.print(f"[yellow]warning[/yellow] {escape(problem.msg)} The results may leave documents out: {escape(problem.hint or '')}", highlight=False, soft_wrap=True)
    try:
        result = run_search(SearchRequest(q=query, page=page, page_size=page_size, sort=sort))
    except InvalidQuery as exc:
        _fail(str(exc), 2)
    result.notice = result.notice_asking(f"--page {result.last_page}")
    if as_json:
        from legation.api.schemas import search_result_json

        console.print_json(search_result_json(result).decode())
        return
    if result.notice:
        console.print(f"[yellow]{escape(result.notice)}[/yellow]", highlight=False, soft_wrap=True)
    if result.total == 0:
        console.print("Results: 0")
        from legation.config import config
        from legation.records.models import Document

        if not Document.objects.exists():
            err.print(
                f"The archive in {config().data_dir} is empty: ingest files with `legation ingest PATH`, "
                "or set LEGATION_DATA_DIR to the folder of an existing archive."
            )
        return
    if result.past_end:  # said in the notice above, as the search page says it
        console.print(f"Results: {result.total:,}")
        return
    console.print(f"Results: {result.start:,} - {result.end:,} of {result.total:,}")  # as the search page writes them
    for hit in result.hits:
        console.print(f"\n[bold]{escape(hit.title)}[/bold]  [dim]{escape(hit.identifier)}[/dim]", highlight=False)
        console.print(escape(" · ".join(filter(None, [hit.date_display, hit.document_type or "Document", hit.pages_cited]))), highlight=False)
        if hit.summary:
            console.print(hit.summary, highlight=False, markup=False)


def _unreadable_text(error: Exception, left: str) -> str:
    """The failure of an export that met text of an SQLite archive in bytes that are no UTF-8
    (:func:`legation.records.undecodable.undecodable_values`): each value named, with the statement
    that corrects it; ``left``: what the export left. Raises ``error`` again when it is another."""
    from legation.records.undecodable import undecodable_values

    if not (found := undecodable_values(error)):
        raise error
    shown = numbered_first([f"{row}: {problem}. {remedy}" for row, problem, remedy in found])
    return (
        f"cannot export: {len(found):,} value{'s' * (len(found) > 1)} of the archive {'are' if len(found) > 1 else 'is'} no UTF-8 "
        f"text, which another program wrote into it and the admin cannot show; {left}. Correct each, then run the export "
        f"again: {shown}"
    )


@app.command()
def export(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write, ending in .jsonl, .jsonl.gz, .csv or .csv.gz; standard output when omitted or -.")] = None,
    fmt: Annotated[Optional[str], typer.Option(
        "--format",
        help="jsonl: Legation JSON Lines, every field; ingest reproduces each document exactly. "
        "csv: a spreadsheet table (UTF-8 with BOM) of identifier, title, type, date, date text, sender, recipient, "
        "mentioned, place, summary, subject, collection, pages, language, classification, source, repository, rights, credit, "
        "url, relation and the first text; "
        "it leaves out agents' keys, kinds and further names, collection keys, every other text, text languages "
        "and footnotes, which ingesting the table into the same archive leaves as stored. Default: csv when --output ends in .csv or .csv.gz, else jsonl; a format the name does not fit is refused. "
        "An --output ending in .gz is written gzip-compressed.",
    )] = None,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace --output when it exists (once the export is complete); without it an existing file is refused.",
    )] = False,
) -> None:
    """Write every document as Legation JSON Lines or CSV; `legation ingest` reads either back
    (compressed too: archive.jsonl.gz, archive.csv.gz). `-o -` is standard output. An --output
    that exists is replaced only with --overwrite, and only by a complete export."""
    if output is not None and str(output) == "-":
        output = None
    fmt = _export_format(fmt, output.name if output else "")
    if output is not None and not (_exists(output.parent) and output.parent.is_dir()):  # said before the archive is looked for
        _fail(f"cannot write {output}: its folder {output.parent} does not exist; give a file in an existing, writable folder")
    if output is not None:
        _check_written_file(output, "the export", [])
        if not overwrite and os.path.lexists(output):  # the source JSON Lines an archivist had ingested was replaced without a word
            _fail(
                f"will not write the export {output}: it exists, and the export would replace it; nothing was read or "
                "changed. Give a file name that does not exist yet, or add --overwrite to replace it"
            )
    _setup_existing()
    from django.db import DatabaseError

    from legation.records.document_record import RecordError
    from legation.records.serialize import load_records

    if fmt == "csv":
        from legation.ingest.readers.csv_export import write_csv as write
    else:
        from legation.ingest.readers.jsonl import write_jsonl as write
    if output is None:
        sys.stdout.reconfigure(encoding="utf-8", newline="")  # the same bytes as a file, on every platform
        try:
            count = write(load_records(), sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped (`| head`): the rest is not wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's own advice: nothing more to flush at exit
            raise SystemExit(1) from None
        except OSError as exc:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            _fail(f"cannot write to standard output: {exc.strerror or exc}; the export is incomplete. Give --output FILE on a disk with room for it")
        except RecordError as exc:  # a record stored unreadable (footnotes written by SQL): named, with what to do
            _fail(f"cannot export {exc}; the export is incomplete")
        except DatabaseError as exc:
            _fail(_unreadable_text(exc, "the export is incomplete"))
    else:
        from legation.interrupts import Interrupted, interruptible

        # Written beside it under another name and moved into place when complete, so that a failure,
        # Ctrl-C or kill halfway leaves a file of that name as it was (an earlier export), never cut
        # off, and no partial file (a kill left it: a fresh user).
        partial = output.with_name(f".{output.name}.partial-{os.getpid()}")

        def kept() -> str:  # what a failed export left where it was to go
            return f"{output} was left as it was" if _exists(output) else "nothing was written"

        try:
            try:
                with interruptible(), _open_output(partial, output.name) as handle:
                    count = write(load_records(), handle)
                _move_into_place(partial, output, overwrite)
            finally:
                with suppress(OSError):  # a folder this user cannot enter: nothing to remove
                    partial.unlink(missing_ok=True)
        except FileExistsError:
            _fail(
                f"cannot write the export {output}: a file of that name was made while it was written, and was left as it "
                "was. Run the export again with a file name that does not exist yet, or with --overwrite to replace it"
            )
        except Interrupted as exc:
            _fail(f"interrupted ({exc}): the export is incomplete and {kept()}. Run the same command again to export", 128 + exc.signal)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}; {kept()}. Give a file in a writable folder with room for the export")
        except RecordError as exc:
            _fail(f"cannot export {exc}; {kept()}")
        except DatabaseError as exc:
            _fail(_unreadable_text(exc, kept()))
    err.print(f"Exported {documents(count)}.")


def _move_into_place(partial: Path, path: Path, overwrite: bool) -> None:
    """Give the complete file ``partial`` the name ``path`` in one step (a reader sees the file
    before or after, never part of it): replacing a file there only when ``overwrite``, else
    raising FileExistsError when one is there, as one made while the export ran (a hard link
    cannot replace; a file system without hard links is checked just before). ``partial`` is
    left for the caller to remove. Raises OSError when the file cannot be moved."""
    if overwrite:
        os.replace(partial, path)
        return
    try:
        os.link(partial, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links there (FAT, some network shares)
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(partial, path)


def _exists(path: Path) -> bool:
    """Whether ``path`` exists, False too when this user may not look (``Path.exists`` raises then)."""
    try:
        return path.exists()
    except OSError:
        return False


EXPORT_SUFFIXES = {"jsonl": (".jsonl", ".jsonl.gz"), "csv": (".csv", ".csv.gz")}


def _export_format(fmt: str | None, name: str) -> str:
    """The format `legation export` writes: ``fmt`` (--format), else the one the output file's
    ``name`` ends in (jsonl when there is no file). Fails the command (exit 2) for a format it does
    not write, and for a name ingest would not read back as that format (archive.xml would be read
    as TEI): nothing is written."""
    if fmt is not None and fmt.lower() not in EXPORT_SUFFIXES:
        _fail("--format takes jsonl or csv", 2)
    if not name:
        return (fmt or "jsonl").lower()
    named = next((f for f, suffixes in EXPORT_SUFFIXES.items() if name.lower().endswith(suffixes)), None)
    if named is None:
        _fail(
            f"{name!r} does not end in a suffix export writes: .jsonl or .jsonl.gz (JSON Lines), .csv or .csv.gz (CSV), "
            "which ingest reads back by that suffix; give --output such a name (the format follows it), or leave out "
            "--output (or give -o -) to write to standard output (--format jsonl or csv)",
            2,
        )
    if fmt is not None and fmt.lower() != named:
        _fail(f"--format {fmt} does not fit {name!r}, which ingest would read as {named}; name the file "
              f"{' or '.join(EXPORT_SUFFIXES[fmt.lower()])}, or leave out --format", 2)
    return named


@contextmanager
def _open_output(path: Path, name: str):
    """A UTF-8 text handle (``newline=""``: the writer's line ends as given) on ``path``, for a file
    to be called ``name`` (``path`` is where it is written first): when ``name`` ends in ``.gz``, a
    gzip stream (RFC 1952) naming ``name`` without ``.gz`` in its header and holding no time stamp,
    so exporting the same archive twice to the same name gives the same bytes. Raises OSError when
    ``path`` cannot be created."""
    if not name.lower().endswith(".gz"):
        with path.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        return
    import gzip
    import io

    with path.open("wb") as raw, gzip.GzipFile(filename=name, mode="wb", fileobj=raw, mtime=0) as packed:
        with io.TextIOWrapper(packed, encoding="utf-8", newline="") as handle:
            yield handle


@app.command()
def reindex() -> None:
    """Rebuild the search index from the stored records alone."""
    _setup_existing()
    from legation.records.document_record import RecordError
    from legation.search.indexer import IndexWriteFailed, rebuild
    from legation.search.service import default_index

    try:
        with err.status("Rebuilding the search index…"):
            count = rebuild(default_index())
    except IndexWriteFailed as exc:  # a full disk: searches still see the index as it was (one commit at the end)
        step = "free space on that disk" if exc.disk_full else "make room on its disk or make the folder writable"
        _fail(f"{exc}: the records are unchanged, and searches see the index as it was; {step}, then run `legation reindex` again")
    except RecordError as exc:  # a record stored unreadable: named, with what to do
        _fail(f"cannot index {exc}; searches see the index as it was. Then run `legation reindex` again")
    console.print(f"Indexed {count:,} documents.")


@app.command()
def check(
    fail_level: Annotated[str, typer.Option(help="Fail on messages of this level or worse: ERROR or WARNING.")] = "ERROR",
) -> None:
    """Check a deployment: Django's deployment checks, the database (reachable, migrated), the
    search index (in step with the change log) and the settings; exits non-zero on a problem."""
    if fail_level.upper() not in ("ERROR", "WARNING"):
        _fail("--fail-level takes ERROR or WARNING", 2)
    _configure()  # creates nothing: a folder holding no archive is one of the problems listed (legation.E007)
    from legation.checks import LEVELS, format_message, run_checks
    from legation.config import config

    if not config().database["ENGINE"].endswith("postgresql"):
        # opening a file SQLite reads made it a WAL database, and E003 then said to migrate Legation's
        # tables into another program's (a fresh user): such a file is said as every command says it
        path = Path(config().database["NAME"])
        if foreign := _another_programs(path):
            _fail(foreign)
        if path.exists() and _sqlite_tables(path) == frozenset():
            _fail(_missing_archive())

    messages, passed = run_checks(fail_level=fail_level.upper())
    for message in messages:
        (console if passed else err).print(format_message(message), highlight=False, markup=False, soft_wrap=True)
    if not passed:
        failing = sum(m.level >= LEVELS[fail_level.upper()] for m in messages)
        err.print(f"legation check: {failing} problem{'s' if failing != 1 else ''} found, each above with what to do.", highlight=False)
        raise typer.Exit(1)
    from django.core.checks import WARNING

    if any(m.level >= WARNING for m in messages):
        console.print("legation check: no errors; read the warnings above before serving.")
    else:
        console.print("legation check: ready to serve.")


@app.command("copy-archive")
def copy_archive(
    to: Annotated[str, typer.Option("--to", help="Target record store: postgresql://user:pass@host:port/name or sqlite:///path.")],
) -> None:
    """Copy every document to another (empty) record store, e.g. SQLite to PostgreSQL, in one
    transaction, and verify the copy by comparing the two stores' exports.

    Each document keeps what its source last gave, so corrections made in the admin stay
    corrections in the copy: ingesting the source there again keeps them and reports conflicts,
    as here."""
    _setup_existing()
    from legation.copying import copy_archive as run_copy
    from legation.errors import LegationError

    from legation.copying import CopyInterrupted

    try:
        with err.status("Copying the archive…"):
            report = run_copy(to)
    except CopyInterrupted as exc:
        _fail(str(exc), 128 + exc.signal)
    except LegationError as exc:
        _fail(str(exc))
    console.print(
        f"Copied {report.said()}; the target's export equals this archive's, with what each document "
        f"last ingested ({report.export_bytes:,} bytes)."
    )


@app.command("copy-archive-store", hidden=True)
def copy_archive_store(path: Annotated[Path, typer.Argument(help="Copy lines written by copy-archive.")]) -> None:
    """copy-archive's step in the target: store its copy lines, digests included, in one transaction."""
    _setup()
    from legation.copying import store_copy
    from legation.errors import LegationError

    try:
        store_copy(path)
    except LegationError as exc:
        _fail(str(exc))


@app.command("copy-archive-export", hidden=True)
def copy_archive_export(path: Annotated[Path, typer.Argument(help="File to write.")]) -> None:
    """copy-archive's check in the target: write its copy lines, to compare with the source's."""
    _setup()
    from legation.copying import write_copy

    with path.open("w", encoding="utf-8") as handle:
        write_copy(handle)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `legation manage createsuperuser`."""
    # `manage migrate` migrates itself, saying what it applied; migrated first, it said "No migrations to apply."
    migrating = ctx.args[:1] == ["migrate"]
    _setup(migrate=not migrating)
    if migrating:
        _openable()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["legation manage", *ctx.args])


def main() -> None:
    """Entry point of the ``legation`` script and of ``python -m legation``: a :class:`LegationError`
    no command turned into its own message (an index folder that cannot be made, one another
    archive's node follows) ends the run with its message and what to do, not a traceback."""
    from legation.errors import LegationError

    try:
        app(prog_name="legation")
    except LegationError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise SystemExit(1) from None
