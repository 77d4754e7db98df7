"""`legation` server processes for tests: start, query, stop."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.databases import database_env

SECRET_KEY = "test-secret-key-" + "k7Qz" * 12


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Node:
    """One web node: a `legation serve` process with its own data and index folders."""

    def __init__(self, shared: Path, folder: Path, **env: str | None) -> None:
        self.folder = folder
        self.index_dir = folder / "index"
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "legation.settings",
            "LEGATION_DATA_DIR": str(folder),
            "LEGATION_INDEX_DIR": str(self.index_dir),
            "LEGATION_SECRET_KEY": SECRET_KEY,
            **database_env(shared),
            **env,
        }
        self.env = {k: v for k, v in self.env.items() if v is not None}
        self.process: subprocess.Popen | None = None
        self.log = folder.parent / f"{folder.name}.log"

    def with_empty_archive(self) -> Node:
        """This node with an empty archive made (`legation manage migrate`), as `legation serve`
        refuses a data folder holding none; documents are ingested while it serves."""
        self.folder.mkdir(parents=True, exist_ok=True)
        made = self.legation("manage", "migrate", "--verbosity", "0")
        assert made.returncode == 0, made.stderr
        return self

    def start(self, *args: str, command: str = "serve") -> Node:
        """This node serving: returns once its own process says it serves (its announcement, in
        the log written since this start) and the port answers; fails with the log when the
        process ends first. An answer on the port alone is not enough: another process started
        on the same port answers while this one is still starting, and refusing."""
        self.folder.mkdir(parents=True, exist_ok=True)
        written = self.log.stat().st_size if self.log.exists() else 0
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "legation", command, "--port", str(self.port), *args],
                env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        announcement = f"serving on http://127.0.0.1:{self.port}/".encode()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            with open(self.log, "rb") as log:
                log.seek(written)
                announced = announcement in log.read()
            try:
                if announced:
                    self.search("")
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"node on port {self.port} did not answer within 120 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.process = None

    def search(self, q: str) -> dict:
        return json.loads(self.get(f"/api/search?q={urllib.parse.quote(q)}&page_size=1")[2])

    def get(self, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
        """Status, headers (lower-cased names) and body of a GET, errors included."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()

    def legation(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "legation", *args], env=self.env, capture_output=True, text=True, timeout=300, check=False
        )

    def wait_for_total(self, q: str, total: int, within: float = 30.0, agreeing: int = 8) -> float:
        """Seconds until searches on this node find ``total`` documents in ``agreeing`` answers in a
        row (so every worker of the node has seen the commit); fails after ``within``."""
        started = time.monotonic()
        first_seen: float | None = None
        streak = 0
        while True:
            found = self.search(q)["total"]
            if found == total:
                first_seen = time.monotonic() - started if first_seen is None else first_seen
                streak += 1
                if streak >= agreeing:
                    return first_seen
            else:
                streak = 0
            assert time.monotonic() - started < within, f"port {self.port}: {found} documents, expected {total}"
            time.sleep(0.05)

    def last_applied_seq(self) -> int:
        return json.loads((self.index_dir / "legation-index.json").read_text())["last_applied_seq"]
