"""Riwayat Transaksi: the journal browser.

Filters (business date from/to, today by default; product; status; customer number or
name; reference or its first digits) -> a page of 50 rows, newest first, with the total
count -> the details of one row (double-click, Enter on the row, or "Detail"), where the agent can:

* "Cek status"        a SUSPECT row whose host has a status check (Switcher ``/check``), and
                      a successful BCA transfer: BCA may have sent it back since (04)
* "Selesaikan manual" a SUSPECT row of a host without one: what the host's call center
                      said (BERHASIL or GAGAL, the officer, the time); recorded as the
                      logged-in user
* "Cetak ulang"       reprint through the receipt desk (when the app has one); "Cetak struk"
                      when the row succeeded and its receipt never went out: the original
* "Reversal"          a successful Switcher transfer, approved by a supervisor PIN

Every query and every action runs in the worker (services/journal_query.py does the
paging in SQL); the GUI thread only renders.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Mapping

from PySide6.QtCore import QDate, QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.clock import WIB
from services.errors import UserInputError
from services.hosts.switcher import service as switching_module
from services.i18n import QT_TRANSLATE_NOOP
from services.journal import JournalRow, State
from services.journal_query import DEFAULT_PAGE_SIZE, JournalFilter, JournalPage, search
from services.money import format_rupiah
from ui.handoff import Handoff
from ui.i18n import translate
from ui.keyboard import ARRIVAL
from ui.models.journal_table import AMOUNT, CUSTOMER, FEE, PRODUCT, REFERENCE, STATE_LABELS, TIME, JournalTableModel
from ui.models.product_names import product_names
from ui.registry import register
from ui.reprint_guard import ReprintGuard
from ui.screen_fit import StackPage, sized_to_current, top_on_turn
from ui.screens.base import Screen
from ui.screens.history_details import DetailsView
from ui.screens.reprint_words import reprint_message
from ui.screens.resolution_dialogs import ResolutionPrompt, ReversalPrompt, ask_manual_resolution, ask_reversal
from ui.screens.suspects import manual_call, resolution_kind, settled_words, summary
from ui.widgets.column_fit import fit_columns, title_width

if TYPE_CHECKING:
    from services.hosts.switcher.service import SwitchingService
    from services.resolution import Resolution, SuspectResolver
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Riwayat Transaksi")
PRODUCT_WIDTH = 150
CUSTOMER_MIN = 150  # a customer number and a short name, each on its line
REFERENCE_MAX = 40  # a bank's reference may be longer than Loket's 16 digits
STATE_CHOICES = (State.SUCCESS, State.FAILED, State.SUSPECT, State.REVERSED, State.NEW, State.SENT)


class HistoryScreen(Screen):
    def __init__(self, journal: Any, worker: "Worker", errors: "ErrorPresenter", *, actor: Callable[[], str],
                 names: Mapping[str, str], resolver: "SuspectResolver | None" = None,
                 switching: "SwitchingService | None" = None, receipts: Any = None,
                 page_size: int = DEFAULT_PAGE_SIZE) -> None:
        super().__init__(TITLE, worker, errors, journal=journal, expand=True)
        self.actor = actor
        self.names = names
        self.resolver = resolver
        self.switching = switching
        self.receipts = receipts if hasattr(receipts, "issue") else None
        self.page_size = page_size
        self.ask_resolution: ResolutionPrompt = ask_manual_resolution
        self.ask_reversal: ReversalPrompt = ask_reversal
        self.applied = JournalFilter()
        self._awaiting_print = False
        self._in_printer: str | None = None  # the row whose print the printer has not answered yet
        self._copy = True  # what the print in the queue is: a copy, or the receipt's original
        self.reprints = ReprintGuard()  # a double Enter, one copy
        self.loaded = False
        self.printed = Handoff(self._printed, self)  # a PrintResult, from the printer's thread

        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        top_on_turn(self.pages)
        self.pages.addWidget(self._list_page())
        self.details = DetailsView(names, self.pages)
        self.details.back_button.clicked.connect(self.show_list)
        self.details.check_button.clicked.connect(self.check_status)
        self.details.settle_button.clicked.connect(self.settle)
        self.details.reprint_button.clicked.connect(self.reprint)
        self.details.reverse_button.clicked.connect(self.reverse)
        self.pages.addWidget(self.details)
        sized_to_current(self.pages)
        self.set_today()

    # -- the list page -------------------------------------------------------------------
    def _list_page(self) -> QWidget:
        """The filters, the list and its paging; made in the stack, as the details are (their
        parent given): a subtree made apart and then added has its style sheet resolved again
        and each of its widgets told, ~8 ms of the screen's first opening. A ``StackPage``: as
        a plain widget its height, hidden behind the details, made them scroll at 1024x768 at
        125 %."""
        page = StackPage(self.pages)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        first, second = QHBoxLayout(), QHBoxLayout()
        for row in (first, second):
            row.setSpacing(10)
            layout.addLayout(row)
        self.from_date = self._date_edit("from_date")
        self.to_date = self._date_edit("to_date")
        self.product = QComboBox(objectName="product")
        self.product.addItem(self.tr("Semua produk"), "")
        for product_id, name in sorted(self.names.items(), key=lambda item: item[1].lower()):
            self.product.addItem(name, product_id)
        self.state = QComboBox(objectName="state")
        for combo in (self.product, self.state):  # not as wide as the longest product name
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        self.state.addItem(self.tr("Semua status"), "")
        for state in STATE_CHOICES:
            self.state.addItem(translate("journal_table", STATE_LABELS[state]), state.value)
        self.customer = QLineEdit(objectName="customer")
        self.customer.setPlaceholderText(self.tr("Nomor atau nama"))
        self.customer.setClearButtonEnabled(True)
        self.customer.setProperty(ARRIVAL, True)  # a number or a name typed on arrival searches
        self.reference = QLineEdit(objectName="reference")
        self.reference.setPlaceholderText(self.tr("No. Ref atau Ref. Bank"))
        self.reference.setToolTip(self.tr("No. Ref Loket (16 digit, atau awalnya) atau Ref. Bank yang tercetak di "
                                          "struk, utuh"))
        self.reference.setClearButtonEnabled(True)
        self.reference.setMaxLength(REFERENCE_MAX)
        for row, name, label, editor, stretch in (
                (first, "from_date", self.tr("Dari tanggal"), self.from_date, 0),
                (first, "to_date", self.tr("Sampai tanggal"), self.to_date, 0),
                (first, "product", self.tr("Produk"), self.product, 2),
                (first, "state", self.tr("Status"), self.state, 1),
                (second, "customer", self.tr("Pelanggan"), self.customer, 2),
                (second, "reference", self.tr("No. referensi"), self.reference, 2)):
            box = QVBoxLayout()
            self.add_field(name, label, editor, layout=box)
            row.addLayout(box, stretch)
        self.search_button = QPushButton(self.tr("Cari"))
        self.search_button.setObjectName("primary")
        self.search_button.clicked.connect(self.search)
        self.clear_button = QPushButton(self.tr("Hari ini"))
        self.clear_button.setObjectName("secondary")
        self.clear_button.setToolTip(self.tr("Kosongkan saringan dan tampilkan transaksi hari ini"))
        self.clear_button.clicked.connect(self.clear_filters)
        second.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignBottom)
        second.addWidget(self.search_button, 0, Qt.AlignmentFlag.AlignBottom)
        for edit in (self.customer, self.reference):
            edit.returnPressed.connect(self.search)

        self.model = JournalTableModel(self.names, self)
        self.table = QTableView(page, objectName="journalTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move between rows
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        # Sized when a page arrives and when the columns change (``_size_to_page``, ``_size_rows``),
        # not by Qt's ResizeToContents: that asked the model for every cell of every row and
        # column at each layout, 80-190 ms on the GUI thread for a page of 50.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.widths: dict[int, int] = {}  # what each column's widest text on the page needs
        self._around = (0, 0)  # a cell's padding beside its text, and its height for one line
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # At 1366 px every column fits: a long product name wraps in its fixed width (the agent
        # may widen it), the customer takes what is left, number over name.
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PRODUCT, PRODUCT_WIDTH)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        # narrower (1024x768, 125 %): the fee, then the amount, then the time leave the list
        self.column_fit = fit_columns(self.table, (FEE, AMOUNT, TIME), stretch=CUSTOMER, stretch_min=CUSTOMER_MIN,
                                      measure=self.column_width, fitted=self._size_rows)
        # The rows follow the product's and the customer's widths whatever changed them (the
        # agent's drag, a column left out, the window): the header lays its stretched section
        # out after the fitting, so rows measured then were sized for a width it no longer had.
        self._rows_due = False
        header.sectionResized.connect(self._wrapping_column_resized)
        # Enter on a row and a double-click (the style's activation) open it: ui.keyboard
        # leaves Enter to an item view that has a use for it.
        self.table.activated.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        paging = QHBoxLayout()
        self.count_label = QLabel("")
        self.count_label.setObjectName("muted")
        self.count_label.setWordWrap(True)
        paging.addWidget(self.count_label, 1)
        self.prev_button = QPushButton(self.tr("‹ Sebelumnya"))
        self.next_button = QPushButton(self.tr("Berikutnya ›"))
        self.detail_button = QPushButton(self.tr("Detail"))
        self.detail_button.setObjectName("primary")
        self.prev_button.clicked.connect(lambda: self.go_to(self.model.page - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.model.page + 1))
        self.detail_button.clicked.connect(self.open_selected)
        for button in (self.prev_button, self.next_button, self.detail_button):
            button.setEnabled(False)
            paging.addWidget(button)
        layout.addLayout(paging)
        return page

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def set_today(self) -> None:
        """Today in WIB; after a day close new rows belong to the next business day, so the
        range reaches that day too."""
        now = self.journal.clock.now()
        today = now.astimezone(WIB).date()
        business = date.fromisoformat(self.journal.business_day(now))
        self.from_date.setDate(QDate(min(today, business)))
        self.to_date.setDate(QDate(max(today, business)))

    def clear_filters(self) -> None:
        self.set_today()
        self.product.setCurrentIndex(0)
        self.state.setCurrentIndex(0)
        self.customer.clear()
        self.reference.clear()
        self.search()

    def current_filter(self) -> JournalFilter:
        start, end = self.from_date.date().toPython(), self.to_date.date().toPython()
        if end < start:
            raise UserInputError("to_date", self.tr("Tanggal akhir lebih awal dari tanggal mulai."))
        reference = self.reference.text().strip()
        if reference and not (reference.isascii() and reference.isalnum()):
            raise UserInputError("reference", self.tr("Nomor referensi hanya berisi angka dan huruf."))
        return JournalFilter(date_from=start, date_to=end, product=self.product.currentData() or "",
                             state=self.state.currentData() or None, customer=self.customer.text().strip(),
                             reference=reference)

    # -- loading pages -----------------------------------------------------------------
    def activated(self) -> None:
        if self.pages.currentWidget() is self.details and self.details.row is not None:
            self.load_details(self.details.row.reference)
        elif self.loaded:
            self.go_to(self.model.page)  # the journal may have moved on since
        else:
            self.search()

    def search(self) -> None:
        try:
            self.applied = self.current_filter()
        except UserInputError as exc:
            self.clear_errors()
            self.fail(exc)
            return
        self.go_to(0)

    def go_to(self, page: int) -> None:
        journal, flt, size = self.journal, self.applied, self.page_size
        self.run(lambda: search(journal, flt, page=max(0, page), page_size=size), self.show_page,
                 busy=self.search_button, message=self.tr("Mencari transaksi…"))

    def show_page(self, page: JournalPage) -> None:
        if page.rows == [] and page.page > 0 and page.total:  # the last page emptied meanwhile
            self.go_to(page.pages - 1)
            return
        self.loaded = True
        kept = self.selected_reference()
        self.model.set_page(page)
        self._size_to_page()
        if page.more:
            self.count_label.setText(self.tr("Halaman {value} dari {pages} · lebih dari %n transaksi. Ketik lebih "
                                             "lengkap atau persempit tanggal.", "", page.total).format(
                value=page.page + 1, pages=page.pages))
        elif page.total:
            self.count_label.setText(self.tr("Halaman {value} dari {pages} · %n transaksi", "", page.total).format(
                value=page.page + 1, pages=page.pages))
        else:
            self.count_label.setText(self.tr("Tidak ada transaksi yang cocok dengan saringan ini. Periksa tanggal "
                                     "dan saringan lain."))
        self.prev_button.setEnabled(page.page > 0)
        self.next_button.setEnabled(page.page + 1 < page.pages)
        self.detail_button.setEnabled(False)
        if page.rows:
            # The row the agent was on stays selected (back from its details, the list is read
            # again) and current, the row the arrows and Enter start from. (``selectRow`` makes
            # the leftmost column's cell current: none before the table is first laid out.)
            references = [row.reference for row in page.rows]
            row = references.index(kept) if kept in references else 0
            self.table.setCurrentIndex(self.model.index(row, REFERENCE))

    def column_width(self, column: int) -> int:
        """The width ``column`` needs: its title's, or its widest text's on the page."""
        return max(self.widths.get(column, 0), title_width(self.table.horizontalHeader(), column))

    def _size_to_page(self) -> None:
        """Each column as wide as its widest text on the page, found by the font's measure of
        the page's texts, then sized by the view for that one cell (its padding and the style's,
        and the grid's line, as ``sizeHintForColumn`` counts it)."""
        table, model, rows = self.table, self.model, range(self.model.rowCount())
        table.ensurePolished()  # the style sheet's font
        metrics, header, grid = table.fontMetrics(), table.horizontalHeader(), int(table.showGrid())
        self.widths.clear()  # an empty page: each column as wide as its title
        for column in range(model.columnCount()):
            if column in (PRODUCT, CUSTOMER):
                continue
            if rows:
                widest = max(rows, key=lambda row: metrics.horizontalAdvance(model.text(row, column)))
                self.widths[column] = table.sizeHintForIndex(model.index(widest, column)).width() + grid
            header.resizeSection(column, self.column_width(column))
        if not rows:
            return
        one_line = table.sizeHintForIndex(model.index(0, REFERENCE))
        self._around = (one_line.width() - metrics.horizontalAdvance(model.text(0, REFERENCE)) + grid,
                        one_line.height() + grid)
        self._size_rows()

    def _wrapping_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column in (PRODUCT, CUSTOMER) and not self._rows_due:
            self._rows_due = True
            QTimer.singleShot(0, self, self._size_rows_when_due)

    def _size_rows_when_due(self) -> None:
        self._rows_due = False
        self._size_rows()

    def _size_rows(self) -> None:
        """Each row as tall as its product and customer wrap in their columns' widths (the
        customer's number over their name), counted with the font's measure: the view's own
        measure of a row asks the model for each of its cells, every role."""
        table, model = self.table, self.model
        around, one_line = self._around
        if not one_line:
            return
        metrics, vertical = table.fontMetrics(), table.verticalHeader()
        spacing, flags = metrics.lineSpacing(), int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        # a pixel narrower than the cell's text: rather a line to spare than one cut
        widths = {column: max(1, table.columnWidth(column) - around - 1) for column in (PRODUCT, CUSTOMER)}
        for row in range(model.rowCount()):
            lines = max(round(metrics.boundingRect(QRect(0, 0, width, 10_000), flags,
                                                   model.text(row, column)).height() / spacing)
                        for column, width in widths.items())
            vertical.resizeSection(row, one_line + (max(1, lines) - 1) * spacing)

    def selected_reference(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).reference if rows else None

    def _selection_changed(self) -> None:
        self.detail_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """↓ in a search box ("Pelanggan", "No. referensi") goes down to the list, on the row
        highlighted there, as in the command palette.

        Decision: the boxes above the list pass ↓ on, and it did nothing (or scrolled the page)
        while the row the agent came for was highlighted just below; the list was four Tabs
        away. With no row, the cursor stays in the box to type."""
        if (event.key() == Qt.Key.Key_Down and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and self.window().focusWidget() in (self.customer, self.reference) and self.model.rowCount()):
            rows = self.table.selectionModel().selectedRows()  # REFERENCE: a column never left out
            self.table.setCurrentIndex(self.model.index(rows[0].row() if rows else 0, REFERENCE))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def _row_activated(self, index: QModelIndex) -> None:
        self.open_details(self.model.row_at(index.row()).reference)

    def open_selected(self) -> None:
        reference = self.selected_reference()
        if reference is not None:
            self.open_details(reference)

    def show_list(self) -> None:
        self.pages.setCurrentIndex(0)
        self.go_to(self.model.page)
        self.table.setFocus()

    def back(self) -> None:
        if self.pages.currentWidget() is self.details:
            self.show_list()

    # -- details -----------------------------------------------------------------------
    def open_details(self, reference: str) -> None:
        self.clear_errors()
        self.load_details(reference)

    def load_details(self, reference: str) -> None:
        """Read the row and its events (keeps the banner: it may say what just happened)."""
        journal, desk = self.journal, self.receipts

        def read() -> tuple[JournalRow, list[Any], bool]:
            return (journal.get(reference), journal.events(reference),
                    desk is not None and desk.original_printed(reference))

        self.worker.run(read, on_success=lambda found: self.show_details(*found), on_failure=self.fail,
                        busy=self.detail_button)

    def show_details(self, row: JournalRow, events: list[Any], original_printed: bool = True) -> None:
        """``original_printed``: the receipt's original is out, so a print here is a copy
        (``ReceiptDesk.issue_later``); the button says which it makes."""
        suspect = row.state is State.SUSPECT and self.resolver is not None
        # and a SUCCESS row whose host can tell it was sent back since (BCA 04): asked on demand
        checkable = (suspect and self.resolver.has_check(row.host)) or (
            self.resolver is not None and self.resolver.rechecks(row))
        reversible = (self.switching is not None and row.host == switching_module.HOST
                      and row.product == switching_module.TRANSFER and row.state is State.SUCCESS)
        settleable = suspect and self.resolver.manual_allowed(row)  # no check, or one that settles nothing
        self.details.show_row(row, events, can_check=checkable, can_settle=settleable,
                              can_reprint=self.receipts is not None and row.state is not State.NEW,
                              can_reverse=reversible)
        self.details.set_print_kind(original=row.state is State.SUCCESS and not original_printed)
        self.pages.setCurrentWidget(self.details)
        if self.isVisible():  # after every reload too: a settled row's "Cek status" is gone
            self.details.main_action().setFocus(Qt.FocusReason.OtherFocusReason)

    def _after(self, reference: str) -> Callable[[Any], None]:
        def done(resolution: "Resolution") -> None:
            self.banner.show_message(resolution_kind(resolution), settled_words(resolution, self.details.row))
            self.load_details(reference)

        return done

    def _reload_on_failure(self, reference: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.fail(exc)
            self.load_details(reference)  # a refused reversal is its own FAILED row; the state may differ

        return failed

    def check_status(self) -> None:
        row, resolver, who = self.details.row, self.resolver, self.actor()
        self.run(lambda: resolver.check(row.reference, actor=who), self._after(row.reference),
                 busy=self.details.check_button, message=self.tr("Menanyakan status ke host…"))

    def settle(self) -> None:
        row = self.details.row
        call = manual_call(self, self.ask_resolution, self.resolver, row, self.actor, self.names)
        if call is not None:
            self.run(call, self._after(row.reference), busy=self.details.settle_button, message=self.tr("Mencatat…"))

    def reverse(self) -> None:
        row, switching = self.details.row, self.switching
        request = self.ask_reversal(self, self.tr("{value}\n\nTransfer dibatalkan di switcher dan {amount} kembali ke "
                                                  "rekening sumber agen. Perlu alasan dan PIN supervisor.").format(
                                                      value=summary(row, self.names), amount=format_rupiah(row.amount)))
        if request is None:
            return

        def done(executed: Any) -> None:
            self.banner.show_message("success", self.tr("Transfer {reference} dibatalkan. No. referensi pembatalan: "
                                                        "{reference2}. Kembalikan uang tunai kepada nasabah.").format(
                                                            reference=row.reference, reference2=executed.row.reference))
            self.load_details(row.reference)

        pin, reason = request.supervisor_pin, request.reason
        self.run(lambda: switching.reversal(row.reference, pin, reason), done, busy=self.details.reverse_button,
                 message=self.tr("Membatalkan transfer…"), on_failure=self._reload_on_failure(row.reference))

    def reprint(self) -> None:
        """One copy a press. A second press while the printer still works on this row's print
        (a double Enter: the button is busy only while the print is numbered and queued), or
        just after its answer was shown (``ui.reprint_guard``), is nothing: it made a second
        "CETAK ULANG" paper for one payment."""
        row, desk, printed = self.details.row, self.receipts, self.printed
        if row is None or self._in_printer == row.reference or self.reprints.too_soon(row.reference):
            return
        self._in_printer = row.reference
        self._awaiting_print = True
        self._copy = not self.details.prints_original

        def queued(receipt: Any) -> None:
            # The printer may have answered already (both arrive queued): keep its word then.
            self.load_details(row.reference)  # the next print from here is a copy: its button says so
            if not self._awaiting_print:
                return
            if receipt.reprint:
                self.banner.show_message("info", self.tr("Struk CETAK ULANG ke-{reprint} dikirim ke printer.").format(
                    reprint=receipt.reprint))
            else:
                self.banner.show_message("info", self.tr("Struk dikirim ke printer."))

        def not_queued(exc: BaseException) -> None:
            self._in_printer = None
            self.fail(exc)

        self.run(lambda: desk.issue_later(row.reference, on_done=printed), queued,
                 busy=self.details.reprint_button, message=self.tr("Menyiapkan struk…"), on_failure=not_queued)

    def _printed(self, result: Any) -> None:
        self._awaiting_print = False
        self.reprints.answered(result.reference)
        if result.reference == self._in_printer:
            self._in_printer = None
        row = self.details.row
        state = row.state if row is not None and row.reference == result.reference else None
        # the row's status, not the printer's guess
        self.banner.show_message(*reprint_message(result, state, copy=self._copy))


@register("history", group="history", title=TITLE, order=10)
def _make(services: "ScreenServices") -> HistoryScreen:
    return HistoryScreen(services.journal, services.worker, services.errors, actor=services.banking.operator,
                         names=product_names(services.billpay), resolver=services.resolver,
                         switching=services.switching, receipts=services.receipts)
