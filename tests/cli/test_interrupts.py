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
