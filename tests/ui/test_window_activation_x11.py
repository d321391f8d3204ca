"""On a real X server with no window manager (Xvfb, Qt's xcb platform), where no one but
Loket activates a window: at every window switch of a session the agent's keyboard is in
the window on show.

Found by a keyboard walk under Xvfb: after the login the main window came up inactive, with
no widget holding the keyboard, and so did the login window after "Keluar" and the main
window after every dialog; the agent's keys went nowhere until a click. (Windows activates
a window that is shown, and the owner of a dialog that closes; X without a window manager
does neither, and Qt's offscreen platform, which the other UI tests use, activates every
window it shows, so the switches are only seen here.) The session runs in a child process
(``x11_activation.py``): this one already runs Qt offscreen. Xvfb is installed by
``python3 .dev/bootstrap.py test`` (its APT_TEST packages)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("x11_activation.py")


@pytest.fixture(scope="module")
def display():
    """A private Xvfb; it picks a free display number itself (``-displayfd``), so parallel
    test workers never share one."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is not installed: python3 .dev/bootstrap.py test installs it (package xvfb)"
    with tempfile.TemporaryFile() as number:
        server = subprocess.Popen([xvfb, "-displayfd", str(number.fileno()), "-screen", "0", "1600x900x24",
                                   "-nolisten", "tcp"], pass_fds=(number.fileno(),),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):  # it writes the number once it accepts clients
                number.seek(0)
                written = number.read().decode().strip()
                if written or server.poll() is not None:
                    break
                time.sleep(0.05)
            assert written, "Xvfb did not start"
            yield f":{written}"
        finally:
            server.terminate()
            server.wait(timeout=10)


def session(display: str) -> dict[str, dict]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run([sys.executable, str(CHILD)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    steps = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {step.pop("step"): step for step in steps}


def test_the_keyboard_is_in_the_window_on_show_at_every_switch(display):
    steps = session(display)
    assert steps["login window shown"] == {"active": True, "focus": "username", "window_focus": "username"}
    main = steps["logged in: the main window"]
    assert main["active"], "after the login the main window is not active: the agent's keys go nowhere"
    assert main["focus"] is not None and main["focus"] == main["window_focus"]
    assert steps["logout question closed with Esc"]["active"]
    assert steps["logout question closed with Esc"]["focus"] == main["focus"]  # where it was
    assert steps["logged out: the login window"] == {"active": True, "focus": "username",
                                                      "window_focus": "username"}
    assert steps["language changed: the new login window"]["active"]
