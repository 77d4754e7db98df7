"""``legation serve``: the archive behind gunicorn, a production WSGI server.

One master process and ``workers`` worker processes (``threads`` threads each) serve
:mod:`legation.wsgi`; WhiteNoise serves the static files, compressed, from the same processes
(collected into ``STATIC_ROOT`` at start). Every worker starts a change-log follower thread after it
has loaded the application, with the follower lock (see :mod:`legation.search.follower`), so exactly
one process at a time writes the index folder and the others see its commits; when that worker dies
or is recycled, another takes over within a round.

The master itself opens no index and closes its database connections before forking, so workers
share no connection or index handle with it.

Tail latency: each worker listens on its own socket (``reuse_port``), so the kernel spreads
connections evenly; it loads its view modules, templates, index searchers and name-variant table
before it takes requests (:func:`warm_up`), not while the first clients wait; and it then moves
every object it holds into the garbage collector's permanent generation (``gc.freeze``), as the
master does before forking. Without that, a full collection walked the 120,000-odd objects of
Django and Legation and, in a forked worker, wrote to every memory page it touched: pauses of
0.2–0.5 s under load that stalled all the worker's threads. A worker then collects its youngest
generation after :data:`YOUNG_GENERATION_THRESHOLD` new objects rather than Python's 700: an
uncached search leaves a few hundred, so the default collected the young and middle generations
every second or third request, and their walks over the answer cache and the search's caches took
about 2.5 % of a search page's CPU time (4.88 against 4.76 ms in one process, ``benchmarks/load``).
"""

from __future__ import annotations

import errno
import fcntl
import gc
import hashlib
import logging
import multiprocessing
import os
import re
import selectors
import socket
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.http.errors import (
    InvalidHeader,
    InvalidHeaderName,
    InvalidHTTPVersion,
    InvalidRequestLine,
    InvalidRequestMethod,
    InvalidResponseHeader,
    InvalidResponseHeaderName,
    LimitRequestHeaders,
    LimitRequestLine,
    ObsoleteFolding,
    ParseException,
)
from gunicorn.http.message import Request
from gunicorn.http.parser import RequestParser
from gunicorn.workers.gthread import _DEFER, TConn, ThreadWorker

from legation.web.params import MAX_HEADER_BYTES, MAX_HEADERS, MAX_REQUEST_LINE, QUERY_BOX_MAXLENGTH

log = logging.getLogger(__name__)

def warm_up() -> None:
    """Load what the first requests of a process would otherwise load while clients wait: every
    view module (through the URL conf), the page templates, the index's searchers and the
    name-variant table (one search). A search that fails (no index yet, one to rebuild) is
    logged, not raised: the pages say so to users."""
    from django.db import connections
    from django.template.loader import get_template
    from django.urls import reverse

    from legation.search.service import SearchRequest, search

    reverse("search")  # imports the URL conf and builds its reverse table
    for name in ("legation/search.html", "legation/document.html", "legation/facet.html", "legation/error.html"):
        get_template(name)
    try:
        search(SearchRequest(q="warm up"))
    except Exception as exc:  # noqa: BLE001 - a cold start must never stop a worker
        log.info("warm-up search failed: %s", exc)
    finally:
        connections.close_all()  # the request threads open their own


# Set by run() before gunicorn forks: what the first worker ready says (the address), and whether
# one has said it (shared memory, so said once however many workers start or are recycled).
_announcement: Callable[[], None] | None = None
_announced: Any = None

YOUNG_GENERATION_THRESHOLD = 10_000  # objects allocated (less those freed) between collections of a worker's youngest generation


def _post_worker_init(worker: Any) -> None:
    from legation.search import service
    from legation.search.follower import start_follower

    service._open_index.cache_clear()  # this process opens its own index
    start_follower(exclusive=True)
    warm_up()
    gc.collect()
    gc.freeze()  # what is loaded now lives as long as the worker: never walk it again
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
    _announce()


def _announce() -> None:
    """Say the address once, when the first worker takes requests: each worker opens its own
    socket (``reuse_port``), so before then a browser following the address was refused."""
    if _announcement is None or _announced is None:
        return
    with _announced.get_lock():
        if _announced.value:
            return
        _announced.value = 1
    _announcement()


# A request line going to the API: origin form (``GET /api/search?…``) or absolute form
# (``GET http://host/api/search?…``), after the one empty line RFC 9112 §2.2 allows before it.
_API_REQUEST_LINE = re.compile(rb"\s*[A-Za-z]+ +(?:[A-Za-z][A-Za-z0-9+.-]*://[^/ ]*)?/api/")
_ASKS_Q = re.compile(rb"[?&]q=")  # a request line giving the query parameter
_API_DOCUMENT_LINE = re.compile(rb"\s*[A-Za-z]+ +(?:[A-Za-z][A-Za-z0-9+.-]*://[^/ ]*)?/api/documents/")


def _answer(request_start: bytes, status: int, reason: str, api: tuple[str, str], page: tuple[str, str, str]) -> bytes:
    """An HTTP answer written before Django sees the request: in the API's JSON error shape (``api``:
    its code and message) when ``request_start`` (the first bytes of the request) asks for a path
    under ``/api/``, else a page in the site's layout (``page``: its title, message and advice)."""
    if _API_REQUEST_LINE.match(request_start):
        from legation.api.errors import json_error

        answer = json_error(status, *api)
        body, content_type = answer.content, answer["Content-Type"]
    else:
        from django.template.loader import render_to_string

        title, message, advice = page
        body = render_to_string("legation/error.html", {"status": status, "title": title, "message": message, "advice": advice}).encode()
        content_type = "text/html; charset=utf-8"
    head = f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("latin-1") + body


def too_long_answer(request_start: bytes = b"") -> bytes:
    """The HTTP answer to a request line longer than :data:`MAX_REQUEST_LINE`, instead of
    gunicorn's bare one: 414 saying what to do (:func:`_answer`)."""
    from legation.search.query import MAX_QUERY_CHARS

    if _API_DOCUMENT_LINE.match(request_start):  # a document's address: no q to shorten
        message = (
            f"The request line is longer than the server reads ({MAX_REQUEST_LINE:,} bytes, the address percent-encoded), "
            "and no document's identifier is that long: check the identifier, or find the document with /api/search. "
            "See /api/openapi.json."
        )
    elif not _ASKS_Q.search(request_start):  # no q in what was read (?_=0&_=1 … 1,500 times): "send a shorter q" misled
        message = (
            f"The request line is longer than the server reads ({MAX_REQUEST_LINE:,} bytes, the address percent-encoded): "
            "send fewer parameters, or shorter values. See /api/openapi.json."
        )
    else:
        message = (
            f"The request line is longer than the server reads ({MAX_REQUEST_LINE:,} bytes, the address percent-encoded). "
            f"Send a shorter q: at most {MAX_QUERY_CHARS:,} characters are searched, and {QUERY_BOX_MAXLENGTH:,} fit in the "
            "address in any script (a Chinese, Japanese or Korean character takes 9 bytes of it); or send fewer filters. "
            "See /api/openapi.json."
        )
    page = (
        "Address too long",
        f"This address is longer than the server reads ({MAX_REQUEST_LINE:,} bytes). A long search "
        "makes a long address, above all in Chinese, Japanese or Korean: each such character takes 9 bytes of it.",
        f"Search again with a shorter query (the search box takes up to {QUERY_BOX_MAXLENGTH:,} characters "
        "in any script) or fewer filters.",
    )
    return _answer(request_start, 414, "URI Too Long", ("uri_too_long", message), page)


# Headers gunicorn refuses to read (400): a name with a space or other character no name has, a
# Host header sent twice, a value folded onto the next line (RFC 9112 §5.2), a Content-Length
# that is no number. Not those of an
# answer (InvalidResponseHeader…): that is the application's fault, a 500.
UNREADABLE_HEADERS = (InvalidHeader, InvalidHeaderName, ObsoleteFolding)
HEADER_ADVICE = "send each header once, its name in letters, digits and dashes, its value on one line."


def unreadable_header_answer(exc: ParseException, request_start: bytes = b"") -> bytes:
    """The HTTP answer to a request whose headers gunicorn cannot read, instead of its bare HTML
    page: 400 naming what it found and what to send (:func:`_answer`)."""
    message = f"A header of the request could not be read ({exc}): {_line_ends_advice(exc, request_start) or HEADER_ADVICE}"
    page = ("Bad request", message, "Open the address in your browser again, or search the archive below.")
    return _answer(request_start, 400, "Bad Request", ("bad_request", message), page)


# Request lines gunicorn refuses to read (400): a method not in capitals, an address holding a raw
# byte beyond ASCII or none at all (``GET *``), a version other than HTTP/1.0 or 1.1.
UNREADABLE_REQUEST_LINES = (InvalidRequestLine, InvalidRequestMethod, InvalidHTTPVersion)


def unreadable_request_line_answer(exc: ParseException, request_start: bytes = b"") -> bytes:
    """The HTTP answer to a request line gunicorn cannot read, instead of its bare HTML page: 400
    naming what it found and what to send (:func:`_answer`)."""
    message = f"The request line could not be read ({_shown(exc)}): " + (
        _line_ends_advice(exc, request_start) or "send the method in capitals (GET), the address percent-encoded as UTF-8 (Mäo as M%C3%A4o), and HTTP/1.1."
    )
    page = ("Bad request", message, "Open the address in your browser again, or search the archive below.")
    return _answer(request_start, 400, "Bad Request", ("bad_request", message), page)


_BARE_LF = re.compile(rb"(?<!\r)\n")


def _line_ends_advice(exc: ParseException, request_start: bytes = b"") -> str:
    """What to do about lines ended by a bare LF, which gunicorn refuses (RFC 9112 §2.2 lets a
    server do so): said by gunicorn of a request line, seen in the bytes kept of the request for
    a header (gunicorn names only the header: "Invalid HTTP Header: 'ACCEPT'", which a fresh user
    found misleading); ``""`` for any other fault."""
    bare = "bare LF" in str(exc) or bool(_BARE_LF.search(request_start))
    return "end each line of the request and its headers with CR LF (\\r\\n), not LF alone." if bare else ""


def _shown(exc: ParseException) -> str:
    """``exc``'s message, printable and at most 100 characters (it repeats what was sent); a
    version gunicorn read but does not serve as written (``HTTP/2.0``, not ``(2, 0)``)."""
    from legation.printable import shortened

    version = getattr(exc, "version", None)
    if isinstance(exc, InvalidHTTPVersion) and isinstance(version, tuple) and len(version) == 2:
        return f"HTTP/{version[0]}.{version[1]} is a version this server does not read"
    return shortened("".join(c if c.isprintable() else "\ufffd" for c in str(exc)), 100)


class MissingHost(ParseException):
    """An HTTP/1.1 request without a ``Host`` header, which a server must answer 400 (RFC 9112
    §3.2): gunicorn served it."""

    def __str__(self) -> str:
        return "no Host header"


def missing_host_answer(request_start: bytes = b"") -> bytes:
    """The HTTP answer to an HTTP/1.1 request without ``Host`` (:class:`MissingHost`): 400 saying
    to send it (:func:`_answer`)."""
    message = (
        "The request names no site: an HTTP/1.1 request carries a Host header (RFC 9112 §3.2). "
        "Send Host with the name of the server, as in the address (Host: archive.example.org)."
    )
    page = ("Bad request", message, "Open the address in your browser again, or search the archive below.")
    return _answer(request_start, 400, "Bad Request", ("bad_request", message), page)


def too_large_headers_answer(request_start: bytes = b"") -> bytes:
    """The HTTP answer to a request whose headers are over gunicorn's limits (a header over
    :data:`MAX_HEADER_BYTES`, more than :data:`MAX_HEADERS`), instead of its bare page: 431 saying
    what to do (:func:`_answer`). A browser's Cookie header is the usual culprit: cookies other
    sites under the same domain set grow it past the limit, and clearing them is the remedy."""
    limits = f"a header over {MAX_HEADER_BYTES:,} bytes, or more than {MAX_HEADERS:,} headers"
    message = (
        f"The request's headers are larger than the server reads ({limits}): send fewer or shorter headers. "
        "The API needs no cookies: send none. See /api/openapi.json."
    )
    page = (
        "Request headers too large",
        f"Your browser sent this request with headers larger than the server reads ({limits}), most often "
        "because the cookies it keeps for this site's address have grown too large.",
        "Clear this site's cookies in your browser (in its settings, or from the padlock beside the address), "
        "then open the address again.",
    )
    return _answer(request_start, 431, "Request Header Fields Too Large", ("header_fields_too_large", message), page)


class RequestKeepingItsStart(Request):
    """gunicorn's HTTP/1 request, which keeps the first bytes it reads and, when it cannot read the
    request (a request line over the limit, a header it refuses), hands them on with the
    :class:`ParseException` it raises (``request_start``): the bytes read are otherwise lost, and
    the answer depends on the path."""

    KEPT = 256
    _start = b""

    def read_into(self, unreader, buf, stop=False) -> None:
        before = len(buf)
        super().read_into(unreader, buf, stop)
        if len(self._start) < self.KEPT:  # the request may come in pieces
            self._start += bytes(buf[before : before + self.KEPT - len(self._start)])

    def parse(self, unreader):
        """gunicorn's parse, then: a version HTTP/1.2 to 1.9 read as HTTP/1.1, the highest this
        server speaks, which its answer then names (RFC 9110 §2.5: a minor version above those
        implemented is processed as the highest; it was answered "HTTP/1.2 200 OK"); an
        HTTP/1.1 request without ``Host`` refused (:class:`MissingHost`)."""
        try:
            unused = super().parse(unreader)
            if self.version > (1, 1):
                self.version = (1, 1)
            if self.version == (1, 1) and not any(name == "HOST" for name, _ in self.headers):
                raise MissingHost()
            return unused
        except ParseException as exc:
            exc.request_start = self._start
            raise

    def set_body_reader(self) -> None:
        # after the headers are read: a Content-Length that is no number, or given twice
        try:
            super().set_body_reader()
        except ParseException as exc:
            exc.request_start = self._start
            raise


HEAD_SECONDS = 60.0
"""How long a request's line and headers may take to arrive once their first bytes have, in all
(nginx's ``client_header_timeout``, 60 s); then the connection is closed. At 20 s a client sending
one byte each half second was cut off (a fresh user). Meanwhile it waits in the worker's
event loop, holding no thread, so this bounds only what a stalled client holds (a socket, its bytes)."""
HEAD_BYTES = 65536
"""The most of a request's start gathered before it is parsed: a longer one (headers of 64 KB and
more, over the limits but for ``MAX_HEADERS`` short ones) is parsed as it comes, by a thread."""


class _Connection(TConn):
    """gunicorn's connection, whose closing after an answer never waits for the client, and whose
    request's line and headers are gathered (``head``) before the parser reads them."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.head = b""  # bytes of the next request read so far, not parsed yet
        self.head_deadline = 0.0  # time.monotonic() by which the rest of them must have come

    def head_arrived(self) -> bool:
        """Read what has come of the next request, without waiting; True once its line and
        headers are all there, or :data:`HEAD_BYTES` of them, or a request line over the limit
        (answered 414 at once), or the client has closed or failed (the parser ends it)."""
        if self.parser is not None and self.parser.unreader.buf.getvalue():
            return True  # pipelined: read with the request before, which gunicorn hands on as it is
        try:
            arrived = self.sock.recv(HEAD_BYTES - len(self.head), socket.MSG_DONTWAIT)
        except BlockingIOError:
            return False
        except OSError:
            return True
        if not arrived:
            return True
        if not self.head:
            self.head_deadline = time.monotonic() + HEAD_SECONDS
        self.head += arrived
        # the empty line ending the headers, or one ending in a bare LF (RFC 9112 §2.2), which
        # the parser answers at once: waiting for CR LF CR LF held such a client 60 s for nothing
        line = self.cfg.limit_request_line + 2
        return b"\n\r\n" in self.head or b"\n\n" in self.head or len(self.head) >= HEAD_BYTES or (len(self.head) > line and b"\n" not in self.head[:line])

    def init(self) -> None:
        super().init()  # in a thread: makes the parser the first time, then nothing
        if self.head:  # what head_arrived() read, for the parser
            self.parser.unreader.unread(self.head)
            self.head = b""

    def close(self, graceful: bool = False) -> None:
        """Close, half-closing first and reading what the client has sent meanwhile (RFC 9112
        section 9.6: a close with unread bytes would make the system reset the connection and
        could cut the answer short), without waiting for more. gunicorn's worker closes from
        its main loop, and its graceful close waited up to 2 s for the client to close too: a
        client that kept an answer open unread stalled the whole worker, about every other
        request 2 s (a fresh user; 20 such clients and 20 others took 24 s, now 0.3 s)."""
        if not graceful:
            return super().close()
        sock = self.sock
        try:
            sock.setblocking(False)
            sock.shutdown(socket.SHUT_WR)
            for _ in range(16):  # at most 64 KB, as gunicorn's
                if not sock.recv(4096):
                    break
        except OSError:  # nothing more to read now (BlockingIOError), or the client is gone
            pass
        finally:
            util.close(sock)


class PageWorker(ThreadWorker):
    """gunicorn's threaded worker, answering a request line over the limit with
    :func:`too_long_answer`, one it cannot read with :func:`unreadable_request_line_answer`,
    headers over the limits with :func:`too_large_headers_answer` and headers it cannot read with
    :func:`unreadable_header_answer`; every other error as gunicorn does."""

    def init_process(self) -> None:
        # gunicorn makes each connection's parser itself, with no hook for the request class:
        # set it on the parser class, in this worker process (which serves only Legation).
        RequestParser.mesg_class = RequestKeepingItsStart
        super().init_process()

    def accept(self, listener) -> None:
        """Take a new connection and hand it to a thread, which looks at what has arrived of its
        request without waiting (:meth:`handle`). gunicorn's own has the thread wait up to 5 s for
        the first bytes: 8 connections that sent nothing held all the threads of 2 workers (4
        each), and every other client waited 5 to 10 s (a fresh user, with 8 and 20 idle
        sockets)."""
        try:
            client, address = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = _Connection(self.cfg, client, address, listener.getsockname())  # non-blocking until a thread takes it
        conn.data_ready = True  # gunicorn's thread waits for no bytes: handle() looks without waiting
        self.enqueue_req(conn)

    def handle(self, conn: _Connection):
        """In a thread: serve the connection's next request once its line and headers have all
        arrived (:meth:`_Connection.head_arrived`); until then the connection waits in the event
        loop, holding no thread (gunicorn's deferral): closed after ``keepalive`` seconds when
        nothing has come, :data:`HEAD_SECONDS` after its first bytes otherwise. A thread that took
        a request's first bytes waited, with no limit, for the rest: 8 connections that sent a few
        bytes and stopped held every thread of 2 workers, and no one else was served until they
        went away (a fresh user). The bytes are read here, not in the event loop, whose every
        read waited for the threads' lock on the interpreter (4 to 24 % fewer kept-alive requests
        a second, in two rounds of wrk)."""
        if not self.cfg.is_ssl and not conn.head_arrived():  # TLS: the bytes are records, which gunicorn unwraps
            return _DEFER
        return super().handle(conn)

    def murder_pending(self) -> None:
        """Close the connections whose request did not arrive in time: ``keepalive`` seconds when
        none of it has, :data:`HEAD_SECONDS` from its first bytes otherwise. gunicorn's stopped at
        the first connection still in time, but here deadlines differ, so each is looked at."""
        now = time.monotonic()
        for conn in [conn for conn in self.pending_conns if (conn.head_deadline if conn.head else conn.timeout) <= now]:
            self.pending_conns.remove(conn)
            try:
                self.poller.unregister(conn.sock)
            except (OSError, KeyError, ValueError):
                pass  # already unregistered
            self.nr_conns -= 1
            conn.close()

    def handle_error(self, req, client, addr, exc) -> None:
        answers = None
        if isinstance(exc, LimitRequestLine):
            answers = too_long_answer
        elif isinstance(exc, LimitRequestHeaders):
            answers = too_large_headers_answer
        elif isinstance(exc, UNREADABLE_HEADERS) and not isinstance(exc, (InvalidResponseHeader, InvalidResponseHeaderName)):
            answers = partial(unreadable_header_answer, exc)
        elif isinstance(exc, MissingHost):
            answers = missing_host_answer
        elif isinstance(exc, UNREADABLE_REQUEST_LINES):
            answers = partial(unreadable_request_line_answer, exc)
        if answers is not None:
            try:
                answer = answers(getattr(exc, "request_start", b""))
            except Exception:  # noqa: BLE001 - then gunicorn's own page
                log.exception("the answer to %s could not be made", type(exc).__name__)
            else:
                # a client's error, answered as such: not a warning on the operator's console for every long address
                self.log.debug("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
                try:
                    util.write_nonblock(client, answer)
                except OSError:
                    self.log.debug("Failed to send the answer to %s.", type(exc).__name__)
                return
        super().handle_error(req, client, addr, exc)


class LegationServer(BaseApplication):
    """gunicorn run from Python with Legation's WSGI application and options."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from legation.wsgi import application

        return application


STATIC_LOCK = "static.lock"
STATIC_COLLECTED = "static.collected"  # the sources' fingerprint when STATIC_ROOT was last collected


def collect_static(collect: Callable[[], None]) -> bool:
    """Run ``collect`` (Django's collectstatic) unless ``STATIC_ROOT`` already holds the collected
    copies of the static files installed now; True when it ran.

    Collecting deletes and rewrites the content-hashed copies and the manifest (Django's
    ManifestStaticFilesStorage does so for each file it adjusts), so a server already serving the
    data folder could find a file missing: a second server started beside a first made one of the
    first's workers fail to boot. So collection is one server at a time (a lock file the system
    releases when its holder ends) and only when a source changed: a fingerprint of every source
    file's name, size and modification time (ns), and of the storage settings, is kept in
    ``static.collected`` beside ``STATIC_ROOT``, removed before collecting and written after.
    """
    from django.conf import settings

    root = Path(settings.STATIC_ROOT)
    collected = root.with_name(STATIC_COLLECTED)
    root.parent.mkdir(parents=True, exist_ok=True)
    with open(root.with_name(STATIC_LOCK), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        fingerprint = _static_sources_fingerprint()
        if (root / "staticfiles.json").is_file() and collected.is_file() and collected.read_text() == fingerprint:
            return False
        collected.unlink(missing_ok=True)
        collect()
        collected.write_text(fingerprint)
        return True


def _static_sources_fingerprint() -> str:
    """SHA-256 (hex) of the static files the finders list (name, size, mtime in ns) and of the
    settings that shape the collected copies."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256(repr((settings.STORAGES["staticfiles"], settings.WHITENOISE_SKIP_COMPRESS_EXTENSIONS)).encode())
    sources = []
    for finder in get_finders():
        for name, storage in finder.list([]):
            stat = os.stat(storage.path(name))
            sources.append(f"{getattr(storage, 'prefix', None) or ''}/{name}\t{stat.st_size}\t{stat.st_mtime_ns}")
    for line in sorted(sources):
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()


def prepare() -> None:
    """In the master, before forking: collect the static files (compressed) and close connections."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    collect_static(lambda: call_command("collectstatic", interactive=False, verbosity=0))
    # Serve the collected copies (with their .gz variants), not the apps' own files.
    settings.WHITENOISE_USE_FINDERS = False
    connections.close_all()
    gc.collect()
    gc.freeze()  # workers inherit these objects; their collections leave them (and their pages) alone


def run(
    host: str, port: int, workers: int = 2, threads: int = 4, access_log: bool = False, when_ready: Callable[[], None] | None = None
) -> None:
    """Serve until stopped (SIGINT/SIGTERM stop gracefully). Django must be set up. ``when_ready``
    is called once, in the first worker that takes requests (to print the address)."""
    global _announcement, _announced
    _announcement, _announced = when_ready, multiprocessing.Value("b", 0)
    prepare()
    options: dict[str, Any] = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",  # an IPv6 address in brackets, as gunicorn reads it
        "workers": workers,
        "threads": threads,
        "worker_class": PageWorker,  # gthread
        # Each worker listens on its own SO_REUSEPORT socket and the kernel spreads new connections
        # over them. On one shared socket, the worker that woke first accepted most of a burst
        # (31 of 32 wrk connections), so one process, one core's worth of Python, served nearly
        # all kept-alive clients while the other idled.
        "reuse_port": True,
        "timeout": 60,
        "graceful_timeout": 10,
        "post_worker_init": _post_worker_init,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "legation",
        # gunicorn's default (4,094 bytes) refused long queries before Legation could cut them to
        # 1,000 characters and say so. 8,190 is its largest bound: its 0, "unlimited", reads a
        # request line of any length into memory. The search box stays within it (QUERY_BOX_MAXLENGTH);
        # a longer address gets the site's own 414 answer (PageWorker): a page, or JSON under /api/.
        "limit_request_line": MAX_REQUEST_LINE,
        # gunicorn's defaults, named so that the 431 answer (PageWorker) can say them
        "limit_request_field_size": MAX_HEADER_BYTES,
        "limit_request_fields": MAX_HEADERS,
    }
    LegationServer(options).run()
