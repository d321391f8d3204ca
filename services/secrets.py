"""Secrets at rest: X-Auth passwords, client secrets, private keys.

Stored in the operating system's credential store through ``keyring`` (Windows
Credential Manager on the kiosks) when one is usable; otherwise in an encrypted file in
the profile (Fernet, AES-128-CBC + HMAC-SHA256) whose key sits in a separate file readable
only by the user. Never in ``settings.json``. PINs are not secrets to keep: they are never
stored at all.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from services.files import sync_folder, write_atomically
from services.i18n import QT_TRANSLATE_NOOP
from services.profile import ProfileDamaged

SERVICE = "Loket"

_SECRETS_HELP = QT_TRANSLATE_NOOP(
    "errors", "Kembalikan file secrets.key dan secrets.bin dari cadangan folder profil, lalu buka Loket lagi. "
              "Tanpa cadangan: hubungi helpdesk; supervisor harus memasukkan ulang kata sandi host dan kunci "
              "di Pengaturan. Jangan menghapus file apa pun sendiri.")


class SecretsDamaged(ProfileDamaged):
    """The encrypted secrets cannot be read: their key is gone, or the file is not one Loket wrote.

    Never answered by making a new key: that would silently throw away every stored secret
    (and a new key beside the old file proves nothing about who wrote it)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message, path=path, todo=_SECRETS_HELP)


class SecretStore:
    """get/set/delete by name, scoped to one profile folder."""

    def __init__(self, folder: Path, *, use_keyring: bool | None = None) -> None:
        self.folder = Path(folder)
        self._scope = f"{SERVICE}:{self.folder.resolve()}"
        self._lock = threading.Lock()
        self._keyring = _usable_keyring() if use_keyring is None else (_usable_keyring() if use_keyring else None)

    @property
    def backend(self) -> str:
        return "keyring" if self._keyring else "encrypted-file"

    # -- public API ------------------------------------------------------------------
    def get(self, name: str) -> str | None:
        if self._keyring:
            return self._keyring.get_password(self._scope, name)
        return self._read().get(name)

    def set(self, name: str, value: str) -> None:
        if self._keyring:
            self._keyring.set_password(self._scope, name, value)
            return
        with self._lock:
            data = self._read()
            data[name] = value
            self._write(data)

    def delete(self, name: str) -> None:
        if self._keyring:
            try:
                self._keyring.delete_password(self._scope, name)
            except Exception:  # keyring raises PasswordDeleteError when absent
                pass
            return
        with self._lock:
            data = self._read()
            data.pop(name, None)
            self._write(data)

    # -- encrypted file backend ------------------------------------------------------
    @property
    def _key_path(self) -> Path:
        return self.folder / "secrets.key"

    @property
    def _data_path(self) -> Path:
        return self.folder / "secrets.bin"

    def _fernet(self) -> Fernet:
        if not self._key_path.exists():
            if self._data_path.exists():
                raise SecretsDamaged(QT_TRANSLATE_NOOP(
                    "errors", "Kunci penyimpanan rahasia (secrets.key) hilang dari folder profil, sehingga kata "
                              "sandi dan kunci host yang tersimpan tidak dapat dibuka."), self._key_path)
            key = Fernet.generate_key()
            fd = os.open(self._key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
                fh.flush()
                os.fsync(fh.fileno())  # on the disk before any secret is encrypted with it
            sync_folder(self.folder)
        try:
            return Fernet(self._key_path.read_bytes())
        except ValueError:
            raise SecretsDamaged(QT_TRANSLATE_NOOP(
                "errors", "Kunci penyimpanan rahasia (secrets.key) rusak."), self._key_path) from None

    def check(self) -> None:
        """At start: the stored secrets can be opened (raises ``SecretsDamaged``)."""
        if not self._keyring:
            self._read()

    def _read(self) -> dict[str, str]:
        if not self._data_path.exists():
            return {}
        try:
            data = json.loads(self._fernet().decrypt(self._data_path.read_bytes()))
        except (InvalidToken, ValueError) as exc:
            raise SecretsDamaged(QT_TRANSLATE_NOOP(
                "errors", "File rahasia (secrets.bin) rusak atau tidak cocok dengan kuncinya (secrets.key)."),
                self._data_path) from exc
        if not isinstance(data, dict):
            raise SecretsDamaged(QT_TRANSLATE_NOOP("errors", "File rahasia (secrets.bin) rusak."), self._data_path)
        return data

    def _write(self, data: dict[str, str]) -> None:
        """Atomic and durable (``services.files``): a power cut leaves the old secrets or the new."""
        write_atomically(self._data_path, self._fernet().encrypt(json.dumps(data).encode("utf-8")))


def _backend_class():
    """The keyring backend class of this platform's credential store, or None.

    Decision: named here rather than found by keyring's discovery (``keyring.get_keyring``),
    which imports every backend it ships and reads every installed package's entry points
    (about 4 MiB held all day, for a choice that is known in advance): Windows Credential
    Manager on Windows (the kiosks; the Windows CI stage checks that secrets land there), the
    Keychain on macOS, and the Secret Service on Linux when a D-Bus session bus is there to
    reach it. Without one, no keyring module is imported at all. The imports are written out
    so that PyInstaller's analysis sees the Windows backend."""
    if sys.platform == "win32":
        from keyring.backends.Windows import WinVaultKeyring

        return WinVaultKeyring
    if sys.platform == "darwin":
        from keyring.backends.macOS import Keyring as Keychain

        return Keychain
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        from keyring.backends.SecretService import Keyring as SecretService

        return SecretService
    return None


def _usable_keyring():
    """This platform's credential store if it is usable here, else None (CI, bare Linux)."""
    try:
        backend = _backend_class()
        if backend is None or backend.priority <= 0:  # priority raises when its library or service is missing
            return None
        return backend()
    except Exception:
        return None
