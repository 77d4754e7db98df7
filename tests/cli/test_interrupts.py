"""A signal while a transaction commits waits for it; elsewhere it stops the command at once."""

from __future__ import annotations

import os
import signal

import pytest

from legation.interrupts import Interrupted, held, interruptible


def test_a_signal_outside_a_held_block_stops_at_once():
    ran_on = False
    with pytest.raises(Interrupted) as stopped, interruptible():
        os.kill(os.getpid(), signal.SIGTERM)
        ran_on = True
    assert stopped.value.signal == signal.SIGTERM and not ran_on


def test_a_signal_inside_a_held_block_waits_for_its_end():
    steps = []
    with pytest.raises(Interrupted) as stopped, interruptible():
        with held():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("committed")
            with held():  # nested: raised at the outermost end
                steps.append("counted")
            steps.append("tallied")
        steps.append("next batch")
    assert stopped.value.signal == signal.SIGINT and steps == ["committed", "counted", "tallied"]


def test_the_handlers_before_are_put_back():
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    with pytest.raises(Interrupted), interruptible():
        os.kill(os.getpid(), signal.SIGTERM)
    with interruptible():
        pass
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the lost raise, as Python reports it
def test_a_signal_whose_raise_is_lost_is_raised_again_after_the_next_held_block():
    # a raise in a finalizer is printed as "Exception ignored in: …" and lost: the ingest ran on to its end, exit 0
    import gc
    import weakref

    class Thing:
        pass

    steps = []
    with pytest.raises(Interrupted) as stopped, interruptible():
        thing = Thing()
        weakref.finalize(thing, os.kill, os.getpid(), signal.SIGTERM)  # the handler runs, and raises, inside the finalizer
        del thing
        gc.collect()
        steps.append("went on")  # the raise was lost
        with held():
            steps.append("next batch")
        steps.append("after it")
    assert stopped.value.signal == signal.SIGTERM and steps == ["went on", "next batch"]


def test_code_catching_every_exception_does_not_swallow_it():
    with pytest.raises(Interrupted), interruptible():
        try:
            os.kill(os.getpid(), signal.SIGINT)
        except Exception:  # as a reader trying one date form after another
            pass


REPEATED = """
import os, signal, sys, time
from legation.interrupts import REPEAT_GRACE, Interrupted, held, interruptible

try:
    with interruptible():
        with held():
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)  # the same Ctrl-C passed on again by `uv run`
            print("committed", flush=True)
            if sys.argv[1] == "late":
                time.sleep(REPEAT_GRACE + 0.2)
                os.kill(os.getpid(), signal.SIGINT)  # a second Ctrl-C, meant: ends at once
                print("went on", flush=True)
except Interrupted as stopped:
    print("stopped by", stopped, flush=True)
"""


@pytest.mark.parametrize("when", ["at once", "late"])
def test_a_signal_repeated_at_once_is_the_first_and_a_later_one_ends_the_process(when: str):
    # Ctrl-C under `uv run legation ingest` reached the command twice (the terminal's and uv's), and the
    # second ended it without saying what it stored (a fresh archivist)
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", REPEATED, when], capture_output=True, text=True, timeout=60)
    if when == "at once":
        assert (run.returncode, run.stdout.split("\n")) == (0, ["committed", "stopped by SIGINT", ""]), run.stderr
    else:
        assert (run.returncode, run.stdout) == (-signal.SIGINT, "committed\n"), run.stderr
