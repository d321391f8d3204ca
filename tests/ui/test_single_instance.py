"""One Loket per profile: a second start tells the first to come forward and exits with 0."""

from __future__ import annotations

import os
import subprocess
import sys
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
CRASHING = """
import os, signal, sys
from PySide6.QtWidgets import QApplication
from ui.single_instance import SingleInstance
app = QApplication([])
instance = SingleInstance(sys.argv[1])
assert instance.claim()
os.kill(os.getpid(), signal.SIGKILL)  # no clean-up at all: the lock file and the socket stay
"""


def test_second_instance_in_the_same_process_signals_the_first(qtbot, tmp_path):
    first = SingleInstance(tmp_path)
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=5_000):
            assert not SingleInstance(tmp_path).claim()
    finally:
        first.close()


def test_a_second_start_before_the_first_listens_waits_for_it(qtbot, tmp_path):
    """The first holds the lock from before its window and listens only after it: a second
    start in between keeps asking instead of opening the same journal."""
    first = SingleInstance(tmp_path)
    assert not first.signal_running()  # took the lock, not listening yet
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    try:
        process = subprocess.Popen([sys.executable, "-c", SECOND, str(tmp_path)], cwd=ROOT, env=env)
        qtbot.wait(1_500)  # the second has started and is asking
        assert process.poll() is None
        with qtbot.waitSignal(first.activate_requested, timeout=10_000):
            first.listen()
        assert process.wait(timeout=20) == 0
    finally:
        first.close()


def test_second_loket_process_exits_0_and_the_first_comes_forward(qtbot, tmp_path):
    name = str(tmp_path)
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


def test_the_lock_and_socket_left_by_a_killed_loket_are_taken_over(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", CRASHING, str(tmp_path)], cwd=ROOT, env=env, timeout=60)
    assert killed.returncode == -9 and (tmp_path / "loket.lock").exists()
    after = SingleInstance(tmp_path)
    try:
        assert after.claim() and after.server is not None
    finally:
        after.close()


def test_a_profile_whose_lock_cannot_be_written_is_not_taken_for_a_running_loket(tmp_path):
    """A folder that cannot be written is the start-up's to explain, not "already running"."""
    missing = tmp_path / "not-there"
    assert not SingleInstance(missing).signal_running()


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
