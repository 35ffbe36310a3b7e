"""The BLAS thread limit: held per thread; the strictest one held applies to the process
(OpenBLAS's pthreads build has one count for all threads)."""

from __future__ import annotations

import threading

import pytest

from core.engine import blas

pytestmark = pytest.mark.skipif(blas.library_threads() is None,
                                reason="this BLAS cannot be told its thread count")


def in_thread(function) -> None:
    thread = threading.Thread(target=function)
    thread.start()
    thread.join()


def test_a_limit_lifted_in_one_thread_stays_in_force_while_another_holds_it() -> None:
    """Two workers limit BLAS to 1 thread; the first to finish restores what it was given.
    Before, that restored the library's count for everybody, under the one still training."""
    mine = blas.limit_threads_here(1)  # the test's own thread holds 1 too, at first
    unlimited = mine
    assert blas.library_threads() == 1
    seen: list[tuple[int | None, int | None]] = []

    def other() -> None:
        previous = blas.limit_threads_here(1)
        blas.limit_threads_here(previous)  # lifts its own limit only
        seen.append((previous, blas.library_threads()))

    in_thread(other)
    assert seen == [(unlimited, 1)]  # its previous was "no limit", and mine still holds
    assert blas.limit_threads_here(mine) == 1
    assert blas.library_threads() == unlimited == blas.current_limit()


def test_held_limits_the_calling_thread_for_the_with_block_only() -> None:
    before = blas.current_limit()
    with blas.held(1):
        assert blas.library_threads() == 1 == blas.current_limit()
        with blas.held(1):  # nested, as a training run inside a worker that holds one
            assert blas.library_threads() == 1
        assert blas.library_threads() == 1  # the outer hold is still in force
    assert blas.current_limit() == before
