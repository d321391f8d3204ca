"""BCA through SNAP: BCA: Saldo, BCA: Transfer, BCA: Transfer Antar Bank, BCA: Mutasi.

BCA: Transfer follows the BCA guide's advice to confirm the beneficiary's name first, with
the transfer steps every transfer shares (ui/screens/transfer_steps.py): DESTINATION
(account number, "Cek nama penerima") -> CONFIRM (the name big; a tick box "the customer
confirmed the name" unlocks "Transfer"; amount and remark; the agent's PIN) -> the shared
result screen. A transfer whose answer was lost (SUSPECT) stays here on the
STATUS page with its reference and "Cek status", which asks BCA and, once BCA's answer is
final, shows the settled journal row on the result screen.

BCA: Transfer Antar Bank is the same steps with a bank first (``INTERBANK_BANKS``, typed
into and picked from a list), BCA's external inquiry for the name, a fee line of Rp 0 and
no remark (the SNAP interbank transfer has none). A lost answer goes to the result screen
as SUSPECT; the suspect work-list asks BCA about it every minute. Another transfer to that
account before it is known leads to its STATUS page and "Cek status", as on BCA: Transfer.

Decisions:
* BCA's SNAP transfers have no PIN field, yet it moves the agent's money: the agent's
  transaction PIN is asked as for every transfer, and checked locally against the PIN the
  Bank+ host last accepted (services/flows/pin.py says why and how); it is never sent.
* BCA: Mutasi sorts dates in BCA's own order (oldest first) and filters on the remark.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.clock import format_wib
from services.errors import AccountNotFound, LoketError
from services.flows.others import BcaInterbankFlow, BcaTransferFlow
from services.hosts.bca.client import INTERBANK_BANKS, REMARK_MAX
from services.hosts.bca.service import export_statement_csv, statement_rows
from services.hosts.snap.codes import SnapForbidden
from services.i18n import QT_TRANSLATE_NOOP
from services.journal import State
from services.money import format_rupiah
from services.transactions import OpenTransactionExists
from ui import dialogs
from ui.errors import localized
from ui.models.statement import BALANCE, REMARK, StatementModel, format_sen, statement_proxy
from ui.registry import register
from ui.screens.balance import BalanceScreen
from ui.screens.base import Screen, TransactionDone
from ui.screens.pages import action_row, push_button, step_page
from ui.screens.snap_common import UnavailableScreen
from ui.screens.transfer_steps import TransferStepsScreen
from ui.widgets.bank_box import BankBox
from ui.widgets.column_fit import fit_columns

if TYPE_CHECKING:
    from services.flows.pin import TransactionPins
    from services.hosts.bca.client import Balance, Statement
    from services.hosts.bca.service import BcaService, StatusCheck
    from services.journal import Journal, JournalRow
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.pin import PinPrompt
    from ui.worker import Worker

BALANCE_TITLE = QT_TRANSLATE_NOOP("screens", "BCA: Saldo")
TRANSFER_TITLE = QT_TRANSLATE_NOOP("screens", "BCA: Transfer")
INTERBANK_TITLE = QT_TRANSLATE_NOOP("screens", "BCA: Antar Bank")  # short: fits a Beranda button
STATEMENT_TITLE = QT_TRANSLATE_NOOP("screens", "BCA: Mutasi")
DEFAULT_STATEMENT_DAYS = 7
REMARK_MIN = 200  # a bank's description ("TRSF E-BANKING DB …") readable at a glance
SETTLED = (State.SUCCESS, State.FAILED)


# -- BCA: Saldo -------------------------------------------------------------------------
class BcaBalanceScreen(BalanceScreen):
    def __init__(self, bca: "BcaService", worker: "Worker", errors: "ErrorPresenter") -> None:
        self.bca = bca
        super().__init__(BALANCE_TITLE, self.tr("Saldo tersedia di rekening BCA agen"),
                         self.tr("Saldo ini dipakai untuk BCA: Transfer. Tekan Perbarui setelah melayani nasabah."),
                         bca.balance, self.tr("Memuat saldo BCA…"), worker, errors)

    def describe(self, balance: "Balance") -> tuple[str, str]:
        held = self.tr(" · tertahan {hold_sen}").format(
            hold_sen=format_sen(balance.hold_sen)) if balance.hold_sen else ""
        return format_rupiah(balance.available), self.tr("{name} · rekening {account_no}{held} · per {wib}").format(
            name=balance.name, account_no=balance.account_no, held=held, wib=format_wib(self.bca.clock.now()))


# -- BCA: Transfer ----------------------------------------------------------------------
class BcaTransferScreen(TransferStepsScreen):
    """The shared transfer steps over ``BcaTransferFlow``, and a STATUS page for a transfer
    whose answer was lost, where "Cek status" asks BCA."""

    scan_target = "account_no"  # the field a barcode scan fills (ui/scan.py)
    account_field = "account_no"
    account_digits = 10
    remark_max = REMARK_MAX
    flow_class: type[BcaTransferFlow | BcaInterbankFlow] = BcaTransferFlow
    STATUS = 2
    TEXT = {
        **TransferStepsScreen.TEXT,
        "account_label": QT_TRANSLATE_NOOP("transfer_steps", "Nomor rekening BCA penerima"),
        "account_placeholder": QT_TRANSLATE_NOOP("transfer_steps", "10 angka, contoh 0611104625"),
        "account_hint": QT_TRANSLATE_NOOP("transfer_steps",
                                          "Nama pemilik rekening akan tampil dulu sebelum nominal diisi."),
        "inquiry": QT_TRANSLATE_NOOP("transfer_steps", "Cek nama penerima"),
        "amount_hint": QT_TRANSLATE_NOOP("transfer_steps", "{low} sampai {high}, tanpa biaya admin."),
        "pay": QT_TRANSLATE_NOOP("transfer_steps", "Transfer"),
        "pin": QT_TRANSLATE_NOOP("transfer_steps", "Transfer {amount} dari rekening BCA agen ke {name} ({account})?"),
    }

    def __init__(self, bca: "BcaService", worker: "Worker", errors: "ErrorPresenter", ask_pin: "PinPrompt",
                 journal: "Journal | None" = None, *, pins: "TransactionPins | None" = None,
                 operator: Callable[[], str] = lambda: "system") -> None:
        self.bca = bca
        self.suspect: "JournalRow | None" = None
        super().__init__(self.flow_class(bca, pins, operator), worker, errors, ask_pin, journal)
        self.pages.addWidget(self._status_page())

    def _status_page(self) -> QWidget:
        page, layout = step_page()
        box = QFrame()
        box.setObjectName("resultStatus")  # the result screen's amber "belum pasti" look
        box.setProperty("state", "suspect")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 16, 24, 16)
        state = QLabel(self.tr("⚠  Status belum pasti"))
        state.setObjectName("resultState")
        inner.addWidget(state)
        self.status_text = QLabel()
        self.status_text.setObjectName("resultAdvice")
        self.status_text.setWordWrap(True)
        self.status_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.status_text)
        layout.addWidget(box)
        self.new_button = push_button(self.tr("Transfer lain"), self.reset)
        self.status_button = push_button(self.tr("Cek status"), self.check_status, "primary")
        layout.addLayout(action_row(self.new_button, self.status_button))
        layout.addStretch(1)
        return page

    def payment_failed(self, exc: BaseException) -> None:
        """A lost answer (the row is SUSPECT), or an earlier SUSPECT transfer to the same
        account that blocks a new one, leads to the STATUS page; anything else to the presenter."""
        if isinstance(exc, OpenTransactionExists) and exc.earlier.host == self.bca.HOST:
            self.show_suspect(exc.earlier, exc)
            return
        row = exc.row if isinstance(exc, LoketError) else None
        if row is not None and row.state is State.SUSPECT:
            self.show_suspect(row, exc)
            return
        self.fail(exc)

    # -- status ----------------------------------------------------------------------
    def show_suspect(self, row: "JournalRow", exc: BaseException) -> None:
        self.suspect = row
        self.status_text.setText(
            self.tr("Transfer {amount} ke {customer_name} ({customer_ref}) belum pasti "
                    "statusnya.\nNo. referensi: {reference}\n\nJANGAN ulangi transfer dan "
                    'JANGAN kembalikan uang dulu. Tekan "Cek status" untuk menanyakan '
                    "hasilnya ke BCA.").format(
                        amount=format_rupiah(row.amount), customer_name=row.customer_name,
                        customer_ref=row.customer_ref, reference=row.reference))
        if isinstance(exc, OpenTransactionExists):
            self.banner.show_message("warning", self.tr("Transfer sebelumnya ke rekening ini belum pasti statusnya. "
                                                "Cek dulu statusnya sebelum mengirim lagi."))
        self.pages.setCurrentIndex(self.STATUS)
        self.status_button.setFocus()

    @property
    def finished(self) -> bool:
        return super().finished or self.suspect is not None

    def check_status(self) -> None:
        row = self.suspect
        if row is None:
            return
        self.run(lambda: self.bca.transfer_status(row.reference), self._status_checked, busy=self.status_button,
                 message=self.tr("Menanyakan status transfer ke BCA…"))

    def _status_checked(self, check: "StatusCheck") -> None:
        if check.row.state in SETTLED:
            self.suspect = None
            self.completed.emit(TransactionDone(self.flow.title, check.row))
            return
        self.banner.show_message("warning", self.tr("BCA masih memproses transfer ini ({description}). Tunggu beberapa "
                                                    "menit lalu tekan Cek status lagi.").format(
                                                        description=check.status.description))

    def reset(self) -> None:
        self.suspect = None
        super().reset()


# -- BCA: Transfer Antar Bank -----------------------------------------------------------
class BcaInterbankScreen(BcaTransferScreen):
    """The shared transfer steps over ``BcaInterbankFlow``: the bank (a list of BICs to type
    into and pick from) and the account, the name BCA's external inquiry returns, then the
    amount and the agent's PIN. A transfer whose answer was lost goes to the result screen
    as SUSPECT: the suspect work-list asks BCA about it every minute (services/hosts/bca/status.py).
    A new transfer to an account whose last one is still SUSPECT leads to that one's STATUS
    page, where "Cek status" asks BCA now."""

    account_digits = 20
    remark_max = None  # the SNAP interbank transfer has no remark
    flow_class = BcaInterbankFlow
    bank_field = "bank_code"  # the field of BcaService.interbank_inquiry's bank refusal
    TEXT = {
        **BcaTransferScreen.TEXT,
        "account_label": QT_TRANSLATE_NOOP("transfer_steps", "Nomor rekening penerima"),
        "account_placeholder": QT_TRANSLATE_NOOP("transfer_steps", "6 sampai 20 angka"),
        "pin": QT_TRANSLATE_NOOP("transfer_steps",
                                 "Transfer {amount} dari rekening BCA agen ke {name}, {bank} {account}?"),
    }
    # refusals that are about the destination account: shown at its field
    ACCOUNT_REFUSALS = ("05", "09", "18")  # unusable, dormant, inactive/blocked (SNAP 403 xx cases)

    def __init__(self, bca: "BcaService", worker: "Worker", errors: "ErrorPresenter", ask_pin: "PinPrompt",
                 journal: "Journal | None" = None, *, pins: "TransactionPins | None" = None,
                 operator: Callable[[], str] = lambda: "system") -> None:
        super().__init__(bca, worker, errors, ask_pin, journal, pins=pins, operator=operator)
        self.account.textChanged.connect(self._destination_edited)

    def destination_fields(self, layout: QVBoxLayout) -> None:
        self.bank = BankBox()  # one Enter picks a bank and moves on; several banks: none guessed
        for code, name in sorted(INTERBANK_BANKS.items(), key=lambda item: item[1]):
            self.bank.add_bank(code, name, f"{name} ({code})")
        self.bank.setCurrentIndex(-1)
        self.bank.lineEdit().setPlaceholderText(self.tr("Ketik nama atau kode bank"))
        self.bank.currentIndexChanged.connect(self._destination_edited)
        self.bank.chosen.connect(self.bank_chosen)
        self.add_field(self.bank_field, self.tr("Bank tujuan"), self.bank, layout=layout)

    def destination_inputs(self) -> dict[str, Any]:
        self.bank.show_bank()  # Enter in the account field leaves no box: show what is checked
        return {"bank": self.bank_code(), "account": self.account.text()}

    def bank_code(self) -> str:
        """The picked bank's BIC; "" when the text names none or several (the service says so)."""
        return self.bank.code()

    def select_bank(self, code: str) -> None:
        self.bank.select_bank(code)

    def _destination_edited(self) -> None:
        """Another bank or account than the one checked: the name shown and its confirmation
        no longer hold (a scan can fill the account while the confirm page is up)."""
        destination = self.flow.destination
        if destination is None:
            return
        account = self.account.text().replace(" ", "").replace("-", "")
        if (self.bank.currentData(), account) != (destination.bank_code, destination.account_no):
            self.flow.change_destination()
            self.render()

    def inquiry_failed(self, exc: BaseException) -> None:
        field = None
        if isinstance(exc, AccountNotFound) or (isinstance(exc, SnapForbidden)
                                                and str(exc.code)[-2:] in self.ACCOUNT_REFUSALS):
            field = self.field(self.account_field)
        if field is None:
            super().inquiry_failed(exc)
            return
        field.show_error(localized(exc))

    def payment_failed(self, exc: BaseException) -> None:
        """A lost answer: the result screen, SUSPECT; an earlier SUSPECT transfer to this
        account: its STATUS page (``BcaTransferScreen``)."""
        if isinstance(exc, OpenTransactionExists):
            super().payment_failed(exc)
            return
        self.fail_transaction(exc, self.flow.title,
                              note=self.tr("Belum pasti, dicek otomatis ke BCA setiap menit (Transaksi Menggantung)."))

    def reset(self) -> None:
        super().reset()
        self.bank.setCurrentIndex(-1)
        self.bank.clearEditText()
        self.focus_if_shown(self.bank)


# -- BCA: Mutasi ------------------------------------------------------------------------
class BcaStatementScreen(Screen):
    def __init__(self, bca: "BcaService", worker: "Worker", errors: "ErrorPresenter", *,
                 choose_save_file: dialogs.SaveFileChooser = dialogs.choose_save_file) -> None:
        super().__init__(STATEMENT_TITLE, worker, errors, expand=True)
        self.bca = bca
        self.choose_save_file = choose_save_file
        self.statement: "Statement | None" = None
        controls = QHBoxLayout()
        controls.setSpacing(16)
        self.from_date = self._date_edit("from_date")
        self.to_date = self._date_edit("to_date")
        for name, label, edit in (("from_date", self.tr("Dari tanggal"), self.from_date),
                                  ("to_date", self.tr("Sampai tanggal"), self.to_date)):
            box = QVBoxLayout()
            controls.addLayout(box)
            self.add_field(name, label, edit, layout=box)
        self.show_button = QPushButton(self.tr("Tampilkan"))
        self.show_button.setObjectName("primary")
        self.show_button.clicked.connect(self.load)
        controls.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignBottom)
        controls.addStretch(1)
        self.body.addLayout(controls)
        controls = QHBoxLayout()  # the search on its own row: room to read what is typed
        controls.setSpacing(16)
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Cari keterangan…"))
        self.search.setClearButtonEnabled(True)
        controls.addWidget(self.search, 1, Qt.AlignmentFlag.AlignBottom)
        self.export_button = QPushButton(self.tr("Ekspor CSV"))
        self.export_button.setObjectName("secondary")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        controls.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.body.addLayout(controls)
        note = QLabel(self.tr("Rentang paling lama 31 hari."))
        note.setObjectName("fieldHint")
        self.body.addWidget(note)

        self.model = StatementModel(parent=self)
        self.proxy = statement_proxy(self.model, self)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(objectName="statementTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (it went cell to cell, never out)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REMARK, QHeaderView.ResizeMode.Stretch)
        # At 1024x768 the running balance gives way to the description ("SALDO …" before);
        # the summary under the table keeps the opening and closing balance.
        self.column_fit = fit_columns(self.table, (BALANCE,), stretch=REMARK, stretch_min=REMARK_MIN)
        self.body.addWidget(self.table, 1)
        self.summary = QLabel(self.tr("Pilih rentang tanggal lalu tekan Tampilkan."))
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.set_range(DEFAULT_STATEMENT_DAYS)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def set_range(self, days: int) -> None:
        """The last ``days`` days up to today (WIB)."""
        today = self.bca.clock.now().date()
        self.from_date.setDate(QDate(today - timedelta(days=days - 1)))
        self.to_date.setDate(QDate(today))

    def dates(self) -> tuple[date, date]:
        return self.from_date.date().toPython(), self.to_date.date().toPython()

    def load(self) -> None:
        start, end = self.dates()
        bca = self.bca

        def fetch() -> tuple["Statement", list[Any]]:
            statement = bca.statement(start, end)
            return statement, statement_rows(statement)

        self.run(fetch, self._loaded, busy=self.show_button, message=self.tr("Memuat mutasi BCA…"))

    def _loaded(self, result: tuple["Statement", list[Any]]) -> None:
        statement, rows = result
        self.statement = statement
        self.model.set_rows(rows)
        self.export_button.setEnabled(bool(rows))
        credit = sum(row.amount_sen for row in rows if row.type == "CR")
        debit = sum(row.amount_sen for row in rows if row.type == "DB")
        parts = [self.tr("Rekening {account_no}").format(
            account_no=statement.account_no), self.tr("%n transaksi", "", len(rows)),
                 self.tr("kredit {credit}").format(
                     credit=format_sen(credit)), self.tr("debit {debit}").format(debit=format_sen(debit))]
        if statement.starting_balance_sen is not None:
            parts.append(self.tr("saldo awal {starting_balance_sen}").format(
                starting_balance_sen=format_sen(statement.starting_balance_sen)))
        if statement.ending_balance_sen is not None:
            parts.append(self.tr("saldo akhir {ending_balance_sen}").format(
                ending_balance_sen=format_sen(statement.ending_balance_sen)))
        more = self.tr(" BCA membatasi jumlah baris: persempit rentang tanggal untuk melihat sisanya.") \
            if statement.has_more else ""
        self.summary.setText(" · ".join(parts) + "." + more)

    def export(self) -> None:
        statement = self.statement
        if statement is None:
            return
        start, end = self.dates()
        suggested = str(Path.home() / f"mutasi-bca-{statement.account_no}-{start:%Y%m%d}-{end:%Y%m%d}.csv")
        path = self.choose_save_file(self, self.tr("Simpan mutasi sebagai CSV"), suggested, self.tr("CSV (*.csv)"))
        if not path:
            return
        count = self.model.rowCount()
        self.run(lambda: export_statement_csv(statement, path),
                 lambda written: self.banner.show_message("success", self.tr("{count} baris mutasi disimpan ke "
                                                                             "{written}.").format(
                     count=count, written=written)),
                 busy=self.export_button, message=self.tr("Menyimpan CSV…"))

    def reset(self) -> None:
        super().reset()
        self.search.clear()


def _bca_screen(services: "ScreenServices", title: str, make: Any) -> Screen:
    if services.bca is None:
        return UnavailableScreen(title, "BCA", services.worker, services.errors)
    return make()


@register("bca_balance", group="banking", title=BALANCE_TITLE, order=80)
def _make_balance(services: "ScreenServices") -> Screen:
    return _bca_screen(services, BALANCE_TITLE,
                       lambda: BcaBalanceScreen(services.bca, services.worker, services.errors))


def _bca_transfer(services: "ScreenServices", title: str, cls: type[TransferStepsScreen]) -> Screen:
    return _bca_screen(services, title, lambda: cls(services.bca, services.worker, services.errors, services.ask_pin,
                                                    services.journal, pins=services.pins,
                                                    operator=services.banking.operator))


@register("bca_transfer", group="banking", title=TRANSFER_TITLE, order=81)
def _make_transfer(services: "ScreenServices") -> Screen:
    return _bca_transfer(services, TRANSFER_TITLE, BcaTransferScreen)


@register("bca_interbank", group="banking", title=INTERBANK_TITLE, order=81)  # after BCA: Transfer (title)
def _make_interbank(services: "ScreenServices") -> Screen:
    return _bca_transfer(services, INTERBANK_TITLE, BcaInterbankScreen)


@register("bca_statement", group="banking", title=STATEMENT_TITLE, order=82)
def _make_statement(services: "ScreenServices") -> Screen:
    return _bca_screen(services, STATEMENT_TITLE,
                       lambda: BcaStatementScreen(services.bca, services.worker, services.errors))
