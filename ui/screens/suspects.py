"""Transaksi Menggantung: the work-list of transactions whose outcome is not known yet.

A panel at the top of Beranda, shown only while there is something on it. Each item says
what is known (product, customer, amount, time, reference) and what to do (the resolver's
advice), with one button: "Cek status" where the host has a status check, "Selesaikan"
(a recorded manual decision) where it has none or where its check answered in words that
settle nothing (the host's words shown), "Batalkan" for a row that provably never left
the machine.

The resolver asks the hosts by itself: once right after login and every 60 seconds, in
the worker (the journal and the network never on the GUI thread); the list is read again
after each run and whenever Beranda is shown.

Decisions: the automatic checks are recorded with the actor ``system`` (the app asked, no
person decided); a check or a decision made here records the logged-in username. A row
left NEW after a failed connection can only be abandoned here: sending it again belongs to
the screen that made it, which reuses the reference.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from services.clock import format_wib
from services.i18n import QT_TRANSLATE_NOOP
from services.journal import JournalRow, State
from services.money import format_rupiah
from services.reports import cash as cash_rules
from services.resolution import Confirmation, host_reference
from ui import dialogs
from ui.errors import localized_message
from ui.i18n import translate
from ui.models.journal_table import customer_text, product_text
from ui.models.product_names import product_names
from ui.screens.resolution_dialogs import ResolutionPrompt, ask_manual_resolution
from ui.widgets.banner import Banner

if TYPE_CHECKING:
    from services.resolution import Resolution, SuspectItem, SuspectResolver
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.widgets.field import Field
    from ui.worker import Worker

INTERVAL_MS = 60_000
SHOWN = 2  # items in view at once; the rest scroll
AUTO_ACTOR = "system"
INTRO = (QT_TRANSLATE_NOOP("suspects", "Status transaksi di bawah belum pasti. Jangan ulangi transaksinya dan jangan "
         "kembalikan uang nasabah sebelum statusnya pasti."))


def summary(row: JournalRow, names: Mapping[str, str]) -> str:
    """One line that names a transaction for a question about it."""
    return (translate("suspects", "{value} {total} · {value2} · {wib} · No. referensi {reference}").format(
        value=product_text(row, names), total=format_rupiah(row.total_final), value2=customer_text(row),
        wib=format_wib(datetime.fromisoformat(row.created_at)), reference=row.reference)) + held_by_host(row)


def held_by_host(row: JournalRow) -> str:
    """The words " · reffNum di bank …" where the host holds the transaction by a number of its own
    (BNI Keagenan's reffNum, ``services.resolution.host_reference``): the number its call
    center finds it by. "" for the hosts that hold the journal reference itself."""
    held = host_reference(row)
    return " · " + translate("suspects", "reffNum di bank {value}").format(value=held) if held else ""


def settled_words(resolution: "Resolution", row: JournalRow | None, names: Mapping[str, str] | None = None) -> str:
    """What a settlement says, in the agent's language, and what the customer is owed now:
    for a row that took the customer's cash, the receipt (BERHASIL) or the cash back (GAGAL).
    With ``names``, the row named first, as the list named it (the list loses it once settled)."""
    said = localized_message(resolution.message)
    if row is None:
        return f"{resolution.reference}: {said}"
    if names is not None:
        said = f"{summary(row, names)}: {said}"
    if not resolution.resolved or cash_rules.direction(row.host, row.product) != cash_rules.CASH_IN:
        return said
    if resolution.state is State.SUCCESS:
        return said + " " + translate("suspects", "Cetak struknya dan serahkan kepada nasabah.")
    if resolution.state is State.FAILED and not resolution.cash_back_said:
        return said + " " + translate("suspects", "Kembalikan uang tunai nasabah.")
    return said


def resolution_kind(resolution: "Resolution") -> str:
    if not resolution.resolved or resolution.state is State.REVERSED:  # sent back: the cash goes back too
        return "warning"
    if resolution.drawer_change:  # the bank's fee differs: cash to collect or hand back
        return "warning"
    return "success" if resolution.state is State.SUCCESS else "info"


def manual_call(parent: QWidget, ask: ResolutionPrompt, resolver: "SuspectResolver", row: JournalRow,
                actor: Callable[[], str], names: Mapping[str, str]) -> Callable[[], "Resolution"] | None:
    """Ask for the decision on ``row``; the call that records it, or None if cancelled."""
    guide = resolver.guides.for_host(row.host)
    # The bank's figures on record, the admin fee among them: the agent compares it with the fee
    # the officer names before typing another. One line, in the room of the blank one before
    # "Keputusan…": the dialog with BERHASIL chosen is already as tall as a 1024x768 screen at 125 %.
    recorded = translate("suspects", "Tercatat: nominal {amount} · biaya admin {fee} · total {total}").format(
        amount=format_rupiah(row.amount), fee=format_rupiah(row.fee_final), total=format_rupiah(row.total_final))
    decision = ask(parent, translate("suspects", "{value}\n{recorded}\nKeputusan ini dicatat atas nama Anda.").format(
        value=summary(row, names), recorded=recorded), guide)
    if decision is None:
        return None
    who = actor()
    confirmation = Confirmation(guide.who(), decision.officer, decision.time) if decision.officer else None
    return lambda: resolver.resolve_manually(row.reference, success=decision.success, actor=who,
                                             reason=decision.reason, host_ref=decision.host_ref,
                                             confirmation=confirmation, settled_fee=decision.settled_fee)


class SuspectItemView(QFrame):
    """One line of the work-list."""

    def __init__(self, item: "SuspectItem", names: Mapping[str, str]) -> None:
        super().__init__()
        self.setObjectName("suspectItem")
        self.item = item
        row = item.row
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(16)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel(f"{product_text(row, names)} · {format_rupiah(row.total_final)}")
        self.title.setObjectName("suspectTitle")
        text.addWidget(self.title)
        self.facts = QLabel(self.tr("{value} · {wib} · No. referensi {reference}").format(
            value=customer_text(row), wib=format_wib(datetime.fromisoformat(row.created_at)), reference=row.reference)
            + held_by_host(row))
        self.facts.setObjectName("muted")
        self.facts.setWordWrap(True)
        text.addWidget(self.facts)
        self.advice = QLabel(translate("resolution", item.advice))
        self.advice.setObjectName("suspectAdvice")
        self.advice.setWordWrap(True)
        text.addWidget(self.advice)
        if item.host_said:
            self.advice.setText(self.advice.text() + "\n" + self.tr("Jawaban host: {value}").format(
                value=item.host_said))
        if item.guide is not None:
            self.advice.setText(self.advice.text() + "\n" + self.tr("Telepon {contact}: {phone}").format(
                contact=translate("resolution_guide", item.guide.contact),
                phone=translate("resolution_guide", item.guide.phone)))
        layout.addLayout(text, 1)
        if item.not_sent:
            label, name = self.tr("Batalkan"), "secondary"
        elif item.can_check:
            label, name = self.tr("Cek status"), "primary"
        else:
            label, name = self.tr("Selesaikan"), "primary"
        self.button = QPushButton(label)
        self.button.setObjectName(name)
        layout.addWidget(self.button)

    def text(self) -> str:
        return "\n".join((self.title.text(), self.facts.text(), self.advice.text(), self.button.text()))


class SuspectWorklist(QFrame):
    """The panel. ``count_changed(n)`` after each read of the list; ``settled(reference)`` when
    a check or the agent's answer settled a row (its receipt may be due; the reference of the
    row the agent settled here, once the list is read again, "" for the minute's checks);
    ``closed`` when the agent closes it ("Tutup", once nothing is left on it).

    The cursor stays in the list while the agent works it: an item's button, pressed, goes
    away with the cursor on it (the list is read again), and Qt gave the focus to the next
    widget of the window, the header's training switch (live: "Keluar"), where the agent's
    next arrow armed a drill. It goes to the next item's button instead, else to "Tutup"."""

    count_changed = Signal(int)
    settled = Signal(str)
    closed = Signal()

    def __init__(self, resolver: "SuspectResolver", worker: "Worker", errors: "ErrorPresenter",
                 actor: Callable[[], str], names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suspectList")
        self.resolver = resolver
        self.worker = worker
        self.errors = errors
        self.actor = actor
        self.names = names
        self.ask_resolution: ResolutionPrompt = ask_manual_resolution
        self.confirm: dialogs.Confirm = dialogs.confirm
        self.items: list[SuspectItemView] = []
        # busy tokens (not widgets: nothing to disable): one sweep and one read at a time
        self._sweeping, self._reading = QObject(self), QObject(self)
        self._focus_wanted = False  # the palette asked for the list: the cursor goes there once it is read
        self._focus_reference: str | None = None  # ... on this row's item, where it is in the list
        self.sweeps = 0  # finished automatic runs (tests wait on it)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(8)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("Transaksi Menggantung"))
        self.heading.setObjectName("cardTitle")
        head.addWidget(self.heading)
        head.addStretch(1)
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.setObjectName("secondary")
        self.close_button.clicked.connect(self.close_list)
        head.addWidget(self.close_button)
        layout.addLayout(head)
        self.intro = QLabel(translate("suspects", INTRO))
        self.intro.setObjectName("muted")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        box = QWidget()
        box.setObjectName("suspectItems")
        self.list_layout = QVBoxLayout(box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        self.list_layout.addStretch(1)  # items packed at the top, never stretched
        self.scroll = QScrollArea()
        self.scroll.setObjectName("suspectScroll")
        self.scroll.setWidget(box)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through its buttons, not the area
        layout.addWidget(self.scroll)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.sweep)
        self.hide()

    # -- ErrorView (for the presenter) -------------------------------------------------
    def field(self, name: str) -> "Field | None":
        return None

    # -- reading and sweeping ----------------------------------------------------------
    def start(self) -> None:
        """Right after login: ask the hosts once now, then every minute."""
        self.sweep()
        self.timer.start()

    def sweep(self) -> None:
        resolver = self.resolver

        def work() -> tuple[list["Resolution"], list["SuspectItem"], dict[str, JournalRow | None]]:
            resolutions = resolver.resolve_all(actor=AUTO_ACTOR)
            rows = {r.reference: resolver.journal.get(r.reference) for r in resolutions if r.resolved}
            return resolutions, resolver.worklist(), rows

        def done(result: tuple[list["Resolution"], list["SuspectItem"], dict[str, JournalRow | None]]) -> None:
            self.sweeps += 1
            resolutions, items, rows = result
            settled = [r for r in resolutions if r.resolved]
            if settled:
                self.banner.show_message("info", "\n".join(settled_words(r, rows.get(r.reference), self.names)
                                                           for r in settled))
            self.show_items(items)
            if settled:
                self.settled.emit("")

        self._run(work, done, self._sweeping)

    def refresh(self, *, keep_focus: bool = False, then: Callable[[], None] = lambda: None) -> None:
        """Read the list again; ``keep_focus``: the cursor was on the item just settled;
        ``then`` once the list read is on show, or once its failure is said (what follows a
        settled row, its receipt on Beranda, never waits on this read succeeding)."""
        def failed(exc: BaseException) -> None:
            self.errors.present(exc, self)
            then()

        self._run(self.resolver.worklist, lambda items: (self.show_items(items, keep_focus=keep_focus), then()),
                  self._reading, on_failure=failed)

    def focus_list(self, reference: str | None = None) -> None:
        """Once the list is read (the read Beranda's showing started, or one started here):
        the cursor on the first item's button (on ``reference``'s, where that row is in the
        list), or with nothing pending the panel saying so, its "Tutup" under the cursor. Not
        before: the list on show may be an old one, and Beranda places its own cursor on arrival.

        Decision: from an uncertain result the cursor goes to that row's item, not the first.
        The list is oldest first; with an older row still open, "Cek status" under the cursor
        was another customer's, while the agent had just told this one the reference on the
        result.

        Decision: until then the cursor is on nothing, and a key goes nowhere. Beranda's own
        arrival puts it on "Setor Tunai"; from an uncertain result, whose Enter on "Ke
        Beranda" comes here, a habitual second Enter pressed it before the list was read and
        opened an empty Setor Tunai: the first step of the repeat the result forbids. (A read
        that fails is said, and the cursor is back on Beranda's first shortcut after it: walked
        with the list unreadable.)"""
        self._focus_wanted, self._focus_reference = True, reference
        if not self.worker.is_busy(self._reading):
            self.refresh()
        home = self.parentWidget()
        focus = QApplication.focusWidget()
        if home is not None and focus is not None and home.isAncestorOf(focus) and not self.isAncestorOf(focus):
            focus.clearFocus()

    def close_list(self) -> None:
        self.banner.clear_message()  # said and read: not shown again above a new item
        self.hide()
        self.closed.emit()

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None], busy: QObject | None,
             on_failure: Callable[[BaseException], None] | None = None) -> None:
        def alive(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            # A logout may delete the panel while a run is still out: drop its answer then.
            return lambda value: callback(value) if shiboken6.isValid(self) else None

        failed = on_failure or (lambda exc: self.errors.present(exc, self))
        self.worker.run(fn, on_success=alive(done), on_failure=alive(failed), busy=busy)

    def show_items(self, items: list["SuspectItem"], *, keep_focus: bool = False) -> None:
        """``keep_focus``: the cursor stays in the list (see the class), as it does when it is
        on an item whose button this read takes away."""
        focus = QApplication.focusWidget()
        keep_focus = keep_focus or (focus is not None and self.isAncestorOf(focus))
        for view in self.items:
            view.setParent(None)
            view.deleteLater()
        self.items = []
        for item in items:
            view = SuspectItemView(item, self.names)
            view.button.clicked.connect(lambda _=False, v=view: self.act(v))
            self.list_layout.insertWidget(self.list_layout.count() - 1, view)
            view.show()  # now, not at the layout's next turn: the cursor may be put on its button below
            self.items.append(view)
        count = len(items)
        self.heading.setText(self.tr("Transaksi Menggantung ({count})").format(
            count=count) if count else self.tr("Transaksi Menggantung"))
        self.intro.setText(translate("suspects", INTRO) if count else self.tr("Tidak ada lagi transaksi menggantung."))
        self.scroll.setVisible(bool(count))
        QTimer.singleShot(0, self._fit)
        # Stays up with nothing left only to show what the agent's own action just did.
        self.close_button.setVisible(not count)
        wanted, self._focus_wanted = self._focus_wanted, False
        # only while Beranda is on show: a read that failed leaves the wish to a later sweep,
        # which must not pull the cursor off the screen the agent went on to
        parent = self.parentWidget()
        wanted = wanted and parent is not None and parent.isVisible()
        if wanted and not count:  # asked for from the palette: say there is nothing, not vanish
            self.banner.show_message("info", self.tr("Tidak ada transaksi menggantung."))
        self.setVisible(bool(count) or wanted or self.banner.isVisible())
        if keep_focus or wanted:
            reference, self._focus_reference = self._focus_reference, None
            chosen = next((i for i in self.items if i.item.row.reference == reference), None) if wanted else None
            item = chosen or (self.items[0] if self.items else None)
            (item.button if item is not None else self.close_button).setFocus(Qt.FocusReason.OtherFocusReason)
            if chosen is not None:
                self.scroll.ensureWidgetVisible(chosen)
        self.count_changed.emit(count)

    def _fit(self) -> None:
        """Room for the first ``SHOWN`` items at the panel's width; more scroll, so Beranda
        keeps its balance and charts in view."""
        if not shiboken6.isValid(self) or not self.items:
            return
        width = self.scroll.viewport().width()
        shown = self.items[:SHOWN]
        heights = [v.layout().totalHeightForWidth(width) if v.layout().hasHeightForWidth()
                   else v.sizeHint().height() for v in shown]
        self.scroll.setFixedHeight(sum(heights) + self.list_layout.spacing() * (len(shown) - 1))

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    # -- the item's button ---------------------------------------------------------------
    def act(self, view: SuspectItemView) -> None:
        item, row, resolver = view.item, view.item.row, self.resolver
        focused = view.button.hasFocus()  # before the call disables the button and Qt moves the focus on
        who = self.actor()
        if item.not_sent:
            if not self.confirm(self, self.tr("Batalkan transaksi"),
                                self.tr("{value}\n\nTransaksi ini belum pernah terkirim. Batalkan?").format(
                                    value=summary(row, self.names))):
                return
            call = lambda: resolver.abandon(row.reference, actor=who,  # noqa: E731
                                            reason="dibatalkan petugas dari Transaksi Menggantung")
        elif item.can_check:
            call = lambda: resolver.check(row.reference, actor=who)  # noqa: E731
        else:
            call = manual_call(self, self.ask_resolution, resolver, row, self.actor, self.names)
            if call is None:
                return

        def done(resolution: "Resolution") -> None:
            self.banner.show_message(resolution_kind(resolution),  # in the agent's language, as every banner
                                     settled_words(resolution, row, self.names))
            # settled: after the list is read again, where the cursor is then tells the receipts
            self.refresh(keep_focus=focused,
                         then=lambda: self.settled.emit(row.reference) if resolution.resolved else None)

        line: SuspectItemView | None = view
        if not shiboken6.isValid(view):
            # the list was read again while the agent was asked (the minute's sweep, during the
            # call to the bank): its lines were built anew, and the answer goes on the new one
            line = next((v for v in self.items if v.item.row.reference == row.reference), None)
        self.banner.clear_message()
        self._run(call, done, line.button if line is not None else None)

    def text(self) -> str:
        """Everything the panel says, for tests and support."""
        return "\n".join([self.heading.text(), self.banner.text(), *(v.text() for v in self.items)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            self.refresh()  # Beranda shown again: the list may have changed meanwhile
        return False


def attach_worklist(home: QWidget, services: "ScreenServices") -> SuspectWorklist | None:
    """Put the work-list at the top of Beranda (``home.body``) and start the checks."""
    resolver = services.resolver
    if resolver is None:
        return None
    panel = SuspectWorklist(resolver, services.worker, services.errors, services.banking.operator,
                            product_names(services.billpay))
    home.body.insertWidget(0, panel)
    home.worklist = panel  # type: ignore[attr-defined]  # the palette's "Transaksi Menggantung" finds it here
    home.installEventFilter(panel)
    day = getattr(home, "day", None)
    if day is not None:  # a row settled here changes the day's figures beside it ("Menggantung 1")
        last: int | None = None

        def follow(count: int) -> None:
            nonlocal last
            if last is not None and count != last:
                day.load()
            last = count

        panel.count_changed.connect(follow)
    shortcuts = getattr(home, "shortcuts", None)
    if shortcuts:  # the list closed: the cursor back where Beranda puts it
        panel.closed.connect(lambda: shortcuts[0].setFocus(Qt.FocusReason.OtherFocusReason))
    panel.start()
    return panel
