"""Start-up on damaged files: every case shows a window that says what is wrong and what to
do (the windowed build has no console), and none leaves the login window on "Menyiapkan…".

Each test runs ``app.gui.run_gui`` itself, as ``python -m app`` does, over a damaged
profile; a timer reads the window that came up and closes it, which quits the event loop.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication

from app import gui
from app.context import build_context
from services.journal import Journal, store
from services.profile import Profile
from tests.unit.test_journal_locked import held_by_another_program
from ui.screens.login import LoginWindow
from ui.startup_problem import StartupProblem


def start(qtbot, monkeypatch, folder) -> tuple[StartupProblem | None, dict]:
    """Run the GUI over ``folder`` until the window that came up is read and closed.

    Qt's own event loop is replaced by qtbot's: once a QApplication has quit, every later
    event loop of the test run would return at once."""
    seen: dict = {"window": None, "text": "", "login": [], "quit": False}
    monkeypatch.setattr(gui, "quit_app", lambda: seen.update(quit=True))

    def loop(_app) -> int:
        def shown() -> bool:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, LoginWindow) and widget.isVisible():
                    seen["login"].append(widget.form.submit.text())
                if isinstance(widget, StartupProblem) and widget.isVisible():
                    seen["window"], seen["text"] = widget, widget.text()
                    return True
            return False

        qtbot.waitUntil(shown, timeout=15_000)
        seen["window"].close()
        for widget in QApplication.topLevelWidgets():
            widget.hide()
        return 0

    monkeypatch.setattr(gui, "run_event_loop", loop)
    assert gui.run_gui(argparse.Namespace(profile=str(folder), live=False, sandbox=False)) == 0
    assert seen["quit"], "closing the window quits Loket"
    return seen["window"], seen


@pytest.fixture
def used_profile(tmp_path):
    """A profile that has been used: settings, secrets (a key made for the sandbox), a journal."""
    profile = Profile(tmp_path / "profile")
    profile.save_settings({**profile.load_settings(), "language": "id"})
    context = build_context(profile)
    context.close()
    assert (profile.folder / "secrets.key").exists() and (profile.folder / "secrets.bin").exists()
    return profile


CASES = {
    "settings-not-json": (lambda p: p.settings_path.write_text("{mode: live,", encoding="utf-8"),
                          "settings.json", "settings.rusak.json"),
    "settings-a-list": (lambda p: p.settings_path.write_text(json.dumps(["live"]), encoding="utf-8"),
                        "settings.json", "pengaturan bawaan"),
    "journal-garbage": (lambda p: p.journal_path.write_bytes(os.urandom(8192)),
                        "File jurnal rusak", "helpdesk"),
    "journal-truncated": (lambda p: p.journal_path.write_bytes(p.journal_path.read_bytes()[:5000]),
                          "jurnal", "helpdesk"),
    "journal-newer": (lambda p: _newer(p), "Loket yang lebih baru", "versi Loket terbaru"),
    "secrets-garbage": (lambda p: (p.folder / "secrets.bin").write_bytes(b"garbage" * 20),
                        "secrets.bin", "cadangan"),
    "secrets-key-deleted": (lambda p: (p.folder / "secrets.key").unlink(), "secrets.key", "cadangan"),
}


def _newer(profile: Profile) -> None:
    conn = sqlite3.connect(profile.journal_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


@pytest.mark.parametrize("case", list(CASES))
def test_a_damaged_profile_shows_what_is_wrong_and_what_to_do(qtbot, monkeypatch, used_profile, case):
    damage, problem, todo = CASES[case]
    key_before = (used_profile.folder / "secrets.key").read_bytes()
    damage(used_profile)
    window, seen = start(qtbot, monkeypatch, used_profile.folder)
    assert window is not None, f"no window for {case}; login showed {seen['login']}"
    assert problem in seen["text"] and todo in seen["text"]
    assert "Traceback" not in seen["text"]
    if case == "secrets-key-deleted":
        assert not (used_profile.folder / "secrets.key").exists()  # not replaced in silence
    elif (used_profile.folder / "secrets.key").exists():
        assert (used_profile.folder / "secrets.key").read_bytes() == key_before


def test_a_read_only_profile_shows_a_window(qtbot, used_profile, monkeypatch):
    """A read-only folder (EROFS): injected, because the tests may run as root, who writes anyway."""
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(used_profile.folder)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    window, seen = start(qtbot, monkeypatch, used_profile.folder)
    assert window is not None
    assert "tidak dapat menulis di folder profil" in seen["text"] and "read-only" in seen["text"]


def test_an_unexpected_failure_while_building_shows_a_window_not_menyiapkan(qtbot, used_profile, monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("printer driver exploded")

    monkeypatch.setattr(Journal, "recover_interrupted", broken)
    window, seen = start(qtbot, monkeypatch, used_profile.folder)
    assert window is not None and "printer driver exploded" in seen["text"]


def test_live_mode_without_https_says_so_on_the_login_window(qtbot, used_profile, monkeypatch):
    settings = used_profile.load_settings()
    settings["mode"] = "live"
    settings["hosts"]["bankplus"] = {"base_url": "http://apidev.bankplus.id"}
    used_profile.save_settings(settings)
    seen: dict = {}
    monkeypatch.setattr(gui, "quit_app", lambda: None)

    def loop(_app) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible()]
        qtbot.waitUntil(lambda: windows[0].form.banner.text() != "", timeout=15_000)
        seen["banner"], seen["button"] = windows[0].form.banner.text(), windows[0].form.submit.text()
        seen["enabled"] = windows[0].form.submit.isEnabled()
        windows[0].hide()
        return 0

    monkeypatch.setattr(gui, "run_event_loop", loop)
    assert gui.run_gui(argparse.Namespace(profile=str(used_profile.folder), live=False, sandbox=False)) == 0
    assert "https://" in seen["banner"]
    assert (seen["button"], seen["enabled"]) == ("Tidak dapat masuk", False)


def test_a_journal_another_program_keeps_to_itself_is_in_use_not_damaged(qtbot, used_profile, monkeypatch):
    """A backup tool or a database browser holds the journal file: the window says it is in
    use and to close that program, not that the journal is damaged (whose advice, a restore
    from a backup, loses the rows written since); and it says so in seconds."""
    monkeypatch.setattr(store, "OPEN_BUSY_TIMEOUT_S", 0.5)
    with held_by_another_program(used_profile.journal_path, "exclusive"):
        window, seen = start(qtbot, monkeypatch, used_profile.folder)
    assert window is not None
    assert "dipakai program lain" in seen["text"] and "Tutup program lain" in seen["text"]
    assert "jurnal rusak" not in seen["text"].lower() and "memulihkan" not in seen["text"]
