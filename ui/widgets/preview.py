"""A read-only, fixed-pitch view of what goes to the receipt printer (a slip, a day
summary): the columns line up on screen as they will on paper."""

from __future__ import annotations

import math

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit


def monospace_preview(name: str) -> QPlainTextEdit:
    preview = QPlainTextEdit(objectName=name)
    preview.setReadOnly(True)
    preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return preview


def whole_width(preview: QPlainTextEdit) -> int:
    """The width at which every line of ``preview`` shows whole, without scrolling sideways:
    its widest line, the document's margins, the cursor, and the frame, padding and vertical
    scroll bar around its viewport (room for that bar kept while it is hidden)."""
    preview.ensurePolished()  # the style sheet's font and padding
    metrics = preview.fontMetrics()
    text = max((metrics.horizontalAdvance(line) for line in preview.toPlainText().splitlines()), default=0)
    # Before its first layout the viewport keeps Qt's default size, wider than the preview:
    # no chrome then (the resize that follows measures it).
    chrome = max(0, preview.width() - preview.viewport().width())
    bar = preview.verticalScrollBar()
    if not bar.isVisibleTo(preview):
        chrome += bar.sizeHint().width()
    margin = preview.document().documentMargin()
    return math.ceil(text + 2 * margin) + preview.cursorWidth() + chrome


def whole_height(preview: QPlainTextEdit) -> int:
    """The height at which every line of ``preview`` shows without scrolling."""
    preview.ensurePolished()
    lines, block = 0.0, preview.document().firstBlock()
    while block.isValid():  # each line as tall as the layout makes it (a pixel over the font's spacing)
        lines += preview.blockBoundingRect(block).height()
        block = block.next()
    # As in ``whole_width``: before its first layout the viewport keeps Qt's default size,
    # taller than a preview its page has already sized (Tutup Hari's reflow): no chrome then.
    chrome = max(0, preview.height() - preview.viewport().height())
    return math.ceil(lines + 2 * preview.document().documentMargin()) + chrome
