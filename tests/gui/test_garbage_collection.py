"""Python's cyclic garbage collector runs in whichever thread crosses its allocation threshold;
in a worker it destroyed GUI objects from the wrong thread (a deadlock, seen in the suite). Once
a window exists, garbage is collected on the GUI thread only."""

import gc
import threading

from gui.worker_thread import collect_garbage_on_gui_thread


class Cycle:
    """Garbage only the cyclic collector frees; it notes the thread that freed it."""

    def __init__(self, freed_in: list[str]) -> None:
        self.me = self
        self.freed_in = freed_in

    def __del__(self) -> None:
        self.freed_in.append(threading.current_thread().name)


def test_a_busy_worker_thread_never_collects_the_gui_threads_garbage(qtbot, window):
    assert not gc.isenabled()  # the window turned automatic collection off
    assert collect_garbage_on_gui_thread() is collect_garbage_on_gui_thread()  # one timer
    freed_in: list[str] = []
    Cycle(freed_in)  # dropped at once: unreachable, but alive until a collection

    def allocate() -> None:  # far past every threshold of automatic collection
        for _ in range(50):
            keep = [[] for _ in range(10_000)]
            del keep

    worker = threading.Thread(target=allocate, name="busy worker")
    worker.start()
    worker.join()
    assert freed_in == []  # the worker did not collect it
    qtbot.waitUntil(lambda: freed_in != [], timeout=5_000)  # the GUI thread's timer did
    assert freed_in == [threading.main_thread().name]
