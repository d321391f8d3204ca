"""A read-only, fixed-pitch view of what goes to the receipt printer (a slip, a day
summary): the columns line up on screen as they will on paper."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit


def monospace_preview(name: str) -> QPlainTextEdit:
    preview = QPlainTextEdit(objectName=name)
    preview.setReadOnly(True)
    preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return preview
