"""Python's cycle collector, run on the GUI thread only (after Anki's and calibre's ``GarbageCollector``).

Left to itself, the collector runs on whichever thread happens to allocate past its threshold:
often a worker (a payment, a report, the login's imports). A cycle it finds there may hold Qt
objects (a closed dialog's widgets, a screen's lambdas pointing back at it), and their C++
destructors then run on that worker: against Qt's rule that widgets die on the GUI thread, and
into a deadlock seen in the test suite (the worker, inside ``~QObject``, waiting for the GIL;
the GUI thread, holding the GIL, waiting for the Qt lock the destructor held). The counter froze
for good, as it would at a kiosk.

So the automatic collector is switched off and this timer on the GUI thread runs each
generation when its count has passed the threshold the automatic one would have used: the
same collections, on the one thread where destroying a widget is safe. Reference counting,
which frees almost everything, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Made on the GUI thread; lives as long as its parent (the application)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def collect(self) -> None:
        """Each generation whose count passed its threshold, youngest first, as ``gc`` would."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self.threshold[generation]:
                break
            gc.collect(generation)
