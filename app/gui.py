"""Start the GUI: the composition of the Qt side.

Order matters for how fast the agent sees something: the QApplication, the style sheet and
the login window come first (only Qt and the cheap profile settings are imported); the
services (httpx, the journal, the sandbox), the profile's write test and the
single-instance server are set up right after the window is on screen (only the question
"is Loket already running?" comes before it, answered by a lock file), the services in the
worker (their journal checks take seconds at a kiosk a year old: the window answers
meanwhile, its button saying "Menyiapkan…"), and the main window's screens while the login
window waits for the agent (their modules imported on the GUI thread, one per turn of the
event loop, ``MainWindowPreload``). ``python -X
importtime -m app`` shows what the login window still imports; tests/ui/test_startup_imports.py
keeps the services' libraries, QtNetwork and PySide's ``Qt`` namespace (13 ms of enums) out
of it.

``LOKET_EXIT_WHEN_SHOWN=1`` (hidden, for tests/bench/startup.py): print the seconds from
process start to the login window shown, and the CPU seconds spent by then, then quit.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, cast

from PySide6.QtCore import QDir, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.version import __version__
from services.profile import Profile, ProfileDamaged, SettingsNotSaved
from ui import i18n
from ui.collector import GuiThreadCollector
from ui.errors import ErrorPresenter, localized
from ui.screen_fit import fit_window, show_fitted
from ui.screens.login import LoginWindow
from ui.single_instance import SingleInstance, bring_forward
from ui.worker import Worker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.context import AppContext
    from ui.shell import Shell

WINDOW_SIZE = (1366, 768)
log = logging.getLogger(__name__)


def process_age() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere: since import).

    By what the OS has (``os.sysconf``), not by whether /proc reads: under Wine a Windows
    Python reads Linux's /proc through the Z: drive, and has no ``sysconf``."""
    if not hasattr(os, "sysconf"):
        return time.perf_counter() - _IMPORTED
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


def translations_dir() -> Path:
    return resource_path("translations")


def save_language(profile: Profile, language: str) -> None:
    """The language to start in next time. A disk that refuses the write (full, read-only)
    costs only that: the choice applies for this session, and the log says why it was not kept."""
    settings = profile.load_settings()
    settings["language"] = language
    try:
        profile.save_settings(settings)
    except SettingsNotSaved as exc:
        log.warning("language %s not kept: %s", language, exc)


def remember_username(profile: Profile, username: str, *, sandbox: bool) -> None:
    """The last agent to log in, so the next start asks only for the password. Only the
    username: a password or PIN is never a setting. Run in the login's worker job (a write
    and a flush to the disk); a disk that refuses it never keeps the agent from logging in.
    Kept with its mode (``last_username``): a new kiosk's live login offered the simulator's
    example agent its technician had logged in as."""
    mode = "sandbox" if sandbox else "live"
    try:
        settings = profile.load_settings()
        if settings.get("last_username") != username or settings.get("last_username_mode") != mode:
            settings["last_username"] = username
            settings["last_username_mode"] = mode
            profile.save_settings(settings)
    except (SettingsNotSaved, ProfileDamaged) as exc:
        log.warning("last username not kept: %s", exc)


def last_username(settings: dict[str, Any], *, sandbox: bool) -> str:
    """The agent who logged in last in this mode (one kept before the mode was, in any).

    Decision: ``last_username_mode`` is live, not legacy: it keeps the sandbox's example agent
    out of the live login window. Only its absence is legacy (a profile written between
    b38458c and 3984606, before the mode was kept), and it is neither migrated nor dropped: no
    migration can tell which mode that name was typed in (the kiosk's mode may have changed
    since; that was the very case), dropping it would make every such agent type the name
    again, and the first login in either mode writes the mode, after which the fallback is
    never read again. It is one default, so it stays."""
    mode = "sandbox" if sandbox else "live"
    if settings.get("last_username_mode", mode) != mode:
        return ""
    return str(settings.get("last_username") or "")


def load_style() -> str:
    """The style sheet. Its images are written ``url(style:chevron-down.svg)``: a relative
    ``url()`` in a style sheet is resolved against the working directory, so the "style"
    search path points Qt at resources/style/ wherever that is (beside the code, or under
    sys._MEIPASS in the frozen build)."""
    QDir.setSearchPaths("style", [str(resource_path("style"))])
    try:
        return resource_path("style", "loket.qss").read_text(encoding="utf-8")
    except OSError:
        return ""  # plain Qt look rather than no app at all


def default_ask_pin(*args: Any, **kwargs: Any) -> str | None:
    """The PIN dialog (ui/widgets/pin.py), imported when first asked: not before the login window."""
    from ui.widgets.pin import ask_pin

    return ask_pin(*args, **kwargs)


_UNSTARTED = object()  # ``Loket.attach``: the office outbox is still to be started


class Loket(QObject):
    """Login window -> main window -> (logout) -> login window, over one context."""

    def __init__(self, *, sandbox: bool, ask_pin: Callable[..., Any] | None = None,
                 language: str | None = None, profile: Profile | None = None, last_username: str = "") -> None:
        """``last_username``: the settings' ``last_username``, read before the window shows: in
        the box with the cursor on the password from the first moment, not once the services
        are built (a second later, more under Wine), by which time an agent typing at once had
        put the password into the username box, in plain sight, and the name never came."""
        super().__init__()
        self._last_username = last_username
        self.worker = Worker(self)
        self.errors = ErrorPresenter()
        self.ask_pin = ask_pin or default_ask_pin
        self.sandbox = sandbox
        self.language = i18n.normalise(language or i18n.current())  # run_gui installed it already
        self.profile = profile  # where the language choice is kept
        self.context: "AppContext | None" = None
        self.shell: "Shell | None" = None
        self._login: Callable[[str, str], Any] | None = None
        self._supervisor_known: bool | None = None  # learned by the login job, for the first window
        self.printouts: Any = None  # ui.printing.PrintoutPrinter, made at the first login
        self.problem: Any = None  # the start-up problem window, when the services could not be built
        self.office: Any = None  # the partner office outbox (app/office.py), when configured
        self.preload = MainWindowPreload(self)
        self.login_window = self._make_login_window()

    def _make_login_window(self) -> LoginWindow:
        window = LoginWindow(self.worker, self.errors, version=__version__, sandbox=self.sandbox,
                             language=self.language)
        fit_window(window, WINDOW_SIZE)  # shown maximised where 1366x768 does not fit (125 %, taskbar)
        window.form.logged_in.connect(self.enter)
        window.language_chosen.connect(self.set_language)
        if self._last_username:
            window.form.username.setText(self._last_username)
            window.form.password.setFocus()
        if self.context is not None:
            self._attach_login(window)
        return window

    def attach(self, context: "AppContext", office: Any = _UNSTARTED) -> None:
        """The services are ready: the login button starts to work. ``office``: the partner
        office's outbox when the start-up job started it already (off the GUI thread)."""
        self.context = context
        self.profile = self.profile or context.profile
        self.preload.start()
        from app.counter import guarded_login  # not needed before the login window

        if office is _UNSTARTED:
            from app.office import start_office

            office = start_office(context)
        self.office = office
        # One guarded login for the whole run: rebuilding the window in another language
        # must not reset the count of wrong passwords.
        self._login = guarded_login(self._login_looking_ahead(context))  # 5 wrong: wait
        self._attach_login(self.login_window)

    def _login_looking_ahead(self, context: "AppContext") -> Callable[[str, str], Any]:
        """The login, which in the same worker job also learns whether a supervisor is set.

        The main window then shows the first-start notice ("Belum ada supervisor...") from
        its first paint. Learned only after the window was up, the notice pushed every
        control down under the agent's pointer a moment after login."""
        supervisors = context.dayclose.supervisors if context.dayclose else None

        def login(username: str, password: str) -> Any:
            session = context.banking.login(username, password)
            if self.profile is not None:
                remember_username(self.profile, session.username, sandbox=context.sandbox)
            self._supervisor_known = None
            if supervisors is not None:
                try:
                    self._supervisor_known = supervisors.has_supervisor()
                except Exception:  # the gate asks again once the window is up
                    log.warning("supervisor check at login failed", exc_info=True)
            return session

        return login

    def _attach_login(self, window: LoginWindow) -> None:
        context = self.context
        assert context is not None, "attach() gives the context first"
        window.badge.setVisible(context.sandbox)
        window.form.set_login(self._login)
        last = last_username(context.settings, sandbox=context.sandbox)
        if last and not window.form.username.text():
            window.form.username.setText(last)
            window.form.password.setFocus()
        if context.sandbox and "bankplus" in context.sandbox_hosts:
            window.set_sandbox_hint(context.sandbox_hosts["bankplus"].credentials())
        elif not context.sandbox:
            window.set_live_address(str(context.settings.get("hosts", {}).get("bankplus", {}).get("base_url") or ""))

    def set_language(self, language: str) -> None:
        """The agent chose a language (login window, or Pengaturan > Bahasa): install it, keep
        it in the profile, and rebuild the open windows — a widget takes its texts when it is
        built, so rebuilding is the one way every screen is sure to follow. What was typed in
        the username, the login lockout and the sandbox hint carry over; a form in progress
        does not, so the agent is asked first (``Shell.may_empty_forms``)."""
        language = i18n.normalise(language)
        if (language == self.language or self.worker.is_busy(self.login_window.form.submit)
                or (self.shell is not None and (self.shell.holds_a_call() or not self.shell.may_empty_forms()))):
            self.login_window.languages.buttons[self.language].setChecked(True)
            if self.shell is not None:  # the choice came from Pengaturan > Bahasa: back on the language in use
                self.shell.screen("language").activated()
            return
        i18n.install(language, translations_dir())
        self.language = language
        if self.profile is not None:
            save_language(self.profile, language)
        self._rebuild_login()
        if self.shell is not None:
            self._rebuild_shell()

    def _rebuild_login(self) -> None:
        old = self.login_window
        window = self._make_login_window()
        window.form.username.setText(old.form.username.text())
        window.setGeometry(old.geometry())
        self.login_window = window
        if old.isVisible():
            window.show()
            window.activateWindow()  # the keyboard too (X without a window manager leaves a new window inactive)
            window.languages.buttons[self.language].setFocus()
        old.hide()
        old.deleteLater()

    def _rebuild_shell(self) -> None:
        """Only from Pengaturan > Bahasa: a new main window over the same session, on that screen."""
        old = self.shell
        assert old is not None, "a rebuild only where a shell is open"
        geometry = old.geometry()
        self.enter(old.session)
        assert self.shell is not None
        self.shell.setGeometry(geometry)
        self.shell.open("language")
        old.logged_out.disconnect(self.leave)
        old.close()
        old.deleteLater()

    def enter(self, session: Any) -> None:
        load_main_window()  # what the preload has not imported yet (a login within its first second)
        from app.screen_services import screen_services
        from ui.shell import Shell

        forget_source_lines()  # before the main window, which can take the memory it frees
        self._last_username = str(getattr(session, "username", "") or "")  # the next login window's
        context = self.context
        assert context is not None, "the login button works once the context is attached"
        printouts = None
        if context.printer_worker is not None:  # cash slips and the day summary on the receipt printer
            from ui.printing import PrintoutPrinter

            self.printouts = printouts = self.printouts or PrintoutPrinter(context.printer_worker, self)
        services = screen_services(context, worker=self.worker, errors=self.errors, ask_pin=self.ask_pin,
                                   set_language=self.set_language, office=self.office, print_printout=printouts)
        self.shell = Shell(services, session, version=__version__)
        if self._supervisor_known is not None:
            self.shell.counter.gate.learned(self._supervisor_known)
            self._supervisor_known = None  # a later window (language, relogin) asks afresh
        if context.receipts is not None and context.printer_settings is not None:
            from ui.printing import ReceiptPrinting

            # Receipts after every success, reprint and preview on the shared result screen.
            self.printing = ReceiptPrinting(self.shell.result, context.receipts, context.printer_settings,
                                            self.worker)
        self.errors.on_session_expired = self.shell.relogin
        self.errors.on_shift_needed = self.shell.counter.shift_needed
        self.errors.on_drawer_needed = self.shell.counter.drawer_needed
        self.shell.logged_out.connect(self.leave)
        from services.journal.states import State  # the journal package is not needed before login

        suspect = sum(1 for row in context.recovered if row.state is State.SUSPECT)
        self.shell.show_recovered(suspect, len(context.recovered) - suspect)
        fit_window(self.shell, WINDOW_SIZE)
        show_fitted(self.shell, WINDOW_SIZE)
        self.login_window.hide()
        # Hidden all day, its native window still held a full-size backing store (~2.4 MiB
        # at 1366x768); showing it again after "Keluar" makes a new one.
        self.login_window.destroy()

    def leave(self) -> None:
        shell, self.shell = self.shell, None
        self.errors.on_session_expired = self.errors.on_shift_needed = self.errors.on_drawer_needed = lambda: None
        show_fitted(self.login_window, WINDOW_SIZE)
        username = self.login_window.form.username
        username.setFocus()
        username.selectAll()  # the next agent types their own over the one who left
        if shell is not None:
            shell.close()
            shell.deleteLater()

    def shutdown(self) -> None:
        self.worker.wait_idle()
        from app.office import stop_office

        stop_office(self.office)
        if self.context is not None:
            self.context.close()


# The main window's modules: the shell, the screens' wiring, receipt printing, every screen;
# the shell's largest parts apart, before it (each a turn of its own).
MAIN_WINDOW_MODULES = ("services.host_settings", "services.quick_pin", "app.screen_services", "ui.services",
                       "ui.printing", "ui.counter", "ui.widgets.training", "ui.shell")


def main_window_modules() -> tuple[str, ...]:
    from ui.screens import SCREEN_MODULES

    return MAIN_WINDOW_MODULES + SCREEN_MODULES


def load_main_window() -> None:
    """Import every module of the main window not imported yet, on the GUI thread."""
    import importlib

    for name in main_window_modules():
        importlib.import_module(name)


class MainWindowPreload(QObject):
    """Imports the main window's modules on the GUI thread while the login window waits for the
    agent: one module per turn of the event loop (a few ms each), so the window keeps answering.

    Imported at ``enter`` they froze the window ~100 ms between the login and Beranda. Imported
    by the login's worker job instead (05/12/2026), they crashed the process now and then
    (a segmentation fault in the GUI thread's event loop, twice in the test suite's first
    login): defining PySide6 classes, which a screen module does, on another thread while the
    GUI thread runs Qt's event loop is not safe. So on the GUI thread, before the login."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._left: list[str] | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._next)

    @property
    def done(self) -> bool:
        return self._left is not None and not self._left

    def start(self) -> None:
        if self._left is None:
            self._left = list(main_window_modules())
            self._timer.start()

    def _next(self) -> None:
        import importlib

        if self._left:
            importlib.import_module(self._left.pop(0))
        if self._left:
            self._timer.start()


def forget_source_lines() -> None:
    """Drop the source text PySide's import hook read: it looks for ``__feature__`` in every
    module imported after PySide6 (``inspect.getsource``), and ``linecache`` keeps each file's
    lines, about 14 MiB by the time the main window is up when Loket runs from source (the
    frozen build has no sources, so nothing is kept there). Nothing reads them again; a
    traceback that needs a line reads its file anew."""
    import linecache

    linecache.clearcache()


def quit_app() -> None:
    QApplication.quit()


def run_event_loop(app: QApplication) -> int:
    """Qt's event loop until the app quits (tests replace these two: a quit ends Qt for good)."""
    return app.exec()


def show_startup_problem(exc: BaseException, profile_folder: Path | None = None) -> "QWidget":
    """The window that says why Loket cannot start (ui/startup_problem.py); closing it quits."""
    from ui.startup_problem import StartupProblem

    log.error("start-up failed", exc_info=(type(exc), exc, exc.__traceback__))
    window = StartupProblem(exc, profile_folder=profile_folder)
    window.closed.connect(lambda: quit_app())
    window.show()
    return window


def build_services(profile: Profile, args: Any) -> tuple["AppContext", Any]:
    """The start-up's worker job: the profile's write test, the log, the services
    (``app.context.build_context``) and the partner office's outbox (``app.office``)."""
    from app.context import build_context, setup_logging
    from app.office import start_office

    profile.check_writable()
    setup_logging(profile)
    context = build_context(profile, live=args.live, sandbox=args.sandbox)
    return context, start_office(context)


def run_gui(args: Any) -> int:
    app = cast(QApplication, QApplication.instance()) or QApplication(sys.argv[:1])  # a widgets app
    app.setApplicationName("Loket")
    app.setApplicationDisplayName("Loket")
    GuiThreadCollector(app)  # Python's cycle collector on this thread only (ui/collector.py)
    app.setStyleSheet(load_style())
    try:
        profile = Profile(args.profile)
        settings = profile.load_settings()
        # a live profile whose settings lost their mode is refused here, before any window
        sandbox = profile.is_sandbox(settings, live=args.live, sandbox=args.sandbox)
    except ProfileDamaged as exc:
        problem = show_startup_problem(exc, Path(args.profile) if args.profile else None)  # noqa: F841 - kept alive
        return run_event_loop(app)
    # One Loket per profile, whoever the user claims to be: two on one journal would both take money.
    instance = SingleInstance(profile.folder)
    if instance.signal_running():  # Loket is already running: it was asked to come forward
        return 0
    language = i18n.normalise(settings.get("language"))
    i18n.install(language, translations_dir())  # before any window: widgets take their texts when built
    loket = Loket(sandbox=sandbox, language=language, profile=profile,
                  last_username=last_username(settings, sandbox=sandbox))
    show_fitted(loket.login_window, WINDOW_SIZE)
    instance.activate_requested.connect(lambda: bring_forward(loket.shell or loket.login_window))

    exit_when_shown = os.environ.get("LOKET_EXIT_WHEN_SHOWN") == "1"
    if exit_when_shown:
        QTimer.singleShot(0, lambda: print(f"login window shown after {process_age():.3f} s, "
                                           f"cpu {time.process_time():.3f} s", flush=True))

    def build() -> None:
        # The window system's own turn first: build() runs from Qt's posted events, before the
        # event loop has once asked the window system for its own (expose, paint), so without
        # this the login window stayed blank until the services were built.
        from PySide6.QtCore import QEventLoop  # its class built once the window is up

        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        instance.listen()  # a Qt server of this (GUI) thread: no disk
        # What the login window does not need waits until it is on screen, and runs in the
        # worker: the write test (a write and an fsync), the log file, and the services,
        # whose journal checks (SQLite's integrity check, every Laporan Z against its day)
        # take seconds at a kiosk a year old. Meanwhile the window answers (moved,
        # repainted, typed into) and its button says "Menyiapkan…" and does nothing.
        loket.worker.run(lambda: build_services(profile, args), on_success=ready, on_failure=failed)

    def ready(built: tuple["AppContext", Any]) -> None:
        loket.attach(*built)
        done()

    def failed(exc: BaseException) -> None:
        from services.errors import LoketError

        if isinstance(exc, ProfileDamaged):  # journal, secrets, folder: no money is taken
            loket.problem = show_startup_problem(exc, profile.folder)
            loket.login_window.hide()
        elif isinstance(exc, LoketError):  # e.g. live mode without a valid host address
            loket.login_window.form.banner.show_message("error", localized(exc))
            loket.login_window.form.set_unavailable()
        else:  # never leave the login window on "Menyiapkan…"
            loket.problem = show_startup_problem(exc, profile.folder)
            loket.login_window.hide()
        done()

    def done() -> None:
        if exit_when_shown:
            print(f"login ready after {process_age():.3f} s", flush=True)
            app.quit()

    QTimer.singleShot(0, build)
    app.aboutToQuit.connect(loket.shutdown)
    app.aboutToQuit.connect(instance.close)
    return run_event_loop(app)
