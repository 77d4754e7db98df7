"""Settings for the test suite: Legation's own, with a fresh temporary data folder per run.

The variable is set before :mod:`legation.settings` reads the environment. The folder (SQLite
file, search index: a few MB) is removed when the process that made it exits, so runs leave
nothing in the temporary directory; a run killed outright leaves its folder behind.
"""

import atexit
import os
import shutil
import tempfile

_DATA_DIR = tempfile.mkdtemp(prefix="legation-test-")
os.environ["LEGATION_DATA_DIR"] = _DATA_DIR
atexit.register(shutil.rmtree, _DATA_DIR, ignore_errors=True)

from legation.settings import *  # noqa: E402,F403

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns about a missing folder)
