"""The agent's profile: settings, secrets and the journal, in one folder.

By default the folder is the user's application-data folder (``%APPDATA%\\Loket`` on
Windows, ``$XDG_DATA_HOME/loket`` elsewhere); ``--profile DIR`` overrides it, which is
what tests, support and a second training profile use. Settings are plain JSON and hold
nothing secret; secrets go through ``services.secrets``.

Sandbox is the default: the profile runs against the built-in simulated hosts until a
supervisor sets Koneksi Host to live mode (``"mode": "live"`` in the settings; ``--live``
for one run). A live host whose address or credentials are missing is then not configured,
and its screens say so. The sandbox keeps its journal and what goes with it in a
``sandbox/`` sub-folder (``data_folder``), apart from the live day.

The mode is stored only once chosen (Koneksi Host writes it, sandbox or live): it is not a
default that a lost file falls back to. A profile that has run live (its live journal is
there) whose settings name no mode lost them (deleted, emptied and renamed away, reset):
falling back to the sandbox made the counter take customers' cash against the simulator
with its example credentials on the login window, a small SANDBOX badge the only sign.
That profile is ``ProfileDamaged`` (``MODE_LOST``); ``--sandbox`` starts the simulator for
one run on purpose (a supervisor reaching Koneksi Host to enter the live settings again).

A profile Loket cannot use (settings that are not a JSON object, a folder it cannot write)
raises ``ProfileDamaged``, which says what is wrong and what to do; the start-up window
shows it (the windowed build has no console for a traceback).

Permissions: on POSIX the folder and its sub-folders are 0700 and its files 0600
(``tighten``), whatever the umask. On Windows the folder under ``%APPDATA%`` inherits that
folder's ACL, which already grants only the user, SYSTEM and administrators; Loket adds
nothing there.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from services.errors import LoketError
from services.i18n import QT_TRANSLATE_NOOP, templated

DEFAULT_SETTINGS: dict[str, Any] = {
    # no "mode": absent means never chosen (a fresh profile: sandbox), see is_sandbox
    "language": "id",
    # Live addresses are configuration only, typed in Koneksi Host; nothing in Loket's tests
    # ever contacts them. None is a default: Bank+'s here was its document's "Development"
    # address (apidev.bankplus.id), shown filled in, so a counter switched to live without
    # typing Bank+'s own, or started with --live on lost settings, took real cash against
    # the bank's development platform.
    "hosts": {},
    "limits": {
        "deposit": {"min": 10_000, "max": 20_000_000},
        "transfer": {"min": 10_000, "max": 25_000_000},
        "open_account_deposit": {"min": 0, "max": 20_000_000},
        "bill": {"min": 1_000, "max": 20_000_000},  # a typed bill amount the bank does not bound
    },
    "idle_lock_minutes": 5,
    # Receipts (services/receipts/settings.py). No printer until one is set up: every receipt
    # is saved as a PDF. The footer's default lives with the receipt model (DEFAULT_FOOTER);
    # importing it here would load reportlab before the login window.
    "printer": {"connection": "pdf", "paper_mm": 58, "preview_first": False},
}


class SettingsNotSaved(LoketError):
    """settings.json could not be written (a full disk, a read-only folder or file); the old
    file is unchanged."""


NOT_SAVED = QT_TRANSLATE_NOOP(
    "errors", "Pengaturan tidak dapat disimpan ({error}): disk penuh, atau folder profil atau settings.json "
              "hanya-baca. Pengaturan yang lama tetap berlaku; minta helpdesk memeriksa disk komputer ini.")


class ProfileDamaged(LoketError):
    """A file or folder of the profile that Loket cannot use. ``todo`` says what to do."""

    default_todo = QT_TRANSLATE_NOOP("errors", "Hubungi helpdesk dan sebutkan pesan ini. Jangan menghapus file "
                                               "apa pun di folder profil.")

    def __init__(self, message: str, *, path: Path | str | None = None, todo: str = "") -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None
        self.todo = todo or self.default_todo


SETTINGS_HELP = QT_TRANSLATE_NOOP(
    "errors", "Tutup Loket, lalu minta helpdesk memperbaiki settings.json di folder profil, atau ganti namanya "
              "(misalnya settings.rusak.json) agar Loket memakai pengaturan bawaan; pengaturan host dan printer "
              "harus diatur ulang.")
MODE_LOST = QT_TRANSLATE_NOOP(
    "errors", "Komputer ini pernah memakai Loket dalam mode live (jurnal live ada di folder profil), tetapi "
              "settings.json tidak lagi menyebut mode live atau sandbox: file itu hilang, dikosongkan atau "
              "diganti. Loket tidak dimulai agar uang nasabah tidak diterima untuk bank simulasi (sandbox).")
MODE_LOST_HELP = QT_TRANSLATE_NOOP(
    "errors", "Jangan menghapus file apa pun di folder profil; hubungi helpdesk. Helpdesk: kembalikan settings.json "
              "dari cadangan, lalu buka Loket lagi. Tanpa cadangan: buka Loket sekali dengan --sandbox, minta "
              "supervisor mengisi ulang Pengaturan > Koneksi Host dan memilih mode Live, lalu buka Loket lagi.")
FOLDER_HELP = QT_TRANSLATE_NOOP(
    "errors", "Loket harus dapat menulis di folder profilnya. Periksa bahwa disk tidak penuh dan folder tidak "
              "hanya-baca (read-only), atau minta helpdesk memperbaiki izin foldernya.")


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
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise ProfileDamaged(templated(QT_TRANSLATE_NOOP("errors",
                                                             "Folder profil {folder} tidak dapat dibuat ({error})."),
                                           folder=str(self.folder), error=exc.strerror or str(exc)),
                                 path=self.folder, todo=FOLDER_HELP) from None
        self._lock = threading.Lock()

    def check_writable(self) -> None:
        """Raise ``ProfileDamaged`` unless a file can be created in the folder (read-only
        folder or disk, full disk): found at start rather than at the first payment."""
        probe = self.folder / f".loket-write-test-{os.getpid()}"
        try:
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, b"ok")
                os.fsync(fd)
            finally:
                os.close(fd)
            probe.unlink()
        except OSError as exc:
            raise ProfileDamaged(templated(QT_TRANSLATE_NOOP("errors", "Loket tidak dapat menulis di folder profil "
                                                                       "{folder} ({error})."),
                                           folder=str(self.folder), error=exc.strerror or str(exc)),
                                 path=self.folder, todo=FOLDER_HELP) from None

    def tighten(self) -> None:
        """POSIX: folders 0700 and files 0600 throughout the profile (the journal, its WAL,
        the logs and receipts are created under the process's umask). Windows: nothing."""
        if os.name != "posix":
            return
        _chmod(self.folder, 0o700)
        for root, dirs, files in os.walk(self.folder):
            for name in dirs:
                _chmod(Path(root) / name, 0o700)
            for name in files:
                _chmod(Path(root) / name, 0o600)

    @property
    def settings_path(self) -> Path:
        return self.folder / "settings.json"

    def data_folder(self, sandbox: bool) -> Path:
        """Where one mode keeps what its transactions leave: the journal (and its mark), the
        transaction PINs learned, the Buka Rekening picture copies for the partner's upload,
        the office outbox's place, the receipt PDFs and slips (``receipts_for``). Live: the
        profile's folder. Sandbox: ``sandbox/`` inside it. One journal for both made a training
        deposit a row of the live day (its Laporan Z, its office copy, its pictures among the
        real customers' for upload) once the profile was switched to live, and pushed drills to
        the partner's office; one receipts folder left the drills' SANDBOX receipts among the
        real customers' for the agent to find, send or print again. Settings, secrets and logs
        stay shared."""
        if not sandbox:
            return self.folder
        path = self.folder / "sandbox"
        path.mkdir(exist_ok=True, mode=0o700)
        return path

    def journal_for(self, sandbox: bool) -> Path:
        return self.data_folder(sandbox) / "journal.db"

    @property
    def journal_path(self) -> Path:
        """The journal of the mode the settings name: the one the support commands read."""
        return self.journal_for(self.is_sandbox())

    @property
    def logs_dir(self) -> Path:
        path = self.folder / "logs"
        path.mkdir(exist_ok=True, mode=0o700)
        return path

    @property
    def cache_dir(self) -> Path:
        """Rebuildable files (python-escpos' parsed printer database): safe to delete."""
        path = self.folder / "cache"
        path.mkdir(exist_ok=True, mode=0o700)
        return path

    def receipts_for(self, sandbox: bool) -> Path:
        """Where one mode's receipt PDFs and slips go when they are not printed (PDF mode, or
        the printer failed): ``receipts/`` in the mode's ``data_folder``."""
        path = self.data_folder(sandbox) / "receipts"
        path.mkdir(exist_ok=True, mode=0o700)
        return path

    def load_settings(self) -> dict[str, Any]:
        try:
            stored = json.loads(self.settings_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            stored = {}
        except (ValueError, UnicodeDecodeError):
            raise ProfileDamaged(QT_TRANSLATE_NOOP("errors", "File pengaturan (settings.json) rusak: isinya bukan "
                                                             "pengaturan yang dapat dibaca."),
                                 path=self.settings_path, todo=SETTINGS_HELP) from None
        except OSError as exc:
            raise ProfileDamaged(templated(QT_TRANSLATE_NOOP("errors", "File pengaturan (settings.json) tidak dapat "
                                                                       "dibaca ({error})."),
                                           error=exc.strerror or str(exc)),
                                 path=self.settings_path, todo=FOLDER_HELP) from None
        if not isinstance(stored, dict):
            raise ProfileDamaged(QT_TRANSLATE_NOOP("errors", "File pengaturan (settings.json) rusak: isinya bukan "
                                                             "pengaturan yang dapat dibaca."),
                                 path=self.settings_path, todo=SETTINGS_HELP)
        # A fresh copy: callers may mutate what they get. A JSON round trip rather than
        # copy.deepcopy: `copy` is not otherwise loaded before the login window, and its import
        # looks for Jython's org.python.core, a failed import that costs ~10 ms frozen under Wine.
        return _merge(json.loads(json.dumps(DEFAULT_SETTINGS)), stored)

    def save_settings(self, settings: dict[str, Any]) -> None:
        """Atomic and durable (``services.files``): a power cut leaves the old file or the
        new one, never half. A disk that refuses the write (full, read-only) raises
        ``SettingsNotSaved`` and leaves the old file as it was."""
        from services.files import write_atomically  # only a save writes: not before the login window

        data = json.dumps(_diff(settings, DEFAULT_SETTINGS), indent=2, ensure_ascii=False).encode("utf-8")
        with self._lock:
            try:
                write_atomically(self.settings_path, data)
            except OSError as exc:
                raise SettingsNotSaved(templated(NOT_SAVED, error=exc.strerror or str(exc))) from exc

    def has_run_live(self) -> bool:
        """The live journal is there, or its mark (``services/journal/integrity.py`` names it
        ``<journal>.mark.json``): Loket has started in live mode with this profile."""
        journal = self.journal_for(sandbox=False)
        return journal.exists() or journal.with_suffix(".mark.json").exists()

    def is_sandbox(self, settings: dict[str, Any] | None = None, *, live: bool = False,
                   sandbox: bool = False) -> bool:
        """The mode to run in: ``sandbox`` or ``live`` (the command line's ``--sandbox``,
        ``--live``) for one run, else the settings' ``mode`` (sandbox when never chosen).
        Raises ``ProfileDamaged`` (``MODE_LOST``) when the settings name no mode on a
        profile that has run live, unless ``sandbox`` asks for the simulator on purpose:
        ``--live`` there would start with the default addresses, not the lost ones."""
        if live and sandbox:
            raise ValueError("live and sandbox at once")
        if sandbox:
            return True
        settings = settings if settings is not None else self.load_settings()
        mode = settings.get("mode")
        if mode is None and self.has_run_live():
            raise ProfileDamaged(MODE_LOST, path=self.settings_path, todo=MODE_LOST_HELP)
        return not live and mode != "live"


def _chmod(path: Path, mode: int) -> None:
    try:
        st = path.lstat()
        if not os.path.islink(path) and st.st_uid == os.getuid() and st.st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # a file that vanished meanwhile, or one we do not own: nothing to tighten
