"""Export (PDF/CSV to a folder) and the thermal summary of a day report, for Tutup Hari and
Laporan Harian.

The first PDF, CSV and thermal print of a Laporan Z are free; every later one is a reprint
the service refuses with ``NeedsReprintApproval`` until a supervisor approves with PIN and
reason. This helper catches that refusal, asks the supervisor (an injectable prompt), and
tries once more with the answer, into the same folder. A cancelled prompt does nothing.

Printing: the composition gives this helper a ``print_printout`` hook
(``ui.printing.PrintoutPrinter``: the ESC/POS bytes as a job on the one printer thread); the
summary is laid out to the paper's width, shown, and sent there, and the banner says whether
it printed or where its text was saved. Without a hook the summary is shown on screen and the
agent is told it is not printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol

from PySide6.QtWidgets import QFileDialog, QWidget

from services.dayclose import NeedsReprintApproval
from services.i18n import QT_TRANSLATE_NOOP
from ui.dialogs import focus_returns
from ui.i18n import translate
from ui.widgets.supervisor import SupervisorAnswer, SupervisorPrompt

if TYPE_CHECKING:
    from services.dayclose import DayCloseService
    from services.reports import Printout
    from ui.screens.base import Screen

FolderChooser = Callable[[QWidget, str], Optional[str]]  # (parent, title) -> folder or None
PrintDone = Callable[[str, str], None]  # (banner kind, message), on the GUI thread


class PrintHook(Protocol):
    """What prints a printout (``ui.printing.PrintoutPrinter``)."""

    @property
    def columns(self) -> int: ...  # the paper's width in characters

    def __call__(self, printout: "Printout", name: str, what: str, done: PrintDone, *,
                 keep_text: bool = True) -> None: ...


FORMAT_NAMES = {"pdf": QT_TRANSLATE_NOOP("report_actions", "PDF"), "csv": QT_TRANSLATE_NOOP("report_actions", "CSV"),
                "thermal": QT_TRANSLATE_NOOP("report_actions", "ringkasan thermal")}


def choose_folder(parent: QWidget, title: str) -> str | None:
    with focus_returns(parent):
        folder = QFileDialog.getExistingDirectory(parent, title)
    return folder or None


class ReportActions:
    def __init__(self, screen: "Screen", service: "DayCloseService", operator: Callable[[], str], *,
                 choose_folder: FolderChooser, ask_supervisor: SupervisorPrompt,
                 print_printout: PrintHook | None = None) -> None:
        self.screen = screen
        self.service = service
        self.operator = operator
        self.choose_folder = choose_folder
        self.ask_supervisor = ask_supervisor
        self.print_printout = print_printout
        self.last_path: Path | None = None

    def export(self, business_date: str, fmt: str, busy: QWidget) -> None:
        folder = self.choose_folder(self.screen, translate("ReportActions",
                                                           "Pilih folder untuk {value} laporan").format(
            value=translate("report_actions", FORMAT_NAMES[fmt])))
        if not folder:
            return
        service, actor = self.service, self.operator()

        def attempt(answer: SupervisorAnswer | None) -> None:
            pin, reason = (answer.pin, answer.reason) if answer else (None, "")
            self.screen.run(lambda: service.export(business_date, fmt, folder, actor=actor, pin=pin, reason=reason),
                            self._saved, busy=busy, message=translate("ReportActions", "Menyimpan {value}…").format(
                                value=translate("report_actions", FORMAT_NAMES[fmt])),
                            on_failure=lambda exc: self._refused(exc, fmt, attempt, answer), stay=True)

        attempt(None)

    def print_summary(self, business_date: str, busy: QWidget, shown: Callable[["Printout"], None], *,
                      recorded: bool = True) -> None:
        """The day's thermal summary to the receipt printer (and to ``shown``). ``recorded``:
        a Laporan Z's print is counted (the next is a reprint); a Laporan X's is not."""
        service, actor = self.service, self.operator()
        hook = self.print_printout
        columns = hook.columns if hook is not None else 32  # laid out to the paper; 58 mm on screen only

        def done(printout: "Printout") -> None:
            shown(printout)
            if hook is not None:
                self.screen.banner.show_message("info", translate("ReportActions", "Mencetak ringkasan…"))
                hook(printout, f"ringkasan-{business_date}", translate("ReportActions", "Ringkasan {value}").format(
                    value=business_date), self.screen.banner.show_message)
            elif recorded:
                self.screen.banner.show_message(
                    "info", translate("ReportActions", "Printer struk belum tersambung ke menu ini: ringkasan "
                            "ditampilkan di layar. Cetakan ini sudah tercatat; cetak berikutnya dihitung "
                            "sebagai cetak ulang."))
            else:
                self.screen.banner.show_message("warning", translate("ReportActions", "Printer struk belum tersambung: "
                                                                     "gunakan Ekspor PDF."))

        def attempt(answer: SupervisorAnswer | None) -> None:
            pin, reason = (answer.pin, answer.reason) if answer else (None, "")
            self.screen.run(lambda: service.render(business_date, "thermal", actor=actor, pin=pin, reason=reason,
                                                   columns=columns),
                            done, busy=busy, message=translate("ReportActions", "Menyiapkan ringkasan…"),
                            on_failure=lambda exc: self._refused(exc, "thermal", attempt, answer), stay=True)

        attempt(None)

    def _saved(self, path: Path) -> None:
        self.last_path = Path(path)
        self.screen.banner.show_message("success", translate("ReportActions", "Laporan disimpan: {path}").format(
            path=path))

    def _refused(self, exc: BaseException, fmt: str, attempt: Callable[[Any], None],
                 answered: SupervisorAnswer | None) -> None:
        if not isinstance(exc, NeedsReprintApproval) or answered is not None:
            self.screen.fail(exc)
            return
        answer = self.ask_supervisor(
            self.screen, translate("ReportActions", "Cetak/ekspor ulang laporan"),
            translate("ReportActions", "{value} laporan ini sudah pernah dibuat. Membuatnya lagi adalah cetak "
                    "ulang: perlu PIN supervisor dan alasannya, dan tercatat di laporan.").format(
                        value=translate("report_actions", FORMAT_NAMES[fmt]).capitalize()), True)
        if answer is None:
            self.screen.banner.show_message("info", translate("ReportActions", "Cetak/ekspor ulang dibatalkan."))
            return
        attempt(answer)
