"""One Loket per profile: a second start tells the first to come forward and exits with 0."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ui.single_instance import SingleInstance, bring_forward, server_name

ROOT = Path(__file__).resolve().parents[2]
SECOND = """
import sys
from PySide6.QtWidgets import QApplication
from ui.single_instance import SingleInstance
app = QApplication([])
sys.exit(0 if not SingleInstance(sys.argv[1]).claim() else 3)
"""


def unique_name() -> str:
    return f"LoketTest-{uuid.uuid4().hex[:12]}"


def test_second_instance_in_the_same_process_signals_the_first(qtbot):
    name = unique_name()
    first = SingleInstance(name)
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=5_000):
            assert not SingleInstance(name).claim()
    finally:
        first.close()


def test_second_loket_process_exits_0_and_the_first_comes_forward(qtbot):
    name = unique_name()
    first = SingleInstance(name)
    assert first.claim()
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    first.activate_requested.connect(lambda: bring_forward(window))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=20_000):
            process = subprocess.Popen([sys.executable, "-c", SECOND, name], cwd=ROOT, env=env)
        assert process.wait(timeout=20) == 0
        assert window.isVisible() and not window.isMinimized()
    finally:
        first.close()


def test_a_stale_name_left_by_a_crash_is_taken_over():
    name = unique_name()
    crashed = SingleInstance(name)
    assert crashed.claim()
    crashed.server.close()  # the socket is gone but nobody answers: like a killed process
    assert SingleInstance(name).claim()


def test_the_name_is_per_profile_and_stable(tmp_path):
    assert server_name() == server_name()
    assert server_name().startswith("Loket-") and len(server_name()) < 40
    assert server_name(tmp_path / "a") == server_name(tmp_path / "b" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_another_user_name_on_the_same_profile_is_the_same_loket(tmp_path):
    """``USER=kasir2`` must not open a second GUI over the journal the first one writes."""
    code = "import sys; from ui.single_instance import server_name; print(server_name(sys.argv[1]))"
    names = {subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "USER": user, "LOGNAME": user, "USERNAME": user},
                            check=True).stdout.strip() for user in ("kasir1", "kasir2")}
    assert len(names) == 1
