"""One result screen for every transaction: state, references, amounts, date and time.

The state is shown in words and colour (green BERHASIL, red GAGAL, amber BELUM PASTI) with
what the agent should do next. Printing belongs to the receipts module: this screen only
emits ``print_requested(row)``, which whoever owns the printer connects to.

The lines about the customer and the product are the receipt's
(``services.receipts.receipt_details``), resolved from the journal row, so the screen and
the paper never disagree; the screen that finished the transaction hands over only its
title and ``highlight``. The paper is Indonesian; the screen gives the lines' labels, and
the months of a period or a date ("Mei 2016" -> "May 2016"), in the agent's language. A
transaction that moves no money (a balance check: amount and fee 0) shows no Nominal /
Biaya admin / Total lines, which would only say "Rp 0". A screen's ``highlight`` (the new
account number, the balance) is shown large under the status.

At 1024x768 at 125 % the details do not fit under the status: they scroll between it and
the buttons, so the outcome and the button with the keyboard are both in sight.

The keyboard is on "Transaksi baru", except on an uncertain result (SUSPECT), where it is on
"Ke Beranda", which opens Transaksi Menggantung with the cursor on that row's item ("Cek
status", or "Selesaikan" where the bank has no status check: a dialog that records nothing
until filled in): that is what the words on the screen say to do ("JANGAN ulangi transaksi ... Cek
statusnya di Beranda, daftar Transaksi Menggantung"), and "Transaksi baru" opens the same
empty form, the first step of the repeat they forbid, for a habitual Enter.
The buttons take no press in the result's first moments (``SETTLE_SECONDS``), and the keys
that leave it from anywhere (Esc, Ctrl+H) do nothing then either (``ui.counter``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from services.clock import format_wib
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from services.receipts.model import receipt_details
from services.receipts.products import money_returned, product_receipt
from services.reports.cash import issues_document
from services.transactions import fee_difference
from ui.errors import localized_message
from ui.i18n import translate
from ui.keyboard import DOUBLE_ENTER_SECONDS
from ui.models.catalogue_labels import period_text, value_text
from ui.page_scroll import own_scroll
from ui.screen_fit import StackPage
from ui.screens.base import FORM_WIDTH
from ui.widgets.banner import Banner
from ui.widgets.restyle import restyle
from ui.widgets.wrapping_label import WrappingLabel

if TYPE_CHECKING:
    from services.journal import JournalRow
    from ui.screens.base import TransactionDone

STATES = {
    "SUCCESS": ("success", QT_TRANSLATE_NOOP("result", "✓  Transaksi berhasil"),
                QT_TRANSLATE_NOOP("result", "Serahkan bukti transaksi kepada nasabah.")),
    "FAILED": ("failure", QT_TRANSLATE_NOOP("result", "✗  Transaksi gagal"),
               QT_TRANSLATE_NOOP("result", "Dana tidak berpindah. Periksa data lalu ulangi bila perlu.")),
    "SUSPECT": ("suspect", QT_TRANSLATE_NOOP("result", "⚠  Status belum pasti"),
                QT_TRANSLATE_NOOP("result", "JANGAN ulangi transaksi dan JANGAN kembalikan uang dulu. Katakan "
                                  "kepada nasabah bahwa statusnya sedang dipastikan ke bank, dan berikan nomor "
                                  "referensi di bawah. Cek statusnya di Beranda, daftar Transaksi Menggantung.")),
}
# A FAILED transfer whose money the bank sent back (``services.receipts.products.Returned``):
# it went out and came back, so the customer's cash is handed back knowing why the agent's
# statement shows the debit and its return, not as if it had never moved.
RETURNED_ADVICE = QT_TRANSLATE_NOOP("result", "Dana transfer sudah keluar, lalu dikembalikan bank ke rekening agen "
                                              "({amount}, dilaporkan {when}). Kembalikan uang tunai nasabah; mutasi "
                                              "rekening agen menunjukkan debit transfer dan kredit pengembaliannya.")
# A created virtual account took no money: it is a bill the customer pays later, elsewhere.
ISSUED = ("success", QT_TRANSLATE_NOOP("result", "✓  Virtual account dibuat"),
          QT_TRANSLATE_NOOP("result", "Belum ada uang diterima di loket: pelanggan membayar ke nomor VA ini lewat ATM, "
                                      "mobile banking atau teller sebelum batas waktunya. Serahkan bukti kepada "
                                      "pelanggan."))
# A result's buttons take no press for this long after it appears. The Enter that sent the
# payment (or closed its PIN prompt), pressed twice by habit, reached "Transaksi baru" when
# the bank answered within ~100 ms, and a failed or uncertain result was gone before the
# agent had read it: the agent believed the money went. (Bayar sekarang waits likewise for a
# bill to be read: ``ui.screens.billpay.SETTLE_SECONDS``.) An echo comes within a double
# press of the Enter before it, and the result appears after that Enter.
SETTLE_SECONDS = DOUBLE_ENTER_SECONDS


class ResultScreen(StackPage):
    new_transaction = Signal()
    go_home = Signal()
    print_requested = Signal(object)  # JournalRow of every result shown: ui/printing.py prints a SUCCESS one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultScreen")
        self.done: "TransactionDone | None" = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(14)
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)  # a long product name, as on its bill screen (ui/screens/base.py)
        outer.addWidget(self.heading)
        self.banner = Banner(self)  # what became of the receipt (ui/printing.py)
        self.banner.setMaximumWidth(FORM_WIDTH)
        outer.addWidget(self.banner)

        self.status = QFrame()
        self.status.setObjectName("resultStatus")
        status_layout = QVBoxLayout(self.status)
        status_layout.setContentsMargins(24, 16, 24, 16)
        self.state_label = QLabel()
        self.state_label.setObjectName("resultState")
        status_layout.addWidget(self.state_label)
        self.advice = QLabel()
        self.advice.setObjectName("resultAdvice")
        self.advice.setWordWrap(True)
        status_layout.addWidget(self.advice)
        self.status.setMaximumWidth(FORM_WIDTH)
        outer.addWidget(self.status)

        details = QWidget(objectName="plain")  # scrolls between the status and the buttons
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 8, 0)  # room for the scroll bar
        column.setSpacing(14)
        self.highlight = QFrame()
        self.highlight.setObjectName("resultHighlight")
        self.highlight.setMaximumWidth(FORM_WIDTH)
        highlight_layout = QVBoxLayout(self.highlight)
        highlight_layout.setContentsMargins(24, 12, 24, 12)
        highlight_layout.setSpacing(2)
        self.highlight_label = QLabel()
        self.highlight_label.setObjectName("resultHighlightLabel")
        self.highlight_value = QLabel()
        self.highlight_value.setObjectName("resultHighlightValue")
        self.highlight_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        highlight_layout.addWidget(self.highlight_label)
        highlight_layout.addWidget(self.highlight_value)
        self.highlight.hide()
        column.addWidget(self.highlight)

        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(FORM_WIDTH)
        self.grid = QGridLayout(card)
        self.grid.setContentsMargins(24, 18, 24, 18)
        self.grid.setHorizontalSpacing(32)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        self._lines: list[tuple[QLabel, WrappingLabel]] = []  # (label, value), kept: see _fill
        self._shown = 0
        column.addWidget(card)
        column.addStretch(1)
        # as tall as the details where the window has the room (the buttons right under
        # them), shorter where it has not: the status and the buttons come first
        self.details = own_scroll(details, shrinks=True)
        bar = self.details.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.details.setMaximumWidth(FORM_WIDTH + 8 + bar)  # its scroll bar beside the card
        outer.addWidget(self.details)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Transaksi baru"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_transaction)
        self.home_button = QPushButton(self.tr("Ke Beranda"))
        self.home_button.clicked.connect(self.go_home)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        self._buttons = buttons
        outer.addLayout(buttons)
        outer.addStretch(1)
        self._settling = QTimer(self)
        self._settling.setSingleShot(True)
        self._settling.setInterval(round(SETTLE_SECONDS * 1000))
        self._settling.timeout.connect(lambda: self._hold_presses(False))

    def show_done(self, done: "TransactionDone") -> None:
        self.done = done
        row = done.row
        issued = row.state.value == "SUCCESS" and issues_document(row.host, row.product)
        kind, title, advice = ISSUED if issued else STATES.get(row.state.value, ("suspect", row.state.value, ""))
        title, advice = translate("result", title), translate("result", advice)
        self.heading.setText(translate("screens", done.title))  # a screen title, or already in words
        self.status.setProperty("state", kind)
        for widget in (self.status, self.state_label, self.advice):
            restyle(widget)
        self.state_label.setText(title)
        back = money_returned(row)
        if back is not None:  # its own words: the host's code stays in Riwayat, the advice says it all
            amount = format_rupiah(back.amount) if back.amount is not None else self.tr("jumlah tidak disebut bank")
            advice = translate("result", RETURNED_ADVICE).format(
                amount=amount, when=format_wib(datetime.fromisoformat(back.reported_at)))
        elif row.state.value == "FAILED" and row.error_message:
            advice = f"{row.error_message}. {advice}"
        elif fee_difference(row) is not None:
            advice = f"{self._fee_changed(row)} {advice}"
        self.advice.setText(f"{advice} {done.note}".strip() if row.state.value == "SUSPECT" else advice)
        # the highlight only for a success: a failed balance check has no balance to read out
        shown = done.highlight if done.highlight is not None and row.state.value == "SUCCESS" else None
        self.highlight.setVisible(shown is not None)
        self.highlight_label.setText(shown[0] if shown else "")
        self.highlight_value.setText(shown[1] if shown else "")
        months = product_receipt(row.host, row.product).names_months
        lines = [(translate("receipt", label), period_text(value) if months(label) else value_text(value))
                 for label, value in receipt_details(row)]
        if issues_document(row.host, row.product):
            if row.amount:  # the bill's amount, to be paid elsewhere: no fee, no total taken here
                lines.append((self.tr("Nominal tagihan VA"), format_rupiah(row.amount)))
        elif row.amount or row.fee_final or row.total_final:  # a balance check moves no money
            lines += [(self.tr("Nominal"), format_rupiah(row.amount)),
                      (self.tr("Biaya admin"), format_rupiah(row.fee_final)),
                      *([(self.tr("Biaya loket"), format_rupiah(row.counter_fee))] if row.counter_fee else []),
                      (self.tr("Total"), format_rupiah(row.collected))]
        # The bank's reference only where the bank gave one, as on paper: Bank+'s deposit and
        # same-bank transfer answers carry none, and "Ref. bank —" read as a number gone missing.
        lines += [(self.tr("No. referensi"), row.reference),
                  *([(self.tr("Ref. bank"), row.host_ref)] if row.host_ref else []),
                  (self.tr("Waktu"), format_wib(datetime.fromisoformat(row.created_at)))]
        self._fill(lines)
        self.details.verticalScrollBar().setValue(0)
        self.hold_for_reading()
        # where the press after the settle goes: the next customer, or where the status is checked
        self._lead_with(self.home_button if row.state.value == "SUSPECT" else self.new_button)
        self.banner.clear_message()

    def _lead_with(self, button: QPushButton) -> None:
        """The keyboard on ``button``, which is also the one drawn as the button to press
        (``primary``): an uncertain result's filled blue "Transaksi baru" beside a
        focused "Ke Beranda" showed the repeat the words forbid as the way on."""
        for each in (self.new_button, self.home_button):
            name = "primary" if each is button else ""
            if each.objectName() != name:
                each.setObjectName(name)
                restyle(each)
        button.setFocus()

    def request_print(self) -> None:
        """The receipt of the result on show (``print_requested``): asked once the screen is
        switched and the payment's screen emptied (``ui.shell``), so the GUI thread's work
        for the result is done before the receipt is numbered and printed, whose threads
        waited for the GIL while it ran."""
        if self.done is not None:
            self.print_requested.emit(self.done.row)

    def hold_for_reading(self) -> None:
        """The result's first moments start (``SETTLE_SECONDS``): on show, and again when the
        idle lock lifts off it (an answer that came under the lock was never seen, and the
        unlock's Enter, pressed twice, would press "Transaksi baru")."""
        self._hold_presses(True)
        self._settling.start()

    def _fee_changed(self, row: "JournalRow") -> str:
        """The host booked another admin fee than the one confirmed (``settled_fee``): the
        receipt prints the bank's, but the agent took the confirmed total from the customer,
        so say what to collect or hand back, before anything else (``fee_difference``: the
        same words as a decision recorded by hand)."""
        told = fee_difference(row)
        return "⚠ " + localized_message(told) if told is not None else ""

    def add_action(self, button: QPushButton) -> None:
        """A button after "Ke Beranda" (the receipt's Cetak ulang, Lihat struk)."""
        self._buttons.insertWidget(self._buttons.count() - 1, button)
        button.blockSignals(not self.takes_presses())

    def takes_presses(self) -> bool:
        """False in the result's first moments (``SETTLE_SECONDS``), when its buttons do nothing."""
        return not self._settling.isActive()

    def _hold_presses(self, held: bool) -> None:
        """``held``: a press of any of the result's buttons (a click, Space, the counter's
        Enter, which clicks the focused button) does nothing: the button emits no
        ``clicked``, whoever listens to it (the receipt's buttons are connected elsewhere).
        The keyboard is left where it is, for the press after."""
        for index in range(self._buttons.count()):
            button = self._buttons.itemAt(index).widget()
            if button is not None:
                button.blockSignals(held)

    def _fill(self, lines: list[tuple[str, str]]) -> None:
        """The card's lines. Its labels are made once and kept (a result is shown after
        every payment: making and deleting ~20 labels each time was GUI time while the
        receipt is being numbered and printed); lines a result does not use are hidden."""
        while len(self._lines) < len(lines):
            index = len(self._lines)
            name = QLabel()
            name.setObjectName("resultLabel")
            text = WrappingLabel()  # a long host message wraps in the card
            text.setObjectName("resultValue")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(name, index, 0)
            self.grid.addWidget(text, index, 1)
            self._lines.append((name, text))
        for index, (name, text) in enumerate(self._lines):
            shown = index < len(lines)
            if shown:
                label, value = lines[index]
                kind = "resultTotal" if label == "Total" else "resultValue"
                if text.objectName() != kind:  # its font first: the text's height follows it
                    text.setObjectName(kind)
                    restyle(text)
                name.setText(label)
                text.setText(value)
            name.setVisible(shown)
            text.setVisible(shown)
        self._shown = len(lines)

    def text(self) -> str:
        """Everything the screen says, for tests and support."""
        parts = [self.heading.text(), self.state_label.text(), self.advice.text()]
        if self.highlight.isVisibleTo(self):
            parts += [self.highlight_label.text(), self.highlight_value.text()]
        for name, text in self._lines[:self._shown]:
            parts += [name.text(), text.text()]
        return "\n".join(parts)
