"""A kiosk that has run live never starts as the simulator because its settings were lost.

settings.json deleted, emptied and renamed away as the damaged-settings advice says, or
reset to a fresh Loket's: the mode fell back to sandbox, and the login window offered the
simulator's example agent: the counter could take customers' cash all day against the
simulated bank, a SANDBOX badge in the header the only sign. Now the start-up window says
settings.json lost its mode and what the helpdesk does; ``--sandbox`` starts the simulator
on purpose (to reach Koneksi Host and enter the live settings again).
"""

from __future__ import annotations

import argparse
import json

import pytest
from PySide6.QtWidgets import QApplication

from app import gui
from app.context import build_context
from services.profile import Profile, ProfileDamaged
from tests.integration.test_live_tls_context import configure_live
from tests.ui.test_startup_problems import start
from ui.screens.login import LoginWindow


@pytest.fixture
def live_profile(tmp_path):
    """A kiosk that has run live: its live journal is there."""
    profile = Profile(tmp_path / "profile")
    configure_live(profile)
    build_context(profile).close()
    assert profile.journal_for(sandbox=False).exists()
    return profile


LOSSES = {
    "deleted": lambda p: p.settings_path.unlink(),
    "reset to an empty object": lambda p: p.settings_path.write_text("{}", encoding="utf-8"),
    "a fresh Loket's": lambda p: p.settings_path.write_text(json.dumps({"language": "id"}), encoding="utf-8"),
}


@pytest.mark.parametrize("loss", list(LOSSES))
def test_a_live_kiosk_that_lost_its_settings_does_not_start_as_the_simulator(qtbot, monkeypatch, live_profile,
                                                                             loss):
    LOSSES[loss](live_profile)
    window, seen = start(qtbot, monkeypatch, live_profile.folder)
    assert window is not None, f"the login window came up: {seen['login']}"
    assert seen["login"] == []  # never offered, not even for a moment
    assert "settings.json" in seen["text"] and "mode live" in seen["text"]
    assert "cadangan" in seen["text"] and "--sandbox" in seen["text"]  # what the helpdesk does
    assert not (live_profile.folder / "sandbox" / "journal.db").exists()  # no simulator was started


def test_sandbox_on_purpose_starts_the_simulator_and_keeps_the_mode_unchosen(qtbot, monkeypatch, live_profile):
    """``--sandbox``: the login window with the badge; nothing it saves (the language, the last
    agent) makes sandbox the kiosk's mode for the next start."""
    live_profile.settings_path.unlink()
    seen: dict = {}
    monkeypatch.setattr(gui, "quit_app", lambda: None)

    def loop(_app) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible()]
        qtbot.waitUntil(lambda: windows[0].form.submit.isEnabled(), timeout=15_000)
        seen["badge"] = windows[0].badge.isVisibleTo(windows[0])
        gui.save_language(live_profile, "en")
        windows[0].hide()
        return 0

    monkeypatch.setattr(gui, "run_event_loop", loop)
    assert gui.run_gui(argparse.Namespace(profile=str(live_profile.folder), live=False, sandbox=True)) == 0
    assert seen["badge"]
    assert "mode" not in json.loads(live_profile.settings_path.read_text(encoding="utf-8"))
    with pytest.raises(ProfileDamaged, match="settings.json"):
        live_profile.is_sandbox()


def refused_start(qtbot, monkeypatch, profile: Profile, *, live: bool) -> dict:
    """Loket started on ``profile`` as its shortcut does (``--live`` when ``live``): the login
    window's banner and whether its button takes a press."""
    seen: dict = {}
    monkeypatch.setattr(gui, "quit_app", lambda: None)

    def loop(_app) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginWindow) and w.isVisible()]
        form = windows[0].form
        qtbot.waitUntil(lambda: form.banner.isVisibleTo(windows[0]) and form.banner.text() != "", timeout=15_000)
        seen["banner"], seen["submit"] = form.banner.text(), form.submit.isEnabled()
        windows[0].hide()
        return 0

    monkeypatch.setattr(gui, "run_event_loop", loop)
    assert gui.run_gui(argparse.Namespace(profile=str(profile.folder), live=live, sandbox=False)) == 0
    return seen


def test_live_on_purpose_before_live_was_set_up_says_how_to_set_it_up(qtbot, monkeypatch, tmp_path):
    """``--live`` on a kiosk whose live settings were never entered: no Bank+ address at all.
    The login window said "Alamat host live harus memakai https://. Periksa Pengaturan.": no
    address had been typed, and Pengaturan is behind the login it refused."""
    live_profile = Profile(tmp_path / "profile")
    seen = refused_start(qtbot, monkeypatch, live_profile, live=True)
    assert not seen["submit"]
    assert "https://" not in seen["banner"]
    assert "Bank+" in seen["banner"] and "--sandbox" in seen["banner"] and "Koneksi Host" in seen["banner"]


def test_a_live_start_on_a_banks_development_platform_is_refused(qtbot, monkeypatch, tmp_path):
    """settings.json saved live with Bank+'s documented development address (before Koneksi
    Host refused it, or edited by hand) started live: the counter took real cash for the
    bank's test platform. The start is refused with the way to correct it."""
    live_profile = Profile(tmp_path / "profile")
    live_profile.save_settings({"mode": "live", "hosts": {"bankplus": {"base_url": "https://apidev.bankplus.id/h2h"}}})
    seen = refused_start(qtbot, monkeypatch, live_profile, live=False)
    assert not seen["submit"]
    assert "production" in seen["banner"] and "--sandbox" in seen["banner"] and "Koneksi Host" in seen["banner"]
