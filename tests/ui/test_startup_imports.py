"""What the login window costs before it is on screen (tests/bench/startup.py has the time).

A fresh ``python`` runs ``python -m app`` up to the moment its event loop would start: the
login window has been shown, the services are still to be built. By then nothing may have
loaded what only the services, a receipt or a second start need, nor built PySide's ``Qt``
namespace (its first use builds every one of its enums, ~13 ms, a tenth of a bare window's
whole start).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ui.screens import SCREEN_MODULES

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import app.gui as gui
from app.__main__ import main

def report(app):
    modules = sorted(sys.modules)  # before this probe's own json
    import json
    window = app.activeWindow() or next(w for w in app.topLevelWidgets() if w.isVisible())
    print(json.dumps({
        "shown": window.objectName(),
        "qt_namespace_built": "Qt" in vars(sys.modules["PySide6.QtCore"]),
        "qt_classes_built": sorted(name for module in ("PySide6.QtGui", "PySide6.QtWidgets")
                                   for name in vars(sys.modules[module])),
        "modules": modules,
        "placeholders": sorted(name for name, module in sys.modules.items() if module is None),
    }))
    return 0

gui.run_event_loop = report
main(["--profile", sys.argv[1]])
"""

# Needed by the services, a receipt, the office or a second start; never by the login window.
# ``copy`` too: its import looks for Jython's org.python.core, a failed import that costs the
# frozen build ~10 ms under Wine (each place a module is not found is a file look-up there).
# ``locale`` too: argparse imports it to ask gettext for its messages' translations, ~3 ms
# with building the parser, which a plain GUI start's command line does without.
NOT_BEFORE_THE_WINDOW = {"httpx", "sqlite3", "sqlite_utils", "cryptography", "reportlab", "escpos", "keyring",
                         "psycopg", "yaml", "hashlib", "ssl", "PySide6.QtNetwork", "copy", "locale"}


def loaded_before_the_window(profile: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("LOKET_EXIT_WHEN_SHOWN", None)
    done = subprocess.run([sys.executable, "-c", PROBE, str(profile)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_login_window_is_shown_without_the_services_libraries_or_the_qt_namespace(tmp_path):
    seen = loaded_before_the_window(tmp_path / "profile")
    assert seen["shown"] == "loginWindow"
    modules = set(seen["modules"])
    assert not NOT_BEFORE_THE_WINDOW & modules, "loaded before the login window"
    assert not seen["qt_namespace_built"], "PySide's Qt namespace was built before the login window"
    # PySide builds a Qt class, enums and all, when its name is first used: 0.3-1 ms each of these,
    # which only the main window (a stack, a combo box) or a window on screen needs
    assert not {"QStackedWidget", "QSizePolicy", "QComboBox", "QWindow"} & set(seen["qt_classes_built"])
    assert not {name for name in modules
                if name.startswith(("services.journal", "services.hosts", "services.receipts", "app.context",
                                     "app.counter", "app.screen_services"))}


LOGIN_PROBE = """
import json, sys, threading, time
from PySide6.QtWidgets import QApplication

watching, main_thread = False, {}


class Watch:
    '''Records, for each module first imported once the login window is up, whether the GUI
    (main) thread imported it; finds nothing itself.'''

    def find_spec(self, name, path=None, target=None):
        if watching and name.startswith(("ui.", "app.", "services.")) and name not in main_thread:
            main_thread[name] = threading.current_thread() is threading.main_thread()
        return None


sys.meta_path.insert(0, Watch())
qapp = QApplication([])
from app.context import build_context
from app.gui import Loket
from services.profile import Profile

context = build_context(Profile(sys.argv[1]))
loket = Loket(sandbox=True)
loket.login_window.show()
watching = True
loket.attach(context)
turns = 0
deadline = time.monotonic() + 60
while not loket.preload.done and time.monotonic() < deadline:  # the agent types meanwhile
    qapp.processEvents()
    turns += 1
credentials = context.sandbox_hosts["bankplus"].credentials()
form = loket.login_window.form
form.username.setText(credentials["username"])
form.password.setText(credentials["password"])
form.submit.click()
while loket.shell is None and time.monotonic() < deadline:
    qapp.processEvents()
    time.sleep(0.005)
print(json.dumps({"entered": loket.shell is not None, "turns": turns, "main_thread": main_thread}))
loket.shutdown()
"""


def test_the_main_windows_modules_are_imported_on_the_gui_thread_while_the_login_window_waits(tmp_path):
    """Imported by ``Loket.enter`` they froze the window ~100 ms between the login and Beranda
    (tests/bench/aged.py); imported by the login's worker job they crashed the process now and
    then (PySide6 classes defined on another thread while the GUI thread ran Qt's event loop).
    ``MainWindowPreload`` imports them on the GUI thread while the login window waits for the
    agent, one per turn of the event loop, so the window answers between them."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", LOGIN_PROBE, str(tmp_path / "profile")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["entered"]
    imported = seen["main_thread"]
    assert {"ui.shell", "ui.screens.home", "ui.screens.history", "app.screen_services"} <= set(imported)
    assert [name for name, on_gui in imported.items() if name.startswith("ui.") and not on_gui] == [], \
        "a window's module imported off the GUI thread"
    assert seen["turns"] >= len(SCREEN_MODULES), "imported in one go, the login window frozen meanwhile"


BARE_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
modules = sorted(sys.modules)
import json
print(json.dumps(modules))
"""

# What the login window itself needs beyond what a bare PySide6 window imports (PySide's own
# start brings logging, argparse, pathlib, inspect and typing already): the settings' JSON
# (language, mode, last username), the profile, the single-instance lock, the worker, the
# error banner and the login window's widgets. Under Wine each module costs ~2-8 ms unfrozen
# (a file search on the Z: drive); a module added to this path is a choice, made here.
LOGIN_PATH_MODULES = {
    "_json", "json", "json.decoder", "json.encoder", "json.scanner", "gc",
    "app", "app.__main__", "app.gui", "app.version",
    "services", "services.errors", "services.i18n", "services.profile",
    "ui", "ui.collector", "ui.errors", "ui.i18n", "ui.screen_fit", "ui.screens", "ui.screens.login",
    "ui.single_instance", "ui.widgets", "ui.widgets.banner", "ui.widgets.field", "ui.widgets.restyle",
    "ui.widgets.wrapping_label", "ui.worker", "ui.handoff",  # how the worker's answers reach the GUI thread
}


def test_the_login_window_imports_only_what_it_needs_beyond_a_bare_pyside_window(tmp_path):
    """``app.cli`` (the support commands' argparse, a plain start never builds it) and
    ``services.files`` (only a settings save writes) were imported before the window too."""
    seen = loaded_before_the_window(tmp_path / "profile")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    bare = subprocess.run([sys.executable, "-c", BARE_PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert bare.returncode == 0, bare.stderr
    bare_modules = set(json.loads(bare.stdout.strip().splitlines()[-1]))
    extra = {name for name in set(seen["modules"]) - bare_modules
             if not name.startswith(("PySide6", "shiboken"))} - set(seen["placeholders"])
    assert extra == LOGIN_PATH_MODULES
