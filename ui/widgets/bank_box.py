"""The destination bank of a transfer to another bank (Transfer Antar Bank, BCA: Antar Bank):
a box to type a bank's name or code into, whose list shows the banks that contain what is
typed. The money goes to the bank picked here, so a bank is never guessed:

* **Enter** picks and moves on, in one press: the row the arrows highlighted in the list, or
  the one bank the typed text names (its code or name whole, else the only bank containing
  it); then ``chosen``, and the screen sends the cursor to the account. Qt's list took the
  first Enter only to close itself (BCA: Antar Bank needed a second Enter, which moved on
  with no bank at all when the text named several). Text that names several banks, or none,
  picks nothing and says under the box how to pick one; the cursor stays.
* **↓ and ↑** on the closed box open the list (of the banks the text names, or all): Qt's
  own arrow picked the next bank in the list (the first: BRI) and moved on, a choice nobody made.
* **The mouse wheel** over the box scrolls the page, never the bank.

The box's Enter is its own (``ui.keyboard.OWN_ENTER``): the counter's Enter does not move on
past it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ui.keyboard import ENTER, OWN_ENTER, field_of

NAME = Qt.ItemDataRole.UserRole + 1  # a bank's name alone, beside its code (the item's data)
OPENING = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def folded(text: str) -> str:
    return " ".join(text.split()).casefold()


class BankBox(QComboBox):
    chosen = Signal()  # a bank is picked by Enter or from a list: on to the next box

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "bank") -> None:  # noqa: N803 - Qt's
        super().__init__(parent, objectName=objectName)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setProperty(OWN_ENTER, True)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._deciding = False
        self.lineEdit().editingFinished.connect(self.show_bank)
        # Enter in the box, or with the list up (the list hands it to the box); a row of either list
        self.lineEdit().returnPressed.connect(self._decide_soon)
        completer.activated.connect(self._decide_soon)
        self.activated.connect(self._decide_soon)

    def add_bank(self, code: str, name: str, label: str) -> None:
        self.addItem(label, code)
        self.setItemData(self.count() - 1, name, NAME)

    def code(self) -> str:
        """The bank the box names: the list's item whose text it shows, a code or a name typed
        whole, or the only bank whose line contains what is typed; "" when none or several."""
        text = folded(self.currentText())
        if not text:
            return ""
        index = self.currentIndex()
        if index >= 0 and folded(self.itemText(index)) == text:
            return str(self.itemData(index))
        rows = range(self.count())
        exact = [i for i in rows if text in (folded(str(self.itemData(i))), folded(str(self.itemData(i, NAME))),
                                             folded(self.itemText(i)))]
        found = exact or [i for i in rows if text in folded(self.itemText(i))]
        return str(self.itemData(found[0])) if len(found) == 1 else ""

    def select_bank(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code))

    def show_bank(self) -> None:
        """A typed "008" or "mandiri" shows the bank it picked ("008 — BANK MANDIRI"), so the
        agent reads back that bank to the customer."""
        code = self.code()
        if not code:
            return
        self.select_bank(code)
        label = self.itemText(self.currentIndex())
        if self.currentText() != label:
            self.setEditText(label)

    def _decide_soon(self, *_args: object) -> None:
        """After Qt has put the list's row into the box (and once for the two or three signals
        one Enter gives)."""
        if not self._deciding:
            self._deciding = True
            QTimer.singleShot(0, self._decide)

    def _decide(self) -> None:
        self._deciding = False
        self.show_bank()
        if self.code():
            self.completer().popup().hide()  # closing later, it would take the focus back
            self.chosen.emit()
            return
        field = field_of(self)
        if field is not None:
            typed = self.currentText().strip()
            field.show_error(self.tr("Beberapa bank cocok dengan \u201c{typed}\u201d, atau tidak ada: pilih dari "
                                     "daftar dengan panah \u2193 lalu Enter, atau ketik kode banknya.").format(
                typed=typed) if typed else self.tr("Ketik nama atau kode bank, atau tekan \u2193 untuk daftarnya."))
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_list(self) -> None:
        """The banks the typed text names, or all of them when it names none."""
        text = self.currentText().strip()
        completer = self.completer()
        completer.setCompletionPrefix(text)
        if text and completer.completionCount() > 0:
            completer.complete()
        else:
            self.showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in ENTER:
            self._decide_soon()
            # with the list up, left to it: it closes and puts its highlighted row in (QCompleter)
            event.setAccepted(not self.completer().popup().isVisible())
            return
        if event.key() in OPENING and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.open_list()
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        event.ignore()  # to the page around it
