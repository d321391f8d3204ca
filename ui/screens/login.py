"""Login: the window the agent sees first, and the dialog that comes back when the host
has forgotten the session (SESSION_NOT_FOUND) — both built on one ``LoginForm``.

The example credentials are shown only in sandbox mode, where they are the simulator's
training agent; a live build never prints credentials on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from services.errors import CertificateRefused, NotSent
from ui.errors import localized
from ui.i18n import translate
from ui.widgets.banner import Banner
from ui.widgets.field import Field

if TYPE_CHECKING:
    from ui.errors import ErrorPresenter
    from ui.worker import Worker

LoginFn = Callable[[str, str], Any]  # (username, password) -> AgentSession


def sandbox_badge() -> QLabel:
    badge = QLabel("SANDBOX")
    badge.setObjectName("sandboxBadge")
    badge.setToolTip(translate("login", "Mode latihan: transaksi dikirim ke bank simulasi, bukan bank sungguhan."))
    return badge  # centred by the style sheet (qproperty-alignment): see LoginWindow


class LoginForm(QWidget):
    logged_in = Signal(object)  # AgentSession

    def __init__(self, worker: "Worker", errors: "ErrorPresenter", login: LoginFn | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.errors = errors
        self._login = login
        # live only: what a login that reached no bank adds (``LoginWindow.set_live_address``)
        self.unreachable_help = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("contoh: BNIUS100294"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._fields = {
            "username": Field(self.tr("Username"), self.username),
            "password": Field(self.tr("Password"), self.password),
        }
        for widget in self._fields.values():
            layout.addWidget(widget)
        self.submit = QPushButton(self.tr("Masuk"))
        self.submit.setObjectName("primary")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.attempt)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.attempt)
        layout.addSpacing(6)
        layout.addWidget(self.submit)
        self.set_login(login)

    def set_login(self, login: LoginFn | None) -> None:
        """The service arrives after the window is shown (see ``app.gui``)."""
        self._login = login
        self.submit.setEnabled(login is not None)
        self.submit.setText(self.tr("Masuk") if login is not None else self.tr("Menyiapkan…"))

    def set_unavailable(self) -> None:
        """The services could not be built (the banner says why): never "Menyiapkan…" for ever."""
        self._login = None
        self.submit.setEnabled(False)
        self.submit.setText(self.tr("Tidak dapat masuk"))

    def field(self, name: str) -> Field | None:
        return self._fields.get(name)

    def attempt(self) -> None:
        if self._login is None or self.worker.is_busy(self.submit):
            return
        self.banner.clear_message()
        username, password = self.username.text(), self.password.text()
        login = self._login
        self.submit.setText(self.tr("Memeriksa…"))

        def done(session: Any) -> None:
            self.submit.setText(self.tr("Masuk"))
            self.password.clear()
            self.logged_in.emit(session)

        def failed(exc: BaseException) -> None:
            self.submit.setText(self.tr("Masuk"))
            self.password.clear()
            self.errors.present(exc, self)
            if self.unreachable_help and isinstance(exc, NotSent):
                # a login is no transaction, and Koneksi Host is behind the login refused here
                said = localized(exc) if isinstance(exc, CertificateRefused) else self.tr(
                    "Tidak dapat terhubung ke bank. Periksa koneksi internet, lalu coba lagi.")
                self.banner.show_message("error", f"{said}\n{self.unreachable_help}")

        self.worker.run(lambda: login(username, password), on_success=done, on_failure=failed,
                        busy=self.submit)


class LanguageToggle(QWidget):
    """ID | EN at the top right of the login window. Each language is named in itself, so
    an agent who cannot read the current one still finds theirs."""

    chosen = Signal(str)  # "id" | "en"

    NAMES = (("id", "ID", "Bahasa Indonesia"), ("en", "EN", "English"))

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageToggle")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for index, (code, short, name) in enumerate(self.NAMES):
            button = QPushButton(short, objectName="languageButton")
            button.setProperty("position", "first" if index == 0 else "last")
            button.setCheckable(True)
            button.setChecked(code == language)
            button.setToolTip(name)
            button.setAccessibleName(name)
            # A click does not take the focus from the username (qproperty-focusPolicy
            # TabFocus in the style sheet: see LoginWindow)
            button.clicked.connect(lambda _checked=False, c=code: self.chosen.emit(c))
            group.addButton(button)
            row.addWidget(button)
            self.buttons[code] = button


class LoginWindow(QWidget):
    """The first window: brand on the left, the form on a card, version underneath.

    Nothing built for it touches PySide's ``Qt`` namespace: its first use builds all of
    the namespace's enums (~13 ms, a tenth of a bare window's start). What would need one
    is either set by the style sheet (``qproperty-alignment``, ``qproperty-focusPolicy``:
    Qt reads those names in C++) or when it is first needed, after the window is shown
    (``tests/ui/test_startup_imports.py`` keeps it so)."""

    language_chosen = Signal(str)  # the agent picked ID or EN: ``app.gui`` applies it

    def __init__(self, worker: "Worker", errors: "ErrorPresenter", *, version: str, sandbox: bool,
                 login: LoginFn | None = None, language: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginWindow")
        self.setWindowTitle(self.tr("Masuk"))  # Qt adds " — Loket", the display name
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        brand = QFrame()
        brand.setObjectName("brandPanel")
        brand_layout = QVBoxLayout(brand)
        brand_layout.setContentsMargins(56, 56, 56, 56)
        brand_layout.addStretch(1)
        name = QLabel("Loket")
        name.setObjectName("brandName")
        brand_layout.addWidget(name)
        tagline = QLabel(self.tr("Layanan agen bank di loket Anda:\nsetor tunai, transfer, buka rekening,\n"
                         "cek saldo, tagihan dan pembelian."))
        tagline.setObjectName("brandTagline")
        brand_layout.addWidget(tagline)
        brand_layout.addStretch(2)
        self.version = QLabel(self.tr("Versi {version}").format(version=version))
        self.version.setObjectName("brandVersion")
        brand_layout.addWidget(self.version)
        outer.addWidget(brand, 5)

        # The form side scrolls when the card is taller than the window: at 819x614 (1024x768 at
        # 125 %) a wrong password's banner beside the sandbox hint, or a refused certificate's
        # words, were drawn over the username box. No frame, no sideways scrolling and no Tab
        # stop, set by the style sheet (#loginScroll): no Qt enum before the window is shown.
        # Given to the scroll area while empty: given it full, the area sized it to its size
        # hint, laying out every wrapped text of the card (~3 ms before the window is shown)
        # for a size the window's own layout sets again.
        right = QWidget()
        right.setObjectName("loginSide")
        scroll = QScrollArea(objectName="loginScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(48, 24, 48, 24)
        corner = QHBoxLayout()
        corner.addStretch(1)
        self.languages = LanguageToggle(language)
        self.languages.chosen.connect(self.language_chosen)
        corner.addWidget(self.languages)
        right_layout.addLayout(corner)
        right_layout.addStretch(1)
        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(440)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(32, 28, 32, 28)
        card_layout.setSpacing(12)
        top = QHBoxLayout()
        title = QLabel(self.tr("Masuk"))
        title.setObjectName("screenTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.badge = sandbox_badge()
        top.addWidget(self.badge)
        card_layout.addLayout(top)
        # Once it has a parent: made visible before, it opened for a moment as a window of its
        # own at every start (found by the Windows run, .ci/windows.sh).
        self.badge.setVisible(sandbox)
        subtitle = QLabel(self.tr("Masukkan username dan password agen Anda."))
        subtitle.setObjectName("muted")
        subtitle.setWordWrap(True)
        card_layout.addWidget(subtitle)
        self.form = LoginForm(worker, errors, login)
        card_layout.addWidget(self.form)
        self.hint = QLabel()
        self.hint.setObjectName("sandboxHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        card_layout.addWidget(self.hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        right_layout.addLayout(row)
        right_layout.addStretch(1)
        outer.addWidget(scroll, 7)
        self.form.username.setFocus()

    def set_live_address(self, address: str) -> None:
        """Live only: a login that reaches no bank names the Bank+ address it tried and the way
        to correct it, Koneksi Host being behind the login it refused (a --sandbox run opens
        the kiosk's settings with the live supervisor's PIN)."""
        self.form.unreachable_help = self.tr(
            "Bank+: {address}. Alamat salah? Buka Loket sekali dengan --sandbox, lalu supervisor "
            "membetulkannya di Pengaturan > Koneksi Host.").format(address=address)

    def set_sandbox_hint(self, credentials: dict[str, Any] | None) -> None:
        """Only ever called in sandbox mode, with the simulator's training agent (and its second
        agent of the same counter, for rehearsing Serah Terima Kas)."""
        if not credentials:
            self.hint.hide()
            return
        text = self.tr("<b>Mode latihan (SANDBOX).</b> Agen contoh: username <b>{username}</b>, password "
                       "<b>{password}</b>, PIN transaksi <b>{pin}</b>. Uang dan transaksi di mode ini tidak "
                       "nyata.").format(**credentials)
        second = credentials.get("second_agent")
        if second:  # another agent of the same counter: the drawer handed over is rehearsed with them
            # BNI Keagenan knows the counter, not the person: its bills take the counter's PIN,
            # the first agent's, whoever is logged in (README, the sandbox's table)
            text += "<br>" + self.tr(
                "Agen kedua (latihan Serah Terima Kas): username <b>{username}</b>, password <b>{password}</b>, "
                "PIN transaksi <b>{pin}</b> (tagihan BNI: PIN konter <b>{counter_pin}</b>).").format(
                    counter_pin=credentials["pin"], **second)
        self.hint.setText(text)
        self.hint.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.show()


class LoginDialog(QDialog):
    """Re-login over the current screen; the screen underneath keeps what was typed.

    Only the agent whose window this is: the username is shown, not typed (the login given
    logs that agent in again, ``BankingService.relogin``)."""

    def __init__(self, worker: "Worker", errors: "ErrorPresenter", login: LoginFn, *, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sesi berakhir — masuk kembali"))
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        title = QLabel(self.tr("Masuk kembali"))
        title.setObjectName("dialogTitle")
        layout.addWidget(title)
        text = QLabel(self.tr("Sesi Anda di bank telah berakhir. Masukkan password untuk melanjutkan; "
                      "isian di layar tetap tersimpan."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.form = LoginForm(worker, errors, login)
        self.form.username.setText(username)
        self.form.username.setReadOnly(bool(username))
        layout.addWidget(self.form)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        self.form.logged_in.connect(lambda _session: self.accept())
        (self.form.password if username else self.form.username).setFocus()
