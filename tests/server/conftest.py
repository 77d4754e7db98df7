"""Fixtures for the server tests: `legation serve` processes, stopped after each test."""

from __future__ import annotations

import pytest

from tests.server.nodes import Node


@pytest.fixture
def nodes(tmp_path):
    """``nodes(name, **env)``: a :class:`Node` in ``tmp_path/name``, sharing one database with the
    test's other nodes (on PostgreSQL; on SQLite each data folder has its own)."""
    made: list[Node] = []

    def make(name: str, **env: str | None) -> Node:
        node = Node(tmp_path / "shared", tmp_path / name, **env)
        made.append(node)
        return node

    yield make
    for node in made:
        node.stop()
