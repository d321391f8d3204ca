"""The training switch in the header, beside the SANDBOX badge (sandbox mode only).

A drop-down of drills (``services.training``): the trainee picks one, the next
transaction meets it, and the switch falls back to "Latihan: mati" by itself once it was
used, so a drill never lingers. The switch may be used up on the worker thread; a signal
brings that back to the GUI thread.

It is as wide as the choice it shows, not as its longest one: the header has to fit a
1024x768 screen at 125 % (819 logical pixels); its open list still shows every choice whole.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget

from services.training import LABELS, Drill, TrainingSwitch
from ui.i18n import translate
from ui.widgets.restyle import mark


class TrainingSelector(QComboBox):
    changed = Signal(object)  # Drill | None, from any thread

    def __init__(self, switch: TrainingSwitch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSwitch")
        self.setToolTip(translate("training", "Untuk latihan: transaksi berikutnya dibuat tidak dijawab bank, "
                                              "ditolak sambungannya, atau tidak sampai ke bank. Hanya di sandbox."))
        self.switch = switch
        self._then: Callable[[], None] | None = None  # after the palette's choice (``choose``)
        for drill, label in LABELS.items():
            self.addItem(translate("training", label), drill.value if drill else "")
        self.changed.connect(self._show)
        switch.on_change = self.changed.emit
        self._show(switch.drill)
        self.activated.connect(lambda index: switch.arm(Drill(self.itemData(index)) if self.itemData(index) else None))
        self.currentIndexChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.horizontalAdvance(self.currentText()), metrics.height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def choose(self, then: Callable[[], None]) -> None:
        """The palette's "Latihan": the cursor on the switch and its list open, the arrows
        and Enter pick a drill. Once the list closes (a drill picked, or Esc), ``then``: the
        keyboard goes back to the page (it stayed on the switch, where the next arrow
        changed the drill and the next digits went nowhere)."""
        self._then = then
        self.setFocus()
        self.showPopup()
        self.view().window().installEventFilter(self)  # the list's window: once, Qt keeps one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # the list's window hidden, however it closed (an item taken, Esc, a click outside):
        # Esc closes it without ``hidePopup``
        if event.type() == QEvent.Type.Hide and watched is self.view().window() and self._then is not None:
            then, self._then = self._then, None
            then()
        return super().eventFilter(watched, event)

    def _show(self, drill: Drill | None) -> None:
        self.setCurrentIndex(self.findData(drill.value if drill else ""))
        mark(self, "armed", drill is not None)  # amber while a drill waits
