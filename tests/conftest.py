"""Test set-up shared by the whole suite.

``tests/settings.py`` gives every run a fresh temporary data folder (SQLite file, search
index). ``SHARED_DATA`` is the corpora folder beside the repository;
tests that need it skip with a reason when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_data(relative: str) -> Path:
    """A file of the shared corpora, or skip the test saying what is missing."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"needs {relative} from the shared corpora folder (../shared/data), which is absent here")
    return path
