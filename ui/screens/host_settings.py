"""Pengaturan > Koneksi Host (supervisor PIN first): sandbox or live, and for each host its
address, ids and secrets.

Everything is read and written by ``services.host_settings`` in the worker; this screen
only collects text. A stored secret is never shown back: its field stays empty with
"tersimpan", and only a secret typed here replaces it (the note above the tabs says so: a
longer hint did not fit a field of three to a row at 1024 px). The clients
are built at start-up, so the screen says that changes apply after Loket is opened again.
The partner office's tab is a page of its own (``ui.screens.office_page``).

"Cek koneksi" asks every host that has a cheap check (``services.connectivity``: Bank+ by
the agent balance, BNI Keagenan by PING) with the settings in use now, in a live run checks
the certificate of each other configured host by a TLS handshake with its saved address and
CA file (no request sent: a bank behind a private CA is found at set-up), and the partner
office's database, when one is configured, with the settings as saved (its connection is
made afresh: what the office's operator sent can be tried before Loket is reopened). The
banner gives every bank host a line, in the tabs' order: its check's answer, "belum
diatur" for a host this run could not build (live without what the bank issued: its menus
at the counter do not work, and the answer is not green), or "diperiksa saat dipakai" for a
configured host without a cheap check; and it says when the office is not configured. Live
saved from a sandbox run (a new kiosk is set up so) is checked only after a live start: the
answer then says that the simulated hosts were asked.
Edits not saved are not left behind without a question (``ui.unsaved``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from services.connectivity import (
    BANKPLUS,
    KEAGENAN,
    PRINTER,
    TLS_ONLY,
    check_certificates,
    check_hosts,
    check_printer,
)
from services.errors import FormInvalid
from services.host_settings import HOSTS, OFFICE, PRIVATE_HTTP_HOSTS, PRIVATE_HTTP_WARNING, private_http
from services.hosts import registry
from services.i18n import QT_TRANSLATE_NOOP
from ui import dialogs
from ui.errors import localized
from ui.i18n import translate
from ui.keyboard import MAY_STAY_EMPTY
from ui.registry import register
from ui.screens.base import Screen
from ui.screens.office_page import CA_EXAMPLE, CHOOSE, OfficePage, pick_ca_file
from ui.unsaved import SavedForm
from ui.widgets.field import Field
from ui.widgets.fitted_tabs import FittedTabs
from ui.widgets.wrapping_label import WrappingLabel

if TYPE_CHECKING:
    from services.connectivity import HostCheck
    from services.dayclose.supervisor import Supervisors
    from services.host_settings import HostSettings, HostSettingsView
    from services.hosts.bankplus.service import BankingService
    from services.hosts.keagenan.service import BillPayService
    from services.receipts.settings import PrinterSettings
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Koneksi Host")
MODES = (("sandbox", QT_TRANSLATE_NOOP("host_settings", "Sandbox — latihan, bank simulasi di komputer ini")),
         ("live", QT_TRANSLATE_NOOP("host_settings", "Live — bank sungguhan, uang sungguhan")))
APPLIES_LATER = QT_TRANSLATE_NOOP("host_settings", "Perubahan berlaku setelah Loket ditutup dan dibuka ulang.")
STORED = QT_TRANSLATE_NOOP("host_settings", "tersimpan")
EMPTY_SECRET = QT_TRANSLATE_NOOP("host_settings", "belum diisi")
COLUMNS = 3  # ids in three columns: the longest host fits a 1366x768 screen at 125 %
WIDE = frozenset({"token_path", "fitur_overrides", "ca_file"})  # values too long for a third of a row
SIGNS = frozenset(host.name for host in registry.HOSTS if host.signs)  # SNAP: a partner key pair (Kunci API)


@dataclass(frozen=True)
class Readiness:
    """What "Cek koneksi" found: the hosts' answers, the printer's, and the supervisors set
    (None: not asked)."""

    hosts: list["HostCheck"]
    printer: "HostCheck | None" = None
    supervisors: list[str] | None = None


class HostSettingsScreen(Screen):
    requires_supervisor = True
    enter_only_moves = True  # a habitual Enter changes and saves nothing: Simpan is pressed on purpose

    def __init__(self, host_settings: "HostSettings | None", worker: "Worker", errors: "ErrorPresenter", *,
                 banking: "BankingService | None" = None, billpay: "BillPayService | None" = None,
                 services: Mapping[str, Any] | None = None, sandbox: bool = False,
                 printer: "PrinterSettings | None" = None, supervisors: "Supervisors | None" = None,
                 choose_file: dialogs.OpenFileChooser = dialogs.choose_open_file) -> None:
        """``services``: each bank host's service as this run built it, by host name (None:
        not configured); not given, the check's answer speaks of the checked hosts only.
        ``sandbox``: this run's hosts are the simulated ones, whatever mode the form shows.
        ``printer``, ``supervisors``: checked with the hosts, the rest of a counter ready to serve.
        ``choose_file``: the file dialog of a host's CA certificate (tests answer it)."""
        super().__init__(TITLE, worker, errors)
        self.choose_file = choose_file
        self.host_settings = host_settings
        self.banking = banking
        self.billpay = billpay
        self.services = services
        self.sandbox = sandbox
        self.printer = printer
        self.supervisors = supervisors
        self.checks: list["HostCheck"] = []
        self.loaded = False
        self.edits: dict[str, dict[str, QLineEdit]] = {}
        self.secret_edits: dict[str, QLineEdit] = {}
        self._tab_of: dict[str, int] = {}
        # https:// is the bank hosts' rule; the office's address is host:port/database, always
        # over TLS, which its own tab says
        self.note = WrappingLabel(self.tr("Di mode live, alamat host bank wajib https://. Password dan client secret "
                                   "disimpan terenkripsi dan tidak pernah ditampilkan lagi; ketik yang baru untuk "
                                   "menggantinya. {APPLIES_LATER}").format(
                                       APPLIES_LATER=translate("host_settings", APPLIES_LATER)))
        self.note.setObjectName("muted")  # its lines claimed: at 1366 px a third one squeezed the fields
        self.body.addWidget(self.note)
        self.mode = QComboBox(objectName="mode")
        for value, label in MODES:
            self.mode.addItem(translate("host_settings", label), value)
        self.add_field("mode", self.tr("Mode"), self.mode)
        self.tabs = FittedTabs(objectName="hostTabs")  # as tall as the tab on show: Simpan stays near
        for index, host in enumerate(HOSTS):
            title = translate("host_settings", host.title)
            self.tabs.addTab(self._office_page(host) if host is OFFICE else self._host_page(host),
                             self._short_title(host))
            self.tabs.setTabToolTip(index, title)
            self._tab_of[host.name] = index
        self.body.addWidget(self.tabs)
        self.save_button = QPushButton(self.tr("Simpan"), objectName="primary")
        self.save_button.clicked.connect(self.save)
        self.check_button = QPushButton(self.tr("Cek koneksi"), objectName="secondary")
        self.check_button.setToolTip(self.tr("Menanyai Bank+ dan BNI Keagenan dengan pengaturan yang sedang "
                                             "dipakai, memeriksa sertifikat host lain dan kantor mitra (bila diatur) "
                                             "dengan pengaturan yang tersimpan; memeriksa printer dan supervisor. "
                                             "Tidak ada uang yang berpindah."))
        self.check_button.clicked.connect(self.check_connection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.saved_form = SavedForm(self.form_state, self.activated)  # thrown away: loaded again

    def _host_page(self, host: Any) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(12, 12, 12, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        # The address first, then the short values three to a row, then the long ones (a
        # path, the fiturId list) a row each; made in that order, so Tab follows the eye.
        fields = sorted(host.fields, key=lambda field: (field[0] != "base_url", field[0] in WIDE))
        # No more columns than a row fills: Bank+'s one short value (the call center) in a
        # column of three empty ones was narrower than the address above it, by the spacing.
        short = sum(1 for key, _label in fields if key != "base_url" and key not in WIDE)
        columns = min(COLUMNS, max(short, len(host.secrets), 1))
        title = QLabel(translate("host_settings", host.title))
        title.setObjectName("cardTitle")
        grid.addWidget(title, 0, 0, 1, columns)
        edits: dict[str, QLineEdit] = {}
        cells = 0
        wide_rows = 0
        for key, label in fields:
            edit = QLineEdit(objectName=f"{host.name}.{key}")
            default = dict(host.defaults).get(key)
            if key == "base_url":
                edit.setPlaceholderText(self.tr("https://…"))
            elif key == "fitur_overrides":  # the bank's own fiturIds, where its table differs
                edit.setPlaceholderText(self.tr("kosong = fiturId dokumen; contoh bni_life=FTR437/FTR463"))
                edit.setToolTip(self.tr("Hanya bila tabel fiturId bank berbeda dari dokumen. Dipakai di mode "
                                        "live saja; sandbox memakai fiturId dokumen."))
            elif key == "ca_file":  # a bank behind a private CA: its certificate, for this host alone
                edit.setPlaceholderText(translate("host_settings", CA_EXAMPLE))
                edit.setToolTip(self.tr("Hanya bila bank memakai CA sendiri: berkas .pem dari bank. Dipakai di mode "
                                        "live untuk host ini saja, selain sertifikat sistem (Windows)."))
            elif default:
                edit.setPlaceholderText(default)
            edits[key] = edit
            field = self._field(f"{host.name}.{key}", label, edit, beside=self._ca_button(host, key))
            if key == "base_url":  # the address takes the whole row
                grid.addWidget(field, 1, 0, 1, columns)
                if host.name in PRIVATE_HTTP_HOSTS:
                    self._private_line_warning(edit, grid, columns)
                continue
            if key in WIDE:  # its hint (a default path, an example) needs the whole row
                grid.addWidget(field, 2 + (cells + columns - 1) // columns + wide_rows, 0, 1, columns)
                wide_rows += 1
                continue
            grid.addWidget(field, 2 + cells // columns, cells % columns)
            cells += 1
        row = 2 + (cells + columns - 1) // columns + wide_rows
        for index, (secret, label) in enumerate(host.secrets):
            edit = QLineEdit(objectName=f"{host.name}.{secret}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setProperty(MAY_STAY_EMPTY, True)  # empty keeps the saved key
            self.secret_edits[f"{host.name}.{secret}"] = edit
            grid.addWidget(self._field(f"{host.name}.{secret}", label, edit), row, index)
        if host.name in SIGNS:  # its key pair is on another screen, and the bank must have the public half
            note = WrappingLabel(self.tr("Kunci partner: permintaan ke {host} ditandatangani dengan kunci RSA di "
                                         "Pengaturan > Kunci API. Ekspor kunci publiknya, kirim ke {host}, dan "
                                         "bacakan sidik jarinya bila bank mencocokkan.").format(
                host=self._short_title(host)))
            note.setObjectName("muted")
            row += 1
            grid.addWidget(note, row, 0, 1, columns)
        grid.setRowStretch(row + 1, 1)
        self.edits[host.name] = edits
        return page

    def _ca_button(self, host: Any, key: str) -> QPushButton | None:
        """"Pilih…" beside a host's CA file: a path is chosen, not typed."""
        if key != "ca_file":
            return None
        button = QPushButton(translate("host_settings", CHOOSE), objectName=f"{host.name}.chooseCaFile")
        button.setToolTip(self.tr("Pilih berkas sertifikat CA yang dikirim bank (.pem atau .crt)."))
        title = self.tr("Pilih sertifikat CA {host}").format(host=self._short_title(host))
        button.clicked.connect(lambda: pick_ca_file(self, self.choose_file, title,
                                                    self._fields[f"{host.name}.{key}"]))
        return button

    @staticmethod
    def _short_title(host: Any) -> str:
        """The host's name as its tab reads, without the parenthesis of its title."""
        return translate("host_settings", host.title).split(" (")[0]

    def _office_page(self, host: Any) -> QWidget:
        page = OfficePage(host, self._field)
        self.edits[host.name] = page.edits
        self.secret_edits.update(page.secret_edits)
        self.office_page = page
        return page

    def _private_line_warning(self, edit: QLineEdit, grid: QGridLayout, columns: int) -> None:
        """Plain http to the bank's private network is allowed for this host only; while the
        address is one, the screen says so in words the supervisor cannot miss."""
        warning = QLabel(translate("host_settings", PRIVATE_HTTP_WARNING), objectName="privateLineWarning")
        warning.setProperty("kind", "warning")
        warning.setWordWrap(True)
        warning.hide()
        grid.addWidget(warning, 0, min(1, columns - 1), 1, max(1, columns - 1))
        self.private_line_warning = warning
        edit.textChanged.connect(lambda text: warning.setVisible(private_http(text.strip())))

    def _field(self, name: str, label: str, editor: QWidget, *, beside: QWidget | None = None) -> Field:
        field = Field(translate("host_settings", label), editor, beside=beside)  # labels: services.host_settings
        self._fields[name] = field
        return field

    def field(self, name: str) -> Field | None:
        """The presenter asks for a host's field: show that host's tab first."""
        host = name.split(".", 1)[0]
        if host in self._tab_of:
            self.tabs.setCurrentIndex(self._tab_of[host])
        return super().field(name)

    # -- load ------------------------------------------------------------------------
    def activated(self) -> None:
        if self.host_settings is None:
            self.banner.show_message("error", self.tr("Pengaturan host tidak tersedia di profil ini."))
            return
        self.run(self.host_settings.load, self.show_settings, busy=self.save_button,
                 message=self.tr("Memuat pengaturan…"))

    def show_settings(self, view: "HostSettingsView") -> None:
        self.loaded = True
        self.mode.setCurrentIndex(max(0, self.mode.findData(view.mode)))
        for host, values in view.values.items():
            for key, value in values.items():
                self.edits[host][key].setText(value)
        for name, edit in self.secret_edits.items():
            edit.clear()
            edit.setPlaceholderText(translate("host_settings", STORED) if view.stored.get(name)
                                    else translate("host_settings", EMPTY_SECRET))
            edit.setToolTip(self.tr("Tersimpan terenkripsi. Ketik yang baru untuk menggantinya.")
                            if view.stored.get(name)
                            else self.tr("Belum ada yang tersimpan."))
        self.saved_form.mark()

    def form_state(self) -> tuple[Any, ...] | None:
        """What the form holds (a secret only as "typed or not"), None before it is loaded."""
        if not self.loaded:
            return None
        return (self.mode.currentData(),
                {host: {key: edit.text() for key, edit in edits.items()} for host, edits in self.edits.items()},
                sorted(name for name, edit in self.secret_edits.items() if edit.text()))

    # -- save ------------------------------------------------------------------------
    def save(self) -> None:
        if self.host_settings is None:
            return
        service = self.host_settings
        mode = self.mode.currentData()
        values = {host: {key: edit.text() for key, edit in edits.items()} for host, edits in self.edits.items()}
        secrets = {name: edit.text() for name, edit in self.secret_edits.items() if edit.text()}

        def reloaded(view: "HostSettingsView") -> None:
            self.show_settings(view)
            self.banner.show_message("success", self.tr("Pengaturan host tersimpan. {APPLIES_LATER}").format(
                APPLIES_LATER=translate("host_settings", APPLIES_LATER)))

        def saved(_result: Any) -> None:
            self.run(service.load, reloaded, busy=self.save_button, message=self.tr("Memuat pengaturan…"))

        self.run(lambda: service.save(mode, values, secrets), saved, busy=self.save_button,
                 message=self.tr("Menyimpan…"), on_failure=self._refused)

    # -- connection check ------------------------------------------------------------------
    def check_connection(self) -> None:
        banking, billpay, settings = self.banking, self.billpay, self.host_settings
        printer, supervisors = self.printer, self.supervisors

        # the configured live hosts without a cheap check: their certificate, by a handshake
        no_request = [] if self.sandbox or self.services is None else [
            name for name, service in self.services.items()
            if service is not None and name not in (BANKPLUS, KEAGENAN)]

        def check() -> Readiness:  # in the worker: the settings and secrets are files, the printer a device
            hosts = check_hosts(banking, billpay, settings.office() if settings is not None else None)
            if no_request and settings is not None:
                hosts += check_certificates(settings.load().values, no_request)
            return Readiness(hosts, check_printer(printer) if printer is not None else None,
                             supervisors.names() if supervisors is not None else None)

        self.run(check, self.show_checks, busy=self.check_button, message=self.tr("Memeriksa koneksi ke host…"))

    def show_checks(self, readiness: "Readiness") -> None:
        checks = self.checks = readiness.hosts
        if not checks:
            self.banner.show_message("info", self.tr("Tidak ada host yang dapat diperiksa di profil ini."))
            return
        answers = {check.host: check for check in checks}
        lines, missing = [], False
        for host in registry.HOSTS:
            if host.name in answers:
                lines.append(self._check_line(answers.pop(host.name)))
            elif self.services is None:
                continue
            elif self.services.get(host.name) is None:
                missing = True
                lines.append(self.tr("– {host}: belum diatur (menunya di loket tidak dapat dipakai).").format(
                    host=self._tab_name(host.name)))
            else:
                lines.append(self.tr("• {host}: diatur; tidak punya pemeriksaan ringan, diperiksa saat "
                                     "dipakai.").format(host=self._tab_name(host.name)))
        lines += [self._check_line(check) for check in answers.values()]  # the office
        if OFFICE.name not in answers:
            lines.append(self.tr("Kantor mitra: tidak diatur (jurnal tidak disalin ke kantor)."))
        if readiness.printer is not None:
            checks = [*checks, readiness.printer]
            lines.append(self._check_line(readiness.printer))
        if missing:
            lines.append(self.tr("Host yang dipakai loket ini: isi tab-nya, Simpan, lalu buka ulang Loket."))
        if no_number := self._without_call_center():
            missing = True
            lines.append(self.tr("– Telepon call center belum diisi: {hosts}.").format(hosts=", ".join(no_number)))
        for_live = self.sandbox and self.mode.currentData() == "live"  # live saved from a sandbox run
        if readiness.supervisors is not None and for_live:
            # this run's supervisors are the sandbox journal's: the live day's journal keeps its own
            missing = True
            said = self.tr("– Supervisor sandbox: {names}. Hari live memakai supervisor jurnal live sendiri "
                           "(bila belum ada, Beranda memintanya setelah Loket dibuka ulang di mode live).")
            lines.append(said.format(names=", ".join(readiness.supervisors) or "-"))
        elif readiness.supervisors is not None:
            missing = missing or not readiness.supervisors
            lines.append(self.tr("✓ Supervisor: {names}.").format(names=", ".join(readiness.supervisors))
                         if readiness.supervisors else
                         self.tr("– Supervisor: belum ada; atur di Pengaturan > Supervisor."))
        kind = "error" if not all(check.ok for check in checks) else "warning" if missing else "success"
        if for_live:
            # live saved from the sandbox, as a new kiosk is set up: the bank hosts asked
            # were the simulated ones, not the addresses on the tabs
            lines.insert(0, self.tr("Loket sedang berjalan sandbox: yang diperiksa host simulasi, bukan alamat "
                                    "live di tab. Host live diperiksa setelah Loket ditutup dan dibuka ulang di mode "
                                    "live."))
            kind = "warning" if kind == "success" else kind
        if self.saved_form.changed():
            # The check uses what is saved: the office typed and not saved read, in green,
            # "tidak diatur", and the supervisor took the typed address for refused.
            lines.append(self.tr("Isian yang belum disimpan tidak ikut diperiksa: tekan Simpan dulu, lalu Cek "
                                 "koneksi lagi."))
            kind = "warning" if kind == "success" else kind
        self.banner.show_message(kind, "\n".join(lines))

    def _without_call_center(self) -> list[str]:
        """The live hosts in use whose call center number is empty: the work-list gives the
        agent that number for a transaction in doubt (the sandbox has a made-up one)."""
        if self.sandbox or self.services is None:
            return []
        return [self._tab_name(host.name) for host in registry.HOSTS
                if self.services.get(host.name) is not None and not self.edits[host.name]["call_center"].text().strip()]

    def _tab_name(self, host: str) -> str:
        return self.tabs.tabText(self._tab_of[host]) if host in self._tab_of else host

    def _check_line(self, check: "HostCheck") -> str:
        reason = localized(check.error) if check.error is not None else ""
        if check.host == PRINTER:
            if not check.ok:
                return self.tr("✗ Printer: {reason}").format(reason=reason)
            if check.detail == "PDF":
                return self.tr("✓ Printer: tanpa printer, struk disimpan sebagai PDF.")
            return self.tr("✓ Printer: {where} dapat dihubungi.").format(where=check.detail)
        name = self._tab_name(check.host)
        if check.ok and check.detail == TLS_ONLY:
            return self.tr("✓ {host}: sertifikat dipercaya (TLS); tidak punya pemeriksaan ringan, permintaan "
                           "diperiksa saat dipakai.").format(host=name)
        if check.ok:
            return self.tr("✓ {host}: terhubung.").format(host=name)
        if check.answered:
            return self.tr("✗ {host}: host menjawab tetapi menolak — {reason}").format(host=name, reason=reason)
        return self.tr("✗ {host}: tidak terhubung — {reason}").format(host=name, reason=reason)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, FormInvalid):
            for error in reversed(exc.errors):  # every bad field red; the first one keeps the focus
                self.errors.present(error, self)
            self.banner.show_message("error", self.tr("{value} isian perlu diperbaiki; belum ada yang "
                                                      "disimpan.").format(
                value=len(exc.errors)))
            return
        self.fail(exc)


@register("host_settings", group="settings", title=TITLE, order=5)
def _make(services: "ScreenServices") -> HostSettingsScreen:
    return HostSettingsScreen(services.host_settings, services.worker, services.errors,
                              banking=services.banking, billpay=services.billpay,
                              services={host.name: getattr(services, host.service) for host in registry.HOSTS},
                              sandbox=services.sandbox, printer=services.printer,
                              supervisors=services.dayclose.supervisors if services.dayclose is not None else None)
