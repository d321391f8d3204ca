"""The profile's settings.json cannot be written (a full disk, a settings.json made read-only
by a permissions change or an antivirus) while the agent logs in or picks a language.

What Loket writes there at those moments is a convenience (the last username, the language
to start in next time); the agent must still get in and work. The refusal is injected at
``os.open`` with the system's own error, because the tests may run as root, who writes anyway.
"""

from __future__ import annotations

import errno
import os

import pytest

from tests.ui.test_language import back_to_indonesian  # noqa: F401 - a fixture
from tests.ui.uidrive import PASSWORD, USERNAME, click, log_in


@pytest.fixture
def full_disk(monkeypatch, context):
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).startswith(str(context.profile.settings_path)) and flags & os.O_CREAT:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)


def test_the_agent_logs_in_though_the_last_username_cannot_be_kept(qtbot, loket, context, full_disk):
    shell = log_in(qtbot, loket)
    assert shell.isVisible() and not loket.login_window.isVisible()
    assert "last_username" not in context.profile.load_settings()


@pytest.mark.usefixtures("back_to_indonesian")
def test_a_language_chosen_on_a_full_disk_applies_for_this_session(qtbot, loket, context, full_disk):
    click(qtbot, loket.login_window.languages.buttons["en"])
    window = loket.login_window
    qtbot.addWidget(window)
    assert window.isVisible() and window.form.submit.text() == "Log in"
    assert context.profile.load_settings()["language"] == "id"  # not kept, nothing half-written
    qtbot.keyClicks(window.form.username, USERNAME)
    qtbot.keyClicks(window.form.password, PASSWORD)
    click(qtbot, window.form.submit)
    qtbot.waitUntil(lambda: loket.shell is not None and loket.shell.isVisible(), timeout=10_000)
