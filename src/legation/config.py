"""Legation's deployment settings: one declaration per ``LEGATION_*`` environment variable.

Each :class:`Setting` names its variable, default and help; :func:`config` reads them once into a
:class:`Config`. Nothing else in Legation reads the environment.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default (as text) and what it does."""

    env: str
    default: str
    help: str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("LEGATION_DATA_DIR", "var", "Folder for the embedded database and the search index."),
    Setting(
        "LEGATION_DATABASE_URL",
        "",
        "Record store: empty for SQLite in the data folder, or postgresql://user:pass@host:port/name.",
    ),
    Setting("LEGATION_INDEX_DIR", "", "Folder of the tantivy index; empty for <data folder>/index."),
    Setting("LEGATION_DEBUG", "0", "1 shows Django's debug pages; never in production."),
    Setting(
        "LEGATION_SECRET_KEY",
        "",
        "Django secret key, the same on every web node; `legation serve` requires it unless LEGATION_DEBUG=1 "
        "(`legation demo` keeps one in the data folder).",
        secret=True,
    ),
    Setting("LEGATION_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver", "Comma-separated host names served."),
    Setting(
        "LEGATION_SEARCH_CACHE_SECONDS",
        "300",
        "How long each web process keeps a search page or API answer for the same request, 0 to turn it off. "
        "Every commit to the search index starts afresh, so an answer is never older than the index.",
    ),
    Setting(
        "LEGATION_HTTPS",
        "0",
        "1 when users reach Legation over HTTPS (through a proxy that sets X-Forwarded-Proto): secure cookies, "
        "redirect to HTTPS, HSTS.",
    ),
    Setting(
        "LEGATION_SITE_CREDIT",
        "",
        "A line of plain text at the foot of every page: where the archive's documents come from and their licence.",
    ),
)


@dataclass(frozen=True)
class Config:
    """The values of :data:`SETTINGS` after reading the environment."""

    data_dir: Path
    index_dir: Path
    database: dict[str, Any]
    debug: bool
    secret_key: str
    allowed_hosts: list[str]
    secret_key_given: bool = False
    https: bool = False
    search_cache_seconds: int = 300
    site_credit: str = ""


def _get(name: str) -> str:
    """The variable's value; unset or empty gives the default (``LEGATION_DATA_DIR=`` must not put
    the archive in the current folder)."""
    setting = next(s for s in SETTINGS if s.env == name)
    return os.environ.get(name) or setting.default


SQLITE_BUSY_TIMEOUT_SECONDS = 20
# Write-ahead logging: readers (web requests, the follower) never wait for a writer (an ingest,
# the indexer thread), nor a writer for them. Writers take the write lock when their transaction
# begins (IMMEDIATE), so one that has to wait does so for up to the busy timeout, instead of failing
# at once with "database is locked" when it would upgrade a read lock another writer beat it to.
SQLITE_OPTIONS: dict[str, Any] = {
    "init_command": "PRAGMA journal_mode=WAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
}


def _sqlite(path: Path) -> dict[str, Any]:
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": dict(SQLITE_OPTIONS)}


PG_CONNECT_TIMEOUT_SECONDS = 10
"""How long a connection to PostgreSQL may take before it fails (libpq's ``connect_timeout``), when
the address gives none: libpq waits for the system's TCP timeout otherwise, and ``legation check``
took 2 min 12 s to say that a server accepting connections but never answering could not be reached."""


def masked_url(url: str) -> str:
    """``url`` with its password, if any, as ``***``: an address is said in messages and logs so
    (``postgresql://u:***@host/db``)."""
    head, at, tail = url.rpartition("@")
    if not at or "://" not in head:
        return url
    scheme, _, user = head.partition("://")
    return f"{scheme}://{user.split(':', 1)[0]}:***@{tail}" if ":" in user else url


def _libpq_parameters(url: str, query: str) -> dict[str, str]:
    """The connection parameters of a PostgreSQL address's query string (``sslmode=require``),
    given to libpq as they are, with :data:`PG_CONNECT_TIMEOUT_SECONDS` unless it names a timeout.
    They were dropped: ``?sslmode=require`` connected in plain text. Raises ValueError for a
    parameter libpq does not know, or one given twice."""
    from urllib.parse import parse_qsl

    import psycopg

    pairs = parse_qsl(query, keep_blank_values=True)
    names = [name for name, _ in pairs]
    if twice := sorted({name for name in names if names.count(name) > 1}):
        raise ValueError(f"LEGATION_DATABASE_URL {masked_url(url)!r} gives {', '.join(twice)} more than once; give each parameter once")
    parameters = {"connect_timeout": str(PG_CONNECT_TIMEOUT_SECONDS), **dict(pairs)}
    try:
        psycopg.conninfo.make_conninfo("", **parameters)  # libpq's own reading: an unknown name is refused
    except psycopg.ProgrammingError as exc:
        raise ValueError(
            f"LEGATION_DATABASE_URL {masked_url(url)!r}: {str(exc).strip()}; give only PostgreSQL's connection parameters "
            "after ? (sslmode, sslrootcert, connect_timeout, application_name …: PostgreSQL's manual, Connection Strings)"
        ) from None
    return parameters


def database_from_url(url: str, data_dir: Path) -> dict[str, Any]:
    """Django ``DATABASES['default']`` for a ``LEGATION_DATABASE_URL``.

    ``""`` gives SQLite at ``<data_dir>/legation.sqlite3``; ``sqlite:///path`` a SQLite file, with
    :data:`SQLITE_OPTIONS`; ``postgresql://user:password@host:port/name?param=value&…`` PostgreSQL
    through psycopg 3, the parameters libpq's connection parameters (``sslmode=verify-full``,
    ``sslrootcert=…``, ``connect_timeout=5``, ``application_name=…``: PostgreSQL's manual, "Connection
    Strings", §34.1.1–2), ``connect_timeout`` :data:`PG_CONNECT_TIMEOUT_SECONDS` unless given.
    Raises ValueError for any other scheme, an address that cannot be read (a port that is no
    number, a raw ``/`` or ``@`` in the password), a SQLite address with a host, no path or anything
    after its path, a PostgreSQL address naming no database, and a parameter libpq does not know.
    The address is shown in messages with its password masked.
    """
    if not url:
        return _sqlite(data_dir / "legation.sqlite3")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - read here, so that a bad one is said with what to write
    except ValueError:  # Python's words ("Port could not be cast to integer value as 'x'") may repeat a password cut at a raw /
        raise ValueError(
            f"LEGATION_DATABASE_URL {masked_url(url)!r} cannot be read: its port is no number from 0 to 65535, its [IPv6 address] "
            "is not closed, or a character of the user name or password needs percent-encoding; write "
            "postgresql://user:password@host:port/name, with / @ : # ? in the user name and password as %2F %40 %3A %23 %3F"
        ) from None
    if parts.scheme == "sqlite":
        # sqlite://data/x.sqlite3 read "data" as a host and wrote /x.sqlite3; sqlite:// named no file;
        # ?mode=ro was dropped and the file written
        if parts.netloc or not parts.path.strip("/"):
            wrong = f"reads {parts.netloc!r} as a host, which a SQLite address has not" if parts.netloc else "names no file"
            raise ValueError(
                f"LEGATION_DATABASE_URL {url!r} {wrong}; write sqlite:/// and the file's absolute path, three slashes in all: "
                "sqlite:///srv/archive/legation.sqlite3"
            )
        if parts.query or parts.fragment:
            raise ValueError(f"LEGATION_DATABASE_URL {url!r}: what follows the path ({'?' + parts.query if parts.query else '#' + parts.fragment}) is not read; leave it out")
        # three slashes or four (SQLAlchemy's absolute form) before an absolute path, one path: /srv/x.sqlite3
        path = Path("/" + unquote(parts.path).lstrip("/"))
        if path.parent == Path("/"):  # sqlite:///legation.sqlite3, a relative path in SQLAlchemy's reading, wrote /legation.sqlite3
            raise ValueError(
                f"LEGATION_DATABASE_URL {url!r} names {path}, a file in the root folder; write sqlite:/// and the file's "
                "absolute path (sqlite:///srv/archive/legation.sqlite3): a path relative to the current folder is not read"
            )
        return _sqlite(path)
    if parts.scheme in ("postgres", "postgresql"):
        if not unquote(parts.path.lstrip("/")):  # Django: "settings.DATABASES is improperly configured … the NAME or OPTIONS['service'] value."
            raise ValueError(f"LEGATION_DATABASE_URL {masked_url(url)!r} names no database; write postgresql://user:password@host:port/name")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": _libpq_parameters(url, parts.query),
        }
    raise ValueError(
        f"LEGATION_DATABASE_URL has the scheme {parts.scheme!r}; use postgresql://… or leave it empty for SQLite."
    )


@lru_cache(maxsize=1)
def config() -> Config:
    """Read every ``LEGATION_*`` variable once. Raises ValueError naming every unusable value, so
    that one run says all there is to fix."""
    data_dir = Path(_get("LEGATION_DATA_DIR")).expanduser().resolve()
    index_dir = Path(_get("LEGATION_INDEX_DIR") or data_dir / "index").expanduser().resolve()
    problems: list[str] = []
    try:
        database = database_from_url(_get("LEGATION_DATABASE_URL"), data_dir)
    except ValueError as exc:
        problems.append(str(exc))
    try:
        search_cache_seconds = _non_negative_int("LEGATION_SEARCH_CACHE_SECONDS")
    except ValueError as exc:
        problems.append(str(exc))
    switches: dict[str, bool] = {}
    for name in ("LEGATION_DEBUG", "LEGATION_HTTPS"):
        try:
            switches[name] = _switch(name)
        except ValueError as exc:
            problems.append(str(exc))
    if problems:
        raise ValueError(" ".join(problems))
    return Config(
        data_dir=data_dir,
        index_dir=index_dir,
        database=database,
        debug=switches["LEGATION_DEBUG"],
        secret_key=_get("LEGATION_SECRET_KEY") or secrets.token_urlsafe(50),
        allowed_hosts=[h.strip() for h in _get("LEGATION_ALLOWED_HOSTS").split(",") if h.strip()],
        secret_key_given=bool(_get("LEGATION_SECRET_KEY")),
        https=switches["LEGATION_HTTPS"],
        search_cache_seconds=search_cache_seconds,
        site_credit=" ".join(_get("LEGATION_SITE_CREDIT").split()),
    )


_ON, _OFF = frozenset({"1", "true", "yes", "on"}), frozenset({"0", "false", "no", "off", ""})


def _switch(name: str) -> bool:
    """A setting that is on or off: ``1`` (or ``true``, ``yes``, ``on``, in any case) or ``0`` (``false``,
    ``no``, ``off``, empty). Raises ValueError naming any other value: ``LEGATION_HTTPS=true`` was read
    as off, so a site behind HTTPS served without secure cookies, without a word."""
    value = _get(name).strip().lower()
    if value in _ON or value in _OFF:
        return value in _ON
    raise ValueError(f"{name} is {_get(name)!r}; give 1 (on) or 0 (off).")


def _non_negative_int(name: str) -> int:
    value = _get(name)
    if not value.isdigit():
        raise ValueError(f"{name} is {value!r}; give a whole number of seconds (0 or more).")
    return int(value)
