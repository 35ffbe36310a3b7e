"""Run as a script: a worker QObject in a QThread emits N signals to a GUI-thread slot.

PySide6 6.12.0 on Python 3.11 aborts in such a storm (docs/qt-notes.md §1); running it in a
subprocess lets the test see a crash as a failure instead of losing pytest. Prints
"received=<n> wrong_thread=<m> payload_errors=<k>" and exits 0 when every payload arrived,
in order, in the GUI thread.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot


class Emitter(QObject):
    payload = Signal(object)
    done = Signal()

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    @Slot()
    def run(self) -> None:
        for i in range(self.count):
            # bools and None are what crashed 6.12.0 (bool_dealloc / none_dealloc)
            self.payload.emit({"i": i, "flag": i % 2 == 0, "none": None, "loss": 1.0 / (i + 1)})
        self.done.emit()


class Receiver(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__()
        self.app = app
        self.received = 0
        self.wrong_thread = 0
        self.payload_errors = 0

    @Slot(object)
    def on_payload(self, data: dict) -> None:
        if QThread.currentThread() is not self.app.thread():
            self.wrong_thread += 1
        if data["i"] != self.received or data["flag"] != (data["i"] % 2 == 0) or data["none"]:
            self.payload_errors += 1
        self.received += 1

    @Slot()
    def on_done(self) -> None:
        self.app.quit()


def main(count: int) -> int:
    app = QCoreApplication(sys.argv[:1])
    thread = QThread()
    emitter = Emitter(count)  # no parent: it is moved to the thread
    emitter.moveToThread(thread)
    receiver = Receiver(app)
    emitter.payload.connect(receiver.on_payload)
    emitter.done.connect(receiver.on_done)
    thread.started.connect(emitter.run)
    QTimer.singleShot(0, thread.start)
    app.exec()
    thread.quit()
    thread.wait()
    print(f"received={receiver.received} wrong_thread={receiver.wrong_thread} "
          f"payload_errors={receiver.payload_errors}")
    ok = receiver.received == count and not receiver.wrong_thread and not receiver.payload_errors
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
