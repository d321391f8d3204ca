"""The agent's profile: settings, secrets and the journal, in one folder.

By default the folder is the user's application-data folder (``%APPDATA%\\Loket`` on
Windows, ``$XDG_DATA_HOME/loket`` elsewhere); ``--profile DIR`` overrides it, which is
what tests, support and a second training profile use. Settings are plain JSON and hold
nothing secret; secrets go through ``services.secrets``.

Sandbox is the default: the profile runs against the built-in simulated hosts until a
supervisor has configured live hosts *and* their credentials.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

DEFAULT_SETTINGS: dict[str, Any] = {
    "mode": "sandbox",  # "sandbox" | "live"
    "language": "id",
    "hosts": {
        # Live addresses are configuration only; nothing in Loket's tests ever contacts them.
        "bankplus": {"base_url": "https://apidev.bankplus.id"},
    },
    "limits": {
        "deposit": {"min": 10_000, "max": 20_000_000},
        "transfer": {"min": 10_000, "max": 25_000_000},
        "open_account_deposit": {"min": 0, "max": 20_000_000},
    },
    "idle_lock_minutes": 5,
    # Receipts (services/receipts/settings.py). No printer until one is set up: every receipt
    # is saved as a PDF. The footer's default lives with the receipt model (DEFAULT_FOOTER);
    # importing it here would load reportlab before the login window.
    "printer": {"connection": "pdf", "paper_mm": 58, "preview_first": False},
}


def default_profile_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "Loket"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Loket"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "loket"


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _diff(settings: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """What differs from the defaults: only that is stored, so a later Loket's new
    defaults reach profiles that never chose otherwise."""
    out: dict[str, Any] = {}
    for key, value in settings.items():
        base = defaults.get(key)
        if isinstance(value, dict) and isinstance(base, dict):
            nested = _diff(value, base)
            if nested:
                out[key] = nested
        elif key not in defaults or value != base:
            out[key] = value
    return out


class Profile:
    """One profile folder. Cheap to construct; creates the folder on first use."""

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder else default_profile_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    @property
    def settings_path(self) -> Path:
        return self.folder / "settings.json"

    @property
    def journal_path(self) -> Path:
        return self.folder / "journal.db"

    @property
    def logs_dir(self) -> Path:
        path = self.folder / "logs"
        path.mkdir(exist_ok=True)
        return path

    @property
    def cache_dir(self) -> Path:
        """Rebuildable files (python-escpos' parsed printer database): safe to delete."""
        path = self.folder / "cache"
        path.mkdir(exist_ok=True)
        return path

    @property
    def receipts_dir(self) -> Path:
        path = self.folder / "receipts"
        path.mkdir(exist_ok=True)
        return path

    def load_settings(self) -> dict[str, Any]:
        try:
            stored = json.loads(self.settings_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            stored = {}
        return _merge(copy.deepcopy(DEFAULT_SETTINGS), stored)  # callers may mutate what they get

    def save_settings(self, settings: dict[str, Any]) -> None:
        """Atomic write: a power cut leaves the old file or the new one, never half."""
        with self._lock:
            tmp = self.settings_path.with_suffix(".tmp")
            stored = _diff(settings, DEFAULT_SETTINGS)
            tmp.write_text(json.dumps(stored, indent=2, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.settings_path)

    def is_sandbox(self, settings: dict[str, Any] | None = None) -> bool:
        settings = settings or self.load_settings()
        return settings.get("mode", "sandbox") != "live"
