"""``legation check``: is this node ready to serve?

Runs Django's system checks with the deployment checks (``manage.py check --deploy``), then
Legation's own, each a Django :class:`~django.core.checks.CheckMessage` with an id and a hint:

- ``legation.E001`` no LEGATION_SECRET_KEY outside debug mode (``legation.W001`` only, for an
  archive that `legation demo` serves with the key it keeps in the data folder);
- ``legation.E008`` LEGATION_ALLOWED_HOSTS naming no host, or a value no host matches;
  ``legation.W003`` one accepting any host (``*``);
- ``legation.E012`` Django's debug mode on (LEGATION_DEBUG=1), which `legation serve` also refuses
  on an address other than loopback;
- ``legation.E007`` no SQLite archive where the settings point (no data folder, or no database
  file in it): the database and index checks are then left out, as connecting would create an
  empty file;
- ``legation.E002`` the database cannot be reached;
- ``legation.E003`` migrations not applied;
- ``legation.W002`` a PostgreSQL role lacking a right Legation uses on its tables: one that may read
  them but not write them searches, but cannot ingest, change records in the admin or sign in (a
  node that only serves searches may run so on purpose: a warning, not an error);
- ``legation.E004`` no search index, ``legation.E005`` an index of another layout,
  ``legation.W004`` the index behind the change log (last applied seq below the newest seq: a
  warning, as `legation serve` catches up by itself),
  ``legation.E013`` a search index folder this user cannot write (read-only, or no right to),
  ``legation.E010`` an index following another archive's change log (copied with a data folder,
  or kept by a node pointed at another database), ``legation.E011`` an index that applied changes
  the change log no longer holds (the database restored from an earlier backup).

Every problem found is listed in one run: a check that another one's failure makes meaningless
(the index's, on a database not migrated) is left out, no other.

Nothing is changed: no migration, no data or index folder created. `legation serve` refuses to
start on the same errors of the settings (:func:`serving_problems`), in the same words.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
from pathlib import Path

from django.core import checks
from django.core.checks import CheckMessage, Error, Info
from django.db import DatabaseError

from legation.errors import first_line

LEVELS = {"ERROR": checks.ERROR, "WARNING": checks.WARNING}


def _where(database: dict) -> str:
    if database["ENGINE"].endswith("sqlite3"):
        return f"SQLite database {database['NAME']}"
    options = database.get("OPTIONS") or {}
    host = database["HOST"] or options.get("host") or "localhost"
    return f"PostgreSQL database {database['NAME']!r} on {host}:{database['PORT'] or options.get('port') or 5432}"


SECRET_KEY_VALUE = (
    "set LEGATION_SECRET_KEY to a long random value, the same on every web node: "
    "export LEGATION_SECRET_KEY=\"$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\""
)
"""How to set the secret key: the advice of every message that finds none."""


MIN_SECRET_KEY_CHARS = 50  # and 5 different characters: Django's own rule for a strong key (security.W009)


def _repeated(key: str) -> str:
    """The shorter text ``key`` repeats (``"changeme"`` of ``"changeme" * 7``, the end cut or not),
    "" when it repeats none: a key typed as a word said again, long enough for Django's rule."""
    for size in range(1, len(key) // 2 + 1):
        if (key[:size] * (len(key) // size + 1))[: len(key)] == key:
            return key[:size]
    return ""


def _secret_key_error(cfg) -> Error | None:
    """``legation.E001`` when ``cfg`` has no secret key outside debug mode, ``legation.E009`` when
    its key is one anyone may guess (fewer than :data:`MIN_SECRET_KEY_CHARS` characters or 5
    different ones, Django's rule; blank, ``abc``: `legation serve` started with either; or a
    shorter text repeated, ``changeme`` seven times), else None."""
    if cfg.debug:
        return None
    if cfg.secret_key_given:
        key = cfg.secret_key
        repeats = _repeated(key)
        if len(key) >= MIN_SECRET_KEY_CHARS and len(set(key)) >= 5 and not repeats and not key.startswith("django-insecure-"):
            return None
        what = f"{repeats!r} repeated" if repeats else f"{len(key)} characters, {len(set(key))} of them different"
        return Error(
            f"LEGATION_SECRET_KEY is {what}: anyone who guesses it can forge sessions and sign-ins.",
            hint=f"Give it at least {MIN_SECRET_KEY_CHARS} random characters, the same on every web node: "
            "export LEGATION_SECRET_KEY=\"$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\".",
            id="legation.E009",
        )
    return Error(
        "LEGATION_SECRET_KEY is not set: each process would make up its own, so sessions and forms "
        "break across workers and restarts.",
        hint=f"{SECRET_KEY_VALUE[0].upper()}{SECRET_KEY_VALUE[1:]}; or set LEGATION_DEBUG=1 for development on your own "
        "machine (`legation demo` needs neither).",
        id="legation.E001",
    )


_HOST = re.compile(r"\*|\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\]", re.IGNORECASE)
"""An allowed host as Django matches one (``django.http.request.validate_host``): a name, ``.name``
for it and its subdomains, an address, ``[IPv6]``, or ``*``; never a scheme, port or path."""


def _host_advice(host: str) -> str:
    """What to write instead of ``host`` when a rule of its own explains it: a name beyond ASCII in
    its IDNA form (``bücher.example`` → ``xn--bcher-kva.example``, as the Host header carries it),
    ``*.example.org`` as ``.example.org``; ``""`` otherwise."""
    if host.startswith("*.") and _HOST.fullmatch(host[1:]):
        return f"; for every subdomain write {host[1:]}"
    if not host.isascii():
        try:
            return f"; a name beyond ASCII is written as browsers send it, {host.encode('idna').decode('ascii')}"
        except UnicodeError:
            return ""
    return ""


def _hosts_error(cfg) -> Error | None:
    """``legation.E008`` when ``cfg`` serves no host name, or names one no ``Host`` header can match
    (``http://example.org/``, ``example.org:8000``, two names with a space between): every request
    would be refused (400), and such values passed check, then refused every request with nothing
    in the server's log (a fresh user). Else None."""
    if wrong := [h for h in cfg.allowed_hosts if not _HOST.fullmatch(h)]:
        return Error(
            f"LEGATION_ALLOWED_HOSTS holds {', '.join(repr(h) for h in wrong)}, which no request can match: "
            f"it takes host names alone, without scheme, port or path{''.join(_host_advice(h) for h in wrong)}.",
            hint="Write the names users type, separated by commas, e.g. archive.example.org,localhost (.example.org for every subdomain).",
            id="legation.E008",
        )
    if cfg.allowed_hosts:
        return None
    return Error(
        "LEGATION_ALLOWED_HOSTS names no host: every request would be refused (400).",
        hint="Set it to the host names users type, separated by commas, e.g. archive.example.org,localhost.",
        id="legation.E008",
    )


def debug_error(cfg) -> Error | None:
    """``legation.E012`` when ``cfg`` turns Django's debug mode on (LEGATION_DEBUG=1): what a node
    others reach must never run with, and the deployment checks only warned of it (security.W018),
    so `legation check` passed a node serving its tracebacks and settings to anyone (a fresh
    operator). Else None."""
    if not cfg.debug:
        return None
    return Error(
        "LEGATION_DEBUG=1 turns Django's debug mode on: error pages show code, settings and tracebacks to every visitor, "
        "and no secret key is asked for.",
        hint="Unset LEGATION_DEBUG (or set it to 0) on any node others can reach; it is meant for development on 127.0.0.1.",
        id="legation.E012",
    )


def _any_host_warning(cfg) -> checks.Warning | None:
    """``legation.W003`` when ``cfg`` accepts any ``Host`` header (``*``) outside debug mode: the
    links the archive writes from it (canonical links, the sitemap) then name whatever host a
    request gives. Else None."""
    if cfg.debug or "*" not in cfg.allowed_hosts:
        return None
    return checks.Warning(
        "LEGATION_ALLOWED_HOSTS is '*': any Host header is accepted, and the links the archive writes from it "
        "(canonical links, the sitemap, robots.txt) name whatever host a request gives.",
        hint="Name the hosts users type, separated by commas, e.g. archive.example.org,localhost; behind a proxy, "
        "have it pass the Host the client asked for.",
        id="legation.W003",
    )


def _index_folder_error(cfg) -> Error | None:
    """``legation.E013`` when the search index folder of ``cfg`` (or, not made yet, the nearest
    folder above it that exists) cannot be written by this user (no right to, or a read-only file
    system): a node writes its index to follow the change log, and `legation serve` died on such
    a folder with a traceback while check passed it (a fresh operator). Else None. Changes nothing."""
    folder = Path(cfg.index_dir)
    existing = next((f for f in (folder, *folder.parents) if f.exists()), None)
    if existing is None or (existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)):
        return None
    where = f"the search index folder {folder}" if existing == folder else f"{existing}, where the search index folder {folder} is to be made"
    return Error(
        f"This user cannot write to {where} (a read-only file system, or no right to): "
        "a node must write its index to follow the change log.",
        hint="Give the user running Legation write access to it, or point LEGATION_INDEX_DIR at a folder it can write.",
        id="legation.E013",
    )


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address ``serve --host`` takes, ``::1`` bare or in brackets, or
    ``localhost``) is one only this machine reaches: 127.0.0.0/8 or ::1 (``ipaddress``' rule)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to any address
        return False


def serving_problems(host: str | None = None) -> list[str]:
    """What in the settings keeps `legation serve` from starting, each problem a sentence with what
    to do (the message and hint of `legation check`'s error): no secret key outside debug mode (also
    where `legation demo` keeps one: a warning for `legation check`, which the demo may pass), no
    host name served, debug mode on an address other machines reach (``host`` not
    :func:`is_loopback`), a search index folder this user cannot write. Empty when there is none. Raises ValueError as
    :func:`~legation.config.config` does, naming every unusable LEGATION_* value."""
    from legation.config import config

    cfg = config()
    debug = debug_error(cfg) if host is not None and not is_loopback(host) else None
    found = [_secret_key_error(cfg), _hosts_error(cfg), debug, _index_folder_error(cfg)]
    return [f"{e.msg} {e.hint}" for e in found if e is not None]


def settings_checks() -> list[CheckMessage]:
    from legation.config import config

    cfg = config()
    messages: list[CheckMessage] = []
    if not cfg.https:
        messages.append(
            Info(
                "Served over plain HTTP (LEGATION_HTTPS=0): Django's security.W004, W008, W012 and W016 below say what HTTPS would add.",
                hint="Behind an HTTPS proxy that sets X-Forwarded-Proto, set LEGATION_HTTPS=1.",
                id="legation.I004",
            )
        )
    no_key = _secret_key_error(cfg)
    if no_key is not None and no_key.id == "legation.E001" and (cfg.data_dir / "demo-secret-key").exists():
        messages.append(
            checks.Warning(
                "LEGATION_SECRET_KEY is not set: `legation serve` will refuse to start, while `legation demo` "
                "serves this archive with the key it keeps in the data folder, which is fine for the demo only.",
                hint=f"Before serving the archive to others, {SECRET_KEY_VALUE}.",
                id="legation.W001",
            )
        )
    elif no_key is not None:
        messages.append(no_key)
    no_hosts = _hosts_error(cfg)
    if no_hosts is not None:
        messages.append(no_hosts)
    return messages + [m for m in (debug_error(cfg), _any_host_warning(cfg), _index_folder_error(cfg)) if m is not None]


CREATE_ARCHIVE = (
    "create one: `legation ingest FILES` with your documents, `legation demo` for the demo archive (what `make demo` "
    "does), or `legation manage migrate` for an empty one that `legation ingest` fills while it is served"
)
"""How to make an archive where there is none: the end of every message that finds none."""


def archive_checks() -> tuple[list[CheckMessage], bool]:
    """An error when the settings point at no SQLite archive, and whether there is a database to
    check (with PostgreSQL, :func:`database_checks` tells)."""
    from legation.config import config

    cfg = config()
    if cfg.database["ENGINE"].endswith("postgresql"):
        return [], True
    path = Path(cfg.database["NAME"])
    if path.exists():
        return [], True
    folder = cfg.data_dir if path.parent == cfg.data_dir else path.parent
    why = f"no {path.name} there" if folder.is_dir() else "no such folder"
    return [
        Error(
            f"There is no archive in {folder} ({why}).",
            hint=f"Set LEGATION_DATA_DIR to the archive's folder, or {CREATE_ARCHIVE}.",
            id="legation.E007",
        )
    ], False


def database_checks() -> tuple[list[CheckMessage], bool]:
    """Messages, and whether the database could be reached."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    where = _where(connection.settings_dict)
    try:
        connection.ensure_connection()
    except Exception as exc:  # any driver error: report it, never raise
        return [
            Error(
                f"Cannot reach the {where}: {first_line(exc)}",
                hint=(
                    "Check that LEGATION_DATA_DIR (or LEGATION_DATABASE_URL, sqlite:///path) names your archive, and that "
                    "the file is the database Legation made, readable and writable; a damaged one is restored from a copy "
                    "or an export."
                    if connection.vendor == "sqlite"
                    else "Check LEGATION_DATABASE_URL (postgresql://user:password@host:port/name) and that the server is running."
                ),
                id="legation.E002",
            )
        ], False
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:  # reachable, but not readable by this role: "permission denied for table django_migrations"
        return [_unreadable(where, exc)], False
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:5]) + (" …" if len(plan) > 5 else "")
        return [
            Error(
                f"{len(plan)} migration(s) not applied to the {where}: {names}",
                hint="Run `legation manage migrate`, then `legation check` again (every legation command but check migrates on start, so migrate may say it found nothing left to apply: it has applied it).",
                id="legation.E003",
            )
        ], True
    return [Info(f"Database: the {where} is reachable and migrated.", id="legation.I001"), *_table_rights(connection)], True


RIGHTS = ("SELECT", "INSERT", "UPDATE", "DELETE")  # what searching (SELECT), ingest, the admin and signing in use on Legation's tables


def _table_rights(connection) -> list[CheckMessage]:
    """``legation.W002`` when the PostgreSQL role connected lacks one of :data:`RIGHTS` on one of
    Django's tables (``has_table_privilege``, PostgreSQL's System Information Functions, on each
    table as the role's queries find it: ``to_regclass`` through its search path), naming the
    first few; ``[]`` when it has them all, and on SQLite, where there are no roles (an archive file
    it may not write is refused when opened: see ``legation.cli``). A role with SELECT alone passed
    check, then every ingest failed (a fresh user). A question PostgreSQL refuses is no warning:
    the other checks say what is wrong."""
    if connection.vendor != "postgresql":
        return []
    tables = sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t, r FROM unnest(%s::text[]) AS t, unnest(%s::text[]) AS r "
                "WHERE to_regclass(quote_ident(t)) IS NOT NULL AND NOT has_table_privilege(to_regclass(quote_ident(t)), r) "
                "ORDER BY t, array_position(%s::text[], r)",
                [tables, list(RIGHTS), list(RIGHTS)],
            )
            missing: dict[str, list[str]] = {}
            for table, right in cursor.fetchall():
                missing.setdefault(table, []).append(right)
            cursor.execute("SELECT current_user")
            (role,) = cursor.fetchone()
    except DatabaseError:
        return []
    if not missing:
        return []
    named = "; ".join(f"{table} ({', '.join(rights)})" for table, rights in list(missing.items())[:3])
    more = f" and {len(missing) - 3} more tables" if len(missing) > 3 else ""
    which = f"all {len(tables)} of its tables" if len(missing) == len(tables) else f"{len(missing)} of its {len(tables)} tables"
    return [
        checks.Warning(
            f"The role {role} lacks rights Legation uses on {which}: {named}{more}. "
            + ("Searching and the pages reading those tables fail." if any("SELECT" in r for r in missing.values())
               else "Searching works; ingest, the admin's changes and signing in fail."),
            hint="A node that only serves searches needs SELECT alone. Otherwise connect as the role that owns Legation's "
            "tables, or GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO this role.",
            id="legation.W002",
        )
    ]


def _unreadable(where: str, exc: BaseException) -> Error:
    """``legation.E002`` for a database reached but not read (a role without rights on its tables):
    it was a traceback of 234 lines (a fresh user)."""
    return Error(
        f"Cannot read the {where}: {first_line(exc)}",
        hint="Connect as the role that owns Legation's tables, or grant this one the rights to read and write them "
        "(GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, and USAGE on its sequences).",
        id="legation.E002",
    )


def index_checks() -> list[CheckMessage]:
    from django.db.models import Max

    from legation.config import config
    from legation.records.models import ChangeLogEntry
    from legation.search import indexer, schema

    folder = config().index_dir
    newest = ChangeLogEntry.objects.aggregate(newest=Max("seq"))["newest"] or 0
    try:
        state = json.loads((folder / indexer.STATE_FILE).read_text())
    except (FileNotFoundError, ValueError):
        state = None
    if state is None or not (folder / "meta.json").exists():
        if newest == 0:
            return [Info(f"Search index: none yet in {folder}, and nothing to index.", id="legation.I002")]
        return [
            Error(
                f"There is no search index in {folder}, and the change log has {newest} entries.",
                hint="Run `legation reindex`, or start `legation serve`, which builds it from the change log.",
                id="legation.E004",
            )
        ]
    if state.get("schema") != schema.fingerprint():
        return [
            Error(
                f"The search index in {folder} was built by another version of Legation.",
                hint="Run `legation reindex` to rebuild it.",
                id="legation.E005",
            )
        ]
    last = int(state.get("last_applied_seq", 0))
    from legation.records.models import archive_key

    if indexer.another_archives(state.get("archive"), last, archive_key(), newest):
        return [
            Error(
                f"The search index in {folder} follows another archive's change log (it was copied, or the database changed), "
                f"so it holds that archive's documents and none of this one's new ones.",
                hint="Start `legation serve` (or run any `legation search`), which empties it and builds it from this archive, or run `legation reindex`.",
                id="legation.E010",
            )
        ]
    noted = state.get("last_applied_entry")
    if indexer.log_rewound(last, noted, newest, indexer.entry_mark(last) if noted is not None and last > 0 else None):
        return [
            Error(
                f"The search index in {folder} has applied changes this archive's change log no longer holds (up to seq {last}; "
                f"the log's entry there is now another or none, its newest seq {newest}): the database was put back to an earlier "
                "state, from a backup perhaps, so the index holds documents it no longer has and would skip new changes.",
                hint="Run `legation reindex`, or start `legation serve`, which empties the index and builds it from the log as it is.",
                id="legation.E011",
            )
        ]
    try:
        pending_gaps = len(json.loads((folder / indexer.GAPS_FILE).read_text()))
    except (FileNotFoundError, ValueError):
        pending_gaps = 0
    if last < newest:
        # a warning: a node stopped while others took changes is behind, and `serve` catches up by
        # itself within seconds, so an error kept check from gating a node's start (a fresh operator)
        return [
            checks.Warning(
                f"The search index in {folder} is behind the change log: applied up to seq {last}, "
                f"the newest entry is seq {newest} ({newest - last} to apply).",
                hint="`legation serve` applies them within seconds of starting (searches meanwhile say they may leave documents out); "
                "if a running one stays behind, its log says why; `legation reindex` rebuilds the index at once.",
                id="legation.W004",
            )
        ]
    waiting = f"; {pending_gaps} earlier seq(s) still awaited" if pending_gaps else ""
    return [Info(f"Search index: in step with the change log (seq {last}){waiting}.", id="legation.I003")]


def run_checks(fail_level: str = "ERROR") -> tuple[list[CheckMessage], bool]:
    """Every message (Django's deployment checks, then Legation's), and whether they pass at
    ``fail_level`` (ERROR or WARNING)."""
    messages = settings_checks()
    archive_messages, present = archive_checks()
    db_messages, reachable = database_checks() if present else ([], False)
    messages += archive_messages + db_messages
    messages += checks.run_checks(include_deployment_checks=True, databases=["default"] if reachable else None)
    if reachable and not any(m.id == "legation.E003" for m in db_messages):
        try:
            messages += index_checks()
        except DatabaseError as exc:  # the change log not readable by this role
            from django.db import connection

            messages.append(_unreadable(_where(connection.settings_dict), exc))
    messages = [m for m in messages if not m.is_silenced()]
    passed = not any(m.level >= LEVELS[fail_level] for m in messages)
    return messages, passed


def format_message(message: CheckMessage) -> str:
    label = {checks.DEBUG: "DEBUG", checks.INFO: "ok", checks.WARNING: "WARNING", checks.ERROR: "ERROR", checks.CRITICAL: "CRITICAL"}
    text = f"{label.get(message.level, message.level)} {message.id}: {message.msg}"
    if message.hint:
        text += f"\n    hint: {message.hint}"
    return text
