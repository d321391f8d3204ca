"""Set up Loket on a fresh machine that has only Python 3.11+, then run it or its tests.

    python3 .dev/bootstrap.py run    # venv + dependencies, then the app in sandbox mode
    python3 .dev/bootstrap.py test   # venv + test dependencies, then the whole test suite
    python3 .dev/bootstrap.py lint   # venv + test dependencies, then ruff and mypy (pyproject.toml)

Creates ``.venv`` beside the project (once), installs the project with its test extra
into it, and on Debian/Ubuntu installs the system libraries Qt and the tests need when
they are missing and we are root (otherwise it prints the one apt-get line to run).
Extra arguments after ``run`` go to the app; after ``test`` to pytest; ``lint`` takes none.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
IS_WINDOWS = sys.platform == "win32"
PY = VENV / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")

# Debian packages: what Qt needs to draw (offscreen and on a real X display), and the
# tools the tests use to look at what Loket produces (pdftotext for receipts and reports).
APT_ALWAYS = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "fonts-dejavu-core",
              "poppler-utils"]
APT_DISPLAY = ["libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
               "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "libxcb-xinerama0"]
# The office tests start a throwaway PostgreSQL of their own (services/office/localpg.py):
# they need the server's binaries (initdb, pg_ctl), not a running service. One UI test starts
# its own X server (Xvfb) and runs Qt's xcb platform on it, which needs the display libraries
# (tests/ui/test_window_activation_x11.py: which window has the keyboard after a switch).
APT_TEST = ["postgresql", "xvfb", *APT_DISPLAY]


def say(message: str) -> None:
    print(f"[loket] {message}", flush=True)


def ensure_system_packages(packages: list[str]) -> None:
    if sys.platform != "linux" or not shutil.which("dpkg-query"):
        return
    missing = []
    for name in packages:
        probe = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "install ok installed" not in probe.stdout:
            missing.append(name)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        say("Loket needs these system packages; run once:  sudo apt-get install -y " + " ".join(missing))
        return
    say("installing system packages: " + " ".join(missing))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(command, env=env).returncode != 0:
        # stale package lists: read them again (twice more if a mirror caught mid-sync fails
        # one of them; the others may still hold every package)
        for attempt in range(3):
            if subprocess.run(["apt-get", "update"], env=env).returncode == 0:
                break
            time.sleep(30 if attempt < 2 else 0)
        subprocess.run(command, env=env, check=True)


def ensure_venv() -> None:
    if not PY.exists():
        say(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".loket-installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say("installing Loket and its dependencies into .venv")
    pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test,build]"], check=True)
    stamp.write_text(digest)


def run_app(extra: list[str]) -> int:
    if sys.platform == "linux" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        say("no display found: starting offscreen would show nothing. Set DISPLAY (or run under Xvfb).")
    # Sandbox mode whatever the profile's settings say (a developer's profile may have been
    # switched to live): ``--live`` among the arguments is the one way to the live hosts.
    mode = [] if "--live" in extra or "--sandbox" in extra else ["--sandbox"]
    return subprocess.call([str(PY), "-m", "app", *mode, *extra], cwd=ROOT)


def run_tests(extra: list[str]) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.call([str(PY), "-m", "pytest", "-q", *extra], cwd=ROOT, env=env)


def run_lint() -> int:
    """ruff and mypy as pyproject.toml configures them; the first that fails fails the stage."""
    for tool in (["ruff", "check", "."], ["mypy"]):
        say(" ".join(tool))
        if subprocess.call([str(PY), "-m", *tool], cwd=ROOT) != 0:
            return 1
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "lint"):
        print(__doc__)
        return 2
    command, extra = argv[0], argv[1:]
    if sys.version_info < (3, 11):
        say("Loket needs Python 3.11 or newer")
        return 2
    if command == "lint":
        ensure_venv()
        return run_lint()
    ensure_system_packages(APT_ALWAYS + (APT_DISPLAY if command == "run" else APT_TEST))
    ensure_venv()
    return run_app(extra) if command == "run" else run_tests(extra)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
