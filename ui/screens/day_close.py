"""Laporan > Tutup Hari: renders ``services.dayclose.DayCloseFlow`` step by step.

    SUMMARY   the day per product group and product, bank balance, failed/open lists
    COUNT     blind: the agent types the cash counted; the expected figure is not shown
    VARIANCE  expected, counted and the variance (green when none, red otherwise); a note
              is required when there is a variance, and the supervisor approves the variance
              in the supervisor dialog (PIN; the note is the reason); "Hitung ulang" goes
              back to COUNT
    APPROVAL  only with open (NEW/SENT/SUSPECT) rows: supervisor PIN + reason; a variance not
              yet approved is shown here too, and this one PIN approves both (the supervisor
              is not asked twice in a row)
    SEALED    Laporan Z number, sealed hash, print/export, and what happens to new work; the
              journal's copy (``services.backup``) is made in the worker meanwhile and its
              line says where it went, or, in words, why none was made: the day is sealed
              either way; "Buka kembali hari…" (also on the page of a day already sealed, and
              past midnight on the next day's summary until that day begins) lets a
              supervisor open it again (``reopen``) and the day's Tutup Hari starts over

Each step is a page widget (``ui/screens/day_close_pages.py``) that renders it; this
screen keeps the order of the steps, the worker calls and the actions. Every flow call
that reads or writes the journal runs in the worker; ``start_count`` and ``recount``
only move the state machine and run on the GUI thread.

Decision (which day this screen closes): the current business day, except that
* when today (WIB) is already sealed the business day has moved on to tomorrow; the screen
  does not offer to close a day that has not begun and says today is closed instead
  (``DayAlreadyClosed``): this is how "a second close of the same day" is refused;
* when an earlier day with transactions was never closed, that day is closed first
  (the service refuses to close days out of order) and the screen says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import QPushButton, QStackedWidget, QWidget

from services.backup import BackupOutcome
from services.clock import WIB
from services.dayclose import DayAlreadyClosed, DayChanged, EarlierDayOpen, NeedsApproval, NeedsVarianceApproval, Step
from services.errors import LoketError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.dialogs import Confirm, confirm
from ui.errors import localized
from ui.i18n import translate
from ui.models.report import day_label, variance_text
from ui.registry import register
from ui.screen_fit import sized_to_current, top_on_turn
from ui.screens.base import Screen
from ui.screens.day_close_pages import (
    ApprovalPage,
    ClosedPage,
    CountPage,
    SealedPage,
    SummaryPage,
    VariancePage,
    text_label,
)
from ui.screens.report_actions import FolderChooser, PrintHook, ReportActions, choose_folder
from ui.widgets.supervisor import SupervisorPrompt, ask_supervisor
from ui.widgets.wrapping_label import breakable_path

if TYPE_CHECKING:
    from services.backup import JournalBackup
    from services.dayclose import DayCloseFlow, DayCloseService
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Tutup Hari")
CLOSED = "closed"  # the page shown when today is already sealed


def calendar_day(service: "DayCloseService") -> str:
    """Today's date in WIB by the service's clock (the business day may be the next one)."""
    return service.clock.now().astimezone(WIB).date().isoformat()


def start_close(service: "DayCloseService", operator: str) -> tuple["DayCloseFlow", str]:
    """Begin Tutup Hari for the right day (see the module's decision); (flow, note for the agent)."""
    today, current = calendar_day(service), service.business_day()
    if current > today:
        return service.begin_close(operator, today), ""  # raises DayAlreadyClosed
    try:
        return service.begin_close(operator, current), ""
    except EarlierDayOpen as exc:
        # The later day is named, not "hari ini": at 02:00 the agent still serving the evening
        # calls the day being closed "today" (the note said to close it and then Tutup Hari
        # "for today", which was that very day to them).
        set_aside = [number for day, number, _live in service.closed_days() if day == exc.earlier]
        if set_aside:  # reopened and not sealed again (after a restart nothing else says so)
            note = translate("day_close", "Hari {value} dibuka kembali dan belum ditutup lagi: Laporan Z No. "
                                          "{number:04d} tidak berlaku. Hitung kas dan tutup hari itu lebih dulu; "
                                          "sesudahnya buka Tutup Hari lagi untuk hari {later}.").format(
                value=day_label(exc.earlier), number=set_aside[0], later=day_label(current))
        else:
            note = translate("day_close", "Hari {value} belum ditutup. Hari itu ditutup lebih dulu; sesudahnya "
                                          "buka Tutup Hari lagi untuk hari {later}.").format(
                value=day_label(exc.earlier), later=day_label(current))
        return service.begin_close(operator, exc.earlier), note


def reopenable_before(service: "DayCloseService", flow: "DayCloseFlow") -> str:
    """The day sealed last, when the flow is of a later business day that has not begun and
    that day may still be opened again (``check_reopen``); "" otherwise. Past midnight Tutup
    Hari is the new day's, and the evening's seal was reopenable only from its sealed page
    while that stayed on show: after Beranda or a restart no screen offered it. Reads the
    journal: in the worker."""
    last = service.journal.sealed_through
    if last is None or last >= flow.business_date:
        return ""
    try:
        service.check_reopen(last)
    except LoketError:
        return ""
    return last


class DayCloseScreen(Screen):
    def __init__(self, service: "DayCloseService", operator: Callable[[], str], worker: "Worker",
                 errors: "ErrorPresenter", *, ask_supervisor: SupervisorPrompt = ask_supervisor,
                 choose_folder: FolderChooser = choose_folder, print_printout: PrintHook | None = None,
                 backup: "JournalBackup | None" = None) -> None:
        super().__init__(TITLE, worker, errors, expand=True)
        self.service = service
        self.backup = backup
        self.ask_confirm: Confirm = confirm  # sealing cannot be undone; tests answer with a lambda
        self.ask_supervisor = ask_supervisor  # a variance's approval; tests answer with a lambda
        self.operator = operator
        self.actions = ReportActions(self, service, operator, choose_folder=choose_folder,
                                     ask_supervisor=ask_supervisor, print_printout=print_printout)
        self.flow: "DayCloseFlow | None" = None
        self.next_day = ""
        self.closed_day = ""  # the sealed day the "closed" page names
        self.reopened_note = ""  # said above the day's Tutup Hari once it is open again
        self.reopenable = ""  # the day sealed last, offered on the next day's summary (``reopenable_before``)
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        top_on_turn(self.pages)
        sized_to_current(self.pages)  # the page on show sets the width, not the widest
        self.step_label = text_label(name="muted")
        self.body.insertWidget(0, self.step_label)
        # Each page is made in the stack, its parent given: made apart and then added, a page
        # had its style sheet resolved again and each of its widgets told (its tables measured
        # anew), ~40 ms of the screen's first opening on the GUI thread.
        self.summary_page = SummaryPage(self)
        self.count_page = CountPage(self)
        self.variance_page = VariancePage(self)
        self.approval_page = ApprovalPage(self)
        self.sealed_page = SealedPage(self)
        self.closed_page = ClosedPage(self)
        self._pages: dict[str, QWidget] = {
            Step.SUMMARY.value: self.summary_page, Step.COUNT.value: self.count_page,
            Step.VARIANCE.value: self.variance_page, Step.APPROVAL.value: self.approval_page,
            Step.SEALED.value: self.sealed_page, CLOSED: self.closed_page}
        for page in self._pages.values():
            self.pages.addWidget(page)
        self.loading = False

    @property
    def page(self) -> str:
        current = self.pages.currentWidget()
        return next(name for name, page in self._pages.items() if page is current)

    # -- lifecycle ---------------------------------------------------------------------------
    def activated(self) -> None:
        flow = self.flow
        if flow is not None and flow.step == Step.SUMMARY:
            self.refresh()
        elif flow is None or flow.step == Step.SEALED or self.page == CLOSED:
            self.begin()

    def begin(self) -> None:
        service, operator = self.service, self.operator()
        self.loading = True
        def started() -> tuple["DayCloseFlow", str, str]:
            flow, note = start_close(service, operator)
            return flow, note, "" if note else reopenable_before(service, flow)  # not while an earlier day is open

        self.run(started, self._started, busy=self.pages, message=self.tr("Menyiapkan ringkasan hari…"),
                 on_failure=self._not_started)

    def _started(self, started: tuple["DayCloseFlow", str, str]) -> None:
        self.loading = False
        self.flow, note, self.reopenable = started
        self.count_page.counted.clear()
        self.variance_page.note.clear()
        self.approval_page.supervisor_pin.clear()
        self.approval_page.approval_reason.clear()
        self.sealed_page.summary_preview.clear()
        reopened, self.reopened_note = self.reopened_note, ""
        if reopened or note:
            self.banner.show_message("warning" if note else "success", "\n\n".join(t for t in (reopened, note) if t))
        self.show_step()

    def _not_started(self, exc: BaseException) -> None:
        self.loading = False
        self.flow = None
        self.reopenable = ""
        if isinstance(exc, DayAlreadyClosed):
            self.closed_day = exc.business_date
            tomorrow = self.service.business_day()  # no disk: the last sealed day is cached
            closed = self.tr("{message}\n\nTransaksi baru masuk hari kerja berikutnya ({value}). Laporan Z dapat "
                             "dibuka, dicetak ulang dan diekspor lagi di Laporan Harian.")
            self.closed_page.closed_text.setText(closed.format(message=localized(exc), value=day_label(tomorrow)))
            self.step_label.setText("")
            self.pages.setCurrentWidget(self._pages[CLOSED])
            return
        self.fail(exc)

    def refresh(self) -> None:
        flow = self.flow
        if flow is None:
            return
        service, offered = self.service, self.reopenable

        def read() -> str:
            # The offer to reopen the day before is read again with the summary: the new day
            # may have begun meanwhile (a shift opened from Buka Shift), and the summary kept
            # on show offered what the service then refuses.
            flow.refresh()
            return reopenable_before(service, flow) if offered else ""

        self.run(read, self._refreshed, busy=self.summary_page.refresh_button, message=self.tr("Memuat ulang…"))

    def _refreshed(self, reopenable: str) -> None:
        self.reopenable = reopenable
        self.show_step()

    # -- steps ---------------------------------------------------------------------------
    def show_step(self) -> None:
        flow = self.flow
        assert flow is not None
        step = flow.step
        numbers = {Step.SUMMARY: 1, Step.COUNT: 2, Step.VARIANCE: 3, Step.APPROVAL: 4, Step.SEALED: 4}
        total = 4 if flow.needs_approval or step == Step.APPROVAL else 3
        shown = min(numbers[step], total) if step != Step.SEALED else total
        names = {Step.SUMMARY: self.tr("Ringkasan hari"), Step.COUNT: self.tr("Hitung kas"),
                 Step.VARIANCE: self.tr("Selisih kas"), Step.APPROVAL: self.tr("Persetujuan supervisor"),
                 Step.SEALED: self.tr("Selesai")}
        self.step_label.setText(self.tr("Hari kerja {value} · langkah {shown} dari {total}: {value2}").format(
            value=day_label(flow.business_date), shown=shown, total=total, value2=names[step]))
        if step == Step.SEALED:
            self.sealed_page.render(flow, self.next_day)
        else:
            if step == Step.SUMMARY:
                self.summary_page.render(flow, self.reopenable)
            else:
                {Step.COUNT: self.count_page, Step.VARIANCE: self.variance_page,
                 Step.APPROVAL: self.approval_page}[step].render(flow)
        self.pages.setCurrentWidget(self._pages[step.value])
        if step == Step.SUMMARY:
            # The keyboard on the step's own button, in view under the summary: it was on
            # the report, whose lower half and the button were below a 1024x768 screen at
            # 125 %. Enter here only starts the blind count; closing is asked for later.
            self.focus_if_shown(self.summary_page.count_button)

    def start_count(self) -> None:
        assert self.flow is not None
        self.flow.start_count()
        self.show_step()

    def enter_count(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.COUNT:
            return
        counted = self.count_page.counted.digits()  # "" -> the service's "wajib diisi" at the field
        self.run(lambda: flow.enter_count(counted), lambda _variance: self.show_step(),
                 busy=self.count_page.enter_button, message=self.tr("Menyimpan hitungan…"))

    def recount(self) -> None:
        assert self.flow is not None
        self.flow.recount()
        self.count_page.counted.clear()
        self.variance_page.note.clear()  # it explained the earlier count, which the report keeps
        self.show_step()

    def confirm(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.VARIANCE:
            return
        note = self.variance_page.note.text()
        try:  # a variance without its note: said at the note, before "Tutup hari?" (Enter on the empty box)
            flow.check_note(note)
        except UserInputError as exc:
            self.fail(exc)
            return
        pin: str | None = None
        # With open rows too, the next step's one supervisor PIN approves the difference and the
        # open rows together (``DayCloseFlow.approve``): the supervisor is asked once.
        if not flow.variance_covered(note) and not flow.needs_approval:
            # The supervisor's own approval of this very difference, the agent's note its reason:
            # the dialog every approval uses, its Setujui disabled until a PIN is typed, so an
            # Enter by habit (the note's) approves nothing. It also asks the "Tutup hari?" question.
            answer = self.ask_supervisor(self, self.tr("Setujui selisih kas"), self._variance_question(flow, note),
                                         False)
            if answer is None:
                return
            pin = answer.pin
        elif not flow.needs_approval and not self.ask_confirm(
                self, self.tr("Tutup hari?"),
                self.tr("Hari {day} akan disegel: setelah ditutup, transaksinya tidak bisa ditambah dan "
                        "laporannya tidak bisa diubah. Transaksi baru masuk hari kerja berikutnya.").format(
                    day=day_label(flow.business_date))):
            return
        service = self.service
        self.run(lambda: (flow.confirm(note, pin=pin), service.business_day()), self._moved,
                 busy=self.variance_page.confirm_button, message=self.tr("Menutup hari…"),
                 on_failure=self._step_failed)

    def _variance_question(self, flow: "DayCloseFlow", note: str) -> str:
        """What the supervisor approves: the difference, the two figures and the agent's note."""
        text = self.tr("{variance} (seharusnya {expected}, dihitung {counted}).\nKeterangan petugas: \"{note}\"\n\n"
                       "Supervisor memeriksa laci dan menyetujui selisih ini dengan PIN-nya sendiri; namanya "
                       "tercatat di Laporan Z.").format(
            variance=variance_text(flow.variance), expected=format_rupiah(flow.expected_cash),
            counted=format_rupiah(flow.counted or 0), note=" ".join(note.split()))
        # asked only without open rows (those are approved with it at the next step, one PIN)
        return text + " " + self.tr("Sesudah disetujui, hari disegel: transaksinya tidak bisa ditambah lagi.")

    def supervisor_pin_entered(self) -> None:
        """Enter in the supervisor's PIN: on to the reason once a PIN is typed. While it is
        empty the cursor stays and the field says so: the PIN typed next must land in this
        masked box, never in the visible reason below it, which is sealed into the Laporan Z
        (an Enter by habit on the empty box sent the supervisor's PIN there)."""
        if self._pin_missing():
            return
        self.approval_page.approval_reason.setFocus()

    def _pin_missing(self) -> bool:
        if self.approval_page.supervisor_pin.text():
            return False
        self.fail(UserInputError("pin", self.tr("PIN supervisor wajib diisi. Supervisor mengetik PIN-nya di "
                                                "kotak ini.")))
        self.approval_page.supervisor_pin.setFocus()
        return True

    def locked(self) -> None:
        """A supervisor PIN typed for the approval and not yet used is the supervisor's, who
        may have walked away: whoever unlocks must not close the day with it."""
        self.approval_page.supervisor_pin.clear()

    def approve(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.APPROVAL or self._pin_missing():
            return
        pin, reason = self.approval_page.supervisor_pin.text(), self.approval_page.approval_reason.text()
        self.approval_page.supervisor_pin.clear()
        service = self.service
        self.run(lambda: (flow.approve(pin, reason), service.business_day()), self._moved,
                 busy=self.approval_page.approve_button, message=self.tr("Memeriksa PIN supervisor…"),
                 on_failure=self._step_failed)

    def _moved(self, moved: tuple[Step, str]) -> None:
        step, self.next_day = moved
        self.show_step()
        if step == Step.SEALED:
            self.back_up()

    def back_up(self) -> None:
        """The journal's copy, after the seal, while the agent prints the Laporan Z: the
        worker's own call (no veil), which never fails the close (``after_close``)."""
        line = self.sealed_page.backup_line
        if self.backup is None:
            line.clear_message()
            return
        line.show_message("info", self.tr("Mencadangkan jurnal…"))
        self.worker.run(self.backup.after_close, on_success=self._backed_up,
                        on_failure=lambda exc: self._backed_up(BackupOutcome(error=exc)))

    def _backed_up(self, outcome: "BackupOutcome") -> None:
        line = self.sealed_page.backup_line
        if outcome.result is not None:
            line.show_message("success", self.tr("Jurnal dicadangkan dan diperiksa: {path}").format(
                path=breakable_path(outcome.result.path)))
        else:
            text = self.tr("Hari tetap ditutup, tetapi jurnal belum dicadangkan. {reason}")
            line.show_message("warning", text.format(reason=localized(outcome.error) if outcome.error else ""))

    def _step_failed(self, exc: BaseException) -> None:
        """A refused step: the flow may have moved (DayChanged -> COUNT, NeedsApproval -> APPROVAL,
        NeedsVarianceApproval -> VARIANCE)."""
        if isinstance(exc, (DayChanged, NeedsApproval, NeedsVarianceApproval)):
            self.show_step()
        self.fail(exc)

    # -- reopening a sealed day --------------------------------------------------------------
    def _sealed_day(self) -> tuple[str, QPushButton] | None:
        """The day on show sealed, and its page's "Buka kembali hari…"; None on another step."""
        if self.page == CLOSED and self.closed_day:
            return self.closed_day, self.closed_page.reopen_button
        flow = self.flow
        if flow is not None and flow.step == Step.SEALED:
            return flow.business_date, self.sealed_page.reopen_button
        if flow is not None and flow.step == Step.SUMMARY and self.reopenable:
            return self.reopenable, self.summary_page.reopen_button
        return None

    def reopen(self) -> None:
        """"Buka kembali hari…": whether the day may be opened again is asked of the service
        first (``check_reopen``: the last sealed day, no later day begun), so a refusal is said
        before a supervisor is called to the counter; then the supervisor dialog says what it
        means and takes the PIN and a reason; then the day's Tutup Hari starts again."""
        sealed = self._sealed_day()
        if sealed is None:
            return
        day, button = sealed
        service = self.service
        self.run(lambda: service.check_reopen(day)["report_no"], lambda number: self._ask_reopen(day, number, button),
                 busy=button, message=self.tr("Memeriksa…"))

    def _ask_reopen(self, day: str, number: int, button: QPushButton) -> None:
        today = calendar_day(self.service)
        text = self.tr("Laporan Z No. {number:04d} tetap tersimpan dan ditandai \"Dibuka kembali\". Hari {day} "
                       "harus dihitung dan ditutup lagi: Laporan Z baru dengan nomor berikutnya. Persetujuan ini "
                       "tercatat di laporan hari itu, dan kantor mitra diberi tahu.").format(
            number=number, day=day_label(day))
        if today <= day:
            text += "\n\n" + self.tr("Shift dan laci hari itu berlaku lagi: transaksi baru masuk hari {day} "
                                     "sampai hari ditutup lagi.").format(day=day_label(day))
        else:
            text += "\n\n" + self.tr("Transaksi baru tetap masuk hari {today}; hari {day} hanya dihitung dan "
                                     "ditutup lagi.").format(today=day_label(today), day=day_label(day))
        answer = self.ask_supervisor(self, self.tr("Buka kembali hari {day}?").format(day=day_label(day)), text, True)
        if answer is None:
            return
        pin, reason = answer.pin, answer.reason
        service = self.service
        self.run(lambda: service.reopen(day, pin=pin, reason=reason),
                 lambda approval: self._reopened(day, number, approval.approver), busy=button,
                 message=self.tr("Memeriksa PIN supervisor…"))

    def _reopened(self, day: str, number: int, approver: str) -> None:
        """The day open again: its Tutup Hari from the start, with what happened said above it."""
        today = calendar_day(self.service)
        if today <= day:
            self.reopened_note = self.tr("Hari {day} dibuka kembali, disetujui {approver}. Laporan Z No. "
                                         "{number:04d} tetap tersimpan. Catat yang belum tercatat, lalu hitung kas "
                                         "dan tutup hari lagi.").format(day=day_label(day), approver=approver,
                                                                        number=number)
        else:  # the calendar moved on: nothing more goes on the day (as the supervisor's dialog said)
            self.reopened_note = self.tr("Hari {day} dibuka kembali, disetujui {approver}. Laporan Z No. "
                                         "{number:04d} tetap tersimpan. Transaksi baru masuk hari {today}; hitung "
                                         "kas dan tutup hari {day} lagi.").format(
                day=day_label(day), approver=approver, number=number, today=day_label(today))
        service, operator = self.service, self.operator()
        self.flow = None
        self.loading = True
        self.run(lambda: (service.begin_close(operator, day), "", ""), self._started, busy=self.pages,
                 message=self.tr("Menyiapkan ringkasan hari…"), on_failure=self._not_started)

    # -- after the seal ----------------------------------------------------------------------
    def print_summary(self) -> None:
        assert self.flow is not None
        self.actions.print_summary(self.flow.business_date, self.sealed_page.print_button,
                                   lambda printout: self.sealed_page.summary_preview.setPlainText(printout.text))

    def export(self, fmt: str) -> None:
        assert self.flow is not None
        self.actions.export(self.flow.business_date, fmt,
                            self.sealed_page.pdf_button if fmt == "pdf" else self.sealed_page.csv_button)


@register("day_close", group="reports", title=TITLE, order=30)
def _make(services: "ScreenServices") -> Any:
    return DayCloseScreen(services.dayclose, services.banking.operator, services.worker, services.errors,
                          print_printout=services.print_printout, backup=services.backup)
