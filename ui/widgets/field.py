"""A labelled input with room for its own error message underneath.

The error presenter finds a ``Field`` by the name a ``UserInputError`` carries, marks the
input red (``error`` property in the style sheet), shows the message under it and gives it
the focus. Typing into the field clears the error.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets.restyle import mark


class Field(QWidget):
    def __init__(self, label: str, editor: QWidget, *, hint: str = "", beside: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(label)
        self.label.setObjectName("fieldLabel")
        self.label.setBuddy(editor)
        layout.addWidget(self.label)
        if beside is None:
            layout.addWidget(editor)
        else:  # e.g. a file picker's button: on the editor's line, the error still under both
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(editor, 1)
            line.addWidget(beside)
            layout.addLayout(line)
        self.hint = QLabel(hint)
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)  # first: shown before it has a parent, it flashed up as a window of its own
        self.hint.setVisible(bool(hint))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self.clear_error)
            return
        from PySide6.QtWidgets import QComboBox  # not the login window's: its class costs PySide ~0.3 ms

        if isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self.clear_error)
            if editor.lineEdit() is not None:  # a box to type into (a transfer's bank): typing too
                editor.lineEdit().textEdited.connect(self.clear_error)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        mark(self.editor, "error", True)
        self.editor.setFocus()
        if isinstance(self.editor, QLineEdit):
            self.editor.selectAll()

    def clear_error(self) -> None:
        if not self.error.isVisible():
            return
        self.error.hide()
        mark(self.editor, "error", False)
