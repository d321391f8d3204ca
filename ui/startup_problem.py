"""The window Loket shows when it cannot start: what is wrong, what to do, where the files are.

The windowed build has no console, so a traceback at start-up would show nothing at all,
and a service that failed while the login window waited left it on "Menyiapkan…" for
ever. Every start-up failure ends here instead: a damaged profile (``ProfileDamaged``:
settings, journal, secrets, a folder Loket cannot write) with its own advice, anything
else with the error's text and the log's place. Closing the window quits Loket.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from services.profile import ProfileDamaged
from ui.errors import localized
from ui.i18n import translate


class StartupProblem(QWidget):
    closed = Signal()

    def __init__(self, exc: BaseException, *, profile_folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupProblem")
        self.setWindowTitle(self.tr("Tidak dapat dimulai"))  # Qt adds " — Loket", the display name
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        title = QLabel(self.tr("Loket tidak dapat dimulai"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        if isinstance(exc, ProfileDamaged):
            problem = localized(exc)
            todo = translate("errors", exc.todo)
        else:  # not a damage Loket knows: say what it was, and where the log is
            problem = self.tr("Terjadi kesalahan saat menyiapkan Loket: {error}").format(
                error=f"{type(exc).__name__}: {exc}")
            todo = self.tr("Tutup Loket lalu buka lagi. Bila pesan ini muncul lagi, hubungi helpdesk dan "
                           "sebutkan pesan ini.")
        self.problem = QLabel(problem)
        self.problem.setObjectName("startupProblemText")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem)
        heading = QLabel(self.tr("Yang harus dilakukan"))
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        self.todo = QLabel(todo)
        self.todo.setWordWrap(True)
        layout.addWidget(self.todo)
        where = (exc.path if isinstance(exc, ProfileDamaged) else None) or profile_folder
        self.where = QLabel(self.tr("File: {path}").format(path=where) if where else "")
        self.where.setObjectName("muted")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setVisible(bool(where))
        layout.addWidget(self.where)
        row = QHBoxLayout()
        row.addStretch(1)
        self.copy_button = QPushButton(self.tr("Salin keterangan"))
        self.copy_button.setObjectName("secondary")
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button)
        self.close_button = QPushButton(self.tr("Tutup Loket"))
        self.close_button.setObjectName("primary")
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.close_button)
        layout.addLayout(row)

    def text(self) -> str:
        """Everything the window says, for the helpdesk."""
        return "\n".join(t for t in (self.problem.text(), self.todo.text(), self.where.text()) if t)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().closeEvent(event)
        self.closed.emit()
