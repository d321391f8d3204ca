"""Two or three agents share one kiosk PC in a day: what one agent's session leaves, the
next one must not be able to use, and what one does must never be put on another's name.

The sandbox answers every login with its document's example data, so a test that logs in a
second agent names that agent in the answer (``as_agent``), as the real host would."""

from __future__ import annotations

import pytest

from services.hosts.bankplus.sandbox import Agent
from tests.ui.uidrive import PASSWORD, USERNAME, click

TIMEOUT = 10_000
COLLEAGUE, COLLEAGUE_PASSWORD = "BNIUS100777", "Kolega-77"


@pytest.fixture
def colleague(context):
    """A second agent of the same counter, known to the sandbox host."""
    context.sandbox_hosts["bankplus"].agents[COLLEAGUE] = Agent(COLLEAGUE, COLLEAGUE_PASSWORD, "135790", "4447")
    return COLLEAGUE


def test_a_colleagues_wrong_passwords_do_not_shut_the_login_for_the_next_agent(qtbot, monkeypatch, loket,
                                                                               colleague):
    """B mistypes B's password five times at the login window and must wait; A, who comes
    to the counter meanwhile, logs in at once. B's own wait stands, whatever way B's
    username is typed."""
    form = loket.login_window.form

    def attempt(username: str, password: str) -> None:
        form.username.setText(username)
        form.password.setText(password)
        click(qtbot, form.submit)
        qtbot.waitUntil(lambda: loket.worker.running == 0, timeout=TIMEOUT)

    for _ in range(5):
        attempt(colleague, "salah")
        assert "password salah" in form.banner.text()
    attempt(f" {colleague.lower()} ", COLLEAGUE_PASSWORD)
    assert "Terlalu banyak percobaan masuk" in form.banner.text() and loket.shell is None
    attempt(USERNAME, PASSWORD)
    qtbot.waitUntil(lambda: loket.shell is not None, timeout=TIMEOUT)
