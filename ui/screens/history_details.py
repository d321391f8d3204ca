"""The details of one journal row, as the second page of Riwayat Transaksi.

It only renders: every field of the row, its event history (who, when, why), and the
request and response exactly as journaled (already redacted: a PIN never reaches the
journal) as pretty JSON in read-only monospace boxes. The action buttons are shown when
they apply; ``ui/screens/history.py`` connects them.

Decision: at 1024x768 at 125 % (a 494px tall page under the header and a banner) the page
shows, without scrolling, the buttons, the fields the agent opens a row for and the tabs:
the other fields (fees, who, when, the hash codes) are a tab, "Rincian lain", and the tabs
are as tall as the tab on show asks (``FittedTabs``), the rest of the page theirs.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.journal import JournalEvent, JournalRow, State
from services.money import format_rupiah
from services.product_groups import group_label
from services.receipts.products import product_receipt
from ui.i18n import translate
from ui.models.journal_table import (
    EVENT_COLUMNS,
    EventsModel,
    collected_text,
    customer_text,
    problem_words,
    product_text,
    row_state_label,
    wib_time,
)
from ui.models.product_names import HOST_NAMES
from ui.models.report import day_label
from ui.screen_fit import StackPage
from ui.screens.details import DetailsPanel
from ui.widgets.fitted_tabs import FittedTabs


def pretty(value: Any) -> str:
    if value is None:
        return translate("history_details", "(belum ada jawaban host)")
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)


class DetailsView(StackPage):  # asks for height only while on show, as the list page
    def __init__(self, names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalDetails")
        self.names = names
        self.row: JournalRow | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        # The way back and the actions on one line, the title on its own under them: at 1024x768
        # at 125 % the page shows the agent's fields, buttons and tabs without scrolling.
        head = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Kembali ke daftar"))
        self.back_button.setObjectName("secondary")
        head.addWidget(self.back_button)
        self.check_button = QPushButton(self.tr("Cek status"))
        self.settle_button = QPushButton(self.tr("Selesaikan manual"))
        self.reprint_button = QPushButton(self.tr("Cetak ulang"))
        self.prints_original = False
        self.reverse_button = QPushButton(self.tr("Reversal"))
        self.check_button.setObjectName("primary")
        self.settle_button.setObjectName("primary")
        self.reprint_button.setObjectName("secondary")
        self.reverse_button.setObjectName("danger")
        for button in self.actions():
            head.addWidget(button)
        head.addStretch(1)
        layout.addLayout(head)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        self.info = DetailsPanel(columns=2)  # what the agent comes for: see show_row
        # Decision: its left column is short words and numbers (state, amounts, reference), the
        # right one long (a customer's name, "Tidak diberikan bank untuk produk ini", the
        # bank's error): the labels and the left values as wide as they need, the right
        # values the rest. With even shares they wrapped to three lines at 1024x768 at 125 %.
        for column, stretch in enumerate((0, 0, 0, 1)):
            self.info.grid.setColumnStretch(column, stretch)
        layout.addWidget(self.info)

        # The history, the rest of the fields and the raw messages share one area under them.
        self.tabs = FittedTabs(objectName="detailTabs")  # as tall as the tab on show, not its tallest
        self.events = EventsModel(parent=self)
        self.events_table = QTableView(objectName="journalTable")
        self.events_table.setModel(self.events)
        self.events_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.events_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events_table.setWordWrap(False)
        self.events_table.setTabKeyNavigation(False)  # one Tab stop: Tab went cell to cell, never out
        self.events_table.verticalHeader().hide()
        header = self.events_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(EVENT_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)  # the reason
        self.tabs.addTab(self.events_table, self.tr("Riwayat status"))
        more_page = QWidget()  # the fields at the top, their rows not spread down a tall tab
        more_layout = QVBoxLayout(more_page)
        more_layout.setContentsMargins(0, 0, 0, 0)
        self.more = DetailsPanel(columns=2)
        more_layout.addWidget(self.more)
        more_layout.addStretch(1)
        self.tabs.addTab(more_page, self.tr("Rincian lain"))
        # Short tab names: all five fit beside each other at 1024x768 at 125 %; the masking is
        # told where the agent points at the tab.
        masked = self.tr("PIN, kata sandi dan kode rahasia tampil sebagai ***.")
        self.request_box = self._json_box("request")
        self.tabs.setTabToolTip(self.tabs.addTab(self.request_box, self.tr("Permintaan")), masked)
        self.response_box = self._json_box("response")
        self.tabs.setTabToolTip(self.tabs.addTab(self.response_box, self.tr("Jawaban host")), masked)
        self.technical_box = self._json_box("technical")  # the journal's own words, for support
        self.tabs.addTab(self.technical_box, self.tr("Catatan teknis"))
        layout.addWidget(self.tabs, 1)

    def actions(self) -> tuple[QPushButton, ...]:
        return (self.check_button, self.settle_button, self.reprint_button, self.reverse_button)

    def main_action(self) -> QPushButton:
        """Where the keyboard starts on this page: what the agent most likely came for ("Cek
        status" of an uncertain row, "Cetak ulang" of a successful one: a customer who lost
        the receipt), else the way back; never the header, where an arrow key would change
        the training drill. Not "Cetak ulang" of a row that did not succeed: its paper is no
        proof of payment, and a habitual Enter should not hand one out."""
        succeeded = self.row is not None and self.row.state is State.SUCCESS
        for button in ((self.reprint_button, self.check_button) if succeeded else (self.check_button,)):
            if not button.isHidden() and button.isEnabled():
                return button
        return self.back_button

    def set_print_kind(self, *, original: bool) -> None:
        """"Cetak struk" when the print this button makes is the receipt's original (a
        success whose receipt never went out), "Cetak ulang" when it is a numbered copy."""
        self.prints_original = original
        self.reprint_button.setText(self.tr("Cetak struk") if original else self.tr("Cetak ulang"))

    @staticmethod
    def _json_box(name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(objectName=f"{name}Json")
        box.setReadOnly(True)
        box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        return box

    def show_row(self, row: JournalRow, events: list[JournalEvent], *, can_check: bool, can_settle: bool,
                 can_reprint: bool, can_reverse: bool) -> None:
        self.row = row
        self.title.setText(f"{product_text(row, self.names)} · {row_state_label(row)}")
        # Decision: the summary holds what the agent comes for (the state, the money, whose and
        # which payment, the bank's number the customer reads off the receipt, the trouble);
        # the rest waits in "Rincian lain". Filled column by column: state and money left.
        self.info.set_rows([
            (self.tr("Status"), row_state_label(row)),
            (self.tr("Nominal"), format_rupiah(row.amount)),
            (self.tr("Total"), collected_text(row)),
            (self.tr("No. referensi"), row.reference),
            (self.tr("Pelanggan"), customer_text(row)),
            (self.tr("Ref. Bank"), self._bank_reference(row)),  # as the receipt names it
            *self._problem_rows(row, events),
        ])
        self.more.set_rows([
            (self.tr("Produk"), product_text(row, self.names)),
            (self.tr("Dikirim ke"), HOST_NAMES.get(row.host, row.host)),
            (self.tr("Kelompok"), translate("groups", group_label(row.product_group))),  # the journal's id
            (self.tr("Biaya admin"), format_rupiah(row.fee_final)),
            (self.tr("Biaya loket"), format_rupiah(row.counter_fee)),
            (self.tr("Petugas"), row.operator),
            (self.tr("Hari kerja"), day_label(row.business_date)),
            (self.tr("Dibuat"), wib_time(row.created_at)),
            (self.tr("Diperbarui"), wib_time(row.updated_at)),
            (self.tr("Kode pengaman"), row.hash[:16] + "…"),
            (self.tr("Kode pengaman sebelumnya"), row.prev_hash[:16] + "…"),
        ])
        self.events.set_events(events)
        self.tabs.setCurrentIndex(0)
        self.request_box.setPlainText(pretty(row.request))
        self.response_box.setPlainText(pretty(row.response))
        self.technical_box.setPlainText("\n".join(
            f"{event.at}  {event.from_state.value if event.from_state else '-'} -> {event.to_state.value}  "
            f"{event.actor}  {event.reason}" for event in events))
        for button, shown in zip(self.actions(), (can_check, can_settle, can_reprint, can_reverse)):
            button.setVisible(shown)

    def _bank_reference(self, row: JournalRow) -> str:
        """The bank's reference; for a product whose bank gives none (Bank+'s deposit), that
        it gives none: support reading "—" looked for a number lost. "—" for any other row
        without one (not answered yet, failed)."""
        if row.host_ref:
            return row.host_ref
        if not product_receipt(row.host, row.product).bank_reference:
            return self.tr("Tidak diberikan bank untuk produk ini")
        return "—"

    def _problem_rows(self, row: JournalRow, events: list[JournalEvent]) -> list[tuple[str, str]]:
        """The row's trouble, each part named for what it is (``problem_words``): the doubt
        of a row since settled as "Sebelum dipastikan" (never "Pesan kesalahan" under
        BERHASIL or DIBATALKAN), why a reversed row was cancelled, a failure's own code and
        words."""
        words = problem_words(row, events)
        lines = [(self.tr("Sebelum dipastikan"), words.doubt)] if words.doubt else []
        if row.state is State.REVERSED:
            lines.append((self.tr("Alasan pembatalan"), words.cancelled or "—"))
        if words.failure is not None:
            lines += [(self.tr("Kode kesalahan"), words.failure[0] or "—"),
                      (self.tr("Pesan kesalahan"), words.failure[1] or "—")]
        return lines

    def text(self) -> str:
        """Everything the page says, for tests and support."""
        events = "\n".join(" | ".join(str(self.events.index(r, c).data()) for c in range(self.events.columnCount()))
                           for r in range(self.events.rowCount()))
        return "\n".join((self.title.text(), self.info.text(), self.more.text(), events, self.request_box.toPlainText(),
                          self.response_box.toPlainText(), self.technical_box.toPlainText()))
