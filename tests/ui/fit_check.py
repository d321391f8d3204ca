"""What an agent would see cut: text wider (or taller) than the widget showing it, a widget
outside the window or its container, a widget left or right of its scroll area's viewport
(the area scrolls down, not sideways), a table whose columns run off its side or that shows
less than its first rows, a tab bar whose tabs do not all show (scroll arrows, "Catata…").
Used by the every-screen test at the kiosk's four sizes.

Measured with the widget's own ``fontMetrics`` and the style's contents rectangles (which
know the style sheet's padding), so a finding is text the agent cannot read whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QTableView,
    QWidget,
)

SLACK = 1  # a pixel of rounding
ROWS_SHOWN = 2  # a table with rows shows at least this many (or all it has) whole
ROW_LINES = 4  # a table row is at most this many lines of text tall
# scroll areas whose sideways cut is known and left for now (objectName: what is cut)
SIDEWAYS_KNOWN = {
    # the sidebar is 232px fixed; beside its scroll bar the entries (226px with "Transfer
    # Sesama Bank") lose their right ~9px: the rounded end of the highlight, no text. A
    # wider sidebar makes Riwayat and Kunci API scroll sideways at 1024x768.
    "sidebarScroll": "the nav buttons' right ends under the scroll bar",
}


@dataclass(frozen=True)
class Finding:
    widget: str
    problem: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.problem}"


def plain(text: str) -> str:
    if re.search(r"<[a-zA-Z/][^>]*>", text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def describe(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "placeholderText", "currentText"):
        # Qt's own getters only: a screen may have a method of its own by that name
        # (TransferStepsScreen.text(key)).
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit, QComboBox)) and hasattr(widget, getter):
            text = plain(getattr(widget, getter)()).replace("\n", " ")[:40]
            if text:
                break
    if not text and not isinstance(widget, QLabel):  # a container (a form's Field): by its first label
        label = widget.findChild(QLabel)
        text = plain(label.text()).replace("\n", " ")[:40] if label is not None else ""
    name = widget.objectName()
    return f"{type(widget).__name__}{'#' + name if name else ''} {text!r}"


def shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def scroll_viewport(widget: QWidget, window: QWidget) -> tuple[QAbstractScrollArea, QWidget] | None:
    """The nearest scroll area ``widget`` is inside, and its viewport (None if there is none)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return grand, parent
        parent = grand
    return None


def in_scroll_viewport(widget: QWidget, window: QWidget) -> bool:
    """True when some ancestor is a scroll area's viewport: the area decides what shows."""
    return scroll_viewport(widget, window) is not None


def sideways_out(widget: QWidget, viewport: QWidget) -> bool:
    left = widget.mapTo(viewport, QPoint(0, 0)).x()
    return left < -SLACK or left + widget.width() > viewport.width() + SLACK


def viewport_findings(widget: QWidget, window: QWidget) -> list[str]:
    """Left or right of the viewport of the scroll area it is in. Down is where a scroll area
    scrolls to, but sideways it cuts: with no horizontal scroll bar the agent never sees the
    rest (Buka Rekening's right column at 1024x768), with one the form has to be scrolled to
    and fro. A widget whose parent is already out is not named again (its parent is); the
    area's own content widget is not named (what is out of it is)."""
    found = scroll_viewport(widget, window)
    if found is None or not isinstance(found[0], QScrollArea) or widget is found[0].widget() or \
            found[0].objectName() in SIDEWAYS_KNOWN:
        return []
    area, viewport = found
    parent = widget.parentWidget()
    if parent is not viewport and parent is not area.widget() and sideways_out(parent, viewport):
        return []
    if not sideways_out(widget, viewport):
        return []
    left = widget.mapTo(viewport, QPoint(0, 0)).x()
    return [f"at x {left}..{left + widget.width()}, cut by its scroll area's {viewport.width()}px wide viewport"]


def text_width(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def label_findings(label: QLabel) -> list[str]:
    text = plain(label.text())
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return []
    rect = label.contentsRect()
    indent = max(label.indent(), 0) + label.margin() * 2
    width = rect.width() - indent
    if label.wordWrap():
        # the longest word must fit; the wrapped text must fit the height
        words = re.split(r"[\s\u200b]+", text)  # a zero-width space is a place to break
        longest = max(words, key=lambda w: label.fontMetrics().horizontalAdvance(w))
        found = []
        if label.fontMetrics().horizontalAdvance(longest) > width + SLACK:
            found.append(f"word {longest!r} wider than the label ({width}px)")
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            found.append(f"wrapped text needs {needed}px, has {label.height()}px")
        return found
    found = []
    needed = text_width(label, text)
    if needed > width + SLACK:
        found.append(f"text needs {needed}px, has {width}px")
    lines = text.count("\n") + 1
    tall = lines * label.fontMetrics().height()
    if tall > rect.height() + SLACK:
        found.append(f"text needs {tall}px tall, has {rect.height()}px")
    return found


def button_findings(button: QAbstractButton) -> list[str]:
    text = plain(button.text())
    if not text.strip():
        return []
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    elif isinstance(button, QPushButton):
        element = QStyle.SubElement.SE_PushButtonContents
    else:
        return [] if button.sizeHint().width() <= button.width() + SLACK else [
            f"needs {button.sizeHint().width()}px, has {button.width()}px"]
    rect = button.style().subElementRect(element, option, button)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    needed = text_width(button, text) + icon
    found = []
    if needed > rect.width() + SLACK:
        found.append(f"text needs {needed}px, has {rect.width()}px")
    tall = (text.count("\n") + 1) * button.fontMetrics().height()
    if tall > rect.height() + SLACK:
        found.append(f"text needs {tall}px tall, has {rect.height()}px")
    return found


def combo_findings(combo: QComboBox) -> list[str]:
    text = combo.currentText()
    if not text or combo.isEditable():
        return []
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = text_width(combo, text)
    return [f"choice needs {needed}px, has {rect.width()}px"] if needed > rect.width() + SLACK else []


def placeholder_findings(edit: QLineEdit) -> list[str]:
    text = edit.placeholderText()
    if not text or edit.text():
        return []
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    # the style sheet's padding and frame, then QLineEdit's own 2px a side
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit).width() - 4
    needed = text_width(edit, text)
    return [f"hint needs {needed}px, has {room}px"] if needed > room + SLACK else []


def table_findings(view: QAbstractItemView) -> list[str]:
    found = []
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if header is not None and header.isVisible():
        if view.horizontalScrollBar().maximum() > 0 or header.length() > view.viewport().width() + SLACK:
            found.append(f"columns need {header.length()}px, the table shows {view.viewport().width()}px")
        model = view.model()
        metrics = header.fontMetrics()
        for column in range(header.count()):
            if header.isSectionHidden(column) or header.sectionSize(column) == 0:
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal) or ""
            needed = metrics.horizontalAdvance(str(title)) + 12
            if needed > header.sectionSize(column) + SLACK:
                found.append(f"column {title!r} needs {needed}px, has {header.sectionSize(column)}px")
    if isinstance(view, QTableView) and view.model() is not None:
        rows = view.model().rowCount()
        line = view.fontMetrics().lineSpacing()
        tallest = max((view.rowHeight(r) for r in range(min(rows, 50))), default=0)
        for r in range(min(rows, 50)):  # a wrapped name in a row left one line tall: its end cut
            if not view.isRowHidden(r) and view.sizeHintForRow(r) > view.rowHeight(r) + SLACK:
                found.append(f"row {r} needs {view.sizeHintForRow(r)}px, has {view.rowHeight(r)}px")
        if tallest > ROW_LINES * line + 16:
            found.append(f"a row is {tallest}px tall (text is {line}px a line)")
        wanted = sum(view.rowHeight(r) for r in range(min(rows, ROWS_SHOWN)))
        if rows and view.viewport().height() + SLACK < wanted:
            found.append(f"shows {view.viewport().height()}px of its first rows' {wanted}px")
    return found


def tab_bar_findings(bar: QTabBar) -> list[str]:
    needed = sum(bar.tabSizeHint(index).width() for index in range(bar.count()))
    return [f"tabs need {needed}px, the bar has {bar.width()}px"] if needed > bar.width() + SLACK else []


def outside_findings(widget: QWidget, window: QWidget, page_area: QAbstractScrollArea | None) -> list[str]:
    """Outside its parent (the parent cuts it), or outside the window."""
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return []
    grand = parent.parentWidget()
    if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
        return []  # a scroll area's content: it scrolls
    if isinstance(widget, QScrollBar) or isinstance(parent, QAbstractScrollArea):
        return []
    found = []
    inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    if not inside.contains(widget.geometry()):
        found.append(f"at {rect_text(widget.geometry())}, outside its parent {type(parent).__name__} "
                     f"({parent.width()}x{parent.height()})")
    if not in_scroll_viewport(widget, window):
        top_left = widget.mapTo(window, widget.rect().topLeft())
        placed = QRect(top_left, widget.size())
        if not window.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(placed):
            found.append(f"at {rect_text(placed)}, outside the {window.width()}x{window.height()} window")
    return found


def rect_text(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


def findings(window: QWidget, page_area: QAbstractScrollArea | None = None) -> list[Finding]:
    """Everything cut in ``window`` as shown now. ``page_area`` (the shell's page scroll area)
    may scroll down, never sideways."""
    found: list[Finding] = []
    if page_area is not None and page_area.isVisible() and page_area.horizontalScrollBar().maximum() > 0:
        found.append(Finding("page", f"scrolls sideways by {page_area.horizontalScrollBar().maximum()}px"))
    for widget in window.findChildren(QWidget):
        if not shown(widget, window) or not visible_in_ancestors(widget, window):
            continue
        problems = outside_findings(widget, window, page_area) + viewport_findings(widget, window)
        if isinstance(widget, QLabel):
            problems += label_findings(widget)
        elif isinstance(widget, QAbstractButton):
            problems += button_findings(widget)
        elif isinstance(widget, QComboBox):
            problems += combo_findings(widget)
        elif isinstance(widget, QLineEdit):
            problems += placeholder_findings(widget)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            problems += table_findings(widget)
        elif isinstance(widget, QTabBar):
            problems += tab_bar_findings(widget)
        found += [Finding(describe(widget), problem) for problem in problems]
    return found


def visible_in_ancestors(widget: QWidget, window: QWidget) -> bool:
    """Not inside a closed popup or a combo's list (those are their own windows)."""
    parent = widget
    while parent is not None and parent is not window:
        if parent.isWindow():
            return False
        parent = parent.parentWidget()
    return parent is window
