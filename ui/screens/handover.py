"""Laporan > Serah Terima Kas: renders ``services.dayclose.HandoverFlow``.

    COUNT       blind: who hands over to whom; the incoming agent types the cash counted, the
                expected figure not shown (the count is recorded as it is entered)
    DIFFERENCE  what the drawer should hold, what was counted, the difference (green when
                none, red otherwise); a note when there is one, and the supervisor approves it
                in the supervisor dialog (PIN; the note is the reason); "Hitung ulang" goes
                back to COUNT (the first count stays on record)
    DONE        the handover slip (printed at once), "Lanjut melayani"

An agent who holds the drawer sees who holds it since when, and "Serahkan laci & keluar"
(``hand_over``): the deliberate handover of the outgoing agent ends the session, after a
question whose default is "Batal", and the next agent logs in and counts with the outgoing
agent beside them (see ``services.dayclose.handover``'s decision). The shift gate
(``ui.shift_gate``) sends an incoming agent here before any screen that moves cash, and
opens the screen they asked for once the drawer is theirs (``then_open``).

Enter: the count's Enter saves the count (nothing is handed over by it); on the difference
page the note's Enter goes on to "Terima laci", which always asks first: the supervisor
dialog (its Setujui disabled until a PIN is typed) for a difference, else "Terima laci?"
with "Batal" the default, so a habitual double Enter hands nothing over. Esc on the
difference page goes back to the count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QStackedWidget

from services.dayclose import DayChanged, NeedsHandoverApproval, handover_number, render_handover_slip
from services.dayclose.handover import Step
from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from services.money import format_rupiah
from ui.dialogs import Confirm, confirm
from ui.models.report import variance_text
from ui.registry import register
from ui.screen_fit import top_on_turn
from ui.screens.base import Screen
from ui.screens.day_close_pages import CashFacts, NarrowPage, text_label
from ui.screens.pages import action_row, push_button
from ui.screens.report_actions import PrintHook
from ui.widgets.cash_edit import CashEdit
from ui.widgets.preview import monospace_preview
from ui.widgets.supervisor import SupervisorPrompt, ask_supervisor

if TYPE_CHECKING:
    from services.dayclose import DayCloseService, HandoverFlow, HandoverRecord
    from services.reports import Printout
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Serah Terima Kas")
HOLDER = "holder"  # the page of an agent who holds the drawer, or of a day without a shift


class HandoverScreen(Screen):
    handed_over = Signal()  # the drawer is now this agent's (the shift gate lets them serve)
    hand_over = Signal()  # the holder's "Serahkan laci & keluar": the shell ends the session

    def __init__(self, service: "DayCloseService", operator: Callable[[], str], worker: "Worker",
                 errors: "ErrorPresenter", *, ask_supervisor: SupervisorPrompt = ask_supervisor,
                 print_printout: PrintHook | None = None) -> None:
        super().__init__(TITLE, worker, errors, expand=True)
        self.service = service
        self.operator = operator
        self.ask_supervisor = ask_supervisor  # a difference's approval; tests answer with a lambda
        self.ask_confirm: Confirm = confirm  # "Terima laci?"; tests answer with a lambda
        self.print_printout = print_printout
        self.flow: "HandoverFlow | None" = None
        self.record: "HandoverRecord | None" = None
        self.slip: "Printout | None" = None
        self.then_open = ""  # the screen the shift gate refused, opened once the drawer is handed over
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        top_on_turn(self.pages)
        self.holder_page = self._holder_page()
        self.count_page = self._count_page()
        self.difference_page = self._difference_page()
        self.done_page = self._done_page()

    # -- pages -----------------------------------------------------------------------------
    def _holder_page(self) -> NarrowPage:
        page = NarrowPage(self.pages)
        self.holder_title = text_label(name="cardTitle")
        page.content.addWidget(self.holder_title)
        self.holder_text = text_label()
        page.content.addWidget(self.holder_text)
        self.hand_over_button = push_button(self.tr("Serahkan laci && keluar"), self.hand_over.emit, "secondary")
        page.content.addWidget(self.hand_over_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(page)
        return page

    def _count_page(self) -> NarrowPage:
        page = NarrowPage(self.pages)
        self.count_title = text_label(name="cardTitle")
        page.content.addWidget(self.count_title)
        self.count_text = text_label()
        page.content.addWidget(self.count_text)
        self.counted = CashEdit()
        self.counted.setObjectName("money")
        self.counted.returnPressed.connect(self.enter_count)
        self.add_field("counted", self.tr("Uang tunai di laci (Rp)"), self.counted, layout=page.content)
        self.count_button = push_button(self.tr("Simpan hitungan"), self.enter_count, "primary")
        page.content.addWidget(self.count_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(page)
        return page

    def _difference_page(self) -> NarrowPage:
        page = NarrowPage(self.pages)
        self.difference_title = text_label(name="cardTitle")
        page.content.addWidget(self.difference_title)
        self.expected_value = text_label(name="resultValue", wrap=False)
        self.carried_value = text_label(name="resultValue", wrap=False)
        self.should_value = text_label(name="resultValue", wrap=False)
        self.counted_value = text_label(name="resultValue", wrap=False)
        self.difference_value = text_label(name="variance", wrap=False)
        self.facts = CashFacts([(self.tr("Kas seharusnya (transaksi hari ini)"), self.expected_value),
                                (self.tr("Selisih serah terima sebelumnya"), self.carried_value),
                                (self.tr("Seharusnya di laci"), self.should_value),
                                (self.tr("Kas dihitung"), self.counted_value),
                                (self.tr("Selisih"), self.difference_value)])
        page.content.addWidget(self.facts)
        self.note = QLineEdit(objectName="note")
        self.note.setMaxLength(200)
        self.note_field = self.add_field("note", self.tr("Keterangan selisih"), self.note, layout=page.content,
                                         hint=self.tr("Wajib diisi bila ada selisih. Selisih ini tercatat atas nama "
                                                      "petugas yang menyerahkan, disetujui supervisor dengan PIN-nya."))
        self.recount_button = push_button(self.tr("Hitung ulang"), self.recount, "secondary")
        self.confirm_button = push_button(self.tr("Terima laci"), self.confirm, "primary")
        page.content.addLayout(action_row(self.recount_button, self.confirm_button))
        self.pages.addWidget(page)
        return page

    def _done_page(self) -> NarrowPage:
        page = NarrowPage(self.pages)
        self.done_text = text_label(name="cardTitle")
        page.content.addWidget(self.done_text)
        page.content.addWidget(text_label(self.tr("Kedua petugas menandatangani slip serah terima dan menyimpannya "
                                                  "bersama laporan hari ini.")))
        self.slip_preview = monospace_preview("slipPreview")
        self.slip_preview.setMinimumHeight(220)
        page.content.addWidget(self.slip_preview)
        self.print_button = push_button(self.tr("Cetak slip lagi"), self.print_slip, "secondary")
        self.go_on_button = push_button(self.tr("Lanjut melayani"), self.go_on, "primary")
        page.content.addLayout(action_row(self.print_button, self.go_on_button))
        self.pages.addWidget(page)
        return page

    # -- loading ---------------------------------------------------------------------------------
    def ask_to_hand_over(self, then_open: str) -> None:
        """The shift gate sent the agent here: open ``then_open`` once the drawer is theirs."""
        self.then_open = then_open

    def left(self) -> None:
        self.then_open = ""

    def activated(self) -> None:
        flow = self.flow
        if flow is not None and flow.step in (Step.COUNT, Step.DIFFERENCE) \
                and flow.business_date == self.service.business_day():
            self.show_step()
            return
        service, operator = self.service, self.operator()

        def load() -> tuple[str, str | None, str, "HandoverFlow | None"]:
            day = service.business_day()
            holder = service.handovers.holder(day)
            pending = service.handovers.pending_for(operator, day)
            return day, holder, service.handovers.held_since(day), service.handovers.begin(operator) if pending \
                else None

        self.run(load, self._loaded, busy=self.pages, message=self.tr("Memuat laci kas…"))

    def _loaded(self, loaded: tuple[str, str | None, str, "HandoverFlow | None"]) -> None:
        _day, holder, since, flow = loaded
        self.flow, self.record = flow, None
        if flow is not None:
            self.counted.clear()
            self.note.clear()
            self.show_step()
            return
        if holder is None:
            self.holder_title.setText(self.tr("Shift hari ini belum dibuka"))
            self.holder_text.setText(self.tr("Belum ada laci kas yang dipegang. Buka shift lebih dulu di Buka Shift "
                                             "& Kas."))
            self.hand_over_button.hide()
        else:
            self.holder_title.setText(self.tr("Laci kas dipegang oleh Anda ({operator}) sejak {time} WIB").format(
                operator=holder, time=since[11:16]))
            self.holder_text.setText(self.tr(
                "Ganti petugas? Tekan \"Serahkan laci & keluar\": Anda keluar dari Loket, lalu petugas berikutnya "
                "masuk dengan username dan password sendiri dan menghitung uang di laci di depan Anda. Selisihnya "
                "tercatat atas nama Anda; kalian berdua menandatangani slip serah terima."))
            self.hand_over_button.show()
        self.pages.setCurrentWidget(self.holder_page)
        self.focus_if_shown(self.hand_over_button)

    # -- steps -------------------------------------------------------------------------------------
    def show_step(self) -> None:
        flow = self.flow
        assert flow is not None
        if flow.step == Step.COUNT:
            self.count_title.setText(self.tr("Serah terima kas: dari {giver} kepada {taker}").format(
                giver=flow.from_operator, taker=flow.to_operator))
            self.count_text.setText(self.tr(
                "Laci kas dipegang {giver}. Sebelum melayani nasabah, hitung semua uang tunai di laci bersama "
                "{giver}, lalu ketik jumlahnya. Jumlah yang seharusnya ada baru ditampilkan sesudah hitungan "
                "disimpan (hitung buta).").format(giver=flow.from_operator))
            self.pages.setCurrentWidget(self.count_page)
            self.focus_if_shown(self.counted)
        elif flow.step == Step.DIFFERENCE:
            self.difference_title.setText(self.tr("Hasil hitung serah terima: {giver} → {taker}").format(
                giver=flow.from_operator, taker=flow.to_operator))
            self.expected_value.setText(format_rupiah(flow.expected or 0))
            self.facts.set_row(self.carried_value, format_rupiah(flow.carried) if flow.carried else "")
            self.facts.set_row(self.should_value, format_rupiah(flow.should_hold) if flow.carried else "")
            self.counted_value.setText(format_rupiah(flow.counted or 0))
            self.facts.set_variance(self.difference_value, flow.difference)
            self.note_field.label.setText(self.tr("Keterangan selisih (wajib)") if flow.difference
                                          else self.tr("Keterangan (boleh kosong)"))
            self.confirm_button.setText(self.tr("Lanjut: persetujuan supervisor") if flow.difference
                                        else self.tr("Terima laci"))
            self.pages.setCurrentWidget(self.difference_page)
            self.focus_if_shown(self.note)
        else:
            self.pages.setCurrentWidget(self.done_page)
            self.focus_if_shown(self.go_on_button)

    def enter_count(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.COUNT:
            return
        counted = self.counted.digits()  # "" -> the service's "wajib diisi" at the field
        self.run(lambda: flow.enter_count(counted), lambda _difference: self.show_step(), busy=self.count_button,
                 message=self.tr("Menyimpan hitungan…"))

    def recount(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.DIFFERENCE:
            return
        flow.recount()
        self.counted.clear()
        self.note.clear()  # it explained the earlier count, which stays on record
        self.clear_errors()
        self.show_step()

    def back(self) -> None:
        """Esc: from the difference back to the count (a recount); elsewhere nothing."""
        if self.flow is not None and self.flow.step == Step.DIFFERENCE:
            self.recount()

    def confirm(self) -> None:
        flow = self.flow
        if flow is None or flow.step != Step.DIFFERENCE:
            return
        note = self.note.text()
        try:
            flow.check_note(note)
        except UserInputError as exc:
            self.fail(exc)
            return
        pin: str | None = None
        if flow.difference:
            answer = self.ask_supervisor(self, self.tr("Setujui selisih serah terima"), self.tr(
                "{difference} (seharusnya {should}, dihitung {counted}).\nDiserahkan {giver}, diterima {taker}.\n"
                "Keterangan: \"{note}\"\n\nSupervisor memeriksa laci dan menyetujui selisih ini dengan PIN-nya "
                "sendiri; selisih tercatat atas nama {giver} di Laporan Z.").format(
                    difference=variance_text(flow.difference), should=format_rupiah(flow.should_hold),
                    counted=format_rupiah(flow.counted or 0), giver=flow.from_operator, taker=flow.to_operator,
                    note=" ".join(note.split())), False)
            if answer is None:
                return
            pin = answer.pin
        elif not self.ask_confirm(self, self.tr("Terima laci?"), self.tr(
                "Anda ({taker}) menerima laci kas dari {giver} berisi {counted}, sesuai seharusnya. Sesudah ini "
                "uang di laci menjadi tanggung jawab Anda.").format(
                    taker=flow.to_operator, giver=flow.from_operator, counted=format_rupiah(flow.counted or 0))):
            return
        service, columns = self.service, self.print_printout.columns if self.print_printout is not None else 32

        def work() -> tuple["HandoverRecord", "Printout"]:
            record = flow.confirm(note, pin=pin)
            return record, render_handover_slip(record, agent=service.agent, sandbox=service.sandbox,
                                                columns=columns)

        self.run(work, self._done, busy=self.confirm_button, message=self.tr("Mencatat serah terima…"),
                 on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (DayChanged, NeedsHandoverApproval)):
            self.counted.clear()
            self.show_step()  # DayChanged: back to the count
        self.fail(exc)

    def _done(self, done: tuple["HandoverRecord", "Printout"]) -> None:
        self.record, self.slip = done
        handover = self.record.handover
        self.slip_preview.setPlainText(self.slip.text)
        self.done_text.setText(self.tr("Laci kas diterima {taker} dari {giver}.").format(
            taker=handover.to_operator, giver=handover.from_operator))
        self.show_step()
        self.handed_over.emit()
        self.print_slip()

    def print_slip(self) -> None:
        if self.record is None or self.slip is None:
            return
        number = handover_number(self.record.business_date, self.record.id)
        recorded = self.tr("Serah terima tercatat (slip {number}).").format(number=number)
        if self.print_printout is None:
            self.banner.show_message("success", self.tr("{recorded} Printer belum tersambung ke menu ini: slip tampil "
                                                        "di bawah.").format(recorded=recorded))
            return
        self.banner.show_message("success", self.tr("{recorded} Mencetak slip…").format(recorded=recorded))
        self.print_printout(self.slip, number, self.tr("Slip {number}").format(number=number),
                            lambda kind, text: self.banner.show_message(kind, f"{recorded} {text}"))

    def go_on(self) -> None:
        target, self.then_open = self.then_open or "home", ""
        self.navigate.emit(target)


@register("handover", group="reports", title=TITLE, order=15)
def _make(services: "ScreenServices") -> Any:
    return HandoverScreen(services.dayclose, services.banking.operator, services.worker, services.errors,
                          print_printout=services.print_printout)
