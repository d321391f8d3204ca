"""Startup time: process start -> login window shown, beside a bare PySide6 window.

    .venv/bin/python tests/bench/startup.py [--runs N]

Both are started the same way (a fresh ``python`` subprocess, same platform plugin) in the
same run; each child prints when its window has been shown (after ``show()`` and one turn
of the event loop) and quits. The wall time is measured here, from just before the
subprocess is spawned to the moment its line arrives. Target: ratio <= 1.3. Each child
also reports the CPU time it had spent by then, printed as a second ratio that a shared,
loaded machine blurs less.
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
import time
QTimer.singleShot(0, lambda: (print(f"shown, cpu {time.process_time():.3f} s", flush=True), app.quit()))
app.exec()
"""


def timed(command: list[str], env: dict[str, str], marker: str) -> tuple[float, float]:
    """Wall seconds from spawn to the child's line, and the CPU seconds the child reports."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if marker in line:
            elapsed = time.perf_counter() - start
            cpu = float(line.rsplit("cpu", 1)[1].split()[0])
            break
    else:
        raise SystemExit(f"{command} never reported its window: {process.stderr.read()}")
    process.wait(timeout=60)
    return elapsed, cpu


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
        runs: dict[str, list[tuple[float, float]]] = {"bare": [], "loket": []}
        for _ in range(args.runs):
            runs["bare"].append(timed(bare_cmd, env, "shown"))
            runs["loket"].append(timed(loket_cmd, env, "login window shown"))
    bare, loket = ([wall for wall, _cpu in runs[k]] for k in ("bare", "loket"))
    bare_cpu, loket_cpu = (statistics.median(cpu for _wall, cpu in runs[k]) for k in ("bare", "loket"))
    loket_median, bare_median = statistics.median(loket), statistics.median(bare)
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'native display')}, runs: {args.runs} (median)")
    print(f"bare PySide6 window : {bare_median * 1000:7.0f} ms   {[round(t * 1000) for t in bare]}")
    print(f"Loket login window  : {loket_median * 1000:7.0f} ms   {[round(t * 1000) for t in loket]}")
    ratio = loket_median / bare_median
    print(f"ratio               : {ratio:7.2f}   (target <= 1.3: {'met' if ratio <= 1.3 else 'NOT met'})")
    # CPU seconds up to the window: what a loaded machine's waiting for a core does not blur.
    print(f"CPU until shown     : bare {bare_cpu * 1000:.0f} ms, Loket {loket_cpu * 1000:.0f} ms, "
          f"ratio {loket_cpu / bare_cpu:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
