"""The page scroll areas of the main window: one scroll bar per page, and none of them a Tab
stop (a keyboard walk at 1024x768 at 125 % found the page's scroll area between "Keluar" and
the page's first box on every screen, a stop that showed nothing).

The pages sit in one scroll area (``scrolling``), sized by the page on show (``PageStack``).
A page that holds a list of its own (a report, Biaya Loket's fees, Buka Rekening's form:
``own_scroll``) fits the window and only the list scrolls; Page Up/Down that no widget of the
page uses scroll it (``scroll_by_key``). Not imported before the login window: PySide's
``Qt`` namespace, built on first use, costs the login window ~13 ms (``ui.screen_fit``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractSlider, QFrame, QScrollArea, QStackedWidget, QWidget

from ui.screen_fit import scroll_areas, sized_to_current, top_on_turn


class PageStack(QStackedWidget):
    """The shell's pages, as tall as the page on show for its width, and no taller than the
    window when the page scrolls inside itself (a report): it scrolls once, inside, not twice.

    Qt's stack answers ``heightForWidth`` with its tallest page, built or shown: once Beranda
    was built (653 px at 819x614) every shorter page scrolled by the difference, on nothing.
    The page on show alone is asked here, not the stack's layout: that layout asks every page
    (each a ``StackPage``, which answers 0 while hidden), 30 Python calls a layout pass, and
    the page's scroll areas are looked up once each time a page is shown, not at each pass.
    Both cost the GUI thread ~3 ms a payment in the day bench (1.4 s over 500)."""

    def __init__(self) -> None:
        super().__init__()
        self._areas: list[QScrollArea] = []  # the page on show's own scroll areas
        self.currentChanged.connect(self._shown)

    def _shown(self, _index: int) -> None:
        page = self.currentWidget()
        self._areas = page.findChildren(QScrollArea) if page is not None else []
        self.updateGeometry()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        if page is None:
            return -1
        height = page.heightForWidth(width)
        viewport = self.parentWidget()
        if height > 0 and viewport is not None and any(area.isVisibleTo(page) for area in self._areas):
            # its own list scrolls, in the window's height (or its least): one scroll bar
            height = min(height, max(viewport.height(), page.minimumSizeHint().height()))
        return height


# the least height of a page's own scroll area: lower than that, the page scrolls instead
OWN_SCROLL_HEIGHT = 200


class ContentScroll(QScrollArea):
    """A scroll area that asks for its content's whole height at its width, so a layout gives
    it that where the window has the room (what follows comes right under the content) and
    takes height from it first where the window has not. Qt's asks for the content's height
    when first asked (empty, at construction) and never again."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content changed: so did the height asked for
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # another width, another height of the content

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        content = self.widget()
        if content is None:
            return hint
        height = content.heightForWidth(self.viewport().width()) if content.hasHeightForWidth() else -1
        return QSize(hint.width(), (height if height >= 0 else content.sizeHint().height()) + 2 * self.frameWidth())


def own_scroll(content: QWidget | None = None, name: str = "plain", *, shrinks: bool = False) -> QScrollArea:
    """A page's own scroll area (a long form, a list, a summary): no frame, no sideways
    scrolling, and no Tab stop: Tab goes from field to field and Qt scrolls the field reached
    into view; a key the page's widgets leave unused scrolls it (``Screen.keyPressEvent``).
    ``shrinks``: as tall as its content where there is the room (``ContentScroll``), else as
    the page's other widgets leave it, down to nothing (no ``OWN_SCROLL_HEIGHT``)."""
    area = ContentScroll(objectName=name) if shrinks else QScrollArea(objectName=name)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setMinimumHeight(0 if shrinks else OWN_SCROLL_HEIGHT)
    if content is not None:
        area.setWidget(content)
    return area


# the keys that scroll what the focused widget is in when it leaves them unused (a button
# leaves Page Up/Down, a line edit the arrows as well)
SCROLL_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def scroll_by_key(page: QWidget, key: int) -> bool:
    """A key no widget of ``page`` used (Page Down on a button, an arrow in a box): it
    scrolls the page's own scroll area that can scroll (Laporan X's report, which holds no
    Tab stop of its own, nor does its page), when that is the page's one scroll: the page
    fits the window (``PageStack``). False otherwise: the page scroll area around the screen
    takes the key. An area the focus is in took it already."""
    around = next(scroll_areas(page), None)
    if around is not None and around.verticalScrollBar().maximum() > 0:
        return False
    area = next((a for a in page.findChildren(QScrollArea)
                 if a.isVisible() and a.verticalScrollBar().maximum() > 0), None)
    if area is None:
        return False
    step = {Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
            Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
            Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
            Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd}[Qt.Key(key)]
    area.verticalScrollBar().triggerAction(step)
    return True


def scrolling(page_stack: QStackedWidget) -> QScrollArea:
    """The pages in a scroll area: a page taller or wider than a small (or scaled) screen
    scrolls inside the window instead of pushing the window off the screen. At 1366x768
    and 100 % nothing scrolls: the area gives the pages all the room there is. Only the
    page on show counts for the minimum size."""
    sized_to_current(page_stack)
    area = QScrollArea()
    area.setObjectName("stackScroll")
    # no Tab stop of its own: Tab goes from field to field, and Qt scrolls the field reached
    # into view; the arrows and Page Up/Down a field does not use scroll the page
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page_stack)
    top_on_turn(page_stack)
    return area
