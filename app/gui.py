"""Start the GUI: the composition of the Qt side.

Order matters for how fast the agent sees something: the QApplication, the style sheet and
the login window come first (only Qt and the cheap profile settings are imported); the
services (httpx, the journal, the sandbox) are built right after the window is on screen,
and the main window's screens only after login.

``LOKET_EXIT_WHEN_SHOWN=1`` (hidden, for tests/bench/startup.py): print the seconds from
process start to the login window shown, then quit.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.counter import guarded_login, with_counter_services
from app.version import __version__
from services.profile import Profile
from ui.errors import ErrorPresenter
from ui.screens.login import LoginWindow
from ui.single_instance import SingleInstance, bring_forward
from ui.widgets.pin import ask_pin as default_ask_pin
from ui.worker import Worker

if TYPE_CHECKING:
    from app.context import AppContext
    from ui.shell import Shell

WINDOW_SIZE = (1366, 768)


def process_age() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere: since import)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        boot = float(Path("/proc/uptime").read_text().split()[0])
        uptime_at_start = ticks / os.sysconf("SC_CLK_TCK")
        return boot - uptime_at_start
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


_IMPORTED = time.perf_counter()


def resource_path(*parts: str) -> Path:
    """A file under resources/: beside the packages in development, under sys._MEIPASS frozen."""
    roots = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / "resources")
    roots.append(Path(__file__).resolve().parent.parent / "resources")
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return roots[-1].joinpath(*parts)


def load_style() -> str:
    try:
        return resource_path("style", "loket.qss").read_text(encoding="utf-8")
    except OSError:
        return ""  # plain Qt look rather than no app at all


class Loket(QObject):
    """Login window -> main window -> (logout) -> login window, over one context."""

    def __init__(self, *, sandbox: bool, ask_pin: Callable[..., Any] = default_ask_pin) -> None:
        super().__init__()
        self.worker = Worker(self)
        self.errors = ErrorPresenter()
        self.ask_pin = ask_pin
        self.context: "AppContext | None" = None
        self.shell: "Shell | None" = None
        self.login_window = LoginWindow(self.worker, self.errors, version=__version__, sandbox=sandbox)
        self.login_window.resize(*WINDOW_SIZE)
        self.login_window.form.logged_in.connect(self.enter)

    def attach(self, context: "AppContext") -> None:
        """The services are ready: the login button starts to work."""
        self.context = context
        self.login_window.badge.setVisible(context.sandbox)
        self.login_window.form.set_login(guarded_login(context.banking.login))  # 5 wrong: wait (issue 8)
        if context.sandbox and "bankplus" in context.sandbox_hosts:
            self.login_window.set_sandbox_hint(context.sandbox_hosts["bankplus"].credentials())

    def enter(self, session: Any) -> None:
        from ui.screens import load_all
        from ui.services import ScreenServices
        from ui.shell import Shell

        load_all()
        context = self.context
        services = ScreenServices(banking=context.banking, journal=context.journal, worker=self.worker,
                                  errors=self.errors, ask_pin=self.ask_pin, sandbox=context.sandbox,
                                  va=context.va, bca=context.bca, partner_keys=context.partner_keys,
                                  billpay=context.billpay, receipts=context.receipts,
                                  printer=context.printer_settings,
                                  resolver=context.resolver, switching=context.switching,
                                  dayclose=context.dayclose)
        services = with_counter_services(services, context)  # quick PIN, Koneksi Host, idle lock (issue 8)
        self.shell = Shell(services, session, version=__version__)
        if context.receipts is not None:
            from ui.printing import ReceiptPrinting

            # Receipts after every success, reprint and preview on the shared result screen.
            self.printing = ReceiptPrinting(self.shell.result, context.receipts, context.printer_settings,
                                            self.worker)
        self.errors.on_session_expired = self.shell.relogin
        self.shell.logged_out.connect(self.leave)
        self.shell.show_recovered(len(context.recovered))
        self.shell.resize(*WINDOW_SIZE)
        self.shell.show()
        self.login_window.hide()

    def leave(self) -> None:
        shell, self.shell = self.shell, None
        self.errors.on_session_expired = lambda: None
        self.login_window.show()
        self.login_window.form.username.setFocus()
        if shell is not None:
            shell.close()
            shell.deleteLater()

    def shutdown(self) -> None:
        self.worker.wait_idle()
        if self.context is not None:
            self.context.close()


def run_gui(args: Any) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Loket")
    app.setApplicationDisplayName("Loket")
    instance = SingleInstance()
    if not instance.claim():  # Loket is already running: it was asked to come forward (issue 8)
        return 0
    app.setStyleSheet(load_style())
    profile = Profile(args.profile)
    sandbox = not args.live and profile.is_sandbox()
    loket = Loket(sandbox=sandbox)
    loket.login_window.show()
    instance.activate_requested.connect(lambda: bring_forward(loket.shell or loket.login_window))

    exit_when_shown = os.environ.get("LOKET_EXIT_WHEN_SHOWN") == "1"
    if exit_when_shown:
        QTimer.singleShot(0, lambda: print(f"login window shown after {process_age():.3f} s", flush=True))

    def build() -> None:
        from app.context import build_context, setup_logging
        from services.errors import LoketError

        setup_logging(profile)
        try:
            loket.attach(build_context(profile, live=args.live))
        except LoketError as exc:  # e.g. live mode without a valid host address
            loket.login_window.form.banner.show_message("error", exc.message)
        if exit_when_shown:
            print(f"login ready after {process_age():.3f} s", flush=True)
            app.quit()

    QTimer.singleShot(0, build)
    app.aboutToQuit.connect(loket.shutdown)
    return app.exec()
