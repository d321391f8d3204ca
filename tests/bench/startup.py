"""Startup time: process start -> login window shown, beside a bare PySide6 window.

    .venv/bin/python tests/bench/startup.py [--runs N]

Both are started the same way (a fresh ``python`` subprocess, same platform plugin) in the
same run; each child prints when its window has been shown (after ``show()`` and one turn
of the event loop) and quits. The wall time is measured here, from just before the
subprocess is spawned to the moment its line arrives. Target: ratio <= 1.3.
Uses ``offscreen`` unless a display is present (run under Xvfb for a real X server).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def timed(command: list[str], env: dict[str, str], marker: str) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if marker in line:
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit(f"{command} never reported its window: {process.stderr.read()}")
    process.wait(timeout=60)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "LOKET_EXIT_WHEN_SHOWN": "1", "PYTHONDONTWRITEBYTECODE": "0"}
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="loket-bench-") as profile:
        loket_cmd = [sys.executable, "-m", "app", "--profile", profile]
        bare_cmd = [sys.executable, "-c", BARE]
        timed(loket_cmd, env, "login window shown")  # warm the disk cache and .pyc files
        timed(bare_cmd, env, "shown")
        loket, bare = [], []
        for _ in range(args.runs):
            bare.append(timed(bare_cmd, env, "shown"))
            loket.append(timed(loket_cmd, env, "login window shown"))
    loket_median, bare_median = statistics.median(loket), statistics.median(bare)
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'native display')}, runs: {args.runs} (median)")
    print(f"bare PySide6 window : {bare_median * 1000:7.0f} ms   {[round(t * 1000) for t in bare]}")
    print(f"Loket login window  : {loket_median * 1000:7.0f} ms   {[round(t * 1000) for t in loket]}")
    ratio = loket_median / bare_median
    print(f"ratio               : {ratio:7.2f}   (target <= 1.3: {'met' if ratio <= 1.3 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
