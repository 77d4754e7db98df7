"""Facets counted in other threads beside the page (search/parallel.py): the same results as counted
in the search's own thread, on real FRUS documents; and the thread helper itself, which must never
leave a search waiting (no free thread: run here; a forked worker: threads of its own)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading

import pytest

from legation.search import parallel, service
from legation.search.service import SearchRequest, search

REQUESTS = [
    SearchRequest(q="Chou En-lai treaty"),
    SearchRequest(q='"Far Eastern Commission" reparations', sort="date_desc"),
    SearchRequest(q="Soviet", filters={"type": ["Telegram"], "year": ["1949"]}),
    SearchRequest(q="Soviet OR Chinese", start_date=dt.date(1949, 10, 1), end_date=dt.date(1949, 12, 31), page=2),
    SearchRequest(q="Mao Tse-tung xylophonist quorbal"),  # no document has every word: the most-words fallback
    SearchRequest(q=""),  # browsing every document
]


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: r.q or "browse")
def test_facets_counted_beside_the_page_are_those_counted_in_turn(demo_volumes, monkeypatch, request_):
    index = demo_volumes("frus1949v07p1", "frus1949v07p2")  # 1949, the Far East
    monkeypatch.setattr(service, "PARALLEL_FROM", 10**9)
    in_turn = search(request_, index)
    monkeypatch.setattr(service, "PARALLEL_FROM", 0)  # the test archive is small: make it count beside
    threads: list[str] = []  # the thread of each facet count
    counted = service.count_facets

    def noting_its_thread(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return counted(*args, **kwargs)

    monkeypatch.setattr(service, "count_facets", noting_its_thread)
    beside = search(request_, index)
    assert beside == in_turn
    assert in_turn.total and any(f.values for f in in_turn.facets)
    # in another thread; for the most-words fallback then again, beside its page too
    fallback = "No document has all of these words" in in_turn.notice
    assert [name.rstrip("0123456789") for name in threads] == ["legation-search_"] * (2 if fallback else 1), threads


def test_a_step_runs_here_when_every_thread_is_busy():
    release = threading.Event()
    busy = [parallel.start(release.wait, 10) for _ in range(parallel.THREADS)]
    try:
        step = parallel.start(threading.current_thread)
        assert step.done() and step.result() is threading.current_thread()
    finally:
        release.set()
    assert all(f.result(timeout=10) for f in busy)
    assert parallel.start(threading.current_thread).result(timeout=10) is not threading.current_thread()


def test_a_step_raises_what_it_raised():
    def fails():
        raise ValueError("bad step")

    with pytest.raises(ValueError, match="bad step"):
        parallel.start(fails).result(timeout=10)  # in another thread
    release = threading.Event()
    busy = [parallel.start(release.wait, 10) for _ in range(parallel.THREADS)]
    try:
        with pytest.raises(ValueError, match="bad step"):
            parallel.start(fails).result(timeout=10)  # here: every thread busy
    finally:
        release.set()
    assert all(f.result(timeout=10) for f in busy)


def _in_child(answers) -> None:
    answers.put(parallel.start(sum, [1, 2, 3]).result(timeout=10))


def test_a_forked_process_gets_threads_of_its_own():
    """An executor copied by fork believes its threads are there: a step started in the child
    would wait for ever."""
    assert parallel.start(sum, [1]).result(timeout=10) == 1  # the parent's threads exist now
    context = multiprocessing.get_context("fork")
    answers = context.Queue()
    child = context.Process(target=_in_child, args=(answers,))
    child.start()
    child.join(30)
    assert child.exitcode == 0 and answers.get(timeout=5) == 6
