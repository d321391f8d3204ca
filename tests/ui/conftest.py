"""pytest-qt fixtures: the real app objects (``app.gui.Loket``) over a fresh temp profile and
the in-process sandbox, offscreen. The PIN prompt is injected so no modal dialog blocks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.context import AppContext, build_context  # noqa: E402
from app.gui import Loket, load_style  # noqa: E402
from services.profile import Profile  # noqa: E402
from tests.ui.uidrive import FakePin, log_in  # noqa: E402
from ui.collector import GuiThreadCollector  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector(qapp):
    """As ``app.gui.run_gui`` does: the cycle collector on the GUI thread only (a widget
    collected on a worker once froze the suite)."""
    return GuiThreadCollector(qapp)


@pytest.fixture
def pin() -> FakePin:
    return FakePin()


@pytest.fixture
def context(tmp_path: Path):
    ctx = build_context(Profile(tmp_path / "profile"))
    yield ctx
    ctx.close()


@pytest.fixture
def loket(qtbot, qapp, context: AppContext, pin: FakePin):
    qapp.setStyleSheet(load_style())
    app = Loket(sandbox=context.sandbox, ask_pin=pin)
    app.attach(context)
    qtbot.addWidget(app.login_window)
    app.login_window.show()
    yield app
    app.worker.wait_idle()
    if app.shell is not None:
        app.shell.close()
        app.shell.deleteLater()


@pytest.fixture
def shift_closed() -> bool:
    """Asked for by a test that starts the day without a shift (see ``shell``)."""
    return True


@pytest.fixture
def shell(qtbot, loket, context, request):
    """Logged in, on the home screen, the dashboard loaded, today's shift open (serving
    customers needs one) unless the test module says ``SHIFT_OPEN = False`` or the test asks
    for ``shift_closed``."""
    shift_open = getattr(request.module, "SHIFT_OPEN", True) and "shift_closed" not in request.fixturenames
    if shift_open:
        context.dayclose.shifts.open(0, "BNIUS100294")
    shell = log_in(qtbot, loket)
    home = shell.screen("home")
    qtbot.waitUntil(lambda: home.loaded, timeout=10_000)
    if shift_open:
        qtbot.waitUntil(lambda: shell.counter.shift_gate.is_open, timeout=10_000)
    # the start-up PING is done: a fault a test queues next is not taken by it
    qtbot.waitUntil(lambda: shell.host_status.check is not None, timeout=10_000)
    return shell
