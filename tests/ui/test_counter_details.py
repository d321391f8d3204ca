"""Small things an agent meets every day: a selected drop-down item is readable, the window
title names Loket once, the last username is there after a restart (never the password),
and the palette suggests only what it can find."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from tests.ui.test_history_screens import open_history
from tests.ui.uidrive import PASSWORD, USERNAME, log_in


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_a_selected_drop_down_item_is_readable(qtbot, shell):
    combo = open_history(qtbot, shell).state
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=5_000)
    view.setCurrentIndex(combo.model().index(2, 0))
    item = view.visualRect(view.currentIndex()).intersected(view.viewport().rect()).adjusted(4, 3, -4, -3)
    image = view.viewport().grab(item).toImage()
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    background = max(set(c.rgb() for c in colours), key=[c.rgb() for c in colours].count)
    text = max(colours, key=lambda c: contrast(c, QColor.fromRgb(background)))
    combo.hidePopup()
    assert contrast(text, QColor.fromRgb(background)) >= 4.5  # WCAG AA for body text


def test_the_palette_suggests_only_words_that_find_something(qtbot, shell):
    qtbot.keyClick(shell.screen("home"), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = shell.counter.palette
    suggested = palette.search.placeholderText().split(":", 1)[1].strip(" …").split(", ")
    assert "setor" in suggested and "pln" in suggested
    for word in suggested:
        qtbot.keyClicks(palette.search, word)
        assert palette.entries, word  # each suggestion finds something
        palette.search.clear()
    qtbot.keyClicks(palette.search, "pulsa")
    assert palette.entries == [] and "pulsa" not in suggested  # the sandbox's catalogue sells no pulsa


def test_the_palette_finds_a_setting_by_what_is_on_its_screen(qtbot, shell):
    """"PIN cepat" is on Keamanan: typed in the palette it found nothing, and the quick PIN
    the agent typed next went into the palette's visible search box."""
    qtbot.keyClick(shell.screen("home"), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = shell.counter.palette
    qtbot.keyClicks(palette.search, "pin cepat")
    assert [entry.value for entry in palette.entries] == ["security"]


def shown_title(window) -> str:
    """The title the window manager shows: Qt appends the application's display name unless
    the title already ends with it (QPlatformWindow::formatWindowTitle)."""
    title, name = window.windowTitle(), QCoreApplication.instance().applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}" if title else name


def test_every_window_title_names_loket_once(qtbot, loket, qapp):
    qapp.setApplicationDisplayName("Loket")  # as run_gui sets it
    from ui.startup_problem import StartupProblem

    problem = StartupProblem(RuntimeError("x"))
    qtbot.addWidget(problem)
    shell = log_in(qtbot, loket)
    for window in (loket.login_window, shell, problem):
        assert shown_title(window).count("Loket") == 1, shown_title(window)
    assert shown_title(loket.login_window) == "Masuk — Loket"


def test_the_last_username_is_there_after_a_restart_never_the_password(qtbot, loket, context, qapp):
    from app.context import build_context
    from app.gui import Loket

    log_in(qtbot, loket)
    settings = (context.profile.folder / "settings.json").read_text()
    assert USERNAME in settings and PASSWORD not in settings and "359569" not in settings
    again = build_context(context.profile.__class__(context.profile.folder))
    try:
        restarted = Loket(sandbox=True)
        restarted.attach(again)
        qtbot.addWidget(restarted.login_window)
        restarted.login_window.show()
        form = restarted.login_window.form
        assert form.username.text() == USERNAME and form.password.text() == ""
        qtbot.waitUntil(lambda: form.password.hasFocus(), timeout=5_000)  # straight to the password
    finally:
        again.close()


def test_the_last_username_is_in_the_first_login_window_before_the_services_are_ready(qtbot, loket, context):
    """The start reads settings.json before any window (its language): the remembered name is
    in the box, the cursor on the password, from the first moment. Filled only once the
    services were built, an agent typing at once put the password into the username box, in
    plain sight, and the name never came. After a login, the next login window (Keluar)
    offers the agent who logged in last."""
    from app.gui import Loket

    early = Loket(sandbox=True, last_username="KASIR_KEMARIN")  # no context attached yet
    qtbot.addWidget(early.login_window)
    early.login_window.show()
    form = early.login_window.form
    assert form.username.text() == "KASIR_KEMARIN" and form.password.text() == ""
    qtbot.waitUntil(lambda: form.password.hasFocus(), timeout=5_000)

    shell = log_in(qtbot, loket)  # another agent logs in on the running Loket, then Keluar
    shell.confirm = lambda parent, title, text: True
    worker = shell.services.worker

    def logged_out() -> bool:
        # Keluar waits while a call of the window runs (Beranda's first reads after a login):
        # pressed again until the logout has begun, as an agent would
        if loket.shell is not None and not worker.is_busy(shell.centralWidget()):
            qtbot.mouseClick(shell.logout_button, Qt.MouseButton.LeftButton)
        return loket.shell is None

    qtbot.waitUntil(logged_out, timeout=20_000)
    assert loket.login_window.form.username.text() == USERNAME


def test_the_sandbox_agent_is_not_offered_at_the_first_live_login(qtbot, loket, context, tmp_path, monkeypatch):
    """A new kiosk is set up in the sandbox, where the technician logs in as the simulator's
    example agent, and then switched to live: the live login window offered that example
    agent (BNIUS100294) with the cursor on the password, and the first real agent typed the
    bank password under the trainee's name (refused, counted towards the wait). The name kept
    is the mode's own: the live window starts empty."""
    import argparse

    from PySide6.QtWidgets import QApplication

    from app import gui
    from tests.ui.live_tls import serve
    from ui.screens.login import LoginWindow

    log_in(qtbot, loket)  # the sandbox's example agent
    loket.worker.wait_idle()
    ca, hosts = serve(tmp_path, ("bankplus",))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    settings = context.profile.load_settings()
    settings.update(mode="live", hosts={"bankplus": {"base_url": hosts["bankplus"].base_url}})
    context.profile.save_settings(settings)
    seen: dict = {}
    monkeypatch.setattr(gui, "quit_app", lambda: None)

    def loop(_app) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible()
                      and not w.badge.isVisibleTo(w))
        seen["first"] = window.form.username.text()  # before the services are built
        qtbot.waitUntil(lambda: window.form.submit.isEnabled(), timeout=15_000)
        seen["ready"] = window.form.username.text()
        window.hide()
        return 0

    monkeypatch.setattr(gui, "run_event_loop", loop)
    try:
        assert gui.run_gui(argparse.Namespace(profile=str(context.profile.folder), live=False, sandbox=False)) == 0
    finally:
        hosts["bankplus"].close()
    assert seen == {"first": "", "ready": ""}
