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
import threading
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

SERVICE = "Loket"


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
            key = Fernet.generate_key()
            fd = os.open(self._key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
        return Fernet(self._key_path.read_bytes())

    def _read(self) -> dict[str, str]:
        if not self._data_path.exists():
            return {}
        try:
            return json.loads(self._fernet().decrypt(self._data_path.read_bytes()))
        except InvalidToken as exc:
            raise RuntimeError("the secrets file cannot be decrypted with this profile's key") from exc

    def _write(self, data: dict[str, str]) -> None:
        token = self._fernet().encrypt(json.dumps(data).encode("utf-8"))
        tmp = self._data_path.with_suffix(".tmp")
        tmp.write_bytes(token)
        os.replace(tmp, self._data_path)


def _usable_keyring():
    """The keyring module if a real OS backend is configured, else None (CI, bare Linux)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or "chainer" in type(backend).__name__.lower() and not getattr(backend, "backends", None):
            return None
        if getattr(backend, "priority", 0) <= 0:
            return None
        return keyring
    except Exception:
        return None
