"""Settings for the test suite: Legation's own, with a fresh temporary data folder per run.

The variable is set before :mod:`legation.settings` reads the environment.
"""

import os
import tempfile

os.environ["LEGATION_DATA_DIR"] = tempfile.mkdtemp(prefix="legation-test-")

from legation.settings import *  # noqa: E402,F403

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns about a missing folder)
