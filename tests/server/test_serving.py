"""`legation serve` as in production (gunicorn workers, WhiteNoise, secure settings), `legation demo`
with no settings, and `legation check`."""

from __future__ import annotations

import fcntl
import gzip
import html
import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.api.test_docs_page import check_docs_page
from tests.conftest import FIXTURES
from tests.server.nodes import SECRET_KEY

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"


def test_serve_refuses_to_start_without_a_secret_key_and_says_what_to_set(nodes) -> None:
    node = nodes("a", LEGATION_SECRET_KEY=None, LEGATION_DEBUG=None)
    node.folder.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-m", "legation", "serve", "--port", str(node.port)],
        env=node.env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1
    message = " ".join(result.stderr.split())
    assert "LEGATION_SECRET_KEY is not set" in message and "LEGATION_DEBUG=1" in message


def test_serve_names_every_problem_at_once_in_the_words_of_check(nodes) -> None:
    """`legation serve` without a secret key named the key alone, though the folder held no archive
    (and the port was taken): a second run found the next problem. It names every one, the
    settings' in the words `legation check` uses, and creates nothing."""
    node = nodes("a", LEGATION_SECRET_KEY=None, LEGATION_DEBUG=None, LEGATION_ALLOWED_HOSTS=" , ")
    node.folder.mkdir(parents=True)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", node.port))
        taken.listen()
        result = subprocess.run(
            [sys.executable, "-m", "legation", "serve", "--port", str(node.port)],
            env=node.env, capture_output=True, text=True, timeout=60, check=False,
        )
    assert result.returncode == 1 and result.stdout == ""
    key = (
        "LEGATION_SECRET_KEY is not set: each process would make up its own, so sessions and forms break across workers and "
        "restarts. Set LEGATION_SECRET_KEY to a long random value, the same on every web node: export "
        "LEGATION_SECRET_KEY=\"$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\"; or set LEGATION_DEBUG=1 "
        "for development on your own machine (`legation demo` needs neither)."
    )
    hosts = (
        "LEGATION_ALLOWED_HOSTS names no host: every request would be refused (400). Set it to the host names users type, "
        "separated by commas, e.g. archive.example.org,localhost."
    )
    port = f"port {node.port} on 127.0.0.1 is in use (another Legation?); stop it, or choose a free port: --port 8001 (make demo PORT=8001)"
    lines = result.stderr.splitlines()
    assert len(lines) == 4, result.stderr
    assert lines[:2] == [f"error: {key}", f"error: {hosts}"] and lines[3] == f"error: {port}"
    if node.env.get("LEGATION_DATABASE_URL"):
        assert lines[2].startswith("error: No archive in the database "), lines[2]
    else:
        assert lines[2] == (
            f"error: No archive in {node.folder} (no legation.sqlite3 there); nothing was read or created. Set LEGATION_DATA_DIR "
            "to the folder of your archive (the one that holds legation.sqlite3), or create one: `legation ingest FILES` with your "
            "documents, `legation demo` for the demo archive (what `make demo` does), or `legation manage migrate` for an empty "
            "one that `legation ingest` fills while it is served"
        )
        assert not any(node.folder.iterdir())  # nothing made
    checked = check(node)  # the same words, as `legation check` writes a message and its hint
    for error in ("E001", "E008"):
        said = re.search(rf"ERROR legation\.{error}: (.*)\n    hint: (.*)\n", checked.stderr)
        assert said and f"{said[1]} {said[2]}" in (key, hosts), checked.stderr

    unusable = subprocess.run(  # a value config() cannot read: named, with the other settings' problems it hides
        [sys.executable, "-m", "legation", "serve", "--port", str(node.port)],
        env={**node.env, "LEGATION_SEARCH_CACHE_SECONDS": "soon"}, capture_output=True, text=True, timeout=60, check=False,
    )
    assert unusable.returncode == 1 and "Traceback" not in unusable.stderr
    assert unusable.stderr.splitlines() == ["error: LEGATION_SEARCH_CACHE_SECONDS is 'soon'; give a whole number of seconds (0 or more)."]


def test_workers_serve_pages_static_files_and_follow_the_change_log(nodes) -> None:
    node = nodes("a").with_empty_archive().start("--workers", "2", "--threads", "2")
    assert node.search("")["total"] == 0

    _, _, page = node.get("/")
    css = re.search(rb'href="(/static/legation/legation\.[0-9a-f]{12}\.css)"', page)
    assert css, "the page links the content-hashed stylesheet"
    status, headers, body = node.get(css.group(1).decode(), {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["server"] == "gunicorn"
    assert headers.get("content-encoding") == "gzip" and "immutable" in headers["cache-control"]
    # a client refusing gzip gets the file as it is (WhiteNoise's own sent the gzip copy to "gzip;q=0")
    for refusing in ("gzip;q=0", "gzip;q=0, deflate", "identity, GZIP; q=0.0"):
        status, headers, plain = node.get(css.group(1).decode(), {"Accept-Encoding": refusing})
        assert status == 200 and "content-encoding" not in headers and plain == gzip.decompress(body), refusing
    assert node.get(css.group(1).decode(), {"Accept-Encoding": "br;q=0, gzip;q=0.5"})[1].get("content-encoding") == "gzip"
    # /api/docs loads Swagger UI from the collected, content-hashed copies of Django Ninja's files.
    def get(path: str) -> tuple[int, str, bytes]:
        status, headers, body = node.get(path)
        return status, headers["content-type"], body

    files = check_docs_page(get)
    assert all(re.fullmatch(r"/static/ninja/[\w-]+\.[0-9a-f]{12}\.\w+", f) for f in files), files
    status, _, body = node.get("/no-such-page")
    assert status == 404 and b"Traceback" not in body and b"DEBUG = True" not in body  # DEBUG is off

    started = time.monotonic()
    assert node.legation("ingest", str(SEED)).returncode == 0
    node.wait_for_total("", 10, within=30)
    print(f"\nsearchable {time.monotonic() - started:.2f} s after `legation ingest` started")
    # Every worker answers alike (20 requests over 2 workers x 2 threads).
    assert {node.search("Sino-Soviet")["total"] for _ in range(20)} == {node.search("Sino-Soviet")["total"]}

    # Exactly one process follows the change log: a worker holds the follower lock.
    with open(node.index_dir / "follower.lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            held = False
        except OSError:
            held = True
    assert held


def test_the_address_is_printed_once_when_the_server_takes_requests(nodes) -> None:
    """The address was printed before any worker had opened its socket: a browser following it
    at once was refused for about a second (a fresh user). Now the first worker ready prints it,
    once however many there are."""
    node = nodes("a").with_empty_archive()
    line = f"Legation is serving on http://127.0.0.1:{node.port}/"
    with open(node.log, "ab") as log:
        node.process = subprocess.Popen(
            [sys.executable, "-m", "legation", "serve", "--port", str(node.port), "--workers", "2", "--threads", "2"],
            env=node.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    deadline = time.monotonic() + 120
    while line not in node.log.read_text() and time.monotonic() < deadline:
        assert node.process.poll() is None, node.log.read_text()
        time.sleep(0.05)
    assert node.search("")["total"] == 0  # at once: not refused
    time.sleep(1)  # the second worker is up by now too
    assert node.log.read_text().count(line) == 1


def test_demo_needs_no_settings(nodes) -> None:
    node = nodes("demo", LEGATION_SECRET_KEY=None, LEGATION_DEBUG=None)
    node.start("--path", str(SEED.parent), command="demo")
    assert node.search("")["total"] == 10
    assert len((node.folder / "demo-secret-key").read_text()) >= 50


def check(node, **env: str | None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in {**node.env, **env}.items() if v is not None}
    return subprocess.run(
        [sys.executable, "-m", "legation", "check"], env=environment, capture_output=True, text=True, timeout=120, check=False
    )


def test_check_reports_what_is_wrong_and_passes_when_ready(nodes) -> None:
    node = nodes("a")
    node.folder.mkdir(parents=True)
    if not node.env.get("LEGATION_DATABASE_URL"):  # SQLite: the archive is a file of the folder
        nothing = check(node)  # a folder holding no archive: said, and nothing made there
        assert nothing.returncode == 1 and "legation.E007: There is no archive in" in nothing.stderr and not any(node.folder.iterdir())
        (node.folder / "legation.sqlite3").touch()  # an empty file: said, and left empty (check made it a WAL database)
        empty = check(node)
        assert empty.returncode == 1 and "legation.sqlite3 there is empty" in " ".join(empty.stderr.split())
        assert (node.folder / "legation.sqlite3").stat().st_size == 0
    else:
        fresh = check(node)
        assert fresh.returncode == 1 and "legation.E003" in fresh.stderr  # a database of no tables: nothing migrated yet

    assert node.legation("ingest", str(SEED)).returncode == 0
    ready = check(node)
    assert ready.returncode == 0, ready.stderr
    assert "ok legation.I001" in ready.stdout and "ok legation.I003" in ready.stdout
    assert "security.W008" in ready.stdout  # Django's deployment checks ran

    assert check(node, LEGATION_SECRET_KEY=None).stderr.count("legation.E001") == 1
    (node.folder / "demo-secret-key").write_text("k" * 50)  # what `legation demo` keeps
    demo = check(node, LEGATION_SECRET_KEY=None)
    assert demo.returncode == 0 and "legation.E001" not in demo.stderr and "legation.W001" in demo.stdout + demo.stderr
    # a fresh user read "ready to serve" here, and `legation serve` then refused to start without the key
    assert "`legation serve` will refuse to start" in demo.stdout and "ready to serve" not in demo.stdout
    (node.folder / "demo-secret-key").unlink()

    add_entry = "from legation.records.models import ChangeLogEntry as C; C.objects.create(document_identifier='x', operation='delete')"
    assert node.legation("manage", "shell", "-c", add_entry).returncode == 0
    behind = check(node)
    # a warning, not an error: a node stopped while others ingested is behind, and serve catches up (a fresh operator)
    assert behind.returncode == 0 and "legation.W004" in behind.stdout and "1 to apply" in behind.stdout
    searched = node.legation("search", "Mao")  # the results still come, with a warning that they may be incomplete
    assert searched.returncode == 0 and "Results:" in searched.stdout
    assert "is behind the change log" in searched.stderr and "The results may leave documents out" in searched.stderr

    (node.index_dir / "meta.json").unlink()
    assert "legation.E004" in check(node).stderr

    unreachable = check(node, LEGATION_DATABASE_URL="postgresql://nobody:secret@127.0.0.1:1/nothing")
    assert unreachable.returncode == 1 and "legation.E002" in unreachable.stderr
    assert "secret" not in unreachable.stderr.replace("SECRET", "")  # no password shown
    assert SECRET_KEY not in unreachable.stderr + unreachable.stdout


def test_long_queries_in_any_script_get_the_sites_own_answer(nodes) -> None:
    """Whatever the search box holds, in any script, is answered by Legation (a CJK character
    percent-encodes to 9 bytes); a longer address, e.g. 1,000 CJK characters, gets the site's own
    414 page, not gunicorn's bare one; and the server reads no request line past its limit."""
    from legation.web.params import MAX_REQUEST_LINE, QUERY_BOX_MAXLENGTH

    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    form = "&start_date=&end_date=&date_match=overlap&sort=relevance"  # what the search form adds
    # The box counts UTF-16 code units: "𠀀" (U+20000) is two of them.
    for q in ("中" * QUERY_BOX_MAXLENGTH, "𠀀" * (QUERY_BOX_MAXLENGTH // 2), "ж" * QUERY_BOX_MAXLENGTH, "Zhou " * 200):
        status, _, body = node.get(f"/?q={urllib.parse.quote_plus(q)}{form}")
        assert status == 200 and b'<p class="count" id="results" tabindex="-1">Results: 0</p>' in body, q[:3]

    for q in ("中" * 1000, "𠀀" * 1000):
        status, headers, body = node.get(f"/?q={urllib.parse.quote_plus(q)}")
        page = body.decode()
        assert status == 414 and headers["content-type"] == "text/html; charset=utf-8"
        assert '<header class="site">' in page and "HTTP 414" in page and "Address too long" in page
        assert f"the search box takes up to {QUERY_BOX_MAXLENGTH:,} characters" in page
    status, _, _ = node.get(f"/?q={urllib.parse.quote_plus('ж' * 1000)}")
    assert status == 200

    with socket.create_connection(("127.0.0.1", node.port), timeout=10) as sock:  # a line that never ends
        sock.sendall(b"GET /?q=" + b"a" * (MAX_REQUEST_LINE + 100))
        answer = sock.recv(64)
    assert answer.startswith(b"HTTP/1.1 414 URI Too Long\r\n")
    assert node.search("")["total"] == 0  # and the server goes on serving


def test_an_api_address_too_long_gets_the_apis_json_error(nodes) -> None:
    """Under /api/ the 414 comes in the API's one error shape, saying how long a query may be;
    elsewhere, and on the same connection's next request, nothing changes."""
    from legation.search.query import MAX_QUERY_CHARS
    from legation.web.params import MAX_REQUEST_LINE, QUERY_BOX_MAXLENGTH

    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    expected = (
        f"The request line is longer than the server reads ({MAX_REQUEST_LINE:,} bytes, the address percent-encoded). "
        f"Send a shorter q: at most {MAX_QUERY_CHARS:,} characters are searched, and {QUERY_BOX_MAXLENGTH:,} fit in the "
        "address in any script (a Chinese, Japanese or Korean character takes 9 bytes of it); or send fewer filters. "
        "See /api/openapi.json."
    )
    long_q = "q=" + "a" * (20_000 - len("/api/search?q="))
    for path in (f"/api/search?{long_q}", f"/api/facets/sender?{long_q}", f"/api/search?q=%E4%B8%AD&{long_q[2:]}=x"):
        assert len(path) >= 20_000
        status, headers, body = node.get(path)
        assert status == 414 and headers["content-type"] == "application/json; charset=utf-8", path[:20]
        assert json.loads(body) == {"error": {"status": 414, "code": "uri_too_long", "message": expected}}
    status, headers, body = node.get("/api/documents/" + "x" * 9000)  # no q to shorten there
    assert status == 414 and "no document's identifier is that long" in json.loads(body)["error"]["message"]
    assert "q" not in json.loads(body)["error"]["message"].split()
    status, headers, _ = node.get(f"/apis?{long_q}")  # not under /api/
    assert status == 414 and headers["content-type"] == "text/html; charset=utf-8"
    with socket.create_connection(("127.0.0.1", node.port), timeout=10) as sock:  # absolute form, as to a proxy
        sock.sendall(f"GET http://127.0.0.1:{node.port}/api/search?{long_q} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 414 URI Too Long\r\n") and b"Content-Type: application/json; charset=utf-8\r\n" in answer
    with socket.create_connection(("127.0.0.1", node.port), timeout=10) as sock:  # the request line in pieces
        sock.sendall(b"GET /a")
        time.sleep(0.3)
        sock.sendall(f"pi/search?{long_q} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 414 URI Too Long\r\n") and b"Content-Type: application/json; charset=utf-8\r\n" in answer
    assert node.search("")["total"] == 0  # and the server goes on serving


def test_clients_that_send_nothing_or_leave_answers_unread_hold_up_no_one(nodes) -> None:
    """A connection that sends nothing (a browser's preconnected socket) held one of a worker's
    threads for 5 s, and a client that kept an answer with "Connection: close" unread held the
    whole worker 2 s as it closed: with 1 worker of 2 threads, 6 idle sockets kept the next request
    waiting 15 s, and 20 clients leaving answers unread took about 20 s for their 20 requests
    and 20 others'. The deadlines below are those waits' half, no measure of speed."""
    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    url = f"http://127.0.0.1:{node.port}/api/search?q=x"
    idle = [socket.create_connection(("127.0.0.1", node.port)) for _ in range(6)]
    try:
        time.sleep(0.3)  # each accepted before the request below
        with urllib.request.urlopen(url, timeout=7) as answered:
            assert json.loads(answered.read())["total"] == 0
    finally:
        for sock in idle:
            sock.close()
    unread = []
    try:
        started = time.monotonic()
        for _ in range(20):
            sock = socket.create_connection(("127.0.0.1", node.port), timeout=10)
            sock.sendall(b"GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            unread.append(sock)
            with urllib.request.urlopen(url, timeout=10) as answered:
                assert answered.status == 200
        assert time.monotonic() - started < 10
        assert unread[0].recv(12) == b"HTTP/1.1 200"  # each was answered all the same
    finally:
        for sock in unread:
            sock.close()



def test_clients_that_stop_inside_their_request_hold_up_no_one(nodes) -> None:
    """A thread that took a request's first bytes waited for the rest with no limit: 8 connections
    sending a few bytes each, then nothing, kept every other client waiting until they went away
    (a fresh user). Requests arrive in the event loop; a thread takes one when it is all there."""
    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    url = f"http://127.0.0.1:{node.port}/api/search?q=x"
    request = b"GET /api/search?q=Mao&page_size=3 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    stalled = [socket.create_connection(("127.0.0.1", node.port), timeout=10) for _ in range(4)]
    kept_alive = [socket.create_connection(("127.0.0.1", node.port), timeout=10) for _ in range(2)]
    try:
        for sock in stalled:
            sock.sendall(request[:25])
        for sock in kept_alive:  # one answer, then the start of a second request
            sock.sendall(b"GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            head, body = _answer(sock)
            assert head.startswith(b"HTTP/1.1 200") and json.loads(body)["page_size"] == 10
            sock.sendall(request[:40])
        time.sleep(0.3)
        for _ in range(3):
            with urllib.request.urlopen(url, timeout=7) as answered:
                assert json.loads(answered.read())["total"] == 0
        for sock, sent in ((stalled[0], 25), (kept_alive[0], 40)):  # the rest arrives, in two pieces: answered as sent
            sock.sendall(request[sent:60])
            time.sleep(0.2)
            sock.sendall(request[60:])
            head, body = _answer(sock)
            assert head.startswith(b"HTTP/1.1 200") and json.loads(body)["page_size"] == 3, head
    finally:
        for sock in stalled + kept_alive:
            sock.close()


def _answer(sock: socket.socket) -> tuple[bytes, bytes]:
    """The status line and headers, and the body (of the length the headers give), of the next
    answer on a connection."""
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(65536)
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(re.search(rb"\r\nContent-Length: (\d+)", head, re.I)[1])
    while len(body) < length:
        body += sock.recv(65536)
    return head, body


def _raw(port: int, request: bytes) -> tuple[bytes, bytes]:
    """The status line and headers, and the body, of the answer to ``request`` sent as written."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return head, body


def test_a_request_whose_headers_cannot_be_read_gets_the_sites_answer_json_under_the_api(nodes) -> None:
    """A header gunicorn cannot read (Host sent twice, a space in a header's name, a value folded
    onto the next line) was answered by gunicorn's bare HTML page, under /api/ too, where every
    error is the API's JSON; it is that JSON there, saying what to correct, and a page in the
    site's layout elsewhere."""
    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    host = f"Host: 127.0.0.1:{node.port}\r\n".encode()
    unreadable = {
        "Host twice": host + host,
        "a space in a name": host + b"Bad Header: x\r\n",
        "a folded value": host + b"X-Long: a\r\n b\r\n",
        "a length that is no number": host + b"Content-Length: abc\r\n",
    }
    for what, headers in unreadable.items():
        head, body = _raw(node.port, b"GET /api/search?q=Mao HTTP/1.1\r\n" + headers + b"Connection: close\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"Content-Type: application/json; charset=utf-8\r\n" in head, what
        error = json.loads(body)["error"]
        assert error["status"] == 400 and error["code"] == "bad_request", what
        assert error["message"].startswith("A header of the request could not be read"), what
        assert error["message"].endswith("send each header once, its name in letters, digits and dashes, its value on one line."), what
        head, body = _raw(node.port, b"GET /?q=Mao HTTP/1.1\r\n" + headers + b"Connection: close\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"Content-Type: text/html; charset=utf-8\r\n" in head, what
        assert b'<header class="site">' in body and b"HTTP 400" in body and b"A header of the request could not be read" in body, what
    assert node.search("")["total"] == 0  # and the server goes on serving


def test_a_request_line_that_cannot_be_read_gets_the_sites_answer_json_under_the_api(nodes) -> None:
    """A raw byte beyond ASCII in the address, a method in lower case, HTTP/2.0 as the version,
    ``GET *``: gunicorn's bare HTML page "Invalid Request Line", under /api/ too (a fresh user)."""
    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    for line in (b"GET /api/search?q=M\xe4o HTTP/1.1", b"get /api/search?q=Mao HTTP/1.1", b"GET /api/search?q=Mao HTTP/2.0"):
        head, body = _raw(node.port, line + b"\r\nHost: 127.0.0.1\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"Content-Type: application/json; charset=utf-8" in head, line
        error = json.loads(body)["error"]
        assert error["code"] == "bad_request" and error["message"].startswith("The request line could not be read (")
        assert error["message"].endswith("send the method in capitals (GET), the address percent-encoded as UTF-8 (Mäo as M%C3%A4o), and HTTP/1.1.")
        if line.endswith(b"HTTP/2.0"):  # as sent, not as Python's tuple "(2, 0)"
            assert error["message"].startswith("The request line could not be read (HTTP/2.0 is a version this server does not read): ")
    for line in (b"GET /?q=<b>M\xe4o HTTP/1.1", b"GET * HTTP/1.1"):
        head, body = _raw(node.port, line + b"\r\nHost: 127.0.0.1\r\n\r\n")
        page = body.decode()
        assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"Content-Type: text/html; charset=utf-8" in head, line
        assert '<header class="site">' in page and "The request line could not be read" in page and "<b>" not in page
    assert node.search("")["total"] == 0  # and the server goes on serving


def test_a_database_out_of_reach_is_a_503_to_try_again_said_once_in_the_log(nodes) -> None:
    """A stopped PostgreSQL under a serving node gave 500 "something went wrong" on every page and
    a traceback in the log for every request, and the follower's 60 more in 30 s (a fresh user).
    Made here for real: PostgreSQL refusing new connections to the database; SQLite's file replaced
    by a folder (each request opens its own connection)."""
    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    assert node.get("/api/documents/nosuch")[0] == 404
    url = node.env.get("LEGATION_DATABASE_URL", "")
    database = node.folder / "legation.sqlite3"

    def reachable(yes: bool) -> None:
        if url:
            import psycopg

            from urllib.parse import urlsplit

            name = urlsplit(url).path.lstrip("/")
            with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl(), autocommit=True) as db:  # not from inside it
                db.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if yes else "false"}')
                if not yes:
                    db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        elif yes:
            database.rmdir()
            database.with_name("aside").rename(database)
        else:
            database.rename(database.with_name("aside"))
            database.mkdir()

    reachable(False)
    try:
        time.sleep(1)  # the follower's rounds meet it too
        for path in ("/api/documents/nosuch", "/documents/nosuch", "/api/documents/nosuch", "/documents/nosuch"):
            status, headers, body = node.get(path)
            assert (status, headers.get("retry-after")) == (503, "60"), (path, body[:300])
            if path.startswith("/api/"):
                assert json.loads(body)["error"]["code"] == "database_unavailable"
            else:
                assert b"Its database cannot be reached just now" in body and b'<header class="site">' in body
    finally:
        reachable(True)
    deadline = time.monotonic() + 20
    while node.get("/api/documents/nosuch")[0] != 404 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert node.get("/api/documents/nosuch")[0] == 404  # and it serves again by itself
    node.stop()
    log = node.log.read_text()
    assert "Traceback" not in log, log
    assert log.count("answering 503 until it can") == 1, log  # one line for the four requests
    assert "Service Unavailable" not in log, log  # and not Django's line for each of them
    assert log.count("the search index follows again once it can") <= 1, log


def test_requests_are_answered_as_http_1_1_and_need_its_host_header(nodes) -> None:
    """RFC 9110 §2.5 and RFC 9112 §2.2, §3.2, each found wanting by a fresh user: HTTP/1.2 was answered
    "HTTP/1.2 200 OK" (it is read as 1.1, the highest this server speaks, and answered so); an
    HTTP/1.1 request without Host was served (it is a 400 saying to send Host; HTTP/1.0 has none
    to send); lines ended by a bare LF waited 60 s for CR LF CR LF and were closed unanswered (a
    400 at once, saying to end lines with CR LF)."""
    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    host = f"Host: 127.0.0.1:{node.port}\r\n".encode()
    for version in (b"1.2", b"1.9"):
        head, body = _raw(node.port, b"GET /api/search?q=Mao HTTP/" + version + b"\r\n" + host + b"Connection: close\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200 OK\r\n") and json.loads(body)["total"] == 0, version
    head, body = _raw(node.port, b"GET /api/search?q=Mao HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"Content-Type: application/json; charset=utf-8" in head
    assert json.loads(body)["error"]["message"].startswith("The request names no site: an HTTP/1.1 request carries a Host header")
    head, body = _raw(node.port, b"GET /?q=Mao HTTP/1.1\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"Send Host with the name of the server" in body
    head, _ = _raw(node.port, b"GET /api/search?q=Mao HTTP/1.0\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 200 OK\r\n")
    bare_in_a_header = b"GET /api/search?q=Mao HTTP/1.1\r\n" + host + b"Accept: */*\nConnection: close\r\n\r\n"  # "Invalid HTTP Header: 'ACCEPT'" alone
    for request in (b"GET /api/search?q=Mao HTTP/1.1\n" + host.replace(b"\r", b"") + b"\n", b"GET /api/search?q=Mao HTTP/1.1\r\n" + host + b"\n", bare_in_a_header):
        head, body = _raw(node.port, request)  # answered: _raw waits 10 s, and the 60 s limit closed it unanswered
        assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n"), request
        assert json.loads(body)["error"]["message"].endswith("with CR LF (\\r\\n), not LF alone."), request
    assert node.search("")["total"] == 0  # and the server goes on serving


def test_headers_too_large_get_the_sites_431_json_under_the_api(nodes) -> None:
    """Headers over the server's limits (a Cookie header grown past 8,190 bytes, more than 100
    headers) were answered by gunicorn's bare HTML page, under /api/ too; they get 431 in the API's
    JSON there, saying what to send, and a page in the site's layout elsewhere, saying to clear the
    site's cookies; the server goes on serving."""
    from legation.web.params import MAX_HEADER_BYTES, MAX_HEADERS

    node = nodes("a").with_empty_archive().start("--workers", "1", "--threads", "2")
    host = f"Host: 127.0.0.1:{node.port}\r\n".encode()
    too_large = {
        "a huge Cookie header": b"Cookie: " + b"; ".join(b"c%d=%s" % (i, b"v" * 90) for i in range(100)) + b"\r\n",
        "too many headers": b"".join(b"X-H%d: 1\r\n" % i for i in range(MAX_HEADERS + 1)),
    }
    limits = f"a header over {MAX_HEADER_BYTES:,} bytes, or more than {MAX_HEADERS:,} headers"
    for what, headers in too_large.items():
        head, body = _raw(node.port, b"GET /api/search?q=Mao HTTP/1.1\r\n" + host + headers + b"Connection: close\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"), (what, head)
        assert b"Content-Type: application/json; charset=utf-8\r\n" in head, what
        assert json.loads(body) == {"error": {"status": 431, "code": "header_fields_too_large", "message": (
            f"The request's headers are larger than the server reads ({limits}): send fewer or shorter headers. "
            "The API needs no cookies: send none. See /api/openapi.json."
        )}}, what
        head, body = _raw(node.port, b"GET /?q=Mao HTTP/1.1\r\n" + host + headers + b"Connection: close\r\n\r\n")
        page = html.unescape(body.decode())
        assert head.startswith(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"), (what, head)
        assert b"Content-Type: text/html; charset=utf-8\r\n" in head, what
        assert '<header class="site">' in page and "HTTP 431" in page and "<h1>Request headers too large</h1>" in page, what
        assert "<p>Clear this site's cookies in your browser (in its settings, or from the padlock beside the address), then open the address again.</p>" in page, what
    status, _, _ = node.get("/api/search?q=Mao", {"Cookie": "c=" + "v" * 8000})  # within the limit: served
    assert status == 200
    assert node.search("")["total"] == 0  # and the server goes on serving


def _start_together(*nodes) -> list[BaseException]:
    """Start ``nodes`` (tests.server.nodes.Node) at the same moment, each from its own thread; what
    each start raised (the node's log, when its process ended)."""
    import threading

    failures: list[BaseException] = []

    def start(node) -> None:
        try:
            node.start("--workers", "1", "--threads", "2")
        except BaseException as exc:  # said by the caller
            failures.append(exc)

    threads = [threading.Thread(target=start, args=(node,)) for node in nodes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    return failures


def test_two_servers_started_together_on_one_data_folder_both_serve(tmp_path) -> None:
    # each collected the static files at once, deleting and rewriting the other's copies, and one
    # died with FileNotFoundError and a traceback (a fresh user): collection is one at a time
    from tests.server.nodes import Node

    first = Node(tmp_path / "shared", tmp_path / "a").with_empty_archive()
    second = Node(tmp_path / "shared", tmp_path / "a")
    try:
        failures = _start_together(first, second)
        assert not failures, failures
        for node in (first, second):
            status, _, page = node.get("/")
            css = re.search(rb'href="(/static/legation/legation\.[0-9a-f]{12}\.css)"', page)
            assert status == 200 and css and node.get(css.group(1).decode())[0] == 200
        assert "Traceback" not in first.log.read_text()
        # a third start beside them collects nothing: the copies they serve are not rewritten
        static = tmp_path / "a" / "static"
        before = {path: path.stat().st_mtime_ns for path in static.rglob("*")}
        third = Node(tmp_path / "shared", tmp_path / "a").start("--workers", "1", "--threads", "2")
        try:
            assert {path: path.stat().st_mtime_ns for path in static.rglob("*")} == before
        finally:
            third.stop()
    finally:
        for node in (first, second):
            node.stop()


def test_two_servers_started_together_on_one_port_one_refuses(tmp_path) -> None:
    # each found the port free, and both bound it (SO_REUSEPORT): requests went to either of two
    # archives at random (a fresh user)
    from tests.server.nodes import Node

    first = Node(tmp_path / "shared", tmp_path / "a").with_empty_archive()
    second = Node(tmp_path / "shared-b", tmp_path / "b").with_empty_archive()
    second.port = first.port
    try:
        failures = _start_together(first, second)
        assert len(failures) == 1, failures
        assert f"port {first.port} on 127.0.0.1 is in use" in str(failures[0]), failures
    finally:
        for node in (first, second):
            node.stop()


def test_a_server_removes_its_port_lock_when_it_ends_and_the_port_serves_again(tmp_path) -> None:
    # each host and port ever served left its lock file in the temporary folder (hundreds on a
    # machine that runs the tests); a worker ending must not remove the lock its server holds
    from legation.cli import port_lock_path
    from tests.server.nodes import Node

    node = Node(tmp_path / "shared", tmp_path / "a").with_empty_archive()
    lock = port_lock_path("127.0.0.1", node.port)
    try:
        node.start("--workers", "2", "--threads", "2")
        assert lock.exists()
        held = lock.stat().st_ino
        node.get("/")  # the workers serve, and one more, started beside, still refuses the port
        beside = Node(tmp_path / "shared-b", tmp_path / "b").with_empty_archive()
        beside.port = node.port
        refused = beside.legation("serve", "--port", str(node.port))
        assert refused.returncode == 1 and f"port {node.port} on 127.0.0.1 is in use" in refused.stderr, refused.stderr
        assert lock.exists() and lock.stat().st_ino == held
    finally:
        node.stop()
    assert not lock.exists()
    again = node.start("--workers", "1", "--threads", "2")  # the port serves again, locked anew
    try:
        assert lock.exists() and again.search("")["total"] == 0
    finally:
        again.stop()
    assert not lock.exists()


def test_static_files_are_collected_again_only_when_a_source_or_the_copy_changed(tmp_path, settings) -> None:
    """Collecting deletes and rewrites the copies a running server reads: it happens once per set
    of sources, not at every start."""
    from legation.serving import collect_static

    source = tmp_path / "source"
    source.mkdir()
    (source / "extra.css").write_text("body { color: black; }")
    settings.STATIC_ROOT = str(tmp_path / "data" / "static")
    settings.STATICFILES_DIRS = [str(source)]
    runs: list[int] = []

    def collect() -> None:
        runs.append(1)
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        (Path(settings.STATIC_ROOT) / "staticfiles.json").write_text("{}")

    assert collect_static(collect) and len(runs) == 1
    assert not collect_static(collect) and len(runs) == 1  # nothing changed
    (source / "extra.css").write_text("body { color: navy; }")  # a source changed (size)
    assert collect_static(collect) and len(runs) == 2
    assert not collect_static(collect)
    (Path(settings.STATIC_ROOT) / "staticfiles.json").unlink()  # the copy was removed
    assert collect_static(collect) and len(runs) == 3
    (source / "more.js").write_text("")  # a source was added
    assert collect_static(collect) and len(runs) == 4
    def interrupted() -> None:
        raise OSError("No space left on device")

    (source / "more.js").write_text("x")
    with pytest.raises(OSError):
        collect_static(interrupted)
    assert collect_static(collect) and len(runs) == 5  # an interrupted collection is done again


def test_a_server_error_is_logged_with_its_traceback(nodes) -> None:
    # with DEBUG off Django mailed a 500 to ADMINS (none) and printed nothing, while the page said
    # "the error has been logged"; a record stored unreadable (footnotes of another shape, written
    # behind the admin's back) makes its document page fail
    node = nodes("a").with_empty_archive()
    assert node.legation("ingest", str(SEED)).returncode == 0
    broken = node.legation(
        "manage", "shell", "-c",
        "from legation.records.models import Document, Text; "
        "Text.objects.create(document=Document.objects.get(identifier='seed-sino-soviet-01'), body='x', footnotes={'a': 1}, position=9)",
    )
    assert broken.returncode == 0, broken.stderr
    node.start()
    status, _, body = node.get("/documents/seed-sino-soviet-01")
    assert status == 500 and b"The error has been logged" in body and b"Traceback" not in body
    node.stop()
    log = node.log.read_text()
    assert "ERROR django.request: Internal Server Error: /documents/seed-sino-soviet-01" in log and "Traceback (most recent call last)" in log


def test_an_address_too_long_without_q_is_told_to_send_fewer_parameters() -> None:
    # /api/search?_=0&_=1… (1,500 of them) was told "Send a shorter q", which it did not send (a fresh developer)
    from legation.serving import too_long_answer

    head, _, body = too_long_answer(b"GET /api/search?_=0&_=1&_=2&_=3&_=4&_=5&_=6&_=7&_=8&_=9&_=10&_=11").partition(b"\r\n\r\n")
    message = json.loads(body)["error"]["message"]
    assert head.startswith(b"HTTP/1.1 414 ") and "send fewer parameters, or shorter values" in message and " q" not in message
    asked = json.loads(too_long_answer(b"GET /api/search?type=Telegram&q=aaaa").partition(b"\r\n\r\n")[2])["error"]["message"]
    assert "Send a shorter q" in asked
