"""The baseline for Loket's start-up time under Wine: a bare PySide6 window.

.ci/windows.sh freezes this with bare.spec (the way build.spec freezes Loket) and times
"start -> window on screen" for both, started the same way. The window's title is what
the script waits for.
"""

from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
window = QWidget()
window.setWindowTitle("bare PySide6 window")
window.resize(1366, 768)
window.show()
raise SystemExit(app.exec())
