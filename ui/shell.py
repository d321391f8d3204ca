"""The main window. It hosts navigation only: a header (agent, SANDBOX badge, logout), a
sidebar of groups built from the screen registry, and a stack of screens created on first
use. What a screen does lives in its own module; the shell only routes its signals:

* ``Screen.completed(TransactionDone)`` -> the shared result screen
* ``Screen.navigate(screen_id)``        -> that screen
* ``SessionExpired`` (via the presenter) -> ``relogin()``: a modal login over the screen
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from services.connectivity import ping_keagenan
from ui import registry
from ui.counter import Counter
from ui.dialogs import Confirm, confirm, open_modal
from ui.i18n import translate
from ui.page_scroll import PageStack, scrolling
from ui.screens.base import Screen
from ui.screens.login import LoginDialog, sandbox_badge
from ui.screens.result import ResultScreen
from ui.widgets.banner import Banner
from ui.widgets.eliding_label import ElidingLines
from ui.widgets.host_status import HostStatus
from ui.widgets.side_menu import FoldingSidebar
from ui.widgets.training import TrainingSelector

if TYPE_CHECKING:
    from ui.screens.base import TransactionDone
    from ui.services import ScreenServices

HOME = "home"


class Shell(QMainWindow):
    logged_out = Signal()

    def __init__(self, services: "ScreenServices", session: Any, *, version: str) -> None:
        super().__init__()
        self.services = services
        self.session = session
        self.setWindowTitle("Loket")
        self.setObjectName("shell")
        self.resize(1366, 768)
        self._screens: dict[str, "Screen"] = {}
        self._nav: dict[str, QPushButton] = {}
        self.relogin_dialog: LoginDialog | None = None
        self._origin: "Screen | None" = None
        self.confirm: Confirm = confirm  # "Keluar dari Loket?", "Akhiri sesi …?"; tests answer with a lambda

        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._header(version))
        self.notice = Banner(central)
        self.notice.setObjectName("shellNotice")
        root.addWidget(self.notice)
        body = QHBoxLayout()
        body.setSpacing(0)
        self.sidebar = self._sidebar()
        body.addWidget(self.sidebar)
        self.stack = PageStack()
        self.stack.setObjectName("stack")
        pages = scrolling(self.stack)  # scrolls rather than overflow at 125 %
        body.addWidget(pages, 1)
        root.addLayout(body, 1)
        self.setCentralWidget(central)
        # narrower than 1000 (1024x768 at 125 %): the sidebar behind the header's "Menu"
        self.side_menu = FoldingSidebar(self, self.sidebar, body, pages)
        self.side_menu.narrowed.connect(self._narrow_header)
        self._header_row.insertWidget(0, self.side_menu.button)

        self.result = ResultScreen()
        self.result.new_transaction.connect(self._new_transaction)
        self.result.go_home.connect(self.go_home)
        self.stack.addWidget(self.result)
        QShortcut(QKeySequence("Ctrl+H"), self, activated=self.go_home)
        self.counter = Counter(self, self)  # palette, Enter/Esc, scans, idle lock, supervisor gate
        self.counter.lock_screen.change_agent.connect(self.change_agent)
        self.open(HOME)
        billpay = services.billpay
        if billpay is not None:  # PING at start-up: told in the header, never a modal
            self.host_status.follow(billpay.client.reach)  # then what each request learns
            self.host_status.start(services.worker, lambda: ping_keagenan(billpay))

    # -- chrome ----------------------------------------------------------------------
    def _header(self, version: str) -> QWidget:
        header = QFrame()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(20, 10, 20, 10)
        self._header_row = row
        brand = QLabel("Loket")
        brand.setObjectName("headerBrand")
        row.addWidget(brand)
        if self.services.sandbox:
            self.badge = sandbox_badge()
            row.addWidget(self.badge)
            if self.services.training is not None:
                self.training = TrainingSelector(self.services.training)
                row.addWidget(self.training)
        row.addStretch(1)
        self.host_status = HostStatus()
        row.addWidget(self.host_status)
        agent = ElidingLines([self.session.name, self.tr("Kode agen {agent_code}").format(
            agent_code=self.session.agent_code)], short={1: self.session.agent_code})
        agent.setObjectName("headerAgent")
        agent.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.agent_label = agent
        row.addWidget(agent)
        self.logout_button = QPushButton(self.tr("Keluar"))
        self.logout_button.setObjectName("headerButton")
        self.logout_button.clicked.connect(self.logout)
        row.addWidget(self.logout_button)
        version_label = QLabel(f"v{version}")
        version_label.setObjectName("headerVersion")
        row.addWidget(version_label)
        self._wide_only = [brand, version_label]
        for widget in self._wide_only:  # never what keeps the window wider than 819 px before it folds
            widget.setMinimumWidth(1)
        return header

    def _narrow_header(self, narrow: bool) -> None:
        """Under 1000 px (1024x768 at 125 %: 819) the header must still show Keluar and the
        agent's name: "Menu" takes the place of the name Loket (in the window's title), the
        version goes (the login window shows it), the edges narrow."""
        for widget in self._wide_only:
            widget.setVisible(not narrow)
        edge = 12 if narrow else 20
        self._header_row.setContentsMargins(edge, 10, edge, 10)

    def _sidebar(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("sidebar")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 16, 12, 16)
        layout.setSpacing(4)
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        by_group: dict[str, list[registry.ScreenEntry]] = {g: [] for g in registry.GROUPS}
        for entry in registry.entries():
            by_group[entry.group].append(entry)
        for group in registry.GROUPS:
            entries = by_group[group]
            if group == registry.HOME and entries:
                self._nav_button(layout, translate("screens", entries[0].title), entries[0].id)
                continue
            label = QLabel(translate("groups", registry.group_label(group)).upper())
            label.setObjectName("navGroup")
            layout.addWidget(label)
            for entry in entries:
                self._nav_button(layout, translate("screens", entry.title), entry.id)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("sidebarScroll")
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through its buttons, not the area
        scroll.setFixedWidth(232)
        return scroll

    def _nav_button(self, layout: QVBoxLayout, text: str, target: str) -> None:
        # A button reads "&" as a keyboard mnemonic: "Buka Shift & Kas" showed as "Buka Shift _Kas".
        button = QPushButton(text.replace("&", "&&"))
        button.setObjectName("navButton")
        button.setCheckable(True)
        button.clicked.connect(lambda: self.open(target))
        self._buttons.addButton(button)
        self._nav[target] = button
        layout.addWidget(button)

    # -- navigation ------------------------------------------------------------------
    def screen(self, screen_id: str) -> "Screen":
        """The screen with ``screen_id``, created (once) from its registered factory."""
        if screen_id not in self._screens:
            screen = registry.entry(screen_id).factory(self.services)
            screen.completed.connect(lambda done, s=screen: self.show_result(done, s))
            screen.navigate.connect(self.open)
            changed = getattr(screen, "supervisors_changed", None)
            if changed is not None:  # the Supervisor screen: the gate and its notice learn at once
                changed.connect(self.counter.gate.refresh)
            self._screens[screen_id] = screen
            self.stack.addWidget(screen)
        return self._screens[screen_id]

    def open(self, target: str) -> None:
        self.side_menu.close()  # narrow: a choice folds the sidebar away again
        if not self.counter.allows(target):  # a settings screen waits for the supervisor PIN
            return
        screen = self.screen(target)
        if isinstance(screen, Screen) and screen.finished:
            screen.reset()  # its transaction is over: never show a live confirm page of a done payment
        already = self.stack.currentWidget() is screen
        self.stack.setCurrentWidget(screen)
        screen.activated()
        if target in self._nav:
            self._nav[target].setChecked(True)
        if already:  # the stack says nothing: the cursor goes where an arrival puts it, not left on the header
            self.counter.arrived()

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def screen_id(self, widget: QWidget | None) -> str | None:
        """The id of a screen built so far (None for the result screen or anything else)."""
        return next((sid for sid, screen in self._screens.items() if screen is widget), None)

    def built_screens(self) -> list["Screen"]:
        """The screens built so far (a screen is built when first opened)."""
        return list(self._screens.values())

    def mark_nav(self, screen_id: str | None) -> None:
        """Check the menu button of the screen on show (Esc, the palette, a refused gate)."""
        button = self._nav.get(screen_id or "")
        if button is not None and not button.isChecked():
            button.setChecked(True)

    def show_result(self, done: "TransactionDone", origin: "Screen") -> None:
        """The transaction is over: its screen is emptied now, so no route back to it (Esc,
        Beranda, the sidebar, the palette, "Lihat struk", the idle lock) finds the confirm
        page of a payment that was already sent."""
        self._origin = origin
        self.result.show_done(done)
        self.stack.setCurrentWidget(self.result)
        try:
            origin.reset()
        finally:  # the customer's receipt even if emptying the screen failed
            self.result.request_print()  # last: its threads no longer wait for the GIL behind this work

    def _new_transaction(self) -> None:
        origin = self._origin
        if origin is None:
            self.open(HOME)
            return
        origin.reset()
        self.stack.setCurrentWidget(origin)
        origin.activated()

    def go_home(self) -> None:
        """Beranda: "Ke Beranda", Esc where there is no step back, Ctrl+H. From an uncertain
        result on show, with the cursor on its row's item in Transaksi Menggantung, where its
        status is checked (the result's words say so), not on the first "Layani nasabah"
        shortcut, whose Enter opened a new transaction. Esc and Ctrl+H from it went to
        Beranda's shortcut while its button went to the row: one way out, one place to land."""
        done = self.result.done
        if self.stack.currentWidget() is self.result and done is not None and done.row.state.value == "SUSPECT":
            self.counter.open_pending(done.row.reference)
        else:
            self.open(HOME)

    # -- session ---------------------------------------------------------------------
    def show_recovered(self, suspect: int, not_sent: int = 0) -> None:
        """What a restart found: ``suspect`` rows that may have reached the host, and
        ``not_sent`` rows recorded FAILED because they never left the machine. The words about
        the first go once Beranda's Transaksi Menggantung has nothing left: settled, their
        "JANGAN kembalikan uang dulu" would stand over the list's "Kembalikan uang tunai"."""
        parts = []
        if suspect:
            parts.append(self.tr("%n transaksi terputus saat Loket terakhir berhenti dan statusnya belum "
                                 "pasti. JANGAN ulangi transaksi tersebut dan JANGAN kembalikan uang dulu. "
                                 "Katakan kepada nasabah bahwa statusnya sedang dipastikan ke bank. Selesaikan "
                                 "di Beranda, daftar Transaksi Menggantung.", "", suspect))
        if not_sent:
            parts.append(self.tr("%n transaksi belum sempat dikirim saat Loket terakhir berhenti: dicatat "
                                 "GAGAL (tidak terkirim), tidak ada uang yang berpindah di bank. Ulangi "
                                 "transaksinya, atau kembalikan uang yang sudah diterima.", "", not_sent))
        if parts:
            self.notice.show_message("warning", "\n".join(parts))
        worklist = getattr(self.screen("home"), "worklist", None) if suspect else None
        if worklist is not None:
            said = self.notice.text()

            def settled(count: int) -> None:
                if count == 0 and self.notice.text() == said:
                    if len(parts) > 1:
                        self.notice.show_message("warning", parts[1])
                    else:
                        self.notice.clear_message()

            worklist.count_changed.connect(settled)

    def relogin(self) -> None:
        """SessionExpired: a modal login over the current screen, which keeps its fields."""
        if self.relogin_dialog is not None:
            self.relogin_dialog.raise_()
            return
        banking = self.services.banking
        dialog = LoginDialog(self.services.worker, self.services.errors,
                             lambda _username, password: banking.relogin(password),
                             username=self.session.username, parent=self)
        self.relogin_dialog = dialog

        def closed(result: int) -> None:
            self.relogin_dialog = None
            dialog.deleteLater()
            screen = self.current_screen()
            if result and isinstance(screen, Screen):
                screen.banner.show_message(
                    "success", self.tr("Anda sudah masuk kembali. Isian tetap tersimpan — tekan tombolnya lagi "
                               "untuk melanjutkan."))

        dialog.finished.connect(closed)
        open_modal(dialog)

    def holds_a_call(self, notice: Banner | None = None) -> bool:
        """A screen's call is running (a payment on its way to the bank among them): this
        window must stay until it has answered, or the result (a success, or an uncertain
        state the agent must act on) would never be shown. Says so on ``notice`` (the
        window's own unless told: the lock screen covers it). Asked before anything that
        closes the window: Keluar, Ganti petugas, and a change of language, which rebuilds it."""
        if not any(screen.calls for screen in self.built_screens()):
            return False
        (notice or self.notice).show_message("warning", self.tr(
            "Tunggu sampai proses yang sedang berjalan selesai (misalnya transaksi yang sedang dikirim ke bank), "
            "lalu ulangi."))
        return True

    def forms_in_progress(self) -> list[str]:
        """The screens holding what the agent typed and has not finished (a customer's account
        number, an amount), by their titles: what rebuilding this window would empty."""
        return [screen.heading.text() for screen in self.built_screens()
                if any(box.isModified() and box.text() for box in screen.findChildren(QLineEdit))]

    def may_empty_forms(self) -> bool:
        """Before a change of language, which rebuilds the window and so empties every form:
        ask when a form holds typed work ("Batal" the default), so a customer half served is
        not lost by a setting; True at once when none does."""
        forms = self.forms_in_progress()
        return not forms or self.confirm(self, self.tr("Ganti bahasa"), self.tr(
            "Isian yang belum selesai akan dikosongkan: {screens}. Ganti bahasa sekarang?").format(
                screens=", ".join(forms)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """The title bar's X or Alt+F4 waits like Keluar: closing this window quits Loket,
        which would close the journal under a payment still on the wire and never show its
        result. Loket's own closes (after Keluar, a change of language) ask first too. The
        wait is said on the lock screen when the counter is locked: the window's notice is
        under it."""
        lock = self.counter.lock_screen
        if self.holds_a_call(lock.banner if self.counter.idle.is_locked() else None):
            event.ignore()
            return
        super().closeEvent(event)

    def logout(self) -> None:
        """The header's "Keluar": asked first ("Keluar dari Loket?"), one stray click must not
        end the session (``end_session``). The whole window is off while the bank logs the
        agent out: a payment started meanwhile would lose its window when the logout answers."""
        self.end_session(self.tr("Keluar"), self.tr("Keluar dari Loket?"), busy=self.centralWidget(),
                         notice=self.notice)

    def change_agent(self) -> None:
        """"Ganti petugas" on the lock screen: another agent is at the counter, and the locked
        window opens only with this agent's secrets. The same end as Keluar, asked on the
        agent's name, the lock screen staying over this agent's customers until the login
        window replaces it. The shift and the day are the counter's, not the agent's: they
        stay open for the next agent."""
        lock = self.counter.lock_screen
        self.end_session(self.tr("Ganti petugas"), self.tr(
            "Akhiri sesi {agent}? Shift dan hari tetap terbuka; petugas berikutnya masuk dengan username dan "
            "password sendiri.").format(agent=self.session.name), busy=lock, notice=lock.banner)

    def hand_over(self) -> None:
        """Serah Terima Kas's "Serahkan laci & keluar" (the outgoing agent): the same end as
        Keluar, asked in the words of a handover; the next agent's login asks them to count
        the drawer (``services.dayclose.handover``)."""
        self.end_session(self.tr("Serah Terima Kas"), self.tr(
            "Serahkan laci dan keluar? Petugas berikutnya masuk dengan username dan password sendiri, lalu menghitung "
            "uang di laci di depan Anda. Shift dan hari tetap terbuka."), busy=self.centralWidget(),
            notice=self.notice)

    def end_session(self, title: str, question: str, *, busy: QWidget, notice: Banner) -> None:
        """The one way a session ends: asked (``question``, "Batal" the default), then the
        bank's logout in the worker (its failure ends the session here all the same), the
        proven transaction PIN forgotten, and ``logged_out``: the login window comes back and
        this window, with every form and a supervisor's approval, is closed. ``busy`` (the
        window's content, or the lock screen over it) is off meanwhile. Never while a screen's
        call runs: a payment on its way to the bank would lose its screen, and its result
        (success, or the uncertain state the agent must act on) would never be shown; the
        agent is told so on ``notice``, and not asked."""
        worker = self.services.worker
        if (worker.is_busy(self.centralWidget()) or worker.is_busy(self.counter.lock_screen)
                or self.holds_a_call(notice)):
            return
        if not self.confirm(self, title, question):
            return

        def done(_: Any) -> None:
            if self.services.pins is not None:
                self.services.pins.forget()  # the next agent's first payment pays the scrypt
            self.logged_out.emit()

        worker.run(self.services.banking.logout, on_success=done, on_failure=lambda _e: done(None), busy=busy)
