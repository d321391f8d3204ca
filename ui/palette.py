"""The command palette (Ctrl+K anywhere, or typing on the home screen): one search box over
every screen in the menu and every bill-payment product, so "setor", "pln" or "bpjs" and
Enter is all it takes to start serving the next customer.

A frameless popup over the main window: the search box keeps the focus, Up/Down (and
PageUp/PageDown) move the highlighted entry, Enter opens it, Esc or a click outside closes.
Screens match when every typed word starts a word of their title or menu group, as shown
in the agent's language or as written in Indonesian: an agent who switched to English still
types "setor" and finds Cash Deposit. Products come from the catalogue's own ``search``
(Indonesian names, aliases, providers, accents), after the screens.

The palette only says what was chosen (``screen_chosen(id)`` / ``product_chosen(spec)``);
the shell's counter helpers open it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.models.catalogue_names import category_text, name_text, shown_words
from ui.registry import group_label

if TYPE_CHECKING:
    from services.products import Catalogue
    from ui.registry import ScreenEntry

WIDTH = 640
VISIBLE_ROWS = 9
# Words the search box suggests; only those that find something are shown, so the box
# never suggests a product this counter does not sell.
EXAMPLES = ("setor", "transfer", "pln", "bpjs", "pulsa", "pdam")


@dataclass(frozen=True)
class Entry:
    title: str
    detail: str
    kind: str  # "screen" | "product" | "action"
    value: Any  # screen id | ProductSpec | what the action does (a callable)
    source: str = ""  # the Indonesian title and group, matched as well as the shown words


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch if ch.isalnum() else " " for ch in plain).split()


def matches(typed: str, text: str) -> bool:
    """Every typed word starts some word of ``text`` ("set tun" finds "Setor Tunai")."""
    words = _words(text)
    return all(any(w.startswith(t) for w in words) for t in _words(typed))


class CommandPalette(QFrame):
    screen_chosen = Signal(str)
    product_chosen = Signal(object)  # ProductSpec

    def __init__(self, screens: "list[ScreenEntry]", catalogue: "Catalogue | None", parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("palette")
        self.screens = [Entry(translate("screens", e.title), translate("groups", group_label(e.group)), "screen", e.id,
                              " ".join((e.title, group_label(e.group), *e.aliases))) for e in screens]
        self.catalogue = catalogue
        self.entries: list[Entry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 10)
        layout.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("paletteSearch")
        self.examples = [word for word in EXAMPLES if self.find(word)]
        self.search.setPlaceholderText(self.tr("Ketik menu atau produk: {examples}…").format(
            examples=", ".join(self.examples)))
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setObjectName("paletteList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.itemClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        self.hint = QLabel(self.tr("↑ ↓ pilih · Enter buka · Esc tutup"))
        self.hint.setObjectName("paletteHint")
        layout.addWidget(self.hint)

    def add_action(self, title: str, detail: str, words: str, do: Callable[[], None]) -> None:
        """A thing to do that is no screen (the header's training switch), found with the
        screens by ``title``, ``detail`` and the other ``words``: typed, "latihan" found
        nothing, and the switch was six Tabs away."""
        self.screens.append(Entry(title, detail, "action", do, words))

    # -- showing ---------------------------------------------------------------------
    def popup(self, text: str = "") -> None:
        """Open over the top of the main window, the search box holding ``text``."""
        window = self.parentWidget().window()
        self.setFixedWidth(min(WIDTH, window.width() - 40))
        self.search.setText(text)
        self.refresh(text)
        top_left = window.mapToGlobal(window.rect().topLeft())
        self.move(top_left.x() + (window.width() - self.width()) // 2, top_left.y() + 90)
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()
        self.search.end(False)

    def find(self, typed: str) -> list[Entry]:
        """The screens, then the products, that ``typed`` finds (everything for nothing typed).
        Screens whose own title the words start come first, then those found by their group
        or another name ("report" opened Shift & Cash, of the Reports group, before X Report)."""
        found = [e for e in self.screens if matches(typed, f"{e.title} {e.detail} {e.source}")]
        found.sort(key=lambda e: not matches(typed, e.title))  # stable: menu order within each
        if self.catalogue is not None:
            products = (self.catalogue.search(typed, shown_words(self.catalogue)) if typed
                        else list(self.catalogue.products))
            found += [Entry(name_text(p), f"{translate('groups', group_label(p.group))} · {category_text(p.category)}",
                            "product", p) for p in products]
        return found

    def refresh(self, text: str) -> None:
        typed = text.strip()
        found = self.find(typed)
        self.entries = found
        self.list.clear()
        for entry in found:
            item = QListWidgetItem(f"{entry.title}    —    {entry.detail}")
            item.setToolTip(entry.title)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        # as tall as what was found (up to VISIBLE_ROWS rows): no empty box under two results
        row_height = self.list.sizeHintForRow(0) if found else 0
        self.list.setFixedHeight(row_height * min(len(found), VISIBLE_ROWS) + 2 * self.list.frameWidth())
        self.list.setVisible(bool(found))
        self.adjustSize()
        self.hint.setText(self.tr("↑ ↓ pilih · Enter buka · Esc tutup") if found
                          else self.tr("Tidak ada menu atau produk yang cocok dengan “{typed}”.").format(typed=typed))

    def current(self) -> Entry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    # -- keys ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: VISIBLE_ROWS,
                 Qt.Key.Key_PageUp: -VISIBLE_ROWS}
        if key in steps and self.entries:
            row = min(max(self.list.currentRow() + steps[key], 0), len(self.entries) - 1)
            self.list.setCurrentRow(row)
            return True
        return False

    def accept(self) -> None:
        entry = self.current()
        if entry is None:
            return
        self.close()
        if entry.kind == "screen":
            self.screen_chosen.emit(entry.value)
        elif entry.kind == "action":
            entry.value()
        else:
            self.product_chosen.emit(entry.value)
