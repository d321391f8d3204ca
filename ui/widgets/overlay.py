"""A veil over a screen while a call is running: the agent sees that work is in progress
and cannot press anything underneath it. When the call declares its deadline (the host
client's ``deadline``: connection and whole answer) the veil counts the seconds down, so
the agent knows the wait has an end.

While the call runs the veil may hold the keyboard (``hold_keys``, ``Screen.run``): every key
pressed then does nothing. Qt had sent the keyboard from the disabled button to the header,
where a habitual Enter or Space opened the drill list or the side menu mid-payment. The
counter's keyboard rules pass the veil's keys by too (``ui/counter.py``), and it accepts
every shortcut's override, so Ctrl+H does not walk away from a payment either."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class BusyOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("busyOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel(self.tr("Memproses…"))
        self.label.setObjectName("busyLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.countdown = QLabel("")
        self.countdown.setObjectName("busyCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown)
        self._ends = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        parent.installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never a Tab stop: it takes the keyboard only in ``hold_keys``
        self.hide()

    def start(self, text: str = "Memproses…", deadline: float | None = None) -> None:
        """``deadline``: seconds the call may take at most; shown counting down."""
        self.label.setText(text)
        self._timer.stop()
        self.countdown.setText("")
        if deadline:
            self._ends = time.monotonic() + deadline
            self._tick()
            self._timer.start()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def hold_keys(self) -> None:
        """The keyboard on the veil until the call ends (the screen then hands it on)."""
        if self.isVisible():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent):  # a key press or release, a shortcut's override: used up here
            event.accept()  # (Tab too, which QWidget.event would pass down the focus chain)
            return True
        return super().event(event)

    def _tick(self) -> None:
        left = max(0, round(self._ends - time.monotonic()))
        self.countdown.setText(self.tr("Batas waktu jawaban bank: {seconds} detik lagi").format(seconds=left))

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False
