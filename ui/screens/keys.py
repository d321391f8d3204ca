"""Pengaturan > Kunci API: the partner RSA key pair for each SNAP host (DOKU, BCA).

For each host: whether a key is stored and the SHA-256 fingerprint of its public key (what
the supervisor reads to the bank to check the ``.pub`` arrived intact); "Buat kunci baru"
(2048-bit; asks before replacing a key), "Ekspor kunci publik" (the ``.pub`` the bank asks
for), "Impor kunci privat" (a PEM file, asking its password only when it has one).

The private key is never shown, exported or logged: ``PartnerKeys`` keeps it encrypted and
this screen only ever sees the public half's fingerprint. Key work (RSA generation, disk,
credential store) runs in the worker.

Decision: a new or imported key is used from the next start of Loket (the SNAP clients
are built once, at start-up, with the key they sign with); the screen says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton

from services.errors import ConfigurationError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from ui import dialogs
from ui.errors import localized
from ui.i18n import translate
from ui.registry import register
from ui.screens.base import Screen

if TYPE_CHECKING:
    from services.hosts.snap.keys import PartnerKeys
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Kunci API")
HOST_NAMES = {"doku": QT_TRANSLATE_NOOP("keys", "DOKU (BNI Virtual Account)"), "bca": QT_TRANSLATE_NOOP("keys", "BCA")}
MAX_KEY_FILE = 64 * 1024  # a PEM private key is a few kB; anything bigger is the wrong file
PRIVATE_KEY_FILTER = QT_TRANSLATE_NOOP("keys", "Kunci privat PEM (*.pem *.key);;Semua berkas (*)")
APPLIES_LATER = QT_TRANSLATE_NOOP("keys", "Kunci ini dipakai setelah Loket dibuka ulang.")


@dataclass(frozen=True)
class KeyStatus:
    present: bool
    fingerprint: str = ""
    problem: str = ""
    unopened: bool = False  # a key file whose passphrase this PC's secret store lacks (PartnerKeys.unopened)


def key_status(keys: "PartnerKeys") -> KeyStatus:
    if not keys.has_key():
        return KeyStatus(False, unopened=keys.unopened())
    try:
        return KeyStatus(True, keys.fingerprint())
    except ConfigurationError as exc:
        return KeyStatus(True, problem=localized(exc))


def read_private_key_file(path: str) -> bytes:
    file = Path(path)
    if file.stat().st_size > MAX_KEY_FILE:
        raise UserInputError("private_key", translate("keys", "Berkas ini terlalu besar untuk sebuah kunci privat. "
                                                              "Pilih berkas .pem."))
    return file.read_bytes()


class HostKeyPanel(QFrame):
    """One host's key: status, fingerprint, the three actions."""

    def __init__(self, host: str) -> None:
        super().__init__()
        self.setObjectName("beneficiary")
        self.host = host
        grid = QGridLayout(self)
        grid.setContentsMargins(20, 12, 20, 12)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        title = QLabel(translate("keys", HOST_NAMES.get(host, host.upper())))
        title.setObjectName("cardTitle")
        grid.addWidget(title, 0, 0, 1, 2)
        caption = QLabel(self.tr("Status"))
        caption.setObjectName("resultLabel")
        grid.addWidget(caption, 1, 0)
        self.state = QLabel(self.tr("Memeriksa…"), objectName="resultValue")
        grid.addWidget(self.state, 1, 1)
        caption = QLabel(self.tr("Sidik jari kunci"))
        caption.setObjectName("resultLabel")
        grid.addWidget(caption, 2, 0, Qt.AlignmentFlag.AlignTop)
        self.fingerprint = QLabel("—", objectName="muted")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.fingerprint, 2, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 8, 0, 0)
        buttons.setSpacing(8)
        self.generate_button = QPushButton(self.tr("Buat kunci baru"))
        self.export_button = QPushButton(self.tr("Ekspor kunci publik"))
        self.import_button = QPushButton(self.tr("Impor kunci privat"))
        for button in (self.generate_button, self.export_button, self.import_button):
            button.setObjectName("secondary")
            buttons.addWidget(button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 0, 1, 2)
        self.status = KeyStatus(False)

    def show_status(self, status: KeyStatus) -> None:
        self.status = status
        if status.problem:
            self.state.setText(self.tr("Kunci rusak — {problem}").format(problem=status.problem))
        elif status.unopened:
            self.state.setText(self.tr(
                "Berkas kunci ada, tetapi tidak dapat dibuka di komputer ini: sandinya tersimpan di Windows "
                "Credential Manager PC asal folder profil ini. Impor kunci privat aslinya, atau buat kunci baru "
                "dan kirim kunci publiknya ke bank (berkas lama disimpan di samping)."))
        else:
            self.state.setText(self.tr("Kunci tersedia") if status.present else self.tr("Belum ada kunci. Buat atau "
                                                                                        "impor kunci."))
        # 32 bytes in two lines of 16, so the panel stays narrow and each half is read at once
        half = 16 * 3 - 1
        self.fingerprint.setText(f"{status.fingerprint[:half]}\n{status.fingerprint[half + 1:]}"
                                 if status.fingerprint else "—")
        self.export_button.setEnabled(bool(status.fingerprint))
        self.state.setWordWrap(True)


class KeysScreen(Screen):
    requires_supervisor = True  # opened only after the supervisor PIN (ui/supervisor_gate.py)
    enter_only_moves = True  # a habitual Enter changes and saves nothing: Simpan is pressed on purpose

    def __init__(self, partner_keys: "dict[str, PartnerKeys]", worker: "Worker", errors: "ErrorPresenter", *,
                 confirm: dialogs.Confirm = dialogs.confirm,
                 choose_save_file: dialogs.SaveFileChooser = dialogs.choose_save_file,
                 choose_open_file: dialogs.OpenFileChooser = dialogs.choose_open_file,
                 ask_password: dialogs.PasswordPrompt = dialogs.ask_password) -> None:
        super().__init__(TITLE, worker, errors)
        self.partner_keys = partner_keys
        self.confirm = confirm
        self.choose_save_file = choose_save_file
        self.choose_open_file = choose_open_file
        self.ask_password = ask_password
        self.loaded = False
        note = QLabel(self.tr("Kunci privat disimpan terenkripsi di komputer ini dan tidak pernah ditampilkan. "
                      "Yang diberikan kepada bank hanya kunci publik (berkas .pub)."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.panels: dict[str, HostKeyPanel] = {}
        for host in partner_keys:
            panel = HostKeyPanel(host)
            panel.generate_button.clicked.connect(lambda _=False, h=host: self.generate(h))
            panel.export_button.clicked.connect(lambda _=False, h=host: self.export(h))
            panel.import_button.clicked.connect(lambda _=False, h=host: self.import_key(h))
            self.body.addWidget(panel)
            self.panels[host] = panel
        if not partner_keys:
            self.body.addWidget(QLabel(self.tr("Tidak ada host SNAP yang memakai kunci di profil ini.")))

    # -- status ----------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        keys = self.partner_keys

        def load() -> dict[str, KeyStatus]:
            return {host: key_status(pair) for host, pair in keys.items()}

        def show(statuses: dict[str, KeyStatus]) -> None:
            for host, status in statuses.items():
                self.panels[host].show_status(status)
            self.loaded = True

        self.run(load, show, busy=self.card, message=self.tr("Memeriksa kunci…"))

    def _done(self, host: str, text: str) -> None:
        """After a change: the new status, then say what happened (after the refresh clears it)."""
        self.loaded = False
        keys = self.partner_keys[host]

        def show(status: KeyStatus) -> None:
            self.panels[host].show_status(status)
            self.loaded = True
            self.banner.show_message("success", text)

        self.run(lambda: key_status(keys), show, busy=self.card, message=self.tr("Memeriksa kunci…"))

    # -- actions ---------------------------------------------------------------------
    def _may_replace(self, host: str) -> bool:
        if not self.panels[host].status.present:
            return True
        return self.confirm(self, self.tr("Ganti kunci?"),
                            self.tr("Kunci {value} yang lama akan dihapus dan diganti. Transaksi {value2} "
                                    "baru berjalan lagi setelah bank menerima kunci publik yang baru. "
                                    "Lanjutkan?").format(
                                        value=translate("keys", HOST_NAMES.get(host, host)), value2=host.upper()))

    def generate(self, host: str) -> None:
        if not self._may_replace(host):
            return
        keys = self.partner_keys[host]
        self.run(keys.generate,
                 lambda _pem: self._done(host, self.tr("Kunci baru {value} dibuat (RSA 2048 bit). Ekspor kunci "
                                                       "publiknya dan kirim ke {value}. {APPLIES_LATER}").format(
                                                           value=host.upper(),
                                                           APPLIES_LATER=translate("keys", APPLIES_LATER))),
                 busy=self.panels[host].generate_button, message=self.tr("Membuat kunci RSA 2048 bit…"))

    def export(self, host: str) -> None:
        suggested = str(Path.home() / f"loket-{host}.pub")
        path = self.choose_save_file(self, self.tr("Simpan kunci "
                                                   "publik"), suggested, self.tr("Kunci publik (*.pub *.pem)"))
        if not path:
            return
        keys = self.partner_keys[host]
        self.run(lambda: keys.export_public_key(path),
                 lambda written: self.banner.show_message(
                     "success", self.tr("Kunci publik disimpan ke {written}. Kirim berkas ini ke {value}.").format(
                         written=written, value=host.upper())),
                 busy=self.panels[host].export_button, message=self.tr("Menyimpan kunci publik…"))

    def import_key(self, host: str) -> None:
        path = self.choose_open_file(self, self.tr("Pilih kunci privat"), translate("keys", PRIVATE_KEY_FILTER))
        if not path or not self._may_replace(host):
            return
        self._import(host, path, None)

    def _import(self, host: str, path: str, password: str | None) -> None:
        keys = self.partner_keys[host]

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserInputError) and exc.field == "password" and password is None:
                asked = self.ask_password(self, self.tr("Kata sandi kunci privat"),
                                          self.tr("Kunci privat ini terkunci kata sandi. Masukkan kata sandinya:"))
                if asked is not None:
                    self._import(host, path, asked)
                return
            self.fail(exc)

        self.run(lambda: keys.import_private_key(read_private_key_file(path), password),
                 lambda _pem: self._done(host, self.tr("Kunci privat {value} diimpor dan disimpan terenkripsi. "
                                                       "{APPLIES_LATER}").format(
                     value=host.upper(), APPLIES_LATER=translate("keys", APPLIES_LATER))),
                 busy=self.panels[host].import_button, message=self.tr("Mengimpor kunci…"), on_failure=failed)


@register("keys", group="settings", title=TITLE, order=20)
def _make(services: "ScreenServices") -> KeysScreen:
    return KeysScreen(services.partner_keys or {}, services.worker, services.errors)
